package dev.cradle.model;

/** Raised when a quantity is a bare number ({@code "12"}) where a number with its unit is required. */
public final class MissingUnitException extends IllegalArgumentException {
    private final String text;

    public MissingUnitException(String text, String number) {
        super("'" + text + "' has no unit; write it as e.g. '" + number + " kWh'");
        this.text = text;
    }

    /** The text as written. */
    public String text() {
        return text;
    }
}
