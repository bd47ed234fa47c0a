package dev.cradle.engine.solve;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * One sparse LU of the whole technosphere: {@code P·Â·Q = L·U} ({@link CsLu}: AMD ordering, threshold
 * pivoting) of {@code Â = R·A·C} scaled by {@link MatrixScaling} (columns by their diagonal, rows and
 * columns equilibrated by Ruiz's iteration, powers of two). An alternative to the
 * {@link BlockTriangularSolver} the engine uses, kept as an independent strategy for tests and
 * benchmarks. Its condition estimate is that of Â, which depends on the units where parts of the
 * system are acyclic (an equilibrated matrix is not unique); the block solver's does not.
 *
 * <p>Singularity is judged by what matters, never by a pivot ratio: loops whose gain is at least 1 are
 * refused with their processes and gain ({@link LoopAnalysis}); a zero pivot or a condition estimate
 * at or above {@link SolverLimits#SINGULAR_CONDITION} is singular, one above
 * {@link SolverLimits#WARN_CONDITION} a warning; every solve checks its residual
 * ({@link CheckedFactorization}).
 */
public final class SparseLuSolver implements Solver {

    @Override
    public Factorization factorize(DMatrixSparseCSC matrix) {
        DMatrixSparseCSC a = canonical(matrix);
        requireNonZeroDiagonal(a);
        List<LoopAnalysis.Loop> loops = LoopAnalysis.loops(a);
        refuseNonProductive(loops);
        MatrixScaling scaling = MatrixScaling.equilibrate(a);
        DMatrixSparseCSC scaled = scaling.apply(a);
        CsLu lu = CsLu.factorize(a.numCols, scaled.col_idx, scaled.nz_rows, scaled.nz_values);
        if (lu == null) {
            throw singular(loops, Double.POSITIVE_INFINITY);
        }
        double condition = lu.conditionEstimate();
        if (!(condition < SolverLimits.SINGULAR_CONDITION)) {
            throw singular(loops, condition);
        }
        return new Lu(a, scaling, lu, condition);
    }

    /**
     * A copy of {@code a} with sorted row indices and duplicate entries summed (CSparse's LU would keep
     * only one of two entries at the same position); square or an IllegalArgumentException.
     */
    static DMatrixSparseCSC canonical(DMatrixSparseCSC a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("the technosphere matrix must be square, not " + a.numRows + "×" + a.numCols);
        }
        DMatrixSparseCSC c = a.copy();
        c.sortIndices(null);
        CommonOps_DSCC.duplicatesAdd(c, null);
        return c;
    }

    static void requireNonZeroDiagonal(DMatrixSparseCSC a) {
        int[] zero = IntStream.range(0, a.numCols).filter(j -> a.get(j, j) == 0).toArray();
        if (zero.length > 0) {
            throw new SingularSystemException(SingularSystemException.Kind.ZERO_REFERENCE,
                    "the reference output is zero", zero, Double.NaN, Double.NaN);
        }
    }

    /**
     * Refuses the system when a loop is non-productive, naming the one with the largest gain (so that the
     * report does not depend on process order) and counting the others.
     */
    static void refuseNonProductive(Iterable<LoopAnalysis.Loop> loops) {
        LoopAnalysis.Loop worst = null;
        int count = 0;
        for (LoopAnalysis.Loop loop : loops) {
            if (loop != null && loop.nonProductive()) {
                count++;
                if (worst == null || loop.gain() > worst.gain()) {
                    worst = loop;
                }
            }
        }
        if (worst == null) {
            return;
        }
        String others = count == 1 ? "" : String.format(Locale.ROOT, " (%d other loop%s too)", count - 1,
                count == 2 ? "" : "s");
        throw new SingularSystemException(SingularSystemException.Kind.NON_PRODUCTIVE_LOOP, String.format(Locale.ROOT,
                "these %d processes form a loop whose gain is %.6g (at least 1): per unit it delivers, the loop "
                        + "consumes %s; a loop must consume less than it produces (gain below 1)%s",
                worst.columns().length, worst.gain(),
                worst.gain() < 1 + 1e-9 ? "all it produces" : "more than it produces", others),
                worst.columns(), worst.gain(), Double.NaN);
    }

    static SingularSystemException singular(List<LoopAnalysis.Loop> loops, double condition) {
        String cond = Double.isFinite(condition)
                ? String.format(Locale.ROOT, "condition estimate %.3g of the scaled system", condition)
                : "a zero pivot";
        if (loops.isEmpty()) {
            return new SingularSystemException(SingularSystemException.Kind.SINGULAR,
                    "the technosphere matrix is singular (" + cond + ")", new int[0], Double.NaN, condition);
        }
        LoopAnalysis.Loop worst = loops.get(0);
        return new SingularSystemException(SingularSystemException.Kind.SINGULAR, String.format(Locale.ROOT,
                "the technosphere matrix is singular (%s): the loop of %d processes, with gain %s%.6g",
                cond, worst.columns().length, worst.signed() ? "at most " : "",
                worst.signed() ? worst.upper() : worst.gain()),
                worst.columns(), worst.gain(), condition);
    }

    private static final class Lu extends CheckedFactorization {
        private final MatrixScaling scaling;
        private final CsLu lu;

        Lu(DMatrixSparseCSC a, MatrixScaling scaling, CsLu lu, double condition) {
            super(a, condition);
            this.scaling = scaling;
            this.lu = lu;
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
            double[] out = transposed ? lu.solveTransposed(in) : lu.solve(in);
            for (int i = 0; i < n; i++) {
                out[i] *= post[i];
            }
            return out;
        }

        @Override
        public String method() {
            return "sparse LU of the whole system (Ruiz-scaled, AMD ordering)";
        }
    }
}
