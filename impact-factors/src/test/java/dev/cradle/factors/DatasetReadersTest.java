package dev.cradle.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetReadersTest {
    private static Dataset dataset(String id, String kind) {
        return new Dataset(id, kind, id, "s", "c", "", 2024, "CC0-1.0", "", false, "u", "q", id + ".yaml");
    }

    @Test
    void aReaderWaitsForTheKindsItBuildsOnAndOtherwiseKeepsTheFileOrder() {
        // each step reads the first file whose reader waits on nothing unread: flows (the only one), grid,
        // hubblo (acc still waits for it), acc, grid2, then alias (it waited for every grid), parts
        List<Dataset> files = List.of(dataset("acc", "hardware"), dataset("grid", "electricity_grid"),
                dataset("alias", "electricity_grid_alias"), dataset("flows", "elementary_flows"),
                dataset("hubblo", "hardware_lca"), dataset("grid2", "electricity_grid"),
                dataset("parts", "hardware_components"));
        assertEquals(List.of("flows", "grid", "hubblo", "acc", "grid2", "alias", "parts"),
                DatasetReaders.readingOrder(files).stream().map(Dataset::id).toList());
    }

    @Test
    void theBundledFilesAreReadInFileOrderButTheAcceleratorsAfterTheirCards() {
        List<String> order = DatasetReaders.readingOrder(FactorLibrary.bundled().datasets()).stream()
                .map(Dataset::kind).toList();
        assertTrue(order.indexOf("hardware_lca") < order.indexOf("hardware"), order.toString());
        assertEquals("elementary_flows", order.get(0));
    }

    @Test
    void everyKindHasOneReaderAndAnUnknownKindIsNamed() {
        for (Dataset d : FactorLibrary.bundled().datasets()) {
            assertEquals(d.kind(), DatasetReaders.of(d).kind());
        }
        var e = assertThrows(IllegalStateException.class, () -> DatasetReaders.of(dataset("x", "weather")));
        assertTrue(e.getMessage().startsWith("x.yaml: unknown dataset kind weather (known: building, "), e.getMessage());
    }
}
