package dev.cradle.model;

/**
 * A physical dimension. Two units can be converted into each other only when they share a dimension;
 * the {@code baseUnit} is the unit whose conversion factor is 1 (SI where one exists).
 */
public enum Dimension {
    ENERGY("J"),
    POWER("W"),
    MASS("kg"),
    VOLUME("m3"),
    TIME("s"),
    DISTANCE("m"),
    AREA("m2"),
    DATA_SIZE("B"),
    MASS_DISTANCE("kg*km"),
    COUNT("item"),
    /** Money, for economic allocation and cost flows; no exchange rates, so only one currency per file. */
    CURRENCY("EUR"),
    /** Characterised impact indicator units (kg CO2-eq, CTUh, ...): each such unit is its own scale. */
    IMPACT("1"),
    /**
     * A unit of an imported database outside Cradle's catalogue (kBq, m2*a, p*km, ...): each symbol is
     * its own scale; the importer converts every amount into the flow's reference unit with the
     * database's own conversion factors.
     */
    OTHER("1");

    private final String baseUnit;

    Dimension(String baseUnit) {
        this.baseUnit = baseUnit;
    }

    public String baseUnit() {
        return baseUnit;
    }

    /** The lower-case name used in scenario files and messages, e.g. {@code data_size}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
