package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/** A strategy for solving the technosphere system {@code A·s = f}. */
public interface Solver {
    /**
     * Prepares {@code a} (square, n×n) for solves.
     *
     * @throws SingularSystemException when A cannot be solved
     */
    Factorization factorize(DMatrixSparseCSC a);
}
