package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/**
 * The one place where the solve strategy is chosen: substitution in topological order when the
 * supply graph has no loop ({@link TopologicalSolver}), the block triangular sparse LU otherwise
 * ({@link BlockTriangularSolver}: every loop factorised on its own, scaled so that units and process
 * order do not matter). Both check every solve's residual.
 */
public final class SolverSelector implements Solver {
    private final TopologicalSolver topological = new TopologicalSolver();
    private final BlockTriangularSolver blocks = new BlockTriangularSolver();

    @Override
    public Factorization factorize(DMatrixSparseCSC a) {
        int[] order = new ProcessGraph(a).consumersFirstOrder();
        if (order != null) {
            return topological.factorize(a, order);
        }
        return blocks.factorize(a);
    }
}
