package dev.cradle.scenario.io;

import dev.cradle.model.ImpactMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Background databases read, linked and factorised once per process run. A scenario that names
 * {@code uslci} is loaded many times by the CLI's validate-then-run, by tests and by the mutation
 * fuzzer; parsing and linking the 766 processes and factorising them dominate those loads. The key is
 * the archive's label, the SHA-256 of its content ({@link DatabaseArchive#contentHash}) and the import
 * options, so an edited file is read afresh; the values are immutable records. At most
 * {@value #CAPACITY} databases are kept (least recently used first out).
 */
public final class DatabaseCache {
    static final int CAPACITY = 4;

    private record Key(String label, String sha256, ImportOptions options) {
    }

    private record PreparedKey(LinkedDatabase linked, List<String> methods) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PreparedKey k && k.linked == linked && k.methods.equals(methods);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(linked) * 31 + methods.hashCode();
        }
    }

    private static final Map<Key, LinkedDatabase> LINKED = lru();
    private static final Map<PreparedKey, DatabaseCalculator.Prepared> PREPARED = lru();

    private DatabaseCache() {
    }

    /**
     * The database at {@code pathOrName} ({@link Databases#read}) linked with {@code options}, cached by
     * content: a zip (bundled or a file up to 512 MiB) by the SHA-256 of its bytes, read before anything is
     * inflated; a folder or a larger zip by {@link DatabaseArchive#contentHash} of its files.
     */
    public static LinkedDatabase linked(String pathOrName, ImportOptions options) {
        byte[] zip = Databases.zipBytes(pathOrName);
        DatabaseArchive archive = zip == null ? Databases.archive(pathOrName) : null;
        Key key = new Key(pathOrName, zip == null ? archive.contentHash() : sha256(zip), options);
        synchronized (LINKED) {
            LinkedDatabase hit = LINKED.get(key);
            if (hit != null) {
                return hit;
            }
        }
        if (archive == null) {
            archive = DatabaseArchive.of(Databases.label(pathOrName), new java.io.ByteArrayInputStream(zip));
        }
        LinkedDatabase linked = DatabaseLinker.link(Databases.read(archive), options);
        synchronized (LINKED) {
            LINKED.put(key, linked);
        }
        return linked;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * {@link DatabaseCalculator#prepare} of a database this cache returned, with library methods, cached
     * by the database's identity and the methods' ids. Solves on the result must hold its lock.
     */
    public static DatabaseCalculator.Prepared prepared(LinkedDatabase linked, List<ImpactMethod> libraryMethods,
                                                       FlowMapping mapping) {
        PreparedKey key = new PreparedKey(linked, libraryMethods.stream().map(ImpactMethod::id).toList());
        synchronized (PREPARED) {
            DatabaseCalculator.Prepared hit = PREPARED.get(key);
            if (hit != null) {
                return hit;
            }
        }
        DatabaseCalculator.Prepared p = DatabaseCalculator.prepare(linked, libraryMethods, mapping);
        synchronized (PREPARED) {
            PREPARED.put(key, p);
        }
        return p;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
