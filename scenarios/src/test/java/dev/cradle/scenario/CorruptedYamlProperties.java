package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Randomly corrupted scenario files never crash the runner: the outcome is a valid run (exit 0,
 * when the corruption happened to keep the file valid) or bad input (exit 2), never an internal
 * fault (exit 1) and never a stack trace.
 */
class CorruptedYamlProperties {
    private static final java.util.List<String> SOURCES;

    static {
        try {
            SOURCES = java.util.List.of(Files.readString(ExampleScenarioTest.EXAMPLE),
                    Files.readString(LibraryScenarioTest.EXAMPLE), Files.readString(AiScenarioTest.EXAMPLE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 400)
    void corruptedFilesGiveExitCodeTwoAndNoStackTrace(@ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder(SOURCES.get(rnd.nextInt(SOURCES.size())));
        int edits = 1 + rnd.nextInt(4);
        String noise = ":-[]{}&*!|>'\"#%@`,? \t\nx0.e-+";
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = rnd.nextInt(s.length());
            switch (rnd.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, noise.charAt(rnd.nextInt(noise.length())));
                case 2 -> s.setCharAt(at, noise.charAt(rnd.nextInt(noise.length())));
                default -> {
                    int end = Math.min(s.length(), at + rnd.nextInt(40));
                    s.delete(at, end);
                }
            }
        }
        Path dir = Files.createTempDirectory("cradle-fuzz");
        Path f = dir.resolve("fuzz.yaml");
        Files.writeString(f, s);
        Cli cli = Cli.run("validate", f.toString());
        assertTrue(cli.code() == 0 || cli.code() == 2, "exit " + cli.code() + "\n" + cli.err() + "\n--- input:\n" + s);
        assertFalse(cli.err().contains("\tat ") || cli.err().contains("internal error"), cli.err());
        Files.delete(f);
        Files.delete(dir);
    }
}
