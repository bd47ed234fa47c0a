package dev.cradle.scenario.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a run's result files (results.json, results.csv, …) into an output folder as ONE set: a
 * reader sees either the whole previous set or the whole new one, never a mix, and a failed or killed
 * run leaves the previous set in place. The layout of an output folder {@code DIR}:
 *
 * <pre>
 * DIR/results.json  -&gt; .cradle/current/results.json   (symbolic links, made once)
 * DIR/results.csv   -&gt; .cradle/current/results.csv
 * DIR/.cradle/current -&gt; set-&lt;id&gt;                    (the one pointer that is swapped)
 * DIR/.cradle/set-&lt;id&gt;/results.json, results.csv     (one complete set)
 * DIR/.cradle/lock                                    (held while a run writes)
 * </pre>
 *
 * A run writes every file of its set into a fresh {@code set-<id>} folder (contents forced to disk),
 * then points {@code current} at it by renaming a new link over the old one, a single atomic step, and
 * deletes the previous set. While holding the lock it first deletes what killed runs left behind
 * (sets {@code current} does not point at, temporary links, and the temporary files of earlier Cradle
 * versions). Files and folders are created with the default permissions, so the user's umask
 * applies. A reader that wants both files of one set resolves {@code DIR/.cradle/current} once and
 * reads the files below the real path it got. Several named sets may share a folder (see
 * {@link #write(Path, String, Map)}). On a file system without symbolic links the files are moved into
 * {@code DIR} one by one (each file whole, the set not atomic).
 */
public final class ResultSetWriter {
    static final String META = ".cradle";
    static final String CURRENT = "current";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How one file's bytes are written; tests inject failures here. */
    interface FileSink {
        void write(Path file, byte[] content) throws IOException;
    }

    private final FileSink sink;

    ResultSetWriter(FileSink sink) {
        this.sink = sink;
    }

    /** Writes {@code files} (name → UTF-8 text) into {@code dir} as one set, replacing the previous set. */
    public static void write(Path dir, Map<String, String> files) throws IOException {
        new ResultSetWriter(ResultSetWriter::writeDurably).writeSet(dir, files);
    }

    /**
     * Writes {@code files} as the set called {@code setName}, beside other named sets in the same folder
     * (e.g. {@code cradle db calc --out DIR/a.csv} and {@code --out DIR/b.csv}): its pointer, sets and lock
     * live in {@code DIR/.cradle/named/<setName>/}, and its links point through there.
     */
    public static void write(Path dir, String setName, Map<String, String> files) throws IOException {
        if (setName.isEmpty() || setName.startsWith(".") || setName.contains("/") || setName.contains("\\")) {
            throw new IllegalArgumentException("not a plain set name: " + setName);
        }
        new ResultSetWriter(ResultSetWriter::writeDurably).writeSet(dir, Path.of(META, "named", setName), files);
    }

    void writeSet(Path dir, Map<String, String> files) throws IOException {
        writeSet(dir, Path.of(META), files);
    }

    private void writeSet(Path dir, Path metaName, Map<String, String> files) throws IOException {
        for (String name : files.keySet()) {
            if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("not a plain file name: " + name);
            }
        }
        Files.createDirectories(dir);
        for (String name : files.keySet()) {
            // checked before anything changes, so that a refusal leaves the previous set as it was
            if (Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(dir.resolve(name).toString(), null,
                        "a folder is in the way of a result file");
            }
        }
        Path meta = dir.resolve(metaName);
        Files.createDirectories(meta.getParent());
        try {
            Files.createDirectory(meta);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(meta, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotDirectoryException(meta.toString());
            }
        }
        try (FileChannel lockFile = FileChannel.open(meta.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            Path current = meta.resolve(CURRENT);
            String previous = currentSet(current);
            removeStale(dir, meta, previous, files.keySet());
            String id = "set-" + Long.toString(System.currentTimeMillis(), 36) + "-" + random();
            Path set = meta.resolve(id);
            Files.createDirectory(set);
            try {
                for (Map.Entry<String, String> f : files.entrySet()) {
                    sink.write(set.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
                }
                forceDirectory(set);
            } catch (IOException | RuntimeException e) {
                deleteTree(set);
                throw e;
            }
            if (!swap(dir, meta, metaName, current, id, files.keySet())) {
                return;
            }
            if (previous != null && !previous.equals(id)) {
                deleteTree(meta.resolve(previous));
            }
        }
    }

    /** Points {@code current} at the new set and makes sure each file name links through it. */
    private static boolean swap(Path dir, Path meta, Path metaName, Path current, String id, Set<String> names)
            throws IOException {
        Path tmp = meta.resolve("current.tmp-" + random());
        try {
            Files.createSymbolicLink(tmp, Path.of(id));
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof IOException && !(e instanceof java.nio.file.FileSystemException)) {
                throw (IOException) e;
            }
            moveEachFile(dir, meta.resolve(id), names);
            return false;
        }
        try {
            Files.move(tmp, current, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        forceDirectory(meta);
        for (String name : names) {
            Path link = dir.resolve(name);
            Path target = metaName.resolve(CURRENT).resolve(name);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                continue;
            }
            // first run into this folder, or a plain file written by an earlier Cradle: replaced once
            Path linkTmp = dir.resolve("." + name + ".link-" + random() + ".tmp");
            Files.createSymbolicLink(linkTmp, target);
            Files.move(linkTmp, link, StandardCopyOption.ATOMIC_MOVE);
        }
        forceDirectory(dir);
        return true;
    }

    private static void moveEachFile(Path dir, Path set, Set<String> names) throws IOException {
        for (String name : names) {
            try {
                Files.move(set.resolve(name), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(set.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(set);
    }

    private static String currentSet(Path current) throws IOException {
        if (!Files.isSymbolicLink(current)) {
            return null;
        }
        return Files.readSymbolicLink(current).toString();
    }

    /** Deletes what killed runs left: sets not current, temporary links, old-style temporary files. */
    private static void removeStale(Path dir, Path meta, String keep, Set<String> names) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(meta)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if ((n.startsWith("set-") && !n.equals(keep)) || n.startsWith("current.tmp-")) {
                    deleteTree(p);
                }
            }
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                for (String name : names) {
                    // ".results.json.<random>.tmp" (earlier versions) and ".results.json.link-<random>.tmp"
                    if (n.startsWith("." + name + ".") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            || n.startsWith("." + name + ".link-") && Files.isSymbolicLink(p)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** Forces a folder's entries to disk where the platform allows opening a folder. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows); the rename is still atomic
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException e) {
                    // already gone
                }
            }
        }
    }

    private static String random() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

}
