package dev.cradle.engine.solve;

import dev.cradle.engine.matrix.CharacterisedInterventions;
import org.ejml.data.DMatrixSparseCSC;

/**
 * A static background database solved once: the cumulative result of every indicator per one unit of
 * every background product, {@code Λ = C·B_b·A_bb⁻¹} (k × n_b), from k adjoint solves
 * {@code A_bbᵀ·λ_k = (C·B_b)_k} on one factorisation (as openLCA's libraries and Brightway's
 * PartitionedMonteCarloLCA do). A foreground linked to it ({@link PartitionedSystem}) is then evaluated
 * without touching the background again. Units: indicator unit per product unit (A's row unit). Immutable.
 */
public final class BackgroundIntensities {
    private final double[][] lambda;
    private final String method;
    private final java.util.List<String> warnings;

    private BackgroundIntensities(double[][] lambda, String method, java.util.List<String> warnings) {
        this.lambda = lambda;
        this.method = method;
        this.warnings = warnings;
    }

    /**
     * Solves the background once.
     *
     * @param a technosphere of the background, n_b × n_b
     * @param b its interventions, m × n_b
     * @param c characterisation, k × m (dense)
     * @param solver the strategy (the engine uses {@link SolverSelector})
     * @throws SingularSystemException when the background cannot be solved (processes and residual named)
     */
    public static BackgroundIntensities of(DMatrixSparseCSC a, DMatrixSparseCSC b, double[][] c, Solver solver) {
        if (b.numCols != a.numCols) {
            throw new IllegalArgumentException("B has " + b.numCols + " columns for " + a.numCols + " processes");
        }
        Factorization f = solver.factorize(a);
        double[][] rows = CharacterisedInterventions.of(b, c);
        return new BackgroundIntensities(f.solveTransposed(rows), f.method(), f.warnings());
    }

    public int indicators() {
        return lambda.length;
    }

    public int products() {
        return lambda.length == 0 ? 0 : lambda[0].length;
    }

    /** Indicator k per one unit of background product j. */
    public double value(int k, int j) {
        return lambda[k][j];
    }

    /** How the background was solved, and its warnings (a condition estimate, if any). */
    public String method() {
        return method;
    }

    public java.util.List<String> warnings() {
        return warnings;
    }

    /** h_k += Σ_j Λ[k][j]·d_j for a background demand d given by the entries of column {@code col} of a link matrix times {@code factor}. */
    void accumulate(DMatrixSparseCSC link, int col, double factor, double[] h) {
        for (int p = link.col_idx[col]; p < link.col_idx[col + 1]; p++) {
            int j = link.nz_rows[p];
            double d = factor * link.nz_values[p];
            for (int k = 0; k < h.length; k++) {
                h[k] += lambda[k][j] * d;
            }
        }
    }
}
