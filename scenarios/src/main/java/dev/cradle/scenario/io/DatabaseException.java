package dev.cradle.scenario.io;

import java.util.List;

/**
 * Bad or inconsistent database content: each problem names the archive, the file inside it and what is
 * wrong. The CLI reports it with exit code 2.
 */
public final class DatabaseException extends RuntimeException {
    private final List<String> problems;

    public DatabaseException(List<String> problems) {
        super(problems.isEmpty() ? "bad database" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** One problem in file {@code file} (a path inside the archive, or the archive itself). */
    public static DatabaseException at(String file, String message) {
        return new DatabaseException(List.of(file + ": " + message));
    }

    /** Every problem, one line each, as {@code file: message}. */
    public List<String> problems() {
        return problems;
    }
}
