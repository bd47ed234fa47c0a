package dev.cradle.engine.solve;

/**
 * A technosphere matrix A prepared for repeated solves: many demand vectors (and, for upstream
 * analysis, many transposed right-hand sides) reuse one factorisation or one evaluation order.
 */
public interface Factorization {
    /** Solves {@code A·s = f} for the scaling vector s. */
    double[] solve(double[] f);

    /** Solves {@code Aᵀ·y = c}; with c a row of C·B, y is that indicator's intensity per unit of each product. */
    double[] solveTransposed(double[] c);

    /** Human-readable name of the method, for reports ("topological order", "sparse LU"). */
    String method();
}
