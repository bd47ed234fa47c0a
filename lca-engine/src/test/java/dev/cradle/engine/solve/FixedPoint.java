package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/**
 * A matrix-free route to {@code A·x = b} and {@code Aᵀ·y = c} for tests, independent of any
 * factorisation: with {@code A = (I − M)·D} (D the diagonal, {@code M[i][j] = −A[i][j]/A[j][j]}, what one
 * unit of j needs of i), {@code x = D⁻¹·(b + M·(D·x))} is iterated on the exchange records; it converges
 * when the loops' gains are below 1 (geometrically, at the largest gain) and, for non-negative M and b,
 * adds only non-negative terms, so every component is accurate to a few ε relative to itself.
 */
final class FixedPoint {
    private FixedPoint() {
    }

    /** x with A·x = b: u = D·x satisfies u = b + M·u. */
    static double[] solve(DMatrixSparseCSC a, double[] b) {
        int n = a.numCols;
        double[] diag = diagonal(a);
        double[] u = b.clone();
        for (int iter = 0; iter < 10_000; iter++) {
            double[] next = b.clone();
            for (int j = 0; j < n; j++) {
                for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                    int i = a.nz_rows[p];
                    if (i != j) {
                        next[i] += -a.nz_values[p] / diag[j] * u[j];
                    }
                }
            }
            boolean same = converged(next, u);
            u = next;
            if (same) {
                break;
            }
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = u[j] / diag[j];
        }
        return x;
    }

    /** y with Aᵀ·y = c: Aᵀ = D·(I − Mᵀ), so y = D⁻¹·c + Mᵀ·y. */
    static double[] solveTransposed(DMatrixSparseCSC a, double[] c) {
        int n = a.numCols;
        double[] diag = diagonal(a);
        double[] y = new double[n];
        for (int iter = 0; iter < 10_000; iter++) {
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                double acc = c[j] / diag[j];
                for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                    int i = a.nz_rows[p];
                    if (i != j) {
                        acc += -a.nz_values[p] / diag[j] * y[i];
                    }
                }
                next[j] = acc;
            }
            boolean same = converged(next, y);
            y = next;
            if (same) {
                break;
            }
        }
        return y;
    }

    /** Every component changed by at most 2ε of itself (or of the largest, for near-zero ones). */
    private static boolean converged(double[] next, double[] prev) {
        double size = 0;
        for (double v : next) {
            size = Math.max(size, Math.abs(v));
        }
        for (int i = 0; i < next.length; i++) {
            if (Math.abs(next[i] - prev[i]) > 2 * Math.ulp(1.0) * Math.max(Math.abs(next[i]), 1e-6 * size)) {
                return false;
            }
        }
        return true;
    }

    private static double[] diagonal(DMatrixSparseCSC a) {
        double[] d = new double[a.numCols];
        for (int j = 0; j < d.length; j++) {
            d[j] = a.get(j, j);
        }
        return d;
    }
}
