package dev.cradle.engine.solve;

/** The numerical thresholds of the solvers, in one place (documented in docs/methodology.md §4). */
public final class SolverLimits {
    private SolverLimits() {
    }

    /**
     * Condition estimate of the scaled system above which a result carries a warning: at
     * κ = 1e10 about 10 of the 16 significant digits may be lost to rounding.
     */
    public static final double WARN_CONDITION = 1e10;

    /**
     * Condition estimate at or above which the system is judged singular: κ·ε ≥ 1/2 (ε = 2.2e-16), no
     * digit of the answer can be trusted.
     */
    public static final double SINGULAR_CONDITION = 0.5 / Math.ulp(1.0);

    /** A loop gain at or above {@code 1 − GAIN_TOLERANCE} is non-productive. */
    public static final double GAIN_TOLERANCE = 1e-12;

    /**
     * Threshold partial pivoting: the diagonal entry is kept as pivot while its magnitude is at least
     * this fraction of the largest candidate in its column (CSparse's {@code tol}; 1 = plain partial
     * pivoting). Keeps the fill-reducing order and stays stable on diagonally strong technospheres.
     */
    public static final double PIVOT_THRESHOLD = 0.1;
}
