package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Row and column scale factors {@code Â = R·A·C} that make a technosphere matrix numerically
 * uniform before factorisation: columns first divided by their diagonal (one run of every process
 * then makes one unit of its product), then rows and columns equilibrated by Ruiz's iteration
 * (each row and column divided by the square root of its largest magnitude until all are near 1;
 * D. Ruiz, "A scaling algorithm to equilibrate both rows and columns norms in matrices", RAL-TR-2001-034).
 * Every factor is rounded to a power of two, so scaling adds no rounding error. Units no longer
 * matter: kg against t, or a process written per 1,365,728 kg of steel plate, give the same Â up to
 * powers of two.
 *
 * @param row R's diagonal (length n)
 * @param col C's diagonal (length n)
 */
public record MatrixScaling(double[] row, double[] col) {
    private static final int MAX_SWEEPS = 30;
    private static final double CONVERGED = 0.25;

    /** Equilibrates {@code a}, which must be square with a non-zero diagonal. */
    public static MatrixScaling equilibrate(DMatrixSparseCSC a) {
        int n = a.numCols;
        double[] r = new double[n];
        double[] c = new double[n];
        java.util.Arrays.fill(r, 1.0);
        for (int j = 0; j < n; j++) {
            c[j] = 1.0 / Math.abs(a.get(j, j));
        }
        double[] rowMax = new double[n];
        double[] colMax = new double[n];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            java.util.Arrays.fill(rowMax, 0.0);
            for (int j = 0; j < n; j++) {
                double m = 0;
                for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                    double v = Math.abs(r[a.nz_rows[p]] * a.nz_values[p] * c[j]);
                    m = Math.max(m, v);
                    rowMax[a.nz_rows[p]] = Math.max(rowMax[a.nz_rows[p]], v);
                }
                colMax[j] = m;
            }
            double worst = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(1 - rowMax[i]));
                worst = Math.max(worst, Math.abs(1 - colMax[i]));
            }
            if (worst <= CONVERGED) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (rowMax[i] > 0) {
                    r[i] /= Math.sqrt(rowMax[i]);
                }
                if (colMax[i] > 0) {
                    c[i] /= Math.sqrt(colMax[i]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] = powerOfTwo(r[i]);
            c[i] = powerOfTwo(c[i]);
        }
        return new MatrixScaling(r, c);
    }

    private static double powerOfTwo(double x) {
        return Math.scalb(1.0, (int) Math.round(Math.log(x) / Math.log(2)));
    }

    /** Â = R·A·C, a new matrix with the pattern of {@code a}. */
    public DMatrixSparseCSC apply(DMatrixSparseCSC a) {
        DMatrixSparseCSC s = a.copy();
        for (int j = 0; j < s.numCols; j++) {
            for (int p = s.col_idx[j]; p < s.col_idx[j + 1]; p++) {
                s.nz_values[p] *= row[s.nz_rows[p]] * col[j];
            }
        }
        return s;
    }
}
