package dev.cradle.engine.solve;

import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcs;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcsn;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcss;
import edu.emory.mathcs.csparsej.tdouble.Dcs_ipvec;
import edu.emory.mathcs.csparsej.tdouble.Dcs_lsolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_lu;
import edu.emory.mathcs.csparsej.tdouble.Dcs_ltsolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_pvec;
import edu.emory.mathcs.csparsej.tdouble.Dcs_sqr;
import edu.emory.mathcs.csparsej.tdouble.Dcs_usolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_utsolve;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Solves a technosphere with loops (electricity used to make the equipment that makes electricity)
 * by a sparse LU factorisation {@code P·Â·Q = L·U} of the scaled matrix {@code Â = R·A·C}
 * ({@link MatrixScaling}: columns by their diagonal, rows and columns equilibrated, powers of two).
 * Q is a fill-reducing approximate minimum degree ordering of {@code Â + Âᵀ} (AMD, Amestoy, Davis
 * and Duff 1996) and P comes from threshold partial pivoting that keeps the diagonal while it is at
 * least {@link SolverLimits#PIVOT_THRESHOLD} of its column's largest candidate; both from CSparse
 * (T. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006) in its Java port CSparseJ
 * ({@code cs_sqr}, {@code cs_lu}). One factorisation serves {@code A·s = f} and the adjoint
 * {@code Aᵀ·y = c} (triangular solves with Uᵀ and Lᵀ).
 *
 * <p>Singularity is judged by what matters, never by a pivot ratio: before factorising, loops whose
 * gain is at least 1 are refused with their processes and gain ({@link LoopAnalysis}); after, a zero
 * pivot or a condition estimate of Â at or above {@link SolverLimits#SINGULAR_CONDITION} (Hager–Higham,
 * {@link ConditionEstimator}) is singular, one above {@link SolverLimits#WARN_CONDITION} a warning; and
 * every solve checks its residual ({@link CheckedFactorization}).
 */
public final class SparseLuSolver implements Solver {
    /** CSparse's ordering code for AMD on the pattern of Â + Âᵀ. */
    private static final int AMD_SYMMETRIC = 1;

    @Override
    public Factorization factorize(DMatrixSparseCSC a) {
        requireNonZeroDiagonal(a);
        List<LoopAnalysis.Loop> loops = LoopAnalysis.loops(a);
        for (LoopAnalysis.Loop loop : loops) {
            if (loop.nonProductive()) {
                throw nonProductive(loop);
            }
        }
        MatrixScaling scaling = MatrixScaling.equilibrate(a);
        DMatrixSparseCSC scaled = scaling.apply(a);
        Dcs cs = toCs(scaled);
        Dcss symbolic = Dcs_sqr.cs_sqr(AMD_SYMMETRIC, cs, false);
        Dcsn numeric = symbolic == null ? null : Dcs_lu.cs_lu(cs, symbolic, SolverLimits.PIVOT_THRESHOLD);
        if (numeric == null) {
            throw singular(loops, Double.POSITIVE_INFINITY);
        }
        Lu lu = new Lu(a, scaling, symbolic.q, numeric, 0);
        double condition = ConditionEstimator.norm1(scaled)
                * ConditionEstimator.inverseNorm1(a.numCols, lu::scaledSolve, lu::scaledSolveTransposed);
        if (!(condition < SolverLimits.SINGULAR_CONDITION)) {
            throw singular(loops, condition);
        }
        return new Lu(a, scaling, symbolic.q, numeric, condition);
    }

    static void requireNonZeroDiagonal(DMatrixSparseCSC a) {
        int[] zero = IntStream.range(0, a.numCols).filter(j -> a.get(j, j) == 0).toArray();
        if (zero.length > 0) {
            throw new SingularSystemException(SingularSystemException.Kind.ZERO_REFERENCE,
                    "the reference output is zero", zero, Double.NaN, Double.NaN);
        }
    }

    private static SingularSystemException nonProductive(LoopAnalysis.Loop loop) {
        return new SingularSystemException(SingularSystemException.Kind.NON_PRODUCTIVE_LOOP, String.format(Locale.ROOT,
                "these %d processes form a loop whose gain is %.6g (at least 1): per unit it delivers, the loop "
                        + "consumes %s; a loop must consume less than it produces (gain below 1)",
                loop.columns().length, loop.gain(),
                loop.gain() < 1 + 1e-9 ? "all it produces" : "more than it produces"),
                loop.columns(), loop.gain(), Double.NaN);
    }

    private static SingularSystemException singular(List<LoopAnalysis.Loop> loops, double condition) {
        String cond = Double.isFinite(condition)
                ? String.format(Locale.ROOT, "condition estimate %.3g of the scaled system", condition)
                : "a zero pivot";
        if (loops.isEmpty()) {
            return new SingularSystemException(SingularSystemException.Kind.SINGULAR,
                    "the technosphere matrix is singular (" + cond + ")", new int[0], Double.NaN, condition);
        }
        LoopAnalysis.Loop worst = loops.get(0);
        return new SingularSystemException(SingularSystemException.Kind.SINGULAR, String.format(Locale.ROOT,
                "the technosphere matrix is singular (%s); the loop with the largest gain has %d processes "
                        + "and gain %s%.6g", cond, worst.columns().length, worst.signed() ? "at most " : "",
                worst.signed() ? worst.upper() : worst.gain()),
                worst.columns(), worst.gain(), condition);
    }

    private static Dcs toCs(DMatrixSparseCSC m) {
        Dcs cs = new Dcs();
        cs.m = m.numRows;
        cs.n = m.numCols;
        cs.nzmax = Math.max(1, m.nz_length);
        cs.p = java.util.Arrays.copyOf(m.col_idx, m.numCols + 1);
        cs.i = java.util.Arrays.copyOf(m.nz_rows, cs.nzmax);
        cs.x = java.util.Arrays.copyOf(m.nz_values, cs.nzmax);
        cs.nz = -1;
        return cs;
    }

    private static final class Lu extends CheckedFactorization {
        private final MatrixScaling scaling;
        private final int[] q;
        private final Dcsn lu;

        Lu(DMatrixSparseCSC a, MatrixScaling scaling, int[] q, Dcsn lu, double condition) {
            super(a, condition);
            this.scaling = scaling;
            this.q = q;
            this.lu = lu;
        }

        /** x = Â⁻¹·b, with P·Â·Q = L·U: x = Q·U⁻¹·L⁻¹·P·b. */
        double[] scaledSolve(double[] b) {
            int n = b.length;
            double[] w = new double[n];
            double[] x = new double[n];
            Dcs_ipvec.cs_ipvec(lu.pinv, b, w, n);
            Dcs_lsolve.cs_lsolve(lu.L, w);
            Dcs_usolve.cs_usolve(lu.U, w);
            Dcs_ipvec.cs_ipvec(q, w, x, n);
            return x;
        }

        /** y = Â⁻ᵀ·c: Âᵀ = Q·Uᵀ·Lᵀ·P, so y = Pᵀ·L⁻ᵀ·U⁻ᵀ·Qᵀ·c. */
        double[] scaledSolveTransposed(double[] c) {
            int n = c.length;
            double[] w = new double[n];
            double[] y = new double[n];
            Dcs_pvec.cs_pvec(q, c, w, n);
            Dcs_utsolve.cs_utsolve(lu.U, w);
            Dcs_ltsolve.cs_ltsolve(lu.L, w);
            Dcs_pvec.cs_pvec(lu.pinv, w, y, n);
            return y;
        }

        /** A = R⁻¹·Â·C⁻¹: A⁻¹·b = C·Â⁻¹·(R·b), A⁻ᵀ·c = R·Â⁻ᵀ·(C·c). */
        @Override
        protected double[] rawSolve(double[] b, boolean transposed) {
            int n = b.length;
            double[] in = new double[n];
            double[] pre = transposed ? scaling.col() : scaling.row();
            double[] post = transposed ? scaling.row() : scaling.col();
            for (int i = 0; i < n; i++) {
                in[i] = pre[i] * b[i];
            }
            double[] out = transposed ? scaledSolveTransposed(in) : scaledSolve(in);
            for (int i = 0; i < n; i++) {
                out[i] *= post[i];
            }
            return out;
        }

        @Override
        public String method() {
            return "sparse LU (system with loops; scaled, AMD ordering)";
        }
    }
}
