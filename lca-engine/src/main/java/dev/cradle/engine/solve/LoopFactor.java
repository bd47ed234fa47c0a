package dev.cradle.engine.solve;

/**
 * How one scaled loop block {@code Â_B} of the {@link BlockTriangularSolver} is solved: by a sparse LU
 * ({@link CsLu}) or by preconditioned GMRES ({@link IterativeLoop}), as {@link SolverSelector#loopStrategy}
 * chooses. Answers are unchecked here: the residual of the whole system is checked after every solve
 * ({@link CheckedFactorization}).
 */
interface LoopFactor {
    /** x ≈ Â⁻¹·b. */
    double[] solve(double[] b);

    /** y ≈ Â⁻ᵀ·c. */
    double[] solveTransposed(double[] c);

    /** Estimated κ₁(Â) (Hager–Higham). */
    double conditionEstimate();

    /** A short name for reports: "LU" or "GMRES". */
    String kind();
}
