package dev.cradle.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a study may read from: the folder of its scenario file, plus folders the user names on the
 * command line ({@code --allow-root DIR}). Every file a scenario references (today a workload's
 * {@code codecarbon:} CSV) is resolved here: after following symbolic links ({@link Path#toRealPath})
 * it must lie inside one of these folders and be a regular file; otherwise it is refused with a
 * {@link RefusedFile} whose message names the reference and the reason, never the file's content.
 * Reads are bounded by the bytes actually read (not by {@code Files.size}, which is 0 for a device or
 * a pipe): at most {@link #MAX_DATA_BYTES} for a data file, {@link #MAX_SCENARIO_BYTES} for the
 * scenario file itself.
 */
public final class StudyFolder {
    /** Largest scenario file read: 4 MiB. */
    public static final int MAX_SCENARIO_BYTES = 4 * 1024 * 1024;
    /** Largest referenced data file read (a CodeCarbon CSV): 64 MiB, about 300,000 rows. */
    public static final int MAX_DATA_BYTES = 64 * 1024 * 1024;
    /** References longer than this are shortened in messages. */
    private static final int SHOWN_CHARS = 80;

    private final Path folder;
    private final List<Path> roots;

    private StudyFolder(Path folder, List<Path> roots) {
        this.folder = folder;
        this.roots = roots;
    }

    /** A reference that may not be read; the message is safe to print (it never holds file content). */
    public static final class RefusedFile extends IOException {
        public RefusedFile(String message) {
            super(message);
        }
    }

    /**
     * The study of {@code scenarioFile}, which may also read below each of {@code allowedRoots}
     * (folders that must exist).
     *
     * @throws RefusedFile when the scenario's folder or a root cannot be resolved
     */
    public static StudyFolder of(Path scenarioFile, List<Path> allowedRoots) throws RefusedFile {
        Path parent = scenarioFile.toAbsolutePath().getParent();
        List<Path> all = new ArrayList<>();
        all.add(realFolder(parent, "the scenario's folder"));
        for (Path root : allowedRoots) {
            all.add(realFolder(root, "--allow-root " + shorten(root.toString())));
        }
        return new StudyFolder(all.get(0), List.copyOf(all));
    }

    /** The study of {@code scenarioFile} with no further roots; unresolvable folders refuse every read. */
    public static StudyFolder of(Path scenarioFile) {
        try {
            return of(scenarioFile, List.of());
        } catch (RefusedFile e) {
            return new StudyFolder(null, List.of());
        }
    }

    private static Path realFolder(Path dir, String what) throws RefusedFile {
        try {
            Path real = dir.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new RefusedFile(what + " is not a folder");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new RefusedFile(what + ": no such folder");
        } catch (IOException e) {
            throw new RefusedFile(what + " cannot be read: " + reason(e));
        }
    }

    /**
     * The real path of a referenced file, written relative to the scenario's folder or as an
     * absolute path.
     *
     * @throws RefusedFile when it does not exist, lies outside the study's folders or is not a regular file
     */
    public Path resolve(String reference) throws RefusedFile {
        return resolve(reference, false);
    }

    /**
     * The real path of a referenced background database: a zip file or a folder (openLCA JSON-LD or
     * EcoSpold2), under the same rules as {@link #resolve}.
     *
     * @throws RefusedFile when it does not exist, lies outside the study's folders or is a special file
     */
    public Path resolveFileOrFolder(String reference) throws RefusedFile {
        return resolve(reference, true);
    }

    private Path resolve(String reference, boolean folderAllowed) throws RefusedFile {
        String shown = shorten(reference);
        if (reference == null || reference.isBlank()) {
            throw new RefusedFile("no file is named");
        }
        if (folder == null) {
            throw new RefusedFile(shown + ": the scenario's folder cannot be read");
        }
        Path real;
        try {
            Path written = Path.of(reference);
            real = (written.isAbsolute() ? written : folder.resolve(written)).toRealPath();
        } catch (InvalidPathException e) {
            throw new RefusedFile(shown + " is not a valid file name");
        } catch (NoSuchFileException e) {
            throw new RefusedFile(shown + (folderAllowed ? ": no such file or folder" : ": no such file"));
        } catch (IOException e) {
            throw new RefusedFile(shown + " cannot be read: " + reason(e));
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new RefusedFile(shown + " lies outside the study's folder " + folder
                    + "; move it there, or name its folder with --allow-root DIR");
        }
        if (folderAllowed && Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            return real;
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedFile(shown + " is " + kind(real) + ", not a regular file" + (folderAllowed ? " or a folder" : ""));
        }
        return real;
    }

    /**
     * The bytes of a referenced file (see {@link #resolve}), at most {@link #MAX_DATA_BYTES}.
     *
     * @throws RefusedFile when the file is refused or larger than the limit
     * @throws IOException when reading fails
     */
    public byte[] read(String reference) throws IOException {
        Path real = resolve(reference);
        return readBounded(real, MAX_DATA_BYTES, shorten(reference));
    }

    /** {@link #read} as a stream, for parsers that take one. */
    public InputStream open(String reference) throws IOException {
        return new ByteArrayInputStream(read(reference));
    }

    /**
     * Reads a file the user named on the command line (a scenario file): a regular file (a FIFO or a
     * device is refused before it is opened, so nothing blocks), at most {@code limit} bytes read.
     *
     * @throws RefusedFile for every failure, with a message that does not repeat the file's name
     */
    public static byte[] readNamedFile(Path file, int limit) throws RefusedFile {
        if (file.toString().isEmpty()) {
            throw new RefusedFile("no file is named (the file name is empty)");
        }
        if (!Files.exists(file)) {
            throw new RefusedFile("cannot read the file: no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new RefusedFile("this is " + kind(file) + ", not a regular file");
        }
        try {
            return readBounded(file, limit, "the file");
        } catch (RefusedFile e) {
            throw e;
        } catch (IOException e) {
            throw new RefusedFile("cannot read the file: " + reason(e));
        }
    }

    private static byte[] readBounded(Path file, int limit, String shown) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new RefusedFile(shown + " holds more than " + limit + " bytes; such files are limited to " + limit
                        + " bytes (" + limit / (1024 * 1024) + " MiB)");
            }
            return bytes;
        }
    }

    private static String kind(Path p) {
        if (Files.isDirectory(p)) {
            return "a directory";
        }
        if (Files.isSymbolicLink(p)) {
            return "a symbolic link";
        }
        try {
            Object type = Files.readAttributes(p, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode");
            if (type instanceof Integer mode) {
                switch (mode & 0170000) {
                    case 0010000: return "a named pipe (FIFO)";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0140000: return "a socket";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a POSIX file system: fall through to the generic name
        }
        return "a special file";
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return "an input/output error";
    }

    /** {@code s} cut to at most 80 characters, with an ellipsis and the full length when cut. */
    static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= SHOWN_CHARS ? s
                : s.substring(0, SHOWN_CHARS - 20) + "…" + s.substring(s.length() - 10) + " (" + s.length() + " characters)";
    }
}
