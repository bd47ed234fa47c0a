package dev.cradle.model;

import java.util.Objects;

/**
 * Impact per unit of an elementary flow: {@code value} indicator units per one reference unit of
 * {@code flow} (e.g. 27.0 kg CO2-eq per kg CH4, fossil).
 */
public record CharacterisationFactor(Flow flow, double value, Uncertainty uncertainty) {
    public CharacterisationFactor {
        Objects.requireNonNull(flow, "flow");
        if (!flow.isElementary()) {
            throw new IllegalArgumentException("characterisation factors apply to elementary flows; '"
                    + flow.id() + "' is a " + flow.type().name().toLowerCase() + " flow");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("characterisation factor for '" + flow.id() + "' must be finite");
        }
    }

    public static CharacterisationFactor of(Flow flow, double value) {
        return new CharacterisationFactor(flow, value, null);
    }
}
