package dev.cradle.scenario.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of a database export, from a folder or a zip archive, as {@code relative/path → bytes}
 * (paths use '/', whatever the platform). Reads only what the user pointed at. Entry names are
 * normalised: a single top folder that holds everything (a zipped folder) is stripped.
 */
public final class DatabaseArchive {
    /** Largest archive entry read into memory (a single JSON or XML file), 256 MiB. */
    static final long MAX_ENTRY_BYTES = 256L << 20;

    private final String name;
    private final Map<String, byte[]> files;

    private DatabaseArchive(String name, Map<String, byte[]> files) {
        this.name = name;
        this.files = Collections.unmodifiableMap(files);
    }

    /** Opens a folder or a {@code .zip} file. */
    public static DatabaseArchive open(Path path) {
        String label = path.toString();
        if (Files.isDirectory(path)) {
            return new DatabaseArchive(label, readFolder(path));
        }
        if (!Files.isRegularFile(path)) {
            throw DatabaseException.at(label, "no such file or folder");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return of(label, in);
        } catch (IOException e) {
            throw DatabaseException.at(label, "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * SHA-256 over every file's path and bytes, in path order: equal for equal content, whatever the
     * archive's file date or compression (the key of {@link DatabaseCache}).
     */
    String contentHash() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
                sha.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(java.nio.ByteBuffer.allocate(8).putLong(f.getValue().length).array());
                sha.update(f.getValue());
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Reads a zip archive from a stream (for bundled databases on the class path). */
    public static DatabaseArchive of(String label, InputStream zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(zip)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                byte[] data = z.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_ENTRY_BYTES + 1));
                if (data.length > MAX_ENTRY_BYTES) {
                    throw DatabaseException.at(label + "!" + e.getName(), "the entry is larger than 256 MiB");
                }
                files.put(e.getName().replace('\\', '/'), data);
            }
        } catch (ZipException e) {
            throw DatabaseException.at(label, "not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw DatabaseException.at(label, "cannot read the archive: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw DatabaseException.at(label, "the archive is empty or not a zip file");
        }
        return new DatabaseArchive(label, stripCommonFolder(files));
    }

    private static Map<String, byte[]> readFolder(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw DatabaseException.at(root.toString(), "cannot read the folder: " + e.getMessage());
        }
        return files;
    }

    private static Map<String, byte[]> stripCommonFolder(Map<String, byte[]> files) {
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String prefix = first.substring(0, slash + 1);
        if (!files.keySet().stream().allMatch(k -> k.startsWith(prefix))) {
            return files;
        }
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k.substring(prefix.length()), v));
        return out;
    }

    /** The archive's name as the user gave it, for messages. */
    public String name() {
        return name;
    }

    /** {@code name!path}: how messages name a file inside the archive. */
    public String label(String path) {
        return name + "!" + path;
    }

    /** Paths of the files directly in {@code folder} (no sub-folders) with the given ending, sorted. */
    public List<String> list(String folder, String ending) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        List<String> out = new ArrayList<>();
        for (String k : files.keySet()) {
            if (k.startsWith(prefix) && k.endsWith(ending) && k.indexOf('/', prefix.length()) < 0) {
                out.add(k);
            }
        }
        return out;
    }

    /** Every path ending with {@code ending}, in any folder, sorted. */
    public List<String> listAll(String ending) {
        return files.keySet().stream().filter(k -> k.endsWith(ending)).toList();
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public byte[] read(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            throw DatabaseException.at(label(path), "no such file in the archive");
        }
        return b;
    }
}
