package dev.cradle.scenario;

/**
 * The values a numeric field of a scenario may take. Every number a scenario holds has one (see
 * {@link NumericFields}); it is checked at load time at the field's position, stated in
 * docs/scenario-reference.md ("Domains of numbers") and in the JSON Schema. Non-finite numbers are
 * outside every domain.
 */
enum Domain {
    /** Any finite number, negative included (exchange amounts, parameters, characterisation factors). */
    ANY("any finite number", "finite"),
    /** Strictly positive: lifetimes, powers, periods, masses, reference amounts. */
    POSITIVE("greater than 0", "> 0"),
    /** Zero or more: intensities, water, distances, embodied figures, counts of queries. */
    NON_NEGATIVE("0 or more", "≥ 0"),
    /** A share that cannot be zero: utilisation. */
    FRACTION("greater than 0 and at most 1", "(0, 1]"),
    /** A share: allocation factors, renewable and recycling shares, generation shares. */
    SHARE("between 0 and 1", "[0, 1]"),
    /** One or more: PUE, downstream tasks, a geometric standard deviation. */
    AT_LEAST_ONE("1 or more", "≥ 1"),
    /** A whole number of devices, 1 or more. */
    COUNT("a whole number from 1 to 2147483647", "integer in [1, 2147483647]");

    private final String rule;
    private final String notation;

    Domain(String rule, String notation) {
        this.rule = rule;
        this.notation = notation;
    }

    /** What the rule says in a message: "it must be greater than 0". */
    String rule() {
        return rule;
    }

    /** The short notation used in the docs' table: "> 0", "(0, 1]". */
    String notation() {
        return notation;
    }

    boolean accepts(double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        return switch (this) {
            case ANY -> true;
            case POSITIVE -> v > 0;
            case NON_NEGATIVE -> v >= 0;
            case FRACTION -> v > 0 && v <= 1;
            case SHARE -> v >= 0 && v <= 1;
            case AT_LEAST_ONE -> v >= 1;
            case COUNT -> v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE;
        };
    }

    /**
     * The JSON Schema keywords (draft 7) stating this domain for a number; strings holding a quantity
     * ({@code "6 years"}) are additionally held to {@link #stringPattern()}.
     */
    java.util.Map<String, Object> schemaKeywords() {
        return switch (this) {
            case ANY -> java.util.Map.of();
            case POSITIVE -> java.util.Map.of("exclusiveMinimum", 0);
            case NON_NEGATIVE -> java.util.Map.of("minimum", 0);
            case FRACTION -> java.util.Map.of("exclusiveMinimum", 0, "maximum", 1);
            case SHARE -> java.util.Map.of("minimum", 0, "maximum", 1);
            case AT_LEAST_ONE -> java.util.Map.of("minimum", 1);
            case COUNT -> java.util.Map.of("minimum", 1, "maximum", Integer.MAX_VALUE, "multipleOf", 1);
        };
    }

    /**
     * A regular expression a string in this domain matches: a quantity with no minus sign and, where positive,
     * not zero; or a parameter or formula (starting with a letter, '_' or '('), whose central value the loader
     * checks.
     */
    String stringPattern() {
        return switch (this) {
            case POSITIVE -> "^\\s*(\\+?0*\\.?0*[1-9]|[A-Za-z_(])";
            case NON_NEGATIVE -> "^\\s*(\\+?[0-9.]|[A-Za-z_(])";
            default -> null;
        };
    }
}
