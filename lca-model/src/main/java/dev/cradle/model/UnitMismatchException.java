package dev.cradle.model;

/** Raised when an amount in one dimension is used where another is expected (kWh where kg is). */
public final class UnitMismatchException extends IllegalArgumentException {
    private final Unit given;
    private final Unit expected;

    public UnitMismatchException(Unit given, Unit expected) {
        super("unit '" + given.symbol() + "' (" + given.dimension().label() + ") cannot be converted to '"
                + expected.symbol() + "' (" + expected.dimension().label() + ")");
        this.given = given;
        this.expected = expected;
    }

    public Unit given() {
        return given;
    }

    public Unit expected() {
        return expected;
    }
}
