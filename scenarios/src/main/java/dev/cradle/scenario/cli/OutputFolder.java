package dev.cradle.scenario.cli;

import dev.cradle.scenario.report.ResultSetWriter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder a run writes its results into ({@code --out}): checked before anything is calculated
 * (a file, a device or a folder that cannot be created is refused), then written as one set by
 * {@link ResultSetWriter}. Every failure is an {@link EnvironmentException} (exit code 2).
 */
final class OutputFolder {
    private OutputFolder() {
    }

    /** Refuses an output folder that is a file, or lies below one, or cannot be written. */
    static void check(Path dir) {
        if (dir.toString().isEmpty()) {
            throw new EnvironmentException("--out names no folder (the name is empty); name a folder with --out DIR");
        }
        Path p = dir.toAbsolutePath();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new EnvironmentException("cannot write results to " + dir + ": it is a file or a device, not a folder; "
                    + "name a folder with --out DIR");
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new EnvironmentException("cannot write results to " + dir + ": " + existing
                    + " is a file or a device, not a folder; name a folder with --out DIR");
        }
        if (!Files.isWritable(existing)) {
            throw new EnvironmentException("cannot write results to " + dir + ": " + existing
                    + " is not writable (read-only or no permission); name another folder with --out DIR");
        }
    }

    /** Writes the set, mapping I/O failures to a message naming the folder and the reason. */
    static void write(Path dir, Map<String, String> files) {
        try {
            ResultSetWriter.write(dir, files);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write results to " + dir + ": " + reason(e)
                    + "; the previous results there, if any, are intact");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "the folder cannot be created" + (n.getFile() == null ? "" : " (" + n.getFile() + ")");
        }
        if (e instanceof java.nio.file.NotDirectoryException n) {
            return n.getFile() + " is not a folder";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof FileSystemException f) {
            return (f.getReason() == null ? "an input/output error" : f.getReason())
                    + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }
}
