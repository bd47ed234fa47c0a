package dev.cradle.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each model element came from: engine problem paths ({@code process:gpu/exchange:2}) mapped
 * to file positions, plus the start of each formula's text so a formula error points at the exact
 * character.
 */
public final class SourceMap {
    private final Map<String, Position> elements = new HashMap<>();
    private final Map<String, Position> formulas = new HashMap<>();

    void element(String path, Position position) {
        elements.putIfAbsent(path, position);
    }

    void formula(String path, Position textStart) {
        formulas.putIfAbsent(path, textStart);
    }

    /** The position of a problem at {@code path}, {@code column} inside its formula (0 for none). */
    public Position locate(String path, int column) {
        if (column > 0 && formulas.containsKey(path)) {
            return formulas.get(path).shiftColumns(column - 1);
        }
        String p = path;
        while (true) {
            Position pos = elements.get(p);
            if (pos != null) {
                return pos;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                // a process generated from an AI declaration ("process:workload:w/gpu/manufacturing") sits at
                // the declaration it came from ("workload:w")
                return path.startsWith("process:") && path.indexOf(':', 8) > 0 ? locate(path.substring(8), 0)
                        : Position.UNKNOWN;
            }
            p = p.substring(0, slash);
        }
    }
}
