package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a scenario references are read only inside the study's folder or below a root named with
 * {@code --allow-root}, only when they are regular files, never echoed, and never read without a bound.
 */
class StudyFolderTest {
    @TempDir
    Path tmp;

    private static final String STUDY = """
            datacenters:
              - {id: dc, grid: FR, pue: 1.2}
            hardware:
              - {id: gpus, archetype: nvidia-a100-80gb, count: 4, datacenter: dc, lifetime: 5 years, utilisation: 0.8}
            models:
              - {id: m}
            workloads:
              - {id: w, model: m, phase: training, hardware: gpus, codecarbon: CSV}
            """;
    /** Marks file content that must never appear in a message. */
    private static final String SECRET = "SECRET-FIRST-LINE-do-not-echo";

    private Path study() throws Exception {
        Path s = Files.createDirectories(tmp.resolve("study"));
        return s;
    }

    private Cli run(String csvReference, String... extra) throws Exception {
        Path f = study().resolve("s.yaml");
        Files.writeString(f, STUDY.replace("CSV", "'" + csvReference + "'"));
        List<String> args = new ArrayList<>(List.of("run", f.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertFalse(cli.err().contains("\tat ") || cli.err().contains("internal error"), cli.err());
        assertFalse(cli.err().contains(SECRET) || cli.out().contains(SECRET), "file content is never echoed: " + cli.err());
        if (cli.code() != 0) {
            assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when a file is refused");
        }
        return cli;
    }

    private Path csvOutside() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path csv = elsewhere.resolve("emissions.csv");
        Files.copy(Path.of("examples/data/codecarbon-emissions.csv"), csv);
        return csv;
    }

    @Test
    void aFileInsideTheStudyIsRead() throws Exception {
        Files.copy(Path.of("examples/data/codecarbon-emissions.csv"), study().resolve("emissions.csv"));
        Cli cli = run("emissions.csv");
        assertEquals(0, cli.code(), cli.err());
        // 4.7445 kWh × PUE 1.2 × 0.04418 kg/kWh + 12 device-hours of embodied (AiScenarioTest's hand calculation)
        double expected = 4.7445 * 1.2 * 0.04418 + 12 / (5 * 8760 * 0.8) * 150;
        double value = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile())
                .get("impacts").get(0).get("value").asDouble();
        assertEquals(expected, value, 1e-9);
    }

