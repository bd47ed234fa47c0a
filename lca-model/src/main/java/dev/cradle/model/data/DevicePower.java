package dev.cradle.model.data;

/**
 * The electrical power of a device archetype, W per device.
 *
 * @param tdpW     thermal design power (the ceiling a datacenter reserves), W; NaN when the source gives none
 * @param averageW measured average draw under a typical load, W; NaN when the source gives none
 */
public record DevicePower(double tdpW, double averageW) {
    /** The average draw where known, else the TDP (NaN when neither is known), W. */
    public double typicalW() {
        return Double.isNaN(averageW) ? tdpW : averageW;
    }
}
