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
    /** Bracket width (relative) at which the power method stops: the gain is then known to ~1e-14. */
    private static final double PRECISION = 1e-14;
    /** A gain whose upper bound is this far below 1 is productive beyond doubt. */
    private static final double CLEARLY_BELOW = 1e-6;

    /**
     * One loop.
     *
     * @param columns        the columns (processes) of the loop, ascending
     * @param gain           the Perron root estimate (midpoint of the bounds)
     * @param lower          a lower bound of the Perron root
     * @param upper          an upper bound of the Perron root
     * @param signed         true when the loop has negative requirements (then the gain is that of |M|)
     * @param perron         the (right) Perron vector of the loop's |M|, positive, in {@code columns} order:
     *                       the similarity {@code diag(perron)⁻¹·M·diag(perron)} has every row sum equal to the gain
     */
    public record Loop(int[] columns, double gain, double lower, double upper, boolean signed, double[] perron) {
        /**
         * True when the loop consumes at least all it produces: its gain is known to be at least
         * {@code 1 − GAIN_TOLERANCE} (the lower bound, or the converged estimate). Never for a signed loop.
         */
        public boolean nonProductive() {
            boolean converged = upper - lower <= 10 * PRECISION * Math.max(1, upper);
            return !signed && (lower >= 1 - SolverLimits.GAIN_TOLERANCE
                    || converged && gain >= 1 - SolverLimits.GAIN_TOLERANCE);
        }
    }

    private LoopAnalysis() {
    }

    /**
     * The block triangular form of A: {@code order} lists the columns block by block, block b being
     * {@code order[start[b]] … order[start[b+1]−1]}, and every non-zero A[i][j] between blocks has
     * i's block before j's (a column's providers come in earlier blocks). Blocks of more than one column
     * are loops ({@code loops[b]}, null for a single process).
     */
    public record Blocks(int[] order, int[] start, Loop[] loops) {
        public int count() {
            return start.length - 1;
        }
    }

    /** Every loop of {@code a} (square, non-zero diagonal), largest gain first. */
    public static List<Loop> loops(DMatrixSparseCSC a) {
        List<Loop> out = new ArrayList<>();
        for (Loop l : blocks(a).loops()) {
            if (l != null) {
                out.add(l);
            }
        }
        out.sort(Comparator.comparingDouble(Loop::gain).reversed());
        return out;
    }

    /** The block triangular form of {@code a} (square, non-zero diagonal) with every loop's gain. */
    public static Blocks blocks(DMatrixSparseCSC a) {
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
        Dcsd scc = Dcs_scc.cs_scc(pattern);
        int nb = scc.nb;
        int[] order = new int[n];
        int[] start = new int[nb + 1];
        Loop[] loops = new Loop[nb];
        int[] blockOf = new int[n];
        for (int b = 0; b < nb; b++) {
            int[] cols = java.util.Arrays.copyOfRange(scc.p, scc.r[b], scc.r[b + 1]);
            java.util.Arrays.sort(cols);
            System.arraycopy(cols, 0, order, scc.r[b], cols.length);
            start[b + 1] = scc.r[b + 1];
            for (int j : cols) {
                blockOf[j] = b;
            }
            if (cols.length > 1) {
                loops[b] = gain(a, cols);
            }
        }
        // CSparse returns A(p,p) block upper triangular; check it, and turn it round if it is lower
        boolean upper = true;
        boolean lower = true;
        for (int j = 0; j < n; j++) {
            for (int p = pattern.p[j]; p < pattern.p[j + 1]; p++) {
                int bi = blockOf[pattern.i[p]];
                upper &= bi <= blockOf[j];
                lower &= bi >= blockOf[j];
            }
        }
        if (upper) {
            return new Blocks(order, start, loops);
        }
        if (!lower) {
            throw new IllegalStateException("the strongly connected components are not in topological order");
        }
        int[] rOrder = new int[n];
        int[] rStart = new int[nb + 1];
        Loop[] rLoops = new Loop[nb];
        int fill = 0;
        for (int b = nb - 1; b >= 0; b--) {
            rLoops[nb - 1 - b] = loops[b];
            for (int k = start[b]; k < start[b + 1]; k++) {
                rOrder[fill++] = order[k];
            }
            rStart[nb - b] = fill;
        }
        return new Blocks(rOrder, rStart, rLoops);
    }

    private static Loop gain(DMatrixSparseCSC a, int[] cols) {
        int n = a.numCols;
        int[] local = new int[n];
        java.util.Arrays.fill(local, -1);
        for (int k = 0; k < cols.length; k++) {
            local[cols[k]] = k;
        }
        // the loop's requirement matrix, column by column: (row, value) pairs inside the loop, primitive arrays
        int m = cols.length;
        double[] diagonal = new double[m];
        for (int k = 0; k < m; k++) {
            diagonal[k] = a.get(cols[k], cols[k]);
        }
        int[][] rowsOf = new int[m][];
        double[][] valsOf = new double[m][];
        boolean signed = false;
        for (int k = 0; k < m; k++) {
            int j = cols[k];
            double djj = Math.abs(diagonal[k]);
            int count = 0;
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                if (i != j && local[i] >= 0 && a.nz_values[p] != 0) {
                    count++;
                }
            }
            int[] rows = new int[count];
            double[] vals = new double[count];
            int t = 0;
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                if (i != j && local[i] >= 0 && a.nz_values[p] != 0) {
                    double req = -Math.signum(diagonal[local[i]]) * a.nz_values[p] / djj;
                    signed |= req < 0;
                    rows[t] = local[i];
                    vals[t++] = Math.abs(req);
                }
            }
            rowsOf[k] = rows;
            valsOf[k] = vals;
        }
        double[] x = new double[m];
        java.util.Arrays.fill(x, 1.0);
        double lower = 0;
        double upper = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] y = x.clone(); // y = (I + M)·x
            for (int k = 0; k < m; k++) {
                int[] rows = rowsOf[k];
                double[] vals = valsOf[k];
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
            double width = upper - lower;
            // to ~1e-14 near 1, where productive and non-productive must be told apart; to 1e-10 below
            if (width <= PRECISION * Math.max(1, upper) || upper < 1 - CLEARLY_BELOW && width <= 1e-10 * upper) {
                break;
            }
        }
        return new Loop(cols, (lower + upper) / 2, lower, upper, signed, x);
    }
}
