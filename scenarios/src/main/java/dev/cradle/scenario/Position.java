package dev.cradle.scenario;

/** A 1-based line and column in a scenario file. */
public record Position(int line, int column) {
    public static final Position UNKNOWN = new Position(1, 1);

    public Position shiftColumns(int columns) {
        return new Position(line, column + columns);
    }
}
