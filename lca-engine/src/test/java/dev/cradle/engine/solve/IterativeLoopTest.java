package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

/** The GMRES loop method on loops where ILU(0) is not exact: right, or refused, never a wrong number. */
class IterativeLoopTest {
    private static final Solver GMRES = new BlockTriangularSolver(BlockTriangularSolver.LoopMethod.GMRES);

    /**
     * A ring of n processes, process i needing r units of product i+1 (mod n) per unit. By hand, for one
     * unit of product 0: s_k = r^k / (1 − rⁿ) (the loop's gain is r).
     */
    private static DMatrixSparseCSC ring(int n, double r) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 2 * n);
        for (int i = 0; i < n; i++) {
            t.addItem(i, i, 1);
            t.addItem((i + 1) % n, i, -r);
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    /**
     * The order ILU(0) works in: column j lists its providers (rows), 0 needs 1, 1 needs 3, 2 needs 0, 3 needs
     * nothing, so by hand the providers-first order is 3, 1, 0, 2. Closing a cycle (3 needs 2) gives 2, 3, 1, 0:
     * one edge points backwards (2 needs 0), the one the depth-first search meets while 0 is still open.
     */
    @Test
    void providersComeBeforeTheirConsumers() {
        assertArrayEquals(new int[] {3, 1, 0, 2},
                IterativeLoop.providersFirst(4, new int[] {0, 1, 2, 3, 3}, new int[] {1, 3, 0}));
        assertArrayEquals(new int[] {2, 3, 1, 0},
                IterativeLoop.providersFirst(4, new int[] {0, 1, 2, 3, 4}, new int[] {1, 3, 0, 2}));
    }

    @Test
    void aWellConditionedRingIsSolvedByGmres() {
        int n = 200;
        double r = 0.9;
        Factorization f = GMRES.factorize(ring(n, r));
        assertTrue(f.method().contains("GMRES"), f.method());
        double[] e = new double[n];
        e[0] = 1;
        double[] s = f.solve(e);
        double s0 = 1 / (1 - Math.pow(r, n));
        for (int k = 0; k < n; k++) {
            assertEquals(Math.pow(r, k) * s0, s[k], 1e-12 * s0);
        }
        // adjoint: y = A⁻ᵀ·e₀, y_k = r^((n−k) mod n)·s0 (product 0 is needed r^(n−k) times per unit of k)
        double[] y = f.solveTransposed(e);
        for (int k = 0; k < n; k++) {
            assertEquals(Math.pow(r, (n - k) % n) * s0, y[k], 1e-12 * s0);
        }
    }

    /**
     * The same ring with gain r = (1 − 1e-8)^(1/n): rⁿ = 1 − 1e-8, s_0 = 1e8. The scaled loop is the circulant
     * I − r·P (P the cyclic shift): ‖Â‖₁ = 1 + r and ‖Â⁻¹‖₁ = Σ_k r^k/(1 − rⁿ) = 1/(1 − r), so
     * κ₁ = (1 + r)/(1 − r) ≈ 1e10 for n = 50. Either the answer is right to the digits κ leaves (1e-5 relative
     * here), with a condition estimate within Hager–Higham's factor 3 below κ₁, or the solve is refused;
     * never a wrong number.
     */
    @Test
    void aNearlyNonProductiveRingIsRightOrRefused() {
        int n = 50;
        double r = Math.pow(1 - 1e-8, 1.0 / n);
        double s0 = 1 / (1 - Math.pow(r, n));
        double[] e = new double[n];
        e[0] = 1;
        try {
            Factorization f = GMRES.factorize(ring(n, r));
            double[] s = f.solve(e);
            for (int k = 0; k < n; k++) {
                assertEquals(Math.pow(r, k) * s0, s[k], 1e-5 * s0);
            }
            double kappa = (1 + r) / (1 - r);
            double estimate = f.conditionEstimate();
            assertTrue(estimate >= kappa / 3 && estimate <= kappa * 1.01, estimate + " for κ₁ " + kappa);
            assertEquals(estimate >= SolverLimits.WARN_CONDITION ? 1 : 0, f.warnings().size(), f.warnings().toString());
        } catch (SingularSystemException refused) {
            assertTrue(refused.kind() == SingularSystemException.Kind.INACCURATE
                    || refused.kind() == SingularSystemException.Kind.SINGULAR, refused.getMessage());
        }
    }
}
