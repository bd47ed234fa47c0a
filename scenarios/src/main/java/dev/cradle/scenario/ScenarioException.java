package dev.cradle.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem found in a scenario file, sorted by position. Exit code 2 in the CLI. */
public final class ScenarioException extends RuntimeException {
    private final List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().distinct()
                .sorted(Comparator.comparingInt((Problem p) -> p.position().line())
                        .thenComparingInt(p -> p.position().column()))
                .toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
