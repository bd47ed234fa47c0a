package dev.cradle.engine.solve;

import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Solves a technosphere with loops block by block, in the manner of KLU (Davis and Palamadai Natarajan
 * 2010): the strongly connected components of the supply graph put A in block triangular form
 * ({@link LoopAnalysis#blocks}); a process outside every loop is one division, and each loop is a
 * diagonal block {@code A_B} with its own sparse LU ({@link CsLu}: AMD ordering, threshold pivoting),
 * solved after (or, for {@code Aᵀ}, before) the blocks it supplies. One factorisation serves every
 * demand and every adjoint solve.
 *
 * <p>Each loop block is scaled to a form that no longer depends on units or process order:
 * columns divided by their diagonal (one run of each process makes one unit: {@code I − M}), then rows
 * and columns equilibrated by the similarity with the loop's Perron vector x,
 * {@code Â_B = diag(x)⁻¹·(I − M_B)·diag(x)}, whose requirement part has every row sum equal to the
 * loop's gain ρ. For a loop without credits Â_B is then strictly diagonally dominant and
 * {@code κ∞(Â_B) ≤ (1 + ρ)/(1 − ρ)}: a loop is badly conditioned exactly when its gain nears 1.
 * Changing a product's unit or a process's reference amount multiplies A by diagonal matrices on
 * either side, which this scaling cancels exactly, so the verdict cannot change with them.
 *
 * <p>Singularity is judged by what matters: a loop whose gain is at least 1 is refused with its
 * processes and gain; a zero pivot or a condition estimate (Hager–Higham) of a loop block at or above
 * {@link SolverLimits#SINGULAR_CONDITION} is singular, above {@link SolverLimits#WARN_CONDITION} a
 * warning; {@link #conditionEstimate} is the largest over the loops (1 for an acyclic system: the
 * optimally scaled condition number of a triangular system is 1). Every solve checks its residual
 * ({@link CheckedFactorization}).
 */
public final class BlockTriangularSolver implements Solver {
    /** How each loop block is solved: as {@link SolverSelector#loopStrategy} rules, or always one way (tests, benchmarks). */
    public enum LoopMethod { SELECTED, LU, GMRES }

    private final LoopMethod loopMethod;

    /** Loop blocks solved as {@link SolverSelector#loopStrategy} chooses. */
    public BlockTriangularSolver() {
        this(LoopMethod.SELECTED);
    }

    public BlockTriangularSolver(LoopMethod loopMethod) {
        this.loopMethod = loopMethod;
    }

    @Override
    public Factorization factorize(DMatrixSparseCSC matrix) {
        DMatrixSparseCSC a = SparseLuSolver.canonical(matrix);
        SparseLuSolver.requireNonZeroDiagonal(a);
        LoopAnalysis.Blocks blocks = LoopAnalysis.blocks(a);
        int nb = blocks.count();
        SparseLuSolver.refuseNonProductive(java.util.Arrays.asList(blocks.loops()));
        int n = a.numCols;
        int[] blockOf = new int[n];
        int[] local = new int[n];
        for (int b = 0; b < nb; b++) {
            for (int k = blocks.start()[b]; k < blocks.start()[b + 1]; k++) {
                blockOf[blocks.order()[k]] = b;
                local[blocks.order()[k]] = k - blocks.start()[b];
            }
        }
        LoopBlock[] loopBlocks = new LoopBlock[nb];
        double condition = 1;
        for (int b = 0; b < nb; b++) {
            LoopAnalysis.Loop loop = blocks.loops()[b];
            if (loop == null) {
                continue;
            }
            LoopBlock block = LoopBlock.of(a, loop, blockOf, local, b, loopMethod);
            if (block == null) {
                throw SparseLuSolver.singular(List.of(loop), Double.POSITIVE_INFINITY);
            }
            double kappa = block.lu.conditionEstimate();
            if (!(kappa < SolverLimits.SINGULAR_CONDITION)) {
                throw SparseLuSolver.singular(List.of(loop), kappa);
            }
            condition = Math.max(condition, kappa);
            loopBlocks[b] = block;
        }
        return new Blocked(a, blocks, blockOf, loopBlocks, condition, loopCount(blocks), kinds(loopBlocks));
    }

    private static String kinds(LoopBlock[] loopBlocks) {
        java.util.TreeSet<String> kinds = new java.util.TreeSet<>();
        for (LoopBlock b : loopBlocks) {
            if (b != null) {
                kinds.add(b.lu().kind());
            }
        }
        return kinds.isEmpty() ? "LU" : String.join(" and ", kinds);
    }

    private static int loopCount(LoopAnalysis.Blocks blocks) {
        int c = 0;
        for (LoopAnalysis.Loop l : blocks.loops()) {
            c += l == null ? 0 : 1;
        }
        return c;
    }

    /** One loop's scaled diagonal block {@code Â_B = R·A_B·C} and its LU. */
    private record LoopBlock(int[] columns, double[] rowScale, double[] colScale, LoopFactor lu) {
        static LoopBlock of(DMatrixSparseCSC a, LoopAnalysis.Loop loop, int[] blockOf, int[] local, int b,
                            LoopMethod method) {
            int[] cols = loop.columns();
            int m = cols.length;
            double[] x = loop.perron();
            double[] r = new double[m];
            double[] c = new double[m];
            for (int k = 0; k < m; k++) {
                double d = a.get(cols[k], cols[k]);
                r[k] = Math.signum(d) / x[k];
                c[k] = x[k] / Math.abs(d);
            }
            int[] colStart = new int[m + 1];
            int nz = 0;
            for (int k = 0; k < m; k++) {
                int j = cols[k];
                for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                    if (blockOf[a.nz_rows[p]] == b) {
                        nz++;
                    }
                }
                colStart[k + 1] = nz;
            }
            int[] rows = new int[nz];
            double[] values = new double[nz];
            int fill = 0;
            for (int k = 0; k < m; k++) {
                int j = cols[k];
                for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                    int i = a.nz_rows[p];
                    if (blockOf[i] == b) {
                        rows[fill] = local[i];
                        values[fill++] = r[local[i]] * a.nz_values[p] * c[k];
                    }
                }
            }
            boolean direct = switch (method) {
                case LU -> true;
                case GMRES -> false;
                case SELECTED -> SolverSelector.loopStrategy(m, nz, CsLu.predictedFlops(m, colStart, rows))
                        == SolverSelector.LoopStrategy.SPARSE_LU;
            };
            LoopFactor lu = direct ? CsLu.factorize(m, colStart, rows, values)
                    : IterativeLoop.of(m, colStart, rows, values);
            return lu == null ? null : new LoopBlock(cols, r, c, lu);
        }
    }

    private static final class Blocked extends CheckedFactorization {
        private final LoopAnalysis.Blocks blocks;
        private final int[] blockOf;
        private final LoopBlock[] loopBlocks;
        private final int loops;
        private final String kinds;
        /** A[j][j], read once: a process outside every loop is solved by one division. */
        private final double[] diagonal;

        Blocked(DMatrixSparseCSC a, LoopAnalysis.Blocks blocks, int[] blockOf, LoopBlock[] loopBlocks,
                double condition, int loops, String kinds) {
            super(a, condition);
            this.blocks = blocks;
            this.blockOf = blockOf;
            this.loopBlocks = loopBlocks;
            this.loops = loops;
            this.kinds = kinds;
            this.diagonal = new double[a.numCols];
            for (int j = 0; j < a.numCols; j++) {
                diagonal[j] = a.get(j, j);
            }
        }

        @Override
        protected double[] rawSolve(double[] rhs, boolean transposed) {
            return transposed ? backwards(rhs, LoopFactor.SOLVE_TOLERANCE) : forwards(rhs, LoopFactor.SOLVE_TOLERANCE);
        }

        @Override
        protected double[] rawCorrection(double[] r, boolean transposed) {
            return transposed ? backwards(r, LoopFactor.CORRECTION_TOLERANCE)
                    : forwards(r, LoopFactor.CORRECTION_TOLERANCE);
        }

        /** A·x = b: providers sit in earlier blocks, so blocks are solved last to first. */
        private double[] forwards(double[] rhs, double tolerance) {
            double[] b = rhs.clone();
            double[] x = new double[b.length];
            for (int blk = blocks.count() - 1; blk >= 0; blk--) {
                LoopBlock loop = loopBlocks[blk];
                if (loop == null) {
                    int j = blocks.order()[blocks.start()[blk]];
                    x[j] = b[j] / diagonal[j];
                } else {
                    int[] cols = loop.columns();
                    double[] in = new double[cols.length];
                    for (int k = 0; k < cols.length; k++) {
                        in[k] = loop.rowScale()[k] * b[cols[k]];
                    }
                    double[] z = loop.lu().solve(in, tolerance);
                    for (int k = 0; k < cols.length; k++) {
                        x[cols[k]] = loop.colScale()[k] * z[k];
                    }
                }
                for (int k = blocks.start()[blk]; k < blocks.start()[blk + 1]; k++) {
                    int j = blocks.order()[k];
                    if (x[j] == 0) {
                        continue; // nothing of j is needed: its inputs are not either (a unit demand reaches part of A)
                    }
                    for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                        int i = a.nz_rows[p];
                        if (blockOf[i] != blk) {
                            b[i] -= a.nz_values[p] * x[j];
                        }
                    }
                }
            }
            return x;
        }

        /** Aᵀ·y = c: blocks first to last, each column j less Σ A[i][j]·y_i over providers solved before. */
        private double[] backwards(double[] c, double tolerance) {
            double[] y = new double[c.length];
            for (int blk = 0; blk < blocks.count(); blk++) {
                int from = blocks.start()[blk];
                int to = blocks.start()[blk + 1];
                double[] acc = new double[to - from];
                for (int k = from; k < to; k++) {
                    int j = blocks.order()[k];
                    double s = c[j];
                    for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                        int i = a.nz_rows[p];
                        if (blockOf[i] != blk) {
                            s -= a.nz_values[p] * y[i];
                        }
                    }
                    acc[k - from] = s;
                }
                LoopBlock loop = loopBlocks[blk];
                if (loop == null) {
                    int j = blocks.order()[from];
                    y[j] = acc[0] / diagonal[j];
                } else {
                    // block order is the loop's column order (both ascending column numbers)
                    int[] cols = loop.columns();
                    double[] in = new double[cols.length];
                    for (int k = 0; k < cols.length; k++) {
                        in[k] = loop.colScale()[k] * acc[k];
                    }
                    double[] w = loop.lu().solveTransposed(in, tolerance);
                    for (int k = 0; k < cols.length; k++) {
                        y[cols[k]] = loop.rowScale()[k] * w[k];
                    }
                }
            }
            return y;
        }

        @Override
        public String method() {
            if (kinds.equals("LU")) {
                return String.format(Locale.ROOT, "sparse LU by blocks (%d loop%s; scaled, AMD ordering)", loops,
                        loops == 1 ? "" : "s");
            }
            return String.format(Locale.ROOT, "by blocks (%d loop%s; scaled; %s: ILU(0)-preconditioned GMRES "
                    + "where the LU would fill in)", loops, loops == 1 ? "" : "s", kinds);
        }
    }
}
