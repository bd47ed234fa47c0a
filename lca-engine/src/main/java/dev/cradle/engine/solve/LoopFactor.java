package dev.cradle.engine.solve;

/**
 * How one scaled loop block {@code Â_B} of the {@link BlockTriangularSolver} is solved: by a sparse LU
 * ({@link CsLu}) or by preconditioned GMRES ({@link IterativeLoop}), as {@link SolverSelector#loopStrategy}
 * chooses. Answers are unchecked here: the residual of the whole system is checked after every solve
 * ({@link CheckedFactorization}).
 */
interface LoopFactor {
    /** The relative residual {@code ‖b − Â·x‖₂ / ‖b‖₂} a solve is asked for (an LU meets any). */
    double SOLVE_TOLERANCE = 1e-13;

    /**
     * The relative residual asked of an iterative refinement step's correction ({@link CheckedFactorization}):
     * a step multiplies the error of x by about the correction's relative error, so six digits take an
     * answer at ω ≈ 1e-11 to rounding level in one step; asking 1e-13 again would double the work of every
     * solve (on the harsh benchmark family 1e-4 needed a second step as often as not, 1e-6 rarely).
     */
    double CORRECTION_TOLERANCE = 1e-6;

    /** x ≈ Â⁻¹·b with relative residual at most {@code tolerance} (or as close as rounding allows). */
    double[] solve(double[] b, double tolerance);

    /** y ≈ Â⁻ᵀ·c with relative residual at most {@code tolerance} (or as close as rounding allows). */
    double[] solveTransposed(double[] c, double tolerance);

    /** x ≈ Â⁻¹·b to {@link #SOLVE_TOLERANCE}. */
    default double[] solve(double[] b) {
        return solve(b, SOLVE_TOLERANCE);
    }

    /** y ≈ Â⁻ᵀ·c to {@link #SOLVE_TOLERANCE}. */
    default double[] solveTransposed(double[] c) {
        return solveTransposed(c, SOLVE_TOLERANCE);
    }

    /** Estimated κ₁(Â) (Hager–Higham). */
    double conditionEstimate();

    /** A short name for reports: "LU" or "GMRES". */
    String kind();
}
