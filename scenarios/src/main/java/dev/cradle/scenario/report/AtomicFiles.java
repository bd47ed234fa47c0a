package dev.cradle.scenario.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a set of result files so that a failure leaves no half-written file: every file is written
 * in full to a temporary file in the target folder first, and only when all are written are they
 * renamed into place (atomically where the file system allows).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        List<Path[]> staged = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path tmp = Files.createTempFile(dir, "." + f.getKey() + ".", ".tmp");
                staged.add(new Path[] {tmp, dir.resolve(f.getKey())});
                Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
            }
            for (Path[] s : staged) {
                try {
                    Files.move(s[0], s[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(s[0], s[1], StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path[] s : staged) {
                Files.deleteIfExists(s[0]);
            }
        }
    }
}
