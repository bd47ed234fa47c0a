package dev.cradle.scenario.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files are written as one set: either the old set or the new one, never a mix, nothing left over. */
class ResultSetWriterTest {
    @TempDir
    Path dir;

    static Map<String, String> set(String tag) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("results.json", "{\"set\": \"" + tag + "\"}\n");
        files.put("results.csv", "set\n" + tag + "\n");
        return files;
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    private List<String> meta() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(".cradle"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSecondWriteReplacesTheWholeSetAndLeavesOneSet() throws Exception {
        ResultSetWriter.write(dir, set("A"));
        ResultSetWriter.write(dir, set("B"));
        assertEquals(set("B").get("results.json"), read("results.json"));
        assertEquals(set("B").get("results.csv"), read("results.csv"));
        List<String> meta = meta();
        assertEquals(3, meta.size(), meta.toString());
        assertTrue(meta.get(2).startsWith("set-"), meta.toString());
        assertEquals(Path.of(".cradle", "current", "results.json"), Files.readSymbolicLink(dir.resolve("results.json")));
    }

    /** Failure injection: the second file fails to write; the previous set stays whole and nothing is left over. */
    @Test
    void aFailureOnTheSecondFileLeavesTheOldSetIntact() throws Exception {
        ResultSetWriter.write(dir, set("A"));
        List<String> before = meta();
        int[] calls = {0};
        ResultSetWriter failing = new ResultSetWriter((file, content) -> {
            if (++calls[0] == 2) {
                Files.write(file, new byte[] {'{'}); // half a file, then the disk is full
                throw new IOException("No space left on device");
            }
            Files.write(file, content);
        });
        IOException e = assertThrows(IOException.class, () -> failing.writeSet(dir, set("B")));
        assertEquals("No space left on device", e.getMessage());
        assertEquals(set("A").get("results.json"), read("results.json"));
        assertEquals(set("A").get("results.csv"), read("results.csv"));
        assertEquals(before, meta(), "the failed set is removed");
    }

    /** What a killed run leaves behind (a set not pointed at, a temporary link, old-style temp files) is removed. */
    @Test
    void leftoversOfKilledRunsAreRemovedByTheNextRun() throws Exception {
        ResultSetWriter.write(dir, set("A"));
        Path stale = Files.createDirectory(dir.resolve(".cradle/set-killed-000000000000"));
        Files.writeString(stale.resolve("results.json"), "{\"set\": ");
        Files.createSymbolicLink(dir.resolve(".cradle/current.tmp-0123456789ab"), Path.of("set-killed-000000000000"));
        Files.writeString(dir.resolve(".results.json.8412766.tmp"), "{\"half");
        Files.writeString(dir.resolve(".results.csv.1234.tmp"), "set\n");
        Files.writeString(dir.resolve("notes.txt"), "the user's own file");
        ResultSetWriter.write(dir, set("B"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Set.of("results.json", "results.csv", ".cradle", "notes.txt"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        assertEquals(3, meta().size(), meta().toString());
        assertEquals(set("B").get("results.csv"), read("results.csv"));
    }

    /** Two named sets in one folder (cradle db calc --out DIR/a.csv, then DIR/b.csv) leave each other whole. */
    @Test
    void namedSetsShareAFolder() throws Exception {
        ResultSetWriter.write(dir, "a.csv", Map.of("a.csv", "a1", "a.report.txt", "ra1"));
        ResultSetWriter.write(dir, "b.csv", Map.of("b.csv", "b1", "b.report.txt", "rb1"));
        ResultSetWriter.write(dir, "a.csv", Map.of("a.csv", "a2", "a.report.txt", "ra2"));
        ResultSetWriter.write(dir, set("R"));
        assertEquals("a2", read("a.csv"));
        assertEquals("ra2", read("a.report.txt"));
        assertEquals("b1", read("b.csv"));
        assertEquals("rb1", read("b.report.txt"));
        assertEquals(set("R").get("results.csv"), read("results.csv"));
        try (Stream<Path> s = Files.list(dir.resolve(".cradle/named/a.csv"))) {
            assertEquals(3, s.count(), "current, lock and one set");
        }
    }

    /** Plain files written by an earlier Cradle are replaced by the links on the first run. */
    @Test
    void plainResultFilesOfAnEarlierVersionAreReplaced() throws Exception {
        Files.writeString(dir.resolve("results.json"), "old");
        Files.writeString(dir.resolve("results.csv"), "old");
        ResultSetWriter.write(dir, set("A"));
        assertTrue(Files.isSymbolicLink(dir.resolve("results.json")));
        assertEquals(set("A").get("results.json"), read("results.json"));
        assertEquals(set("A").get("results.csv"), read("results.csv"));
    }

    /** Files get the permissions any new file gets here (the user's umask), not 0600 as temp files do. */
    @Test
    void filesAreCreatedWithTheUsersUmask() throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        ResultSetWriter.write(dir, set("A"));
        Path real = dir.resolve("results.json").toRealPath();
        assertEquals(expected, Files.getPosixFilePermissions(real));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("results.csv").toRealPath()));
        assertFalse(real.toString().endsWith(".tmp"));
    }
}
