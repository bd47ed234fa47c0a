package dev.cradle.scenario.report;

import java.util.Locale;

/** Number formatting for people: four significant digits, no exponent between 1e-3 and 1e6. */
final class Numbers {
    private Numbers() {
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 && a < 1e15) {
            // four significant digits with thousands separators: 1,083,000
            java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(4));
            return String.format(Locale.ROOT, "%,d", d.toBigInteger());
        }
        if (a >= 1e-3 && a < 1e4) {
            java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(4));
            return d.stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    static String percent(double share) {
        if (share == 0) {
            return "0.0%";
        }
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
