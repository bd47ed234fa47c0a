package dev.cradle.scenario.measured;

import java.util.regex.Pattern;

/**
 * Decimal numbers as measurement tools write them — {@code 12}, {@code -0.5}, {@code 1.2e-05} — and
 * nothing else: Java's {@code Double.parseDouble} would also take {@code 1.5d}, {@code 0x1p3},
 * {@code NaN} and {@code Infinity}, none of which a tool writes and all of which would be a silent
 * wrong number.
 */
public final class StrictNumber {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private StrictNumber() {
    }

    /** The value, or NaN when {@code s} is not a finite decimal number. */
    public static double parse(String s) {
        if (s == null || s.length() > 64 || !DECIMAL.matcher(s).matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
