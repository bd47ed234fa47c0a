package dev.cradle.engine.solve;

import java.util.List;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The residual check and iterative refinement every solve goes through, whatever the method: after
 * the raw solve, {@code r = b − A·x} is computed with the original (unscaled) A and the sparse
 * backward error of Arioli, Demmel and Duff ("Solving sparse linear systems with sparse backward
 * error", SIAM J. Matrix Anal. Appl. 10(2), 1989) is taken:
 * {@code ω = max_i |r_i| / d_i} with {@code d_i = (|A|·|x| + |b|)_i} (componentwise, Oettli–Prager),
 * except in rows where that is below {@code τ_i = 1000·n·ε·(‖A_i‖∞·‖x‖∞ + |b_i|)}, where
 * {@code d_i = (|A|·|x|)_i + ‖A_i‖∞·‖x‖∞} (normwise: a row whose exact answer is zero must not count
 * rounding noise as a relative error of 1). While ω is above 64ε and at most two times, x is
 * corrected by a solve of {@code A·d = r} (to a few digits only where the method is iterative:
 * {@link #rawCorrection}). An answer with ω above {@link Factorization#RESIDUAL_BOUND}
 * is refused ({@link SingularSystemException.Kind#INACCURATE}).
 */
abstract class CheckedFactorization implements Factorization {
    private static final int MAX_REFINEMENTS = 2;
    /** ω at which refinement stops: 64ε ≈ 1.4e-14, four orders below the bound. */
    private static final double GOOD_ENOUGH = 64 * Math.ulp(1.0);

    protected final DMatrixSparseCSC a;
    private final double condition;
    private final List<String> warnings;

    /** Largest magnitude in each row of A (rowMax) and in each column (colMax = rows of Aᵀ). */
    private final double[] rowMax;
    private final double[] colMax;

    protected CheckedFactorization(DMatrixSparseCSC a, double condition) {
        this.a = a;
        int n = a.numCols;
        rowMax = new double[n];
        colMax = new double[n];
        for (int j = 0; j < n; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                double v = Math.abs(a.nz_values[p]);
                rowMax[a.nz_rows[p]] = Math.max(rowMax[a.nz_rows[p]], v);
                colMax[j] = Math.max(colMax[j], v);
            }
        }
        this.condition = condition;
        this.warnings = condition >= SolverLimits.WARN_CONDITION
                ? List.of(String.format(java.util.Locale.ROOT, "the technosphere matrix is badly conditioned "
                        + "(condition estimate %.3g of the scaled system): up to %d of 16 significant digits of "
                        + "the results may be lost to rounding", condition, (int) Math.ceil(Math.log10(condition))))
                : List.of();
    }

    /** x with {@code A·x ≈ b} (or {@code Aᵀ·x ≈ b}), unchecked. */
    protected abstract double[] rawSolve(double[] b, boolean transposed);

    /**
     * d with {@code A·d ≈ r} (or {@code Aᵀ·d ≈ r}), unchecked, for a refinement step: a few correct digits
     * suffice (a step multiplies the error of x by about the relative error of d), so an iterative method
     * may stop early ({@link LoopFactor#CORRECTION_TOLERANCE}); a direct one answers as {@link #rawSolve}.
     */
    protected double[] rawCorrection(double[] r, boolean transposed) {
        return rawSolve(r, transposed);
    }

    @Override
    public double conditionEstimate() {
        return condition;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public double[] solve(double[] f) {
        return checked(f, false);
    }

    @Override
    public double[] solveTransposed(double[] c) {
        return checked(c, true);
    }

    private double[] checked(double[] b, boolean transposed) {
        int n = a.numCols;
        if (b.length != n) {
            throw new IllegalArgumentException("right-hand side of length " + b.length + " for a system of order " + n);
        }
        double[] x = rawSolve(b, transposed);
        double omega = Double.NaN;
        for (int step = 0; ; step++) {
            double[] r = new double[n];
            double[] scale = new double[n];
            residual(b, x, transposed, r, scale);
            omega = backwardError(r, scale, b, x, transposed ? colMax : rowMax);
            if (!(omega > GOOD_ENOUGH) || step == MAX_REFINEMENTS) {
                break;
            }
            double[] d = rawCorrection(r, transposed);
            for (int i = 0; i < n; i++) {
                x[i] += d[i];
            }
        }
        if (!(omega <= RESIDUAL_BOUND)) {
            throw new SingularSystemException(SingularSystemException.Kind.INACCURATE, String.format(
                    java.util.Locale.ROOT, "the %s's relative residual is %.3g, above the bound %.0e "
                            + "(condition estimate %.3g): the answer cannot be trusted",
                    transposed ? "transposed solve" : "solve", omega, RESIDUAL_BOUND, condition),
                    new int[0], Double.NaN, condition);
        }
        return x;
    }

    /** r = b − A·x (or b − Aᵀ·x) and scale = |A|·|x| (or with Aᵀ). */
    private void residual(double[] b, double[] x, boolean transposed, double[] r, double[] scale) {
        int n = a.numCols;
        System.arraycopy(b, 0, r, 0, n);
        if (transposed) {
            for (int j = 0; j < n; j++) {
                double rj = r[j];
                double sj = 0;
                for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                    double t = a.nz_values[p] * x[a.nz_rows[p]];
                    rj -= t;
                    sj += Math.abs(t);
                }
                r[j] = rj;
                scale[j] = sj;
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            if (xj == 0) {
                continue;
            }
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                double t = a.nz_values[p] * xj;
                r[i] -= t;
                scale[i] += Math.abs(t);
            }
        }
    }

    /** The sparse backward error ω (class comment); NaN when anything is not finite. */
    static double backwardError(double[] r, double[] absAx, double[] b, double[] x, double[] lineMax) {
        int n = r.length;
        double xNorm = 0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
            xNorm = Math.max(xNorm, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(r[i]) || !Double.isFinite(absAx[i])) {
                return Double.NaN;
            }
            double componentwise = absAx[i] + Math.abs(b[i]);
            double normwise = lineMax[i] * xNorm;
            double tau = 1000.0 * n * Math.ulp(1.0) * (normwise + Math.abs(b[i]));
            double d = componentwise > tau ? componentwise : absAx[i] + normwise;
            if (d > 0) {
                worst = Math.max(worst, Math.abs(r[i]) / d);
            } else if (r[i] != 0) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return worst;
    }
}
