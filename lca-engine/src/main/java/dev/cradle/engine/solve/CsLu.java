package dev.cradle.engine.solve;

import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcs;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcsn;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcss;
import edu.emory.mathcs.csparsej.tdouble.Dcs_ipvec;
import edu.emory.mathcs.csparsej.tdouble.Dcs_lsolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_lu;
import edu.emory.mathcs.csparsej.tdouble.Dcs_ltsolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_pvec;
import edu.emory.mathcs.csparsej.tdouble.Dcs_sqr;
import edu.emory.mathcs.csparsej.tdouble.Dcs_usolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_utsolve;

/**
 * A sparse LU factorisation {@code P·M·Q = L·U} of an (already scaled) square matrix M by CSparse
 * (T. Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006) in its Java port CSparseJ: Q is
 * the approximate minimum degree ordering of {@code M + Mᵀ} (AMD; Amestoy, Davis and Duff 1996) and P
 * comes from threshold partial pivoting that keeps the diagonal while it is at least
 * {@link SolverLimits#PIVOT_THRESHOLD} of its column's largest candidate. Solves M and Mᵀ; immutable.
 */
final class CsLu implements LoopFactor {
    /** CSparse's ordering code for AMD on the pattern of M + Mᵀ. */
    private static final int AMD_SYMMETRIC = 1;

    private final int n;
    private final int[] q;
    private final Dcsn lu;
    private final double norm1;

    private CsLu(int n, int[] q, Dcsn lu, double norm1) {
        this.n = n;
        this.q = q;
        this.lu = lu;
        this.norm1 = norm1;
    }

    /**
     * Factorises the CSC matrix given by its arrays (n×n; copied), or returns null when a pivot is
     * exactly zero (structurally or numerically singular).
     */
    static CsLu factorize(int n, int[] colStart, int[] rows, double[] values) {
        Dcs cs = new Dcs();
        cs.m = n;
        cs.n = n;
        int nz = colStart[n];
        cs.nzmax = Math.max(1, nz);
        cs.p = java.util.Arrays.copyOf(colStart, n + 1);
        cs.i = java.util.Arrays.copyOf(rows, cs.nzmax);
        cs.x = java.util.Arrays.copyOf(values, cs.nzmax);
        cs.nz = -1;
        double norm1 = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                s += Math.abs(values[p]);
            }
            norm1 = Math.max(norm1, s);
        }
        Dcss symbolic = Dcs_sqr.cs_sqr(AMD_SYMMETRIC, cs, false);
        Dcsn numeric = symbolic == null ? null : Dcs_lu.cs_lu(cs, symbolic, SolverLimits.PIVOT_THRESHOLD);
        return numeric == null ? null : new CsLu(n, symbolic.q, numeric, norm1);
    }

    /** Non-zeros of L and U together (fill included). */
    int factorNonZeros() {
        return lu.L.p[n] + lu.U.p[n];
    }

    /**
     * The work a sparse LU of the pattern (n×n CSC) would take, predicted before factorising: the column
     * counts c_j of the Cholesky factor of {@code pattern(M + Mᵀ)} under the same AMD ordering (CSparse's
     * symbolic Cholesky: elimination tree and column counts, nearly linear time) give
     * {@code flops ≈ Σ c_j²}, which bounds the LU's work with diagonal pivots (Davis 2006, §4 and §6).
     */
    static double predictedFlops(int n, int[] colStart, int[] rows) {
        Dcs cs = new Dcs();
        cs.m = n;
        cs.n = n;
        int nz = colStart[n];
        cs.nzmax = Math.max(1, nz);
        cs.p = java.util.Arrays.copyOf(colStart, n + 1);
        cs.i = java.util.Arrays.copyOf(rows, cs.nzmax);
        cs.x = new double[cs.nzmax];
        java.util.Arrays.fill(cs.x, 1.0);
        cs.nz = -1;
        Dcs sym = edu.emory.mathcs.csparsej.tdouble.Dcs_add.cs_add(cs,
                edu.emory.mathcs.csparsej.tdouble.Dcs_transpose.cs_transpose(cs, true), 1, 1);
        Dcss s = edu.emory.mathcs.csparsej.tdouble.Dcs_schol.cs_schol(AMD_SYMMETRIC, sym);
        if (s == null) {
            return Double.POSITIVE_INFINITY;
        }
        double flops = 0;
        for (int j = 0; j < n; j++) {
            double c = s.cp[j + 1] - s.cp[j];
            flops += c * c;
        }
        return flops;
    }

    @Override
    public String kind() {
        return "LU";
    }

    /** x = M⁻¹·b: x = Q·U⁻¹·L⁻¹·P·b. */
    @Override
    public double[] solve(double[] b, double tolerance) {
        double[] w = new double[n];
        double[] x = new double[n];
        Dcs_ipvec.cs_ipvec(lu.pinv, b, w, n);
        Dcs_lsolve.cs_lsolve(lu.L, w);
        Dcs_usolve.cs_usolve(lu.U, w);
        Dcs_ipvec.cs_ipvec(q, w, x, n);
        return x;
    }

    /** y = M⁻ᵀ·c: Mᵀ = Q·Uᵀ·Lᵀ·P, so y = Pᵀ·L⁻ᵀ·U⁻ᵀ·Qᵀ·c. */
    @Override
    public double[] solveTransposed(double[] c, double tolerance) {
        double[] w = new double[n];
        double[] y = new double[n];
        Dcs_pvec.cs_pvec(q, c, w, n);
        Dcs_utsolve.cs_utsolve(lu.U, w);
        Dcs_ltsolve.cs_ltsolve(lu.L, w);
        Dcs_pvec.cs_pvec(lu.pinv, w, y, n);
        return y;
    }

    /** Estimated κ₁(M) = ‖M‖₁·‖M⁻¹‖₁ (Hager–Higham). */
    @Override
    public double conditionEstimate() {
        return norm1 * ConditionEstimator.inverseNorm1(n, this::solve, this::solveTransposed);
    }
}
