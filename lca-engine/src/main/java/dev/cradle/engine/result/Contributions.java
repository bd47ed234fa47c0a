package dev.cradle.engine.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One indicator's result split into groups (processes, life cycle stages, ML phases or tag values).
 * The groups partition the processes, so the values sum to {@link #total()}.
 *
 * @param indicator the indicator key, e.g. {@code ipcc-ar6/gwp100}
 * @param unit      indicator unit, e.g. {@code kg CO2-eq}
 * @param total     the indicator result of the whole system
 * @param values    value per group, in insertion order
 */
public record Contributions(String indicator, String unit, double total, Map<String, Double> values) {
    public Contributions {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Share of a group in the total (0 when the total is 0). */
    public double share(String group) {
        double v = values.getOrDefault(group, 0.0);
        return total == 0 ? 0 : v / total;
    }

    /** Sum of all groups; equals {@link #total()} up to rounding. */
    public double sum() {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
