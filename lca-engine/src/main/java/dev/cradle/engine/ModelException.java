package dev.cradle.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A product system that cannot be calculated as given: every problem found, not just the first.
 * This is the user's input at fault (exit code 2 in the runner), never an internal error.
 */
public final class ModelException extends RuntimeException {
    private final List<ModelProblem> problems;

    public ModelException(List<ModelProblem> problems) {
        super(problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ModelException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static ModelException of(String path, String message) {
        return new ModelException(List.of(ModelProblem.at(path, message)));
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
