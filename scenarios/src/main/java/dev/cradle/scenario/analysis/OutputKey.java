package dev.cradle.scenario.analysis;

import java.util.Objects;

/**
 * One output of a study analysis: an indicator's result for one functional unit, either the total or one
 * member of a breakdown (a life-cycle stage, an ML phase, a model, a device, a datacenter).
 *
 * @param functionalUnit the functional unit's id
 * @param indicator      the indicator key, {@code method/category}
 * @param unit           the indicator's unit symbol (e.g. {@code kg CO2-eq})
 * @param breakdown      total, or which breakdown {@code member} belongs to
 * @param member         the stage, phase, model, device or datacenter name; {@code "total"} for the total
 * @param basis          the electricity accounting basis: location-based grid intensities, or the study's market
 *                       basis (contracts and residual mix, {@code AiStudy.marketBasis})
 */
public record OutputKey(String functionalUnit, String indicator, String unit, Breakdown breakdown, String member,
                        Basis basis) {

    /** The electricity accounting basis of a result (GHG Protocol Scope 2: location- or market-based). */
    public enum Basis { LOCATION, MARKET }

    /** A location-based output. */
    public OutputKey(String functionalUnit, String indicator, String unit, Breakdown breakdown, String member) {
        this(functionalUnit, indicator, unit, breakdown, member, Basis.LOCATION);
    }

    /**
     * The breakdowns of a result, as the deterministic reports show them: life cycle stage, ML phase, and the model,
     * device and datacenter a process is tagged with (the ids the study declares).
     */
    public enum Breakdown { TOTAL, STAGE, PHASE, MODEL, DEVICE, DATACENTER }

    public OutputKey {
        Objects.requireNonNull(functionalUnit, "functionalUnit");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(basis, "basis");
    }

    public static OutputKey total(String functionalUnit, String indicator, String unit) {
        return new OutputKey(functionalUnit, indicator, unit, Breakdown.TOTAL, "total");
    }

    /** The same output on the market basis. */
    public OutputKey market() {
        return new OutputKey(functionalUnit, indicator, unit, breakdown, member, Basis.MARKET);
    }

    /** The basis as the tables write it: {@code location} or {@code market}. */
    public String basisName() {
        return basis.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A stable name for tables and raw-draw columns: {@code fu|indicator|breakdown|member}, with {@code |market}
     * appended on the market basis.
     */
    public String name() {
        return functionalUnit + "|" + indicator + "|" + breakdown.name().toLowerCase(java.util.Locale.ROOT) + "|"
                + member + (basis == Basis.MARKET ? "|market" : "");
    }
}
