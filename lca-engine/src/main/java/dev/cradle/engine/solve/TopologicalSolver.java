package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * Solves an acyclic technosphere by substitution in topological order, O(non-zeros): each column's
 * scaling is {@code s_i = (f_i − Σ_{j≠i} A[i][j]·s_j) / A[i][i]} once all its consumers j are known.
 * This is the common AI case (hardware → datacenter → workload, no loop back). The adjoint
 * {@code Aᵀ·y = c} runs the same order backwards. Like every solve, each answer's residual is checked
 * ({@link CheckedFactorization}). The condition estimate is 1: substitution is componentwise backward
 * stable, and the optimally scaled condition number of a triangular system
 * ({@code ρ(|A⁻¹|·|A|)}, Bauer 1966) is 1, whatever the units.
 */
public final class TopologicalSolver implements Solver {

    @Override
    public Factorization factorize(DMatrixSparseCSC a) {
        int[] order = new ProcessGraph(a).consumersFirstOrder();
        if (order == null) {
            throw new IllegalArgumentException("the technosphere has a cycle; use the sparse LU solver");
        }
        return factorize(a, order);
    }

    /** Prepares {@code a} for solves in a known consumers-first {@code order} (see {@link ProcessGraph}). */
    Factorization factorize(DMatrixSparseCSC matrix, int[] order) {
        DMatrixSparseCSC a = SparseLuSolver.canonical(matrix);
        SparseLuSolver.requireNonZeroDiagonal(a);
        int n = a.numCols;
        double[] diag = new double[n];
        for (int j = 0; j < n; j++) {
            diag[j] = a.get(j, j);
        }
        DMatrixSparseCSC rows = CommonOps_DSCC.transpose(a, null, null);
        return new Ordered(a, rows, order, diag, 1.0);
    }

    private static final class Ordered extends CheckedFactorization {
        private final DMatrixSparseCSC rows;
        private final int[] order;
        private final double[] diag;

        Ordered(DMatrixSparseCSC a, DMatrixSparseCSC rows, int[] order, double[] diag, double condition) {
            super(a, condition);
            this.rows = rows;
            this.order = order;
            this.diag = diag;
        }

        @Override
        protected double[] rawSolve(double[] b, boolean transposed) {
            return transposed ? backwards(b) : forwards(b);
        }

        private double[] forwards(double[] f) {
            double[] s = new double[order.length];
            for (int i : order) {
                double acc = f[i];
                // row i of A is column i of the transpose
                for (int k = rows.col_idx[i]; k < rows.col_idx[i + 1]; k++) {
                    int j = rows.nz_rows[k];
                    if (j != i) {
                        acc -= rows.nz_values[k] * s[j];
                    }
                }
                s[i] = acc / diag[i];
            }
            return s;
        }

        private double[] backwards(double[] c) {
            double[] y = new double[order.length];
            for (int idx = order.length - 1; idx >= 0; idx--) {
                int j = order[idx];
                double acc = c[j];
                for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) {
                    int i = a.nz_rows[k];
                    if (i != j) {
                        acc -= a.nz_values[k] * y[i];
                    }
                }
                y[j] = acc / diag[j];
            }
            return y;
        }

        @Override
        public String method() {
            return "topological order (acyclic)";
        }
    }
}
