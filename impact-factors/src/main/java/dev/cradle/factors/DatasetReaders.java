package dev.cradle.factors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The registry of dataset readers, one per kind: a new kind of bundled data is one more line here. */
final class DatasetReaders {
    private static final Map<String, DatasetReader> BY_KIND = register(
            new ElementaryFlowsReader(),
            new MethodsReader(),
            new GridReader(),
            new GridAliasReader(),
            new GenerationTechnologyReader(),
            new SourceResultsReader(),
            new GenerationMixReader(),
            new FreightReader(),
            new EndOfLifeReader(),
            new BuildingReader(),
            new HardwareLcaReader(),
            new AcceleratorReader(),
            new ComponentReader(),
            new GpuCardReader(),
            new PrimaryEnergyReader(),
            new SystemReader());

    private DatasetReaders() {
    }

    private static Map<String, DatasetReader> register(DatasetReader... readers) {
        Map<String, DatasetReader> out = new LinkedHashMap<>();
        for (DatasetReader r : readers) {
            if (out.put(r.kind(), r) != null) {
                throw new IllegalStateException("two readers for dataset kind " + r.kind());
            }
        }
        return Map.copyOf(out);
    }

    /** The reader of {@code d}'s kind. */
    static DatasetReader of(Dataset d) {
        DatasetReader r = BY_KIND.get(d.kind());
        if (r == null) {
            throw new IllegalStateException(d.file() + ": unknown dataset kind " + d.kind() + " (known: "
                    + String.join(", ", BY_KIND.keySet().stream().sorted().toList()) + ")");
        }
        return r;
    }

    /**
     * The datasets in the order to read them: the given (file) order, except that a dataset waits until
     * every dataset of the kinds its reader reads {@link DatasetReader#after() after} has been read.
     */
    static List<Dataset> readingOrder(List<Dataset> datasets) {
        List<Dataset> pending = new ArrayList<>(datasets);
        List<Dataset> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            Set<String> unread = pending.stream().map(Dataset::kind).collect(Collectors.toSet());
            Dataset next = pending.stream().filter(d -> of(d).after().stream().noneMatch(unread::contains))
                    .findFirst().orElseThrow(() -> new IllegalStateException("dataset kinds wait on each other: "
                            + String.join(", ", pending.stream().map(d -> d.file() + " (" + d.kind() + ")").toList())));
            pending.remove(next);
            order.add(next);
        }
        return order;
    }
}
