package dev.cradle.engine.formula;

/**
 * A formula that cannot be parsed or compiled. {@link #column()} is the 1-based position of the
 * offending character in the formula text, so callers can point at it in a source file.
 */
public final class FormulaException extends RuntimeException {
    private final String formula;
    private final int column;
    private final String reason;

    public FormulaException(String formula, int column, String reason) {
        super("in formula '" + formula + "' at column " + column + ": " + reason);
        this.formula = formula;
        this.column = column;
        this.reason = reason;
    }

    public String formula() {
        return formula;
    }

    /** 1-based column inside the formula text. */
    public int column() {
        return column;
    }

    /** The reason alone, without the formula text. */
    public String reason() {
        return reason;
    }
}
