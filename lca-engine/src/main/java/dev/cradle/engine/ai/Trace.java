package dev.cradle.engine.ai;

import java.util.List;

/**
 * Which declaration produced which process, by which rule, and the arithmetic behind its amounts —
 * what {@code cradle explain} prints.
 */
public record Trace(String processId, String rule, String declaration, String origin, List<String> lines) {
    public Trace {
        lines = List.copyOf(lines);
    }
}
