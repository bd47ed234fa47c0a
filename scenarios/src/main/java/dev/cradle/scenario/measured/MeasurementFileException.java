package dev.cradle.scenario.measured;

/**
 * A measurement file that cannot be read as its tool wrote it: the 1-based line and column of the cause
 * (0 when the whole file is at fault) and what was wrong and what would be right. The message never
 * quotes the file's content beyond a column name the reader expected.
 */
public final class MeasurementFileException extends Exception {
    private final int line;
    private final int column;

    public MeasurementFileException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** "line 5, column 12: ..." or the bare message for a whole-file fault. */
    public String located() {
        if (line <= 0) {
            return getMessage();
        }
        return "line " + line + (column > 0 ? ", column " + column : "") + ": " + getMessage();
    }
}
