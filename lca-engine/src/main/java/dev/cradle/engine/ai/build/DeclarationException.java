package dev.cradle.engine.ai.build;

import java.util.List;

/**
 * A declaration built through the Java API is incomplete or outside its domain: every problem of the
 * declaration, each naming the declaration, the field, the value given and what would be right.
 */
public final class DeclarationException extends IllegalArgumentException {
    private final List<String> problems;

    public DeclarationException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public DeclarationException(String problem) {
        this(List.of(problem));
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
