package dev.cradle.scenario.report;

import dev.cradle.model.SignificantFigures;
import java.util.Locale;

/** Number formatting for people: four significant digits, no exponent between 1e-3 and 1e6. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 && a < 1e15) {
            // four significant digits with thousands separators: 1,083,000
            return String.format(Locale.ROOT, "%,d", SignificantFigures.round(v, 4).toBigInteger());
        }
        if (a >= 1e-3 && a < 1e4) {
            return SignificantFigures.of(v, 4);
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    public static String percent(double share) {
        if (share == 0) {
            return "0.0%";
        }
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
