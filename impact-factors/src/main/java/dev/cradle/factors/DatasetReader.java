package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Reads the bundled datasets of one kind ({@code electricity_grid}, {@code transport}, ...) into the
 * library being assembled. A reader states the kinds it builds on ({@link #after()}): every dataset of
 * those kinds is read before any of its own, so no reader depends on the order of the file list.
 * Readers are registered in {@link DatasetReaders}.
 */
interface DatasetReader {
    /** The dataset kind this reader handles, as written under {@code kind:} in the file. */
    String kind();

    /** Kinds whose datasets must be read first (their flows, grids or cards are used here). */
    default Set<String> after() {
        return Set.of();
    }

    /** Reads one dataset of this kind; {@code root} is the whole file. */
    void read(Dataset d, JsonNode root, LibraryAssembly into);
}
