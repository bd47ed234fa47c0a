package dev.cradle.engine.result;

import dev.cradle.engine.matrix.CharacterisedInterventions;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.solve.Factorization;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;

/**
 * Every column's cumulative (cradle-to-gate, loops included) indicator result per one unit of its
 * reference flow, for every indicator: {@code R[k][j] = σ_j·(C·B·A⁻¹)[k][j]}, the result of the
 * demand "one unit of column j's reference flow" ({@code f = σ_j·e_j}, with {@code σ_j = sign(A[j][j])}:
 * +1 for a product, −1 for a waste treatment, whose demand is negative). Computed from one
 * factorisation of A by one adjoint solve {@code Aᵀ·y_k = (C·B)[k]ᵀ} per indicator, as openLCA and
 * Brightway do for a whole database. Immutable.
 */
public final class CumulativeResults {
    private final TechIndex techIndex;
    private final ImpactIndex impactIndex;
    private final double[][] values;
    private final String solverMethod;
    private final double conditionEstimate;
    private final List<String> warnings;

    private CumulativeResults(TechIndex techIndex, ImpactIndex impactIndex, double[][] values,
                              Factorization factorization) {
        this.techIndex = techIndex;
        this.impactIndex = impactIndex;
        this.values = values;
        this.solverMethod = factorization.method();
        this.conditionEstimate = factorization.conditionEstimate();
        this.warnings = List.copyOf(factorization.warnings());
    }

    /**
     * Computes the table for the matrices {@code data} (its demand is ignored) on {@code factorization},
     * which must be the factorisation of {@code data.technosphere()}.
     *
     * @throws dev.cradle.engine.solve.SingularSystemException when a solve fails its residual check
     */
    public static CumulativeResults of(TechIndex techIndex, ImpactIndex impactIndex, MatrixData data,
                                       Factorization factorization) {
        return new CumulativeResults(techIndex, impactIndex, table(data, factorization), factorization);
    }

    /**
     * The bare table {@code R[k][j]} for matrices A, B, C (in {@code data}; its demand is ignored) and the
     * factorisation of A, without indices: for callers that assemble A, B and C themselves.
     *
     * @throws dev.cradle.engine.solve.SingularSystemException when a solve fails its residual check
     */
    public static double[][] table(MatrixData data, Factorization factorization) {
        double[][] perRun = CharacterisedInterventions.of(data.interventions(), data.characterisation());
        double[][] y = factorization.solveTransposed(perRun);
        DMatrixSparseCSC a = data.technosphere();
        for (int j = 0; j < a.numCols; j++) {
            if (a.get(j, j) < 0) {
                for (double[] row : y) {
                    row[j] = -row[j];
                }
            }
        }
        return y;
    }

    public TechIndex techIndex() {
        return techIndex;
    }

    public ImpactIndex impactIndex() {
        return impactIndex;
    }

    /** Indicator k per one reference unit of column j, in the indicator's unit. */
    public double value(int k, int j) {
        return values[k][j];
    }

    /** Indicator k for every column (a copy), in {@link #techIndex()} order. */
    public double[] indicator(int k) {
        return values[k].clone();
    }

    /** Every indicator for column j (a copy), in {@link #impactIndex()} order. */
    public double[] column(int j) {
        double[] out = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = values[k][j];
        }
        return out;
    }

    /** How the technosphere was solved. */
    public String solverMethod() {
        return solverMethod;
    }

    /** The solver's condition estimate of the scaled technosphere (see {@link Factorization#conditionEstimate()}). */
    public double conditionEstimate() {
        return conditionEstimate;
    }

    /** The solver's warnings (ill-conditioning), to be shown with the results. */
    public List<String> warnings() {
        return warnings;
    }
}
