package dev.cradle.scenario;

import java.nio.file.Path;

/** One problem in a scenario file, printed as {@code file:line:column: message}. */
public record Problem(Path file, Position position, String message) {
    @Override
    public String toString() {
        return file + ":" + position.line() + ":" + position.column() + ": " + message;
    }
}
