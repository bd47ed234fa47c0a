package dev.cradle.model;

/**
 * An amount that is not a finite number (infinite or NaN), typically the overflow of a product of
 * large inputs. Typed so the layers above can report it as the user's input at fault.
 */
public final class NonFiniteAmountException extends IllegalArgumentException {
    private final double value;

    public NonFiniteAmountException(double value) {
        super("amount must be finite: " + value);
        this.value = value;
    }

    /** The offending value: infinite or NaN. */
    public double value() {
        return value;
    }
}
