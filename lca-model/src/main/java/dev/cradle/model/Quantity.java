package dev.cradle.model;

import java.util.Objects;

/** An amount with its unit, e.g. {@code 12 kWh}. Immutable. */
public record Quantity(double value, Unit unit) {

    public Quantity {
        Objects.requireNonNull(unit, "unit");
    }

    public static Quantity of(double value, String unitSymbol) {
        return new Quantity(value, Units.of(unitSymbol));
    }

    /** This quantity expressed in {@code target} (same dimension, else {@link UnitMismatchException}). */
    public Quantity to(Unit target) {
        return new Quantity(unit.convert(value, target), target);
    }

    public double in(Unit target) {
        return unit.convert(value, target);
    }

    /**
     * Parses {@code "<number> <unit>"}, e.g. {@code "12.5 kWh"} or {@code "3e3 t*km"}.
     *
     * @throws NotAQuantityException when the text does not start with a number
     * @throws MissingUnitException    when no unit follows the number
     * @throws UnknownUnitException    when the unit is not known
     */
    public static Quantity parse(String text) {
        java.util.regex.Matcher m = PATTERN.matcher(text.trim());
        if (!m.matches()) {
            throw new NotAQuantityException(text);
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2).trim();
        if (unit.isEmpty()) {
            throw new MissingUnitException(text, m.group(1));
        }
        return new Quantity(v, Units.of(unit));
    }

    private static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
            "([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)");

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
