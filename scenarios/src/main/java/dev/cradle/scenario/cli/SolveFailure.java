package dev.cradle.scenario.cli;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.engine.solve.SingularSystemException;
import dev.cradle.scenario.LoadedScenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the processes of a system that cannot be solved, wherever the solve happened (the result, the
 * market-based result, the intensities behind the upstream tree), so that the CLI reports it at the
 * first process's position with exit code 2, never as an internal fault.
 */
final class SolveFailure {
    private SolveFailure() {
    }

    static ModelException named(LoadedScenario scenario, SingularSystemException e) {
        List<String> names = new ArrayList<>();
        String first = "system";
        var index = scenario.compiled().techIndex();
        for (int j : e.columns()) {
            if (j >= 0 && j < index.size()) {
                TechFlow t = index.at(j);
                names.add(t.label());
                if (first.equals("system")) {
                    first = "process:" + t.processId();
                }
            }
        }
        return new ModelException(List.of(ModelProblem.at(first, "the system cannot be solved: " + e.getMessage()
                + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"))));
    }
}
