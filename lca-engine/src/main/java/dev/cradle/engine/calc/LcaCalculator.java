package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.result.CumulativeResults;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SingularSystemException;
import dev.cradle.engine.solve.Solver;
import jakarta.inject.Inject;

/**
 * Calculates compiled product systems: builds the matrices, factorises the technosphere once
 * ({@link #prepare}) and solves for the functional unit, for any demand vector given at solve time,
 * or for every process at once ({@link #cumulativeResults}).
 */
public final class LcaCalculator {
    private final Solver solver;

    @Inject
    public LcaCalculator(Solver solver) {
        this.solver = solver;
    }

    /** The result at the parameters' declared values. */
    public LcaResult calculate(CompiledSystem system) {
        return calculate(system, system.parameters().evaluate());
    }

    /**
     * The result for a given parameter vector.
     *
     * @throws ModelException naming the processes at fault when the system cannot be solved, or when an amount,
     *                        the solution or a result is not a finite number (overflow)
     */
    public LcaResult calculate(CompiledSystem system, double[] parameters) {
        LcaResult result = prepare(system, parameters).calculate();
        FiniteCheck.result(result);
        return result;
    }

    /** {@link #prepare(CompiledSystem, double[])} at the parameters' declared values. */
    public PreparedSystem prepare(CompiledSystem system) {
        return prepare(system, system.parameters().evaluate());
    }

    /**
     * Builds A, B, C for a parameter vector and factorises A once; the returned system solves any
     * demand vector and every process's cumulative results without refactorising.
     *
     * @throws ModelException naming the processes at fault (a zero reference output, a loop whose gain
     *     is at least 1, a singular system) when A cannot be solved
     */
    public PreparedSystem prepare(CompiledSystem system, double[] parameters) {
        MatrixData data = system.matrices(parameters);
        FiniteCheck.matrices(data, system.techIndex());
        Factorization factorization;
        try {
            factorization = solver.factorize(data.technosphere());
        } catch (SingularSystemException e) {
            throw SolverProblems.toModelException(e, system.techIndex());
        }
        return new PreparedSystem(system, data, factorization);
    }

    /**
     * Every column's cumulative result per one unit of its reference flow for every indicator, from one
     * factorisation and one adjoint solve per indicator ({@code (C·B·A⁻¹)} row by row), at the
     * parameters' declared values.
     */
    public CumulativeResults cumulativeResults(CompiledSystem system) {
        return prepare(system).cumulativeResults();
    }
}
