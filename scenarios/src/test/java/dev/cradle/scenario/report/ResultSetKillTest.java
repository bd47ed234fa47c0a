package dev.cradle.scenario.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.scenario.cli.CradleCli;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during writes, many times at seeded random moments: after every kill the output folder holds
 * either nothing yet or one whole set (never files of two sets, never a torn file), and the next run
 * leaves exactly one set and no temporary file. Counts: {@code -Dcradle.kills=N} (writer loop, default
 * 30) and {@code -Dcradle.cliKills=N} (the real CLI, default 6); seed {@code -Dcradle.killSeed}.
 */
class ResultSetKillTest {
    private static final long SEED = Long.getLong("cradle.killSeed", 20261129L);

    @TempDir
    Path tmp;

    private static Process child(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        // stdout only: a JVM warning on stderr must not be read as the child's "ready"
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on POSIX
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child died");
    }

    /** Reads the folder's set as a reader would; empty when no set was ever completed. */
    private static Map<String, String> visibleSet(Path dir) throws IOException {
        Path json = dir.resolve("results.json");
        Path csv = dir.resolve("results.csv");
        if (!Files.exists(json) && !Files.exists(csv)) {
            return Map.of();
        }
        return Map.of("results.json", Files.readString(json), "results.csv", Files.readString(csv));
    }

    private static Set<String> leftovers(Path dir, String current) throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(dir), Files.exists(dir.resolve(".cradle"))
                ? Files.list(dir.resolve(".cradle")) : Stream.empty())) {
            return s.map(p -> dir.relativize(p).toString())
                    .filter(n -> !Set.of("results.json", "results.csv", "functional-units.csv", "parameters.csv", ".cradle", ".cradle/current", ".cradle/lock",
                            ".cradle/" + current).contains(n))
                    .collect(Collectors.toSet());
        }
    }

    private static void assertCleanAfterNextRun(Path dir) throws IOException {
        ResultSetWriter.write(dir, ResultSetWriterLoop.set("C", 3));
        assertEquals(ResultSetWriterLoop.set("C", 3), visibleSet(dir));
        String current = Files.readSymbolicLink(dir.resolve(".cradle/current")).toString();
        assertEquals(Set.of(), leftovers(dir, current), "the next run removes what the killed one left");
    }

    @Test
    void killedWriterLoopsLeaveOneWholeSet() throws Exception {
        int kills = Integer.getInteger("cradle.kills", 30);
        int lines = 20_000; // about 250 kB per file, so that kills land inside writes
        Map<String, String> a = ResultSetWriterLoop.set("A", lines);
        Map<String, String> b = ResultSetWriterLoop.set("B", lines);
        Random random = new Random(SEED);
        int leftBehind = 0;
        for (int k = 0; k < kills; k++) {
            Path dir = tmp.resolve("loop-" + k);
            Process p = child(ResultSetWriterLoop.class, dir.toString(), String.valueOf(lines));
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine(), "the child wrote its first set");
            Thread.sleep(random.nextInt(400));
            kill(p);
            Map<String, String> seen = visibleSet(dir);
            assertTrue(seen.equals(a) || seen.equals(b), "kill " + k + ": one whole set, A or B");
            String current = Files.readSymbolicLink(dir.resolve(".cradle/current")).toString();
            leftBehind += leftovers(dir, current).isEmpty() ? 0 : 1;
            assertCleanAfterNextRun(dir);
        }
        System.out.println("ResultSetKillTest: " + kills + " kills of a writer loop, " + leftBehind
                + " left a partial set behind (all removed by the next run)");
    }

    @Test
    void killedCliRunsLeaveTheOldOrTheNewSet() throws Exception {
        int kills = Integer.getInteger("cradle.cliKills", 6);
        String[] scenarios = {"examples/generic-training-run.yaml", "examples/library-fine-tuning.yaml"};
        List<Map<String, String>> expected = new ArrayList<>();
        for (String s : scenarios) {
            Path out = tmp.resolve("expected-" + expected.size());
            int code = CradleCli.run(new String[] {"run", s, "--out", out.toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, code);
            expected.add(visibleSet(out));
        }
        Path dir = tmp.resolve("cli");
        long start = System.nanoTime();
        Process first = child(CradleCli.class, "run", scenarios[0], "--out", dir.toString());
        assertEquals(0, first.waitFor(), new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        long runMillis = (System.nanoTime() - start) / 1_000_000;
        Random random = new Random(SEED);
        for (int k = 0; k < kills; k++) {
            Map<String, String> before = visibleSet(dir);
            Map<String, String> next = expected.get((k + 1) % 2);
            Process p = child(CradleCli.class, "run", scenarios[(k + 1) % 2], "--out", dir.toString());
            // a moment spread over the whole run, the end (where the files are written) included
            if (p.waitFor(runMillis / 2 + random.nextInt((int) Math.max(1, runMillis)), TimeUnit.MILLISECONDS)) {
                assertEquals(next, visibleSet(dir), "a finished run shows its set");
                continue;
            }
            kill(p);
            Map<String, String> seen = visibleSet(dir);
            assertTrue(seen.equals(before) || seen.equals(next), "kill " + k + ": the old set or the new one");
        }
        assertCleanAfterNextRun(dir);
    }
}
