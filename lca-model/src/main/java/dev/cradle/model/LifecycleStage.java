package dev.cradle.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The five life cycle stages of ISO 14040 cradle-to-grave studies of a product. */
public enum LifecycleStage {
    RAW_MATERIAL_EXTRACTION("raw material extraction"),
    MANUFACTURING("manufacturing"),
    TRANSPORT("transport"),
    USE("use"),
    END_OF_LIFE("end of life");

    private final String title;

    LifecycleStage(String title) {
        this.title = title;
    }

    /** Report title, e.g. "raw material extraction". */
    public String title() {
        return title;
    }

    /** Scenario-file key, e.g. {@code raw_material_extraction}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LifecycleStage> fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.key().equals(k)).findFirst();
    }
}
