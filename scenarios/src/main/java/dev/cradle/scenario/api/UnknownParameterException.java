package dev.cradle.scenario.api;

/** A parameter named through the Java API that the study does not have as an input (with a suggestion). */
public final class UnknownParameterException extends IllegalArgumentException {
    private final String name;

    public UnknownParameterException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** The name given. */
    public String name() {
        return name;
    }
}
