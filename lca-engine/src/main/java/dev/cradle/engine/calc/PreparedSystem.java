package dev.cradle.engine.calc;

import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.result.CumulativeResults;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SingularSystemException;

/**
 * A compiled system at one parameter vector with its technosphere factorised once: any demand
 * vector given at solve time ({@link #calculate(double[])}), and every column's cumulative results
 * ({@link #cumulativeResults()}), reuse that one factorisation. Immutable and thread-safe.
 */
public final class PreparedSystem {
    private final CompiledSystem system;
    private final MatrixData data;
    private final Factorization factorization;

    PreparedSystem(CompiledSystem system, MatrixData data, Factorization factorization) {
        this.system = system;
        this.data = data;
        this.factorization = factorization;
    }

    public CompiledSystem system() {
        return system;
    }

    /** A, B, C and the system's own functional unit f, at this parameter vector. */
    public MatrixData matrices() {
        return data;
    }

    public Factorization factorization() {
        return factorization;
    }

    /**
     * The result for a final demand vector {@code f} (one entry per column of {@link CompiledSystem#techIndex()},
     * in the column's reference unit; a waste treatment's demand is negative, see docs/methodology.md §3).
     *
     * @throws IllegalArgumentException when f has the wrong length or a non-finite entry
     * @throws dev.cradle.engine.ModelException when the solve's residual check fails, or a result overflows
     */
    public LcaResult calculate(double[] demand) {
        int n = system.techIndex().size();
        if (demand.length != n) {
            throw new IllegalArgumentException("the demand vector has " + demand.length + " entries; the system has "
                    + n + " columns");
        }
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(demand[j])) {
                throw new IllegalArgumentException("demand entry " + j + " is " + demand[j] + "; it must be finite");
            }
        }
        MatrixData withDemand = new MatrixData(data.technosphere(), data.interventions(), data.characterisation(),
                demand.clone());
        try {
            LcaResult result = new LcaResult(system.techIndex(), system.flowIndex(), system.impactIndex(), withDemand,
                    factorization);
            FiniteCheck.result(result); // no infinite or NaN number leaves the engine
            return result;
        } catch (SingularSystemException e) {
            throw SolverProblems.toModelException(e, system.techIndex());
        }
    }

    /** The result for {@code amount} of column j's product as the only demand. */
    public LcaResult calculate(int column, double amount) {
        double[] f = new double[system.techIndex().size()];
        f[column] = amount;
        return calculate(f);
    }

    /** The result for the system's own functional unit. */
    public LcaResult calculate() {
        return calculate(data.demand());
    }

    /**
     * Every column's cumulative result per one unit of its reference flow, for every indicator, by one
     * adjoint solve per indicator on this factorisation.
     */
    public CumulativeResults cumulativeResults() {
        try {
            return CumulativeResults.of(system.techIndex(), system.impactIndex(), data, factorization);
        } catch (SingularSystemException e) {
            throw SolverProblems.toModelException(e, system.techIndex());
        }
    }
}
