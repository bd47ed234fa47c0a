package dev.cradle.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The phase of a machine-learning model's life a process serves. */
public enum MlPhase {
    DATA, TRAINING, INFERENCE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MlPhase> fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key().equals(k)).findFirst();
    }
}
