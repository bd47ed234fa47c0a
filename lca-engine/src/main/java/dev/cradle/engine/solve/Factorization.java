package dev.cradle.engine.solve;

import java.util.List;

/**
 * A technosphere matrix A (n×n) prepared once for any number of solves: demand vectors
 * ({@code A·s = f}) and transposed, adjoint systems ({@code Aᵀ·y = c}) reuse the same factorisation
 * or evaluation order, never a new one. Implementations are immutable and thread-safe.
 *
 * <p>Every solve checks its answer: the componentwise relative residual
 * {@code ω = max_i |r_i| / (|A|·|x| + |b|)_i} of {@code r = b − A·x} (Oettli–Prager backward error)
 * must be at most {@link #RESIDUAL_BOUND}, after up to two steps of iterative refinement; otherwise
 * the solve throws {@link SingularSystemException} of kind {@link SingularSystemException.Kind#INACCURATE}
 * (never a silent wrong number).
 */
public interface Factorization {
    /** The largest accepted componentwise relative residual of a solve (see the class comment). */
    double RESIDUAL_BOUND = 1e-10;

    /**
     * Solves {@code A·s = f} for the scaling vector s (how often each column runs).
     *
     * @param f final demand, one entry per column of A, finite
     * @throws SingularSystemException when the residual check fails
     */
    double[] solve(double[] f);

    /**
     * Solves {@code Aᵀ·y = c}. With c a row of {@code C·B} (an indicator per one run of each column),
     * y is that indicator's cumulative intensity per unit of each column's product:
     * {@code y = (C·B·A⁻¹)[k]}.
     *
     * @throws SingularSystemException when the residual check fails
     */
    double[] solveTransposed(double[] c);

    /** Solves {@code Aᵀ·y = c} for each row of {@code rows} on this one factorisation (adjoint solves). */
    default double[][] solveTransposed(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = solveTransposed(rows[k]);
        }
        return out;
    }

    /** Human-readable name of the method, for reports ("topological order", "sparse LU"). */
    String method();

    /**
     * Estimated 1-norm condition number {@code κ₁ = ‖Â‖₁·‖Â⁻¹‖₁} of the scaled matrix Â (rows and
     * columns equilibrated; Hager–Higham estimator, a lower bound usually within a factor of 3).
     * About {@code log10(κ)} of the 16 significant digits of a result can be lost to rounding. NaN from
     * an implementation that does not estimate it (the engine's solvers all do).
     */
    default double conditionEstimate() {
        return Double.NaN;
    }

    /**
     * Warnings about this system that do not stop the calculation (a condition estimate above
     * {@link SolverLimits#WARN_CONDITION}); empty for a well-conditioned system. The engine never
     * prints them: reports show them.
     */
    default List<String> warnings() {
        return List.of();
    }
}
