package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * Solves an acyclic technosphere by substitution in topological order, O(non-zeros): each column's
 * scaling is {@code s_i = (f_i − Σ_{j≠i} A[i][j]·s_j) / A[i][i]} once all its consumers j are known.
 * This is the common AI case (hardware → datacenter → workload, no loop back).
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
    Factorization factorize(DMatrixSparseCSC a, int[] order) {
        int n = a.numCols;
        double[] diag = new double[n];
        for (int j = 0; j < n; j++) {
            diag[j] = a.get(j, j);
        }
        int[] zero = java.util.stream.IntStream.range(0, n).filter(j -> diag[j] == 0).toArray();
        if (zero.length > 0) {
            throw new SingularSystemException("the reference output is zero", zero);
        }
        DMatrixSparseCSC rows = CommonOps_DSCC.transpose(a, null, null);
        return new Ordered(a, rows, order, diag);
    }

    private record Ordered(DMatrixSparseCSC a, DMatrixSparseCSC rows, int[] order, double[] diag)
            implements Factorization {

        @Override
        public double[] solve(double[] f) {
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

        @Override
        public double[] solveTransposed(double[] c) {
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
