package dev.cradle.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder that cannot be written is the environment's mistake: exit 2 with a message, never "a bug". */
class OutputFolderTest {
    static final Path EXAMPLE = Path.of("examples/generic-training-run.yaml");

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CradleCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("internal error") || text.contains("\tat "), text);
        return new String[] {String.valueOf(code), text};
    }

    @Test
    void anOutFolderThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "mine");
        String[] r = run("run", EXAMPLE.toString(), "--out", file.toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("cradle: cannot write results to " + file + ": it is a file or a device, not a folder"), r[1]);
        assertEquals("mine", Files.readString(file), "the file is untouched");
        String[] below = run("run", EXAMPLE.toString(), "--out", file.resolve("sub").toString());
        assertEquals("2", below[0]);
        assertTrue(below[1].contains(file + " is a file or a device, not a folder"), below[1]);
    }

    @Test
    void anEmptyOutName() {
        String[] r = run("run", EXAMPLE.toString(), "--out", "");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("cradle: --out names no folder (the name is empty)"), r[1]);
    }

    /** Something of the user's in the way inside the output folder: named, and left as it was. */
    @Test
    void aFolderInTheWayOfAResultFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/results.csv"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        String[] r = run("run", EXAMPLE.toString(), "--out", dir.resolve("out").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("a folder is in the way of a result file"), r[1]);
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        assertTrue(Files.notExists(dir.resolve("out/results.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "no half set: results.json is not made when results.csv cannot be");
    }

    @Test
    void anUnwritableDevice() {
        String[] r = run("run", EXAMPLE.toString(), "--out", "/dev/full");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("cannot write results to /dev/full: it is a file or a device, not a folder"), r[1]);
    }

    /** procfs refuses new entries even to root (the CI runs as root, so chmod cannot make a folder read-only). */
    @Test
    void aFolderWhereNothingCanBeCreated() {
        String[] r = run("run", EXAMPLE.toString(), "--out", "/proc/cradle-results");
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("cradle: cannot write results to /proc/cradle-results: "), r[1]);
        assertTrue(r[1].contains("the previous results there, if any, are intact")
                || r[1].contains("is not writable (read-only or no permission)"), r[1]);
    }

    @Test
    void aReadOnlyFolderWhenNotRoot() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            String[] r = run("run", EXAMPLE.toString(), "--out", ro.resolve("out").toString());
            if (Files.isWritable(ro)) {
                // root writes anyway: then the run succeeds, which is right
                assertEquals("0", r[0], r[1]);
            } else {
                assertEquals("2", r[0]);
                assertTrue(r[1].contains(ro + " is not writable (read-only or no permission)"), r[1]);
            }
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
