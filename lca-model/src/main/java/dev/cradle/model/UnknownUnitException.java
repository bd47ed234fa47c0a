package dev.cradle.model;

/** Raised when a unit symbol is not one Cradle knows (symbols are case-sensitive: MW is not mW). */
public final class UnknownUnitException extends IllegalArgumentException {
    private final String symbol;

    public UnknownUnitException(String symbol) {
        super("unknown unit '" + symbol + "'");
        this.symbol = symbol;
    }

    /** The symbol as written. */
    public String symbol() {
        return symbol;
    }
}
