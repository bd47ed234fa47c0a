package dev.cradle.scenario.analysis;

import java.util.Objects;

/**
 * One output of a study analysis: an indicator's result for one functional unit, either the total or one
 * member of a breakdown (a life-cycle stage, an ML phase, a model, a device).
 *
 * @param functionalUnit the functional unit's id
 * @param indicator      the indicator key, {@code method/category}
 * @param unit           the indicator's unit symbol (e.g. {@code kg CO2-eq})
 * @param breakdown      total, or which breakdown {@code member} belongs to
 * @param member         the stage, phase, model or device name; {@code "total"} for the total
 */
public record OutputKey(String functionalUnit, String indicator, String unit, Breakdown breakdown, String member) {

    /** The breakdowns of a result, as the deterministic reports show them. */
    public enum Breakdown { TOTAL, STAGE, PHASE, MODEL, DEVICE }

    public OutputKey {
        Objects.requireNonNull(functionalUnit, "functionalUnit");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(member, "member");
    }

    public static OutputKey total(String functionalUnit, String indicator, String unit) {
        return new OutputKey(functionalUnit, indicator, unit, Breakdown.TOTAL, "total");
    }

    /** A stable name for tables and raw-draw columns: {@code fu|indicator|breakdown|member}. */
    public String name() {
        return functionalUnit + "|" + indicator + "|" + breakdown.name().toLowerCase(java.util.Locale.ROOT) + "|"
                + member;
    }
}
