package dev.cradle.engine.solve;

/**
 * The technosphere system {@code A·s = f} has no trustworthy answer. {@link #kind()} says why,
 * {@link #columns()} are the columns (process/product pairs) at fault, {@link #gain()} the loop gain
 * where a loop is to blame and {@link #conditionEstimate()} the estimated condition number where
 * one was computed (NaN otherwise).
 *
 * <p>The loop gain is the Perron root ρ of the loop's requirement matrix
 * {@code M[i][j] = −sign(A[i][i])·A[i][j]/|A[j][j]|} (how much of product i one unit of product j
 * needs, directly): a loop delivers net output only when ρ &lt; 1. At ρ = 1 the loop consumes all it
 * produces (A is singular); above 1 it consumes more than it makes and no positive scaling exists.
 */
public final class SingularSystemException extends RuntimeException {
    /** Why a system is refused. */
    public enum Kind {
        /** A column's reference output is zero: the process provides nothing. */
        ZERO_REFERENCE,
        /** A loop whose gain is at least 1: it consumes all (or more than) it produces. */
        NON_PRODUCTIVE_LOOP,
        /** A is (numerically) singular: a zero pivot, or a condition estimate beyond 1/ε. */
        SINGULAR,
        /** A solve's residual exceeds {@link Factorization#RESIDUAL_BOUND} even after refinement. */
        INACCURATE
    }

    private final Kind kind;
    private final int[] columns;
    private final double gain;
    private final double conditionEstimate;

    public SingularSystemException(Kind kind, String reason, int[] columns, double gain, double conditionEstimate) {
        super(reason);
        this.kind = kind;
        this.columns = columns.clone();
        this.gain = gain;
        this.conditionEstimate = conditionEstimate;
    }

    /** A {@link Kind#SINGULAR} system with the given columns at fault (no loop gain or estimate known). */
    public SingularSystemException(String reason, int[] columns) {
        this(Kind.SINGULAR, reason, columns, Double.NaN, Double.NaN);
    }

    public Kind kind() {
        return kind;
    }

    /** Columns at fault: those with a zero reference output, or the processes of the loop. */
    public int[] columns() {
        return columns.clone();
    }

    /** The loop's gain (Perron root of its requirement matrix), NaN when no loop is to blame. */
    public double gain() {
        return gain;
    }

    /** Estimated 1-norm condition number of the scaled system, NaN when not computed. */
    public double conditionEstimate() {
        return conditionEstimate;
    }
}
