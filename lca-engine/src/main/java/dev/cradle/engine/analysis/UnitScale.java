package dev.cradle.engine.analysis;

/**
 * Maps a point u ∈ [0, 1] of a design's unit interval to a parameter value through the inverse CDF. A bounded
 * side of the support is reached (u = 0 → the minimum); an unbounded side is cut at the {@link #TAIL} and
 * 1 − {@link #TAIL} quantiles, so u = 0 or 1 never maps to ±∞: p = lo + (hi − lo)·u.
 */
final class UnitScale {
    /** Probability cut from an unbounded tail (0.5 %). */
    static final double TAIL = 0.005;

    private UnitScale() {
    }

    static double value(ParameterDistribution d, double u) {
        double lo = Double.isFinite(d.lowerBound()) ? 0 : TAIL;
        double hi = Double.isFinite(d.upperBound()) ? 1 : 1 - TAIL;
        return d.quantile(lo + (hi - lo) * u);
    }
}
