package dev.cradle.engine.solve;

/**
 * The technosphere matrix cannot be solved: {@link #columns()} are the columns at fault (a process
 * producing nothing, or a loop whose products are all consumed inside it).
 */
public final class SingularSystemException extends RuntimeException {
    private final int[] columns;

    public SingularSystemException(String reason, int[] columns) {
        super(reason);
        this.columns = columns.clone();
    }

    public int[] columns() {
        return columns.clone();
    }
}
