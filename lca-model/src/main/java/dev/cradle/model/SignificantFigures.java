package dev.cradle.model;

import java.math.BigDecimal;
import java.math.MathContext;

/** A number rounded to a count of significant figures for people, without an exponent: 0.8999999999999999 → 0.9. */
public final class SignificantFigures {
    private SignificantFigures() {
    }

    /** {@code v} rounded to {@code digits} significant figures, trailing zeros dropped, plain notation. */
    public static String of(double v, int digits) {
        return round(v, digits).stripTrailingZeros().toPlainString();
    }

    /** {@code v} rounded to {@code digits} significant figures. */
    public static BigDecimal round(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(digits));
    }
}
