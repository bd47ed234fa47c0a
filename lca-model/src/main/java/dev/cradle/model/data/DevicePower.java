package dev.cradle.model.data;

import dev.cradle.model.Uncertainty;

/**
 * The electrical power of a device archetype, W per device, and how far the default may be off.
 *
 * @param tdpW      thermal design power (the ceiling a datacenter reserves), W; NaN when the source gives none
 * @param averageW  measured average draw under a typical load, W; NaN when the source gives none
 * @param range     the spread of {@link #typicalW()}: around a measured average its published spread, around
 *                  the TDP the measured-average-to-TDP ratios of published runs; null when not known
 * @param basis     where {@link #typicalW()} comes from and how its range was set, for reports; empty when not known
 */
public record DevicePower(double tdpW, double averageW, Uncertainty range, String basis) {
    public DevicePower {
        basis = basis == null ? "" : basis;
    }

    /** A power without a range or a stated basis. */
    public DevicePower(double tdpW, double averageW) {
        this(tdpW, averageW, null, "");
    }

    /** The average draw where known, else the TDP (NaN when neither is known), W. */
    public double typicalW() {
        return Double.isNaN(averageW) ? tdpW : averageW;
    }

    /** True when {@link #typicalW()} is a measured average, false when it is the TDP. */
    public boolean measured() {
        return !Double.isNaN(averageW);
    }
}
