package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SingularSystemException;
import dev.cradle.engine.solve.Solver;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Calculates compiled product systems: builds the matrices, solves, and wraps an {@link LcaResult}. */
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
        MatrixData data = system.matrices(parameters);
        FiniteCheck.matrices(data, system.techIndex());
        LcaResult result;
        try {
            // singularity shows at factorisation (vanishing pivots) or at the solve (non-finite, residual)
            Factorization factorization = solver.factorize(data.technosphere());
            result = new LcaResult(system.techIndex(), system.flowIndex(), system.impactIndex(), data, factorization);
        } catch (SingularSystemException e) {
            List<ModelProblem> problems = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int j : e.columns()) {
                TechFlow t = system.techIndex().at(j);
                names.add(t.label());
            }
            String first = names.isEmpty() ? "system" : "process:" + system.techIndex().at(e.columns()[0]).processId();
            problems.add(ModelProblem.at(first, "the system cannot be solved: " + e.getMessage()
                    + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")")));
            throw new ModelException(problems);
        }
        FiniteCheck.result(result);
        return result;
    }
}
