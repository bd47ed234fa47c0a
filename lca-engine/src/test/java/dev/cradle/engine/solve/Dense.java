package dev.cradle.engine.solve;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.ejml.data.DMatrixSparseCSC;

/** Independent routes to the same answers, for tests: dense LU (Apache Commons Math) and residuals. */
final class Dense {
    private Dense() {
    }

    static double[][] toArray(DMatrixSparseCSC a) {
        double[][] d = new double[a.numRows][a.numCols];
        for (int j = 0; j < a.numCols; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                d[a.nz_rows[p]][j] += a.nz_values[p];
            }
        }
        return d;
    }

    /** Commons Math's dense LU with partial pivoting (no pivot threshold: it must not refuse). */
    static DecompositionSolver lu(double[][] a) {
        return new LUDecomposition(new Array2DRowRealMatrix(a, false), 0.0).getSolver();
    }

    static double[] solve(DecompositionSolver lu, double[] b) {
        return lu.solve(new ArrayRealVector(b, false)).toArray();
    }

    /** Normwise relative residual ‖A·x − b‖∞ / (‖A‖∞·‖x‖∞ + ‖b‖∞), computed from the dense array. */
    static double relativeResidual(double[][] a, double[] x, double[] b) {
        double rmax = 0;
        double anorm = 0;
        double xnorm = 0;
        double bnorm = 0;
        for (int i = 0; i < a.length; i++) {
            double r = -b[i];
            double rowSum = 0;
            for (int j = 0; j < x.length; j++) {
                r += a[i][j] * x[j];
                rowSum += Math.abs(a[i][j]);
            }
            rmax = Math.max(rmax, Math.abs(r));
            anorm = Math.max(anorm, rowSum);
            xnorm = Math.max(xnorm, Math.abs(x[i]));
            bnorm = Math.max(bnorm, Math.abs(b[i]));
        }
        return rmax / (anorm * xnorm + bnorm);
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** max_i |x_i − y_i| / max(‖y‖∞, tiny): the error relative to the solution's size. */
    static double relativeDifference(double[] x, double[] y) {
        double diff = 0;
        double size = 0;
        for (int i = 0; i < x.length; i++) {
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
            size = Math.max(size, Math.abs(y[i]));
        }
        return diff / Math.max(size, Double.MIN_NORMAL);
    }
}
