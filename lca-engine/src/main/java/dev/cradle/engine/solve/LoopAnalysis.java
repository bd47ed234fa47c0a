package dev.cradle.engine.solve;

import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcs;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcsd;
import edu.emory.mathcs.csparsej.tdouble.Dcs_scc;
import edu.emory.mathcs.csparsej.tdouble.Dcs_util;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The loops of a technosphere and their gains. A loop is a strongly connected component of the
 * supply graph (CSparse's {@code cs_scc}, Tarjan's algorithm); its gain is the Perron root ρ of its
 * requirement matrix {@code M[i][j] = −sign(A[i][i])·A[i][j]/|A[j][j]|} (units of product i that one
 * unit of product j needs directly). ρ &lt; 1 is a productive loop (Hawkins–Simon); ρ ≥ 1 consumes all
 * it produces or more. ρ is computed by the power method on {@code I + M} (primitive, so it converges)
 * with Collatz–Wielandt bounds {@code min_i (Mx)_i/x_i ≤ ρ ≤ max_i (Mx)_i/x_i}, which bracket ρ at
 * every step. A loop with negative requirements (avoided products, credits) has no such gain: its
 * Perron root of |M| is reported as an upper bound and never used to refuse the system.
 */
public final class LoopAnalysis {
    private static final int MAX_ITERATIONS = 5000;
    private static final double PRECISION = 1e-10;

    /**
     * One loop.
     *
     * @param columns        the columns (processes) of the loop, ascending
     * @param gain           the Perron root estimate (midpoint of the bounds)
     * @param lower          a lower bound of the Perron root
     * @param upper          an upper bound of the Perron root
     * @param signed         true when the loop has negative requirements (then the gain is that of |M|)
     */
    public record Loop(int[] columns, double gain, double lower, double upper, boolean signed) {
        /** True when the loop consumes at least all it produces (never for a signed loop). */
        public boolean nonProductive() {
            return !signed && lower >= 1 - SolverLimits.GAIN_TOLERANCE;
        }
    }

    private LoopAnalysis() {
    }

    /** Every loop of {@code a} (square, non-zero diagonal), largest gain first. */
    public static List<Loop> loops(DMatrixSparseCSC a) {
        int n = a.numCols;
        Dcs pattern = Dcs_util.cs_spalloc(n, n, Math.max(1, a.nz_length), false, false);
        int nz = 0;
        for (int j = 0; j < n; j++) {
            pattern.p[j] = nz;
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                if (a.nz_rows[p] != j && a.nz_values[p] != 0) {
                    pattern.i[nz++] = a.nz_rows[p];
                }
            }
        }
        pattern.p[n] = nz;
        Dcsd blocks = Dcs_scc.cs_scc(pattern);
        List<Loop> out = new ArrayList<>();
        for (int b = 0; b < blocks.nb; b++) {
            int size = blocks.r[b + 1] - blocks.r[b];
            if (size > 1) {
                int[] cols = java.util.Arrays.copyOfRange(blocks.p, blocks.r[b], blocks.r[b + 1]);
                java.util.Arrays.sort(cols);
                out.add(gain(a, cols));
            }
        }
        out.sort(Comparator.comparingDouble(Loop::gain).reversed());
        return out;
    }

    private static Loop gain(DMatrixSparseCSC a, int[] cols) {
        int n = a.numCols;
        int[] local = new int[n];
        java.util.Arrays.fill(local, -1);
        for (int k = 0; k < cols.length; k++) {
            local[cols[k]] = k;
        }
        // the loop's requirement matrix, column by column: (row, value) pairs inside the loop
        int m = cols.length;
        List<int[]> rowsOf = new ArrayList<>(m);
        List<double[]> valsOf = new ArrayList<>(m);
        boolean signed = false;
        for (int k = 0; k < m; k++) {
            int j = cols[k];
            double djj = Math.abs(a.get(j, j));
            List<Integer> rows = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                if (i != j && local[i] >= 0 && a.nz_values[p] != 0) {
                    double req = -Math.signum(a.get(i, i)) * a.nz_values[p] / djj;
                    signed |= req < 0;
                    rows.add(local[i]);
                    vals.add(Math.abs(req));
                }
            }
            rowsOf.add(rows.stream().mapToInt(Integer::intValue).toArray());
            valsOf.add(vals.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double[] x = new double[m];
        java.util.Arrays.fill(x, 1.0);
        double lower = 0;
        double upper = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] y = x.clone(); // y = (I + M)·x
            for (int k = 0; k < m; k++) {
                int[] rows = rowsOf.get(k);
                double[] vals = valsOf.get(k);
                for (int t = 0; t < rows.length; t++) {
                    y[rows[t]] += vals[t] * x[k];
                }
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            double norm = 0;
            for (int k = 0; k < m; k++) {
                double ratio = y[k] / x[k];
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
                norm = Math.max(norm, y[k]);
            }
            lower = Math.max(lower, lo - 1);
            upper = Math.min(upper, hi - 1);
            for (int k = 0; k < m; k++) {
                x[k] = y[k] / norm;
            }
            if (upper - lower <= PRECISION * Math.max(1, upper)) {
                break;
            }
        }
        return new Loop(cols, (lower + upper) / 2, lower, upper, signed);
    }
}
