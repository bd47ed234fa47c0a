package dev.cradle.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The environmental compartment of an elementary flow. */
public enum Compartment {
    /** Emission to air. */
    AIR("air"),
    /** Emission to water (fresh or sea; use a sub-compartment to say which). */
    WATER("water"),
    /** Emission to soil. */
    SOIL("soil"),
    /** Resource taken from the ground (ores, fossil fuels) or from nature in general. */
    RESOURCE("resource"),
    /** Fresh water consumed (withdrawn and not returned to the same basin), for water footprints. */
    WATER_CONSUMED("water_consumed"),
    /**
     * An imported elementary flow whose category names no compartment (e.g. USLCI's bare "Elementary
     * Flows" category): kept as it is rather than guessed, so no sign is flipped. Its natural direction
     * is an emission (output); characterisation matches it by identifier only.
     */
    UNSPECIFIED("unspecified");

    private final String label;

    Compartment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The direction in which a flow of this compartment normally crosses the system boundary: resources
     * and consumed water enter (inputs), everything else (emissions, and {@link #UNSPECIFIED}) leaves
     * (outputs). An elementary exchange in its natural direction counts positive in the inventory
     * (docs/methodology.md §3); characterisation factors are per unit in that direction.
     */
    public Direction naturalDirection() {
        return this == RESOURCE || this == WATER_CONSUMED ? Direction.INPUT : Direction.OUTPUT;
    }

    public static Optional<Compartment> fromLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.label.equals(l)).findFirst();
    }
}
