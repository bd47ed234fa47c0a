package dev.cradle.scenario;

import dev.cradle.model.Uncertainty;

/**
 * A value and its distribution must agree: the value (a parameter's, or an exchange amount's at the central values)
 * lies inside the distribution's support and not in a tail beyond which less than 1e-6 of the draws fall (the
 * threshold of {@link DrawDomains}). Otherwise the deterministic result and the Monte Carlo describe two different
 * studies, usually because the distribution is written in another unit than the value.
 */
public final class CentralValueCheck {
    private CentralValueCheck() {
    }

    /**
     * Why the central value {@code central} does not belong to distribution {@code u}, or null when it does: it lies
     * outside a bounded support, or in an unbounded tail with less than 1e-6 probability beyond it (the threshold of
     * the draws' domain check). The usual cause is a unit: the distribution's numbers are read in the value's unit,
     * so {@code value: 0.4 kW} with {@code uniform(300, 400)} draws 300 to 400 kW.
     */
    public static String whyOutside(Uncertainty u, double central, String unit) {
        dev.cradle.engine.analysis.ParameterDistribution d;
        try {
            d = dev.cradle.engine.analysis.ParameterDistribution.of(u);
        } catch (IllegalArgumentException e) {
            return null; // an impossible distribution is reported where it is read
        }
        double lo = d.lowerBound();
        double hi = d.upperBound();
        double tol = 1e-9 * Math.max(Math.abs(central), Math.max(Double.isFinite(lo) ? Math.abs(lo) : 0,
                Double.isFinite(hi) ? Math.abs(hi) : 0));
        String in = unit == null || unit.isBlank() ? "" : " " + unit;
        String fix = "; the distribution's numbers are read in the value's own unit" + (in.isEmpty() ? "" : " (" + unit
                + ")") + ": write them in that unit (or the value in theirs), so that the value lies inside the distribution";
        if (central < lo - tol || central > hi + tol) {
            return "the value " + Messages.number(central) + in + " lies outside its distribution " + d + ", whose draws "
                    + "range from " + bound(lo, in) + " to " + bound(hi, in) + fix;
        }
        double below = d.cumulativeProbability(central);
        if ((lo == Double.NEGATIVE_INFINITY && below < DrawDomains.MATERIAL)
                || (hi == Double.POSITIVE_INFINITY && 1 - below < DrawDomains.MATERIAL)) {
            return "the value " + Messages.number(central) + in + " lies in the far tail of its distribution " + d + " (probability "
                    + Messages.number(below < 0.5 ? below : 1 - below) + " " + (below < 0.5 ? "below" : "above") + " it)"
                    + fix;
        }
        return null;
    }

    /** A support bound as a message prints it: a number with its unit, or unbounded. */
    private static String bound(double v, String unit) {
        return Double.isInfinite(v) ? (v > 0 ? "+∞" : "−∞") : Messages.number(v) + unit;
    }
}