    @Test
    void aRelativePathLeadingOutIsRefused() throws Exception {
        csvOutside();
        Cli cli = run("../elsewhere/emissions.csv");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:8:68: cannot read CodeCarbon file ../elsewhere/emissions.csv: "
                + "../elsewhere/emissions.csv lies outside the study's folder"), cli.err());
        assertTrue(cli.err().contains("--allow-root DIR"), cli.err());
    }

    @Test
    void anAbsolutePathOutsideIsRefusedUnlessItsRootIsAllowed() throws Exception {
        Path csv = csvOutside();
        assertEquals(2, run(csv.toString()).code());
        Cli allowed = run(csv.toString(), "--allow-root", csv.getParent().toString());
        assertEquals(0, allowed.code(), allowed.err());
    }

    @Test
    void validateAndExplainTakeTheSameRoots() throws Exception {
        Path csv = csvOutside();
        Path f = study().resolve("s.yaml");
        Files.writeString(f, STUDY.replace("CSV", "'" + csv + "'"));
        for (String command : new String[] {"validate", "explain"}) {
            Cli refused = Cli.run(command, f.toString());
            assertEquals(2, refused.code(), command);
            assertTrue(refused.err().contains("lies outside the study's folder"), refused.err());
            Cli allowed = Cli.run(command, f.toString(), "--allow-root", csv.getParent().toString());
            assertEquals(0, allowed.code(), command + ": " + allowed.err());
        }
    }

    @Test
    void aSymbolicLinkInsideThatLeadsOutIsRefused() throws Exception {
        Path csv = csvOutside();
        Files.createSymbolicLink(study().resolve("link.csv"), csv);
        Cli cli = run("link.csv");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("link.csv lies outside the study's folder"), cli.err());
    }

    @Test
    void aFileThatIsNotACsvIsNotEchoed() throws Exception {
        Files.writeString(study().resolve("notes.txt"), SECRET + "\nsecond line\n");
        Cli cli = run("notes.txt");
        assertEquals(2, cli.code(), cli.err());
    }

    @Test
    void directoriesDevicesAndPipesAreNotRegularFiles() throws Exception {
        Files.createDirectories(study().resolve("data"));
        Cli dir = run("data");
        assertEquals(2, dir.code());
        assertTrue(dir.err().contains("data is a directory, not a regular file"), dir.err());
        Cli device = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("/dev/zero", "--allow-root", "/dev"));
        assertEquals(2, device.code());
        assertTrue(device.err().contains("/dev/zero is a character device, not a regular file"), device.err());
        Path fifo = study().resolve("pipe.csv");
        new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        Cli pipe = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("pipe.csv"));
        assertEquals(2, pipe.code());
        assertTrue(pipe.err().contains("pipe.csv is a named pipe (FIFO), not a regular file"), pipe.err());
    }

    @Test
    void aMissingFileAndAnUnknownRootAreNamed() throws Exception {
        Cli missing = run("nowhere.csv");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nowhere.csv: no such file"), missing.err());
        Files.copy(Path.of("examples/data/codecarbon-emissions.csv"), study().resolve("emissions.csv"));
        Cli root = run("emissions.csv", "--allow-root", tmp.resolve("no-such-folder").toString());
        assertEquals(2, root.code());
        assertTrue(root.err().contains("--allow-root " + tmp.resolve("no-such-folder") + ": no such folder"), root.err());
    }

    @Test
    void aLongReferenceIsShortenedInTheMessage() throws Exception {
        StudyFolder folder = StudyFolder.of(study().resolve("s.yaml"), List.of());
        String name = "x".repeat(5000) + ".csv";
        StudyFolder.RefusedFile e = org.junit.jupiter.api.Assertions.assertThrows(StudyFolder.RefusedFile.class,
                () -> folder.resolve(name));
        assertFalse(e.getMessage().contains("x".repeat(100)), "a 5,000-character name is not echoed whole");
        assertTrue(e.getMessage().contains("…xxxxxx.csv (5004 characters) cannot be read: File name too long"), e.getMessage());
    }

    @Test
    void readsAreBoundedByTheBytesRead() throws Exception {
        StudyFolder folder = StudyFolder.of(study().resolve("s.yaml"), List.of());
        Path big = study().resolve("big.csv");
        try (var out = Files.newOutputStream(big)) {
            byte[] mib = new byte[1 << 20];
            for (int i = 0; i <= StudyFolder.MAX_DATA_BYTES >> 20; i++) {
                out.write(mib);
            }
        }
        StudyFolder.RefusedFile e = org.junit.jupiter.api.Assertions.assertThrows(StudyFolder.RefusedFile.class,
                () -> folder.read("big.csv"));
        assertTrue(e.getMessage().contains("limited to 67108864 bytes (64 MiB)"), e.getMessage());
        Files.writeString(big, "a,b\n1,2\n");
        assertEquals("a,b\n1,2\n", new String(folder.open("big.csv").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The scenario file itself: endless streams and pipes are refused at once, not read into memory. */
    @Test
    void scenarioFilesThatAreDevicesOrPipesAreRefusedQuickly() throws Exception {
        Cli zero = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("validate", "/dev/zero"));
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("/dev/zero:1:1: this is a character device, not a regular file"), zero.err());
        Path fifo = tmp.resolve("scenario.yaml");
        new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        Cli pipe = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("validate", fifo.toString()));
        assertEquals(2, pipe.code());
        assertTrue(pipe.err().contains("this is a named pipe (FIFO), not a regular file"), pipe.err());
    }

    @Test
    void noFileAndADirectoryAreNamedAsSuch() throws Exception {
        Cli empty = Cli.run("run", "");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("cradle: no scenario file given"), empty.err());
        Cli folder = Cli.run("validate", tmp.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("cradle: " + tmp + " is a directory, not a scenario file"), folder.err());
        assertFalse(folder.err().contains("Is a directory"), folder.err());
    }
}
