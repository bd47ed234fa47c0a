package dev.cradle.model;

import java.util.Objects;

/**
 * A unit of measurement: {@code value_in_base = value × factor}, where the base is the
 * {@link Dimension#baseUnit()} of its dimension (e.g. kWh has factor 3.6e6 on the base J).
 */
public record Unit(String symbol, Dimension dimension, double factor) {

    public Unit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dimension, "dimension");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("unit factor must be positive and finite: " + symbol);
        }
    }

    /** True when amounts in this unit can be converted into {@code other}. */
    public boolean isCompatibleWith(Unit other) {
        return dimension == other.dimension
                && (dimension != Dimension.IMPACT && dimension != Dimension.OTHER || symbol.equals(other.symbol));
    }

    /**
     * Converts {@code amount} in this unit into {@code target}: {@code amount × factor / target.factor}.
     *
     * @throws UnitMismatchException when the dimensions differ
     */
    public double convert(double amount, Unit target) {
        return amount * conversionFactorTo(target);
    }

    /** The multiplier from this unit to {@code target}. */
    public double conversionFactorTo(Unit target) {
        if (!isCompatibleWith(target)) {
            throw new UnitMismatchException(this, target);
        }
        return factor == target.factor ? 1.0 : factor / target.factor;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
