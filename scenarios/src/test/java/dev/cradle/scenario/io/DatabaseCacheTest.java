package dev.cradle.scenario.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database is read once per run for the same content and options, and afresh when its file changes. */
class DatabaseCacheTest {
    @TempDir
    Path dir;

    @Test
    void sameContentIsReadOnceAnEditedFileIsReadAgain() throws Exception {
        Path zip = MiniDatabase.zip(dir, "db.zip", MiniDatabase.files(false), f -> f);
        LinkedDatabase first = DatabaseCache.linked(zip.toString(), ImportOptions.defaults());
        assertSame(first, DatabaseCache.linked(zip.toString(), ImportOptions.defaults()), "same bytes, same options");
        assertNotSame(first, DatabaseCache.linked(zip.toString(),
                ImportOptions.defaults().withAllocation(ImportOptions.Allocation.NONE)), "other options");
        Map<String, String> files = new java.util.TreeMap<>(MiniDatabase.files(false));
        String name = files.keySet().stream().filter(k -> k.startsWith("processes/")).findFirst().orElseThrow();
        files.put(name, files.get(name).replace("\"name\":\"", "\"name\":\"Edited "));
        Files.delete(zip);
        MiniDatabase.zip(dir, "db.zip", files, f -> f);
        LinkedDatabase edited = DatabaseCache.linked(zip.toString(), ImportOptions.defaults());
        assertNotSame(first, edited, "the file changed: read again");
        assertEquals(1, edited.database().processes().stream().filter(p -> p.name().startsWith("Edited ")).count());
        assertEquals(first.processes().size(), edited.processes().size());
        assertSame(DatabaseCache.linked("uslci", ImportOptions.defaults()),
                DatabaseCache.linked("uslci", ImportOptions.defaults()), "the bundled database once per run");
    }
}
