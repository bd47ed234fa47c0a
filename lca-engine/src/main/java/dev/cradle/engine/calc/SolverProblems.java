package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.solve.SingularSystemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a solver's {@link SingularSystemException} into the user-facing {@link ModelException}
 * (exit code 2 in the runner) naming the processes at fault: used by every solve of the engine,
 * the transposed solves of upstream analysis included.
 */
public final class SolverProblems {
    private SolverProblems() {
    }

    /** The model problem for {@code e}, located at the first process at fault. */
    public static ModelException toModelException(SingularSystemException e, TechIndex techIndex) {
        int[] columns = e.columns();
        List<String> names = new ArrayList<>();
        for (int j : columns) {
            names.add(techIndex.at(j).label());
        }
        String path = columns.length == 0 ? "system" : "process:" + techIndex.at(columns[0]).processId();
        return new ModelException(List.of(ModelProblem.at(path, "the system cannot be solved: " + e.getMessage()
                + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"))));
    }
}
