package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code hardware_lca}: per-card life cycle results (Hubblo's GPU LCA, CC BY-SA) that device archetypes
 * cite by {@code hubblo_card}; it makes no process of its own, the {@link AcceleratorReader} reads after it.
 */
final class HardwareLcaReader implements DatasetReader {
    @Override
    public String kind() {
        return "hardware_lca";
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        if (into.hardwareLcaDataset != null) {
            throw new IllegalStateException(d.file() + ": a second hardware_lca dataset (after "
                    + into.hardwareLcaDataset.file() + ")");
        }
        into.hardwareLcaCards = root.path("cards");
        into.hardwareLcaDataset = d;
    }
}
