package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/**
 * The one place where the solve strategy is chosen: substitution in topological order when the
 * supply graph has no loop ({@link TopologicalSolver}), the block triangular solver otherwise
 * ({@link BlockTriangularSolver}: every loop solved on its own, scaled so that units and process
 * order do not matter), each loop by sparse LU or, where the LU's predicted work is above
 * {@link #LU_FLOP_LIMIT}, by ILU(0)-preconditioned GMRES ({@link #loopStrategy}; the rule and its
 * measurements are in docs/performance.md). Every strategy checks every solve's residual.
 */
public final class SolverSelector implements Solver {
    private final TopologicalSolver topological = new TopologicalSolver();
    private final BlockTriangularSolver blocks = new BlockTriangularSolver();

    /** How a loop block is solved. */
    public enum LoopStrategy { SPARSE_LU, PRECONDITIONED_GMRES }

    /**
     * Above this predicted work a loop block goes to GMRES: {@value} flops of LU take about a second in Java
     * on the benchmark machine, while one GMRES solve of such a loop takes milliseconds
     * (docs/performance.md, "Choosing the strategy").
     */
    static final double LU_FLOP_LIMIT = 3e7;

    /**
     * The rule: a sparse LU (exact, fastest per solve) unless its predicted work
     * ({@link CsLu#predictedFlops}: symbolic Cholesky of the pattern of A + Aᵀ under AMD) exceeds
     * {@link #LU_FLOP_LIMIT}: catastrophic fill from dense market rows and columns or random cycles, where
     * ILU(0)-preconditioned GMRES wins.
     */
    static LoopStrategy loopStrategy(int size, int nonZeros, double predictedFlops) {
        return predictedFlops > LU_FLOP_LIMIT ? LoopStrategy.PRECONDITIONED_GMRES : LoopStrategy.SPARSE_LU;
    }

    @Override
    public Factorization factorize(DMatrixSparseCSC a) {
        int[] order = new ProcessGraph(a).consumersFirstOrder();
        if (order != null) {
            return topological.factorize(a, order);
        }
        return blocks.factorize(a);
    }
}
