package dev.cradle.engine.matrix;

import org.ejml.data.DMatrixSparseCSC;

/**
 * The characterised intervention matrix {@code C·B}: indicator k per one run of column j (k × n), the
 * right-hand sides of the adjoint solves {@code Aᵀ·λ_k = (C·B)_k} that give every process's cumulative
 * result. Units: indicator unit per run of the process.
 */
public final class CharacterisedInterventions {
    private CharacterisedInterventions() {
    }

    /** {@code (C·B)[k][j]} from B (m × n, sparse) and C (k × m, dense). */
    public static double[][] of(DMatrixSparseCSC b, double[][] c) {
        double[][] out = new double[c.length][b.numCols];
        for (int j = 0; j < b.numCols; j++) {
            for (int p = b.col_idx[j]; p < b.col_idx[j + 1]; p++) {
                int i = b.nz_rows[p];
                double v = b.nz_values[p];
                for (int k = 0; k < c.length; k++) {
                    out[k][j] += c[k][i] * v;
                }
            }
        }
        return out;
    }
}
