package dev.cradle.engine.matrix;

import org.ejml.data.DMatrixSparseCSC;

/**
 * The numbers of one calculation: technosphere A (n×n), interventions B (m×n), characterisation
 * C (k×m, dense: methods are small) and the final demand f (n).
 * Sign conventions: product outputs and waste inputs (what a process provides) are positive on the
 * diagonal of A... see docs/methodology.md §3.
 */
public record MatrixData(DMatrixSparseCSC technosphere, DMatrixSparseCSC interventions, double[][] characterisation,
                         double[] demand) {
}
