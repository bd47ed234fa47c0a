package dev.cradle.engine.solve;

import java.util.function.UnaryOperator;

/**
 * Estimates {@code ‖A⁻¹‖₁} from a handful of solves with A and Aᵀ, without forming A⁻¹: Hager's
 * method as refined by Higham (N. J. Higham, "FORTRAN codes for estimating the one-norm of a real or
 * complex matrix, with applications to condition estimation", ACM TOMS 14(4), 1988, Algorithm 4.1;
 * LAPACK's {@code dlacon}). The estimate is a lower bound, in practice within a factor of 3.
 */
public final class ConditionEstimator {
    private static final int MAX_ITERATIONS = 5;

    private ConditionEstimator() {
    }

    /**
     * @param n              order of A
     * @param solve          x ↦ A⁻¹·x
     * @param solveTransposed x ↦ A⁻ᵀ·x
     * @return an estimate of ‖A⁻¹‖₁ (non-finite when a solve overflows)
     */
    public static double inverseNorm1(int n, UnaryOperator<double[]> solve, UnaryOperator<double[]> solveTransposed) {
        if (n == 0) {
            return 0;
        }
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        double[] y = solve.apply(x);
        double est = norm1(y);
        if (n == 1 || !Double.isFinite(est)) {
            return est;
        }
        double[] xi = signs(y);
        double[] z = solveTransposed.apply(xi);
        for (int iter = 1; iter < MAX_ITERATIONS; iter++) {
            int j = argMaxAbs(z);
            double zx = 0;
            for (int i = 0; i < n; i++) {
                zx += z[i] * x[i];
            }
            if (Math.abs(z[j]) <= zx) {
                break;
            }
            x = new double[n];
            x[j] = 1;
            y = solve.apply(x);
            double next = norm1(y);
            double[] nextSigns = signs(y);
            if (java.util.Arrays.equals(nextSigns, xi) || next <= est) {
                est = Math.max(est, next);
                break;
            }
            est = next;
            xi = nextSigns;
            z = solveTransposed.apply(xi);
        }
        // Higham's extra vector guards against the worst cases of the power method
        double[] alt = new double[n];
        for (int i = 0; i < n; i++) {
            alt[i] = (i % 2 == 0 ? 1 : -1) * (1 + (double) i / (n - 1));
        }
        double altEst = 2 * norm1(solve.apply(alt)) / (3.0 * n);
        return Math.max(est, altEst);
    }

    /** ‖A‖₁, the largest column sum of magnitudes, of a CSC matrix. */
    public static double norm1(org.ejml.data.DMatrixSparseCSC a) {
        double best = 0;
        for (int j = 0; j < a.numCols; j++) {
            double s = 0;
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                s += Math.abs(a.nz_values[p]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    private static double norm1(double[] v) {
        double s = 0;
        for (double d : v) {
            s += Math.abs(d);
        }
        return s;
    }

    private static double[] signs(double[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] >= 0 ? 1 : -1;
        }
        return s;
    }

    private static int argMaxAbs(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }
}
