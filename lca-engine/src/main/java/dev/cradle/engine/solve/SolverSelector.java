package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/**
 * The one place where the solve strategy is chosen: topological substitution when the supply graph
 * has no cycle, sparse LU otherwise.
 */
public final class SolverSelector implements Solver {
    private final TopologicalSolver topological = new TopologicalSolver();
    private final SparseLuSolver lu = new SparseLuSolver();

    @Override
    public Factorization factorize(DMatrixSparseCSC a) {
        int[] order = new ProcessGraph(a).consumersFirstOrder();
        if (order != null) {
            return topological.factorize(a, order);
        }
        return lu.factorize(a);
    }
}
