package dev.cradle.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the inputs and emissions of a multi-output process are partitioned among its co-products
 * (ISO 14044 §4.3.4.2, step 2 and 3). System expansion is not a partition: it is modelled with
 * avoided products on the exchanges themselves.
 */
public enum AllocationMethod {
    /** By a physical relationship (mass, energy content, ...) given as one factor per product. */
    PHYSICAL,
    /** By economic value, one factor per product. */
    ECONOMIC,
    /** By causal relationship: factors given per exchange and product; other exchanges fall back to physical. */
    CAUSAL,
    /** No allocation: a multi-output process is then an error. */
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AllocationMethod> fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key().equals(k)).findFirst();
    }
}
