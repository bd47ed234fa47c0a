package dev.cradle.scenario.io;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Opens a background database whatever its format: a folder or zip with {@code processes/*.json} is
 * openLCA JSON-LD; one with {@code *.spold} files is EcoSpold2. {@code uslci} names the bundled US LCI
 * database (JSON-LD), {@code uslci-ecospold2} its EcoSpold2 export.
 */
public final class Databases {
    /** Bundled databases on the class path, by name. */
    private static final java.util.Map<String, String> BUNDLED = java.util.Map.of(
            "uslci", "databases/uslci/uslci-olca1.5-jsonld.zip",
            "uslci-ecospold2", "databases/uslci/uslci-fy18q1-olca1.5-ecospold2.zip");

    private Databases() {
    }

    /** Reads the database at {@code path} (or the bundled one of that name). */
    public static Database read(String pathOrName) {
        DatabaseArchive archive = archive(pathOrName);
        return read(archive);
    }

    static DatabaseArchive archive(String pathOrName) {
        String resource = BUNDLED.get(pathOrName);
        if (resource != null) {
            InputStream in = Databases.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw DatabaseException.at(pathOrName, "the bundled database is missing from this build (" + resource + ")");
            }
            return DatabaseArchive.of(pathOrName, in);
        }
        return DatabaseArchive.open(Path.of(pathOrName));
    }

    /**
     * The raw bytes of a bundled database or of a regular file that is not a folder (a zip), or null for
     * a folder or a path that does not exist (then {@link #archive} reports it). Used by {@link DatabaseCache}.
     */
    static byte[] zipBytes(String pathOrName) {
        String resource = BUNDLED.get(pathOrName);
        try {
            if (resource != null) {
                try (InputStream in = Databases.class.getClassLoader().getResourceAsStream(resource)) {
                    return in == null ? null : in.readAllBytes();
                }
            }
            Path p = Path.of(pathOrName);
            // larger zips are streamed by archive() and not cached
            return java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.size(p) <= (512L << 20)
                    ? java.nio.file.Files.readAllBytes(p) : null;
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return null; // archive() reads it again and reports the problem
        }
    }

    /** The label of a database's archive in messages: the bundled name, or the path as given. */
    static String label(String pathOrName) {
        return BUNDLED.containsKey(pathOrName) ? pathOrName : Path.of(pathOrName).toString();
    }

    /** Reads an opened archive, choosing the reader by its content. */
    public static Database read(DatabaseArchive archive) {
        if (!archive.list("processes", ".json").isEmpty()) {
            return OlcaJsonReader.read(archive);
        }
        if (!archive.listAll(".spold").isEmpty()) {
            return EcoSpold2Reader.read(archive);
        }
        throw DatabaseException.at(archive.name(), "no processes: expected openLCA JSON-LD (processes/<uuid>.json) "
                + "or EcoSpold2 (*.spold files)");
    }
}
