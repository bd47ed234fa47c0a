package dev.cradle.engine.ai.build;

import dev.cradle.model.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one declaration under construction, collected so that {@code build()} reports them
 * all at once. A field holding a formula over parameters is checked against its domain when the study
 * is compiled (its value is known only then); a literal is checked here.
 */
final class Checks {
    /** The values a numeric field may take (the same domains as docs/scenario-reference.md, "Domains of numbers"). */
    enum Domain {
        POSITIVE("greater than 0"),
        NON_NEGATIVE("0 or more"),
        FRACTION("greater than 0 and at most 1"),
        SHARE("between 0 and 1"),
        AT_LEAST_ONE("1 or more"),
        COUNT("a whole number of 1 or more");

        private final String rule;

        Domain(String rule) {
            this.rule = rule;
        }

        boolean accepts(double v) {
            return switch (this) {
                case POSITIVE -> v > 0;
                case NON_NEGATIVE -> v >= 0;
                case FRACTION -> v > 0 && v <= 1;
                case SHARE -> v >= 0 && v <= 1;
                case AT_LEAST_ONE -> v >= 1;
                case COUNT -> v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE;
            };
        }
    }

    private final String where;
    private final List<String> problems = new ArrayList<>();

    Checks(String where) {
        this.where = where;
    }

    /** A required field left unset. */
    void required(Object value, String field, String how) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add("needs '" + field + "' (" + how + ")");
        }
    }

    /** A literal outside {@code domain}; a formula over parameters passes (checked at compilation). */
    void domain(Expression e, String field, Domain domain) {
        if (e instanceof Expression.Number n && !domain.accepts(n.value())) {
            add("'" + field + "' is " + n.value() + "; it must be " + domain.rule);
        }
    }

    void add(String problem) {
        problems.add(where + ": " + problem);
    }

    /** Throws every problem found, or returns when there are none. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new DeclarationException(problems);
        }
    }

    /** The value of a literal, or NaN for a formula over parameters or an unset field. */
    static double literal(Expression e) {
        return e instanceof Expression.Number n ? n.value() : Double.NaN;
    }
}
