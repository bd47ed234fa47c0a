package dev.cradle.model;

/** Raised when text meant as a quantity does not start with a number ({@code "kWh"}, {@code "twelve kWh"}). */
public final class NotAQuantityException extends IllegalArgumentException {
    private final String text;

    public NotAQuantityException(String text) {
        super("expected '<number> <unit>' such as '12 kWh', got '" + text + "'");
        this.text = text;
    }

    /** The text as written. */
    public String text() {
        return text;
    }
}
