package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

/** Singular, non-productive and ill-conditioned systems: reported with the processes, never answered wrongly. */
class SingularityTest {
    private static final List<Solver> LOOP_SOLVERS = List.of(new SolverSelector(), new BlockTriangularSolver(),
            new SparseLuSolver(), new BlockTriangularSolver(BlockTriangularSolver.LoopMethod.LU),
            new BlockTriangularSolver(BlockTriangularSolver.LoopMethod.GMRES));

    /** A from (row, column, value) triples. */
    static DMatrixSparseCSC matrix(int n, double[]... entries) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, entries.length);
        for (double[] e : entries) {
            t.addItem((int) e[0], (int) e[1], e[2]);
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    /**
     * Column 0 buys from a loop 1 → 2 → 3 → 1 that needs 2, 0.25 and 2 units per unit: the gain is
     * (2·0.25·2)^(1/3) = 1, the loop consumes all it produces and A is singular.
     */
    @Test
    void aLoopWithGainOneIsReportedWithItsProcessesAndGain() {
        DMatrixSparseCSC a = matrix(4, new double[] {0, 0, 1}, new double[] {1, 0, -3},
                new double[] {1, 1, 1}, new double[] {2, 1, -2},
                new double[] {2, 2, 1}, new double[] {3, 2, -0.25},
                new double[] {3, 3, 1}, new double[] {1, 3, -2});
        for (Solver s : LOOP_SOLVERS) {
            SingularSystemException e = assertThrows(SingularSystemException.class, () -> s.factorize(a));
            assertEquals(SingularSystemException.Kind.NON_PRODUCTIVE_LOOP, e.kind());
            assertArrayEquals(new int[] {1, 2, 3}, e.columns());
            assertEquals(1.0, e.gain(), 1e-9);
            assertTrue(e.getMessage().contains("3 processes form a loop whose gain is 1.00000"), e.getMessage());
            assertTrue(e.getMessage().contains("consumes all it produces"), e.getMessage());
        }
    }

    /** A two-process loop needing 1.5 units of each other per unit: gain √(1.5·1.5) = 1.5. A is regular. */
    @Test
    void aLoopWithGainAboveOneIsRefusedThoughTheMatrixIsRegular() {
        DMatrixSparseCSC a = matrix(3, new double[] {0, 0, 1}, new double[] {1, 0, -1},
                new double[] {1, 1, 1}, new double[] {2, 1, -1.5},
                new double[] {2, 2, 1}, new double[] {1, 2, -1.5});
        // det of the loop block is 1 − 2.25 ≠ 0: a plain solve would answer s = (1, −0.8, −1.2)
        for (Solver s : LOOP_SOLVERS) {
            SingularSystemException e = assertThrows(SingularSystemException.class, () -> s.factorize(a));
            assertEquals(SingularSystemException.Kind.NON_PRODUCTIVE_LOOP, e.kind());
            assertArrayEquals(new int[] {1, 2}, e.columns());
            assertEquals(1.5, e.gain(), 1e-9);
            assertTrue(e.getMessage().contains("more than it produces"), e.getMessage());
        }
    }

    /**
     * A loop with a credit (process 2 displaces product 1: a positive off-diagonal entry) whose two
     * columns are equal: singular, but no gain can be judged from signs, so the LU finds it.
     */
    @Test
    void aSingularLoopWithCreditsIsFoundByTheFactorisation() {
        DMatrixSparseCSC a = matrix(3, new double[] {0, 0, 1}, new double[] {1, 0, -1},
                new double[] {1, 1, 1}, new double[] {2, 1, 1},
                new double[] {2, 2, 1}, new double[] {1, 2, 1});
        for (Solver s : LOOP_SOLVERS) {
            SingularSystemException e = assertThrows(SingularSystemException.class, () -> s.factorize(a));
            assertEquals(SingularSystemException.Kind.SINGULAR, e.kind(), e.getMessage());
            assertArrayEquals(new int[] {1, 2}, e.columns());
            assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("loop of 2 processes"),
                    e.getMessage());
        }
    }

    @Test
    void aZeroReferenceOutputIsReportedWithItsColumn() {
        DMatrixSparseCSC a = matrix(2, new double[] {0, 0, 1}, new double[] {1, 0, -1}, new double[] {0, 1, -1});
        SingularSystemException e = assertThrows(SingularSystemException.class,
                () -> new SolverSelector().factorize(a));
        assertEquals(SingularSystemException.Kind.ZERO_REFERENCE, e.kind());
        assertArrayEquals(new int[] {1}, e.columns());
    }

    /**
     * Two processes needing 1 − 2⁻³⁶ and 1 unit of each other: gain 1 − 2⁻³⁶, productive but nearly not.
     * By hand, A = [[1, −1], [−(1 − 2⁻³⁶), 1]] and for one unit of product 0, s₀ = 1/(1 − (1 − 2⁻³⁶)) = 2³⁶,
     * s₁ = (1 − 2⁻³⁶)·2³⁶ = 2³⁶ − 1. The scaled loop has κ∞ ≤ (1 + ρ)/(1 − ρ) ≈ 2³⁷ = 1.4e11 and
     * κ₁ ≤ 2·κ∞ for 2 × 2: a warning.
     */
    @Test
    void anIllConditionedLoopIsSolvedWithAWarningCarryingItsConditionEstimate() {
        double a10 = 1 - Math.scalb(1.0, -36);
        DMatrixSparseCSC a = matrix(2, new double[] {0, 0, 1}, new double[] {1, 0, -a10},
                new double[] {1, 1, 1}, new double[] {0, 1, -1});
        for (Solver s : LOOP_SOLVERS) {
            Factorization f = s.factorize(a);
            double kappa = f.conditionEstimate();
            assertTrue(kappa >= 1e11 && kappa <= 2 * 1.4e11 * 1.01, f.method() + " " + kappa);
            assertEquals(1, f.warnings().size(), f.warnings().toString());
            assertTrue(f.warnings().get(0).contains(String.format(java.util.Locale.ROOT,
                    "badly conditioned (condition estimate %.3g", kappa)), f.warnings().get(0));
            double[] x = f.solve(new double[] {1, 0});
            // about log10(κ) ≈ 11 digits may be lost: the answer is still good to 1e-4
            assertEquals(Math.scalb(1.0, 36), x[0], 1e-4 * Math.scalb(1.0, 36));
            assertEquals(Math.scalb(1.0, 36) - 1, x[1], 1e-4 * Math.scalb(1.0, 36));
        }
    }

    @Test
    void aWellConditionedLoopHasNoWarning() {
        // gain 0.5: κ∞ of the scaled loop ≤ 1.5/0.5 = 3
        DMatrixSparseCSC a = matrix(2, new double[] {0, 0, 1}, new double[] {1, 0, -0.5},
                new double[] {1, 1, 1}, new double[] {0, 1, -0.5});
        Factorization f = new SolverSelector().factorize(a);
        assertTrue(f.warnings().isEmpty());
        assertTrue(f.conditionEstimate() <= 3 + 1e-12, "" + f.conditionEstimate());
        // s = A⁻¹·(1, 0): s₀ = 1/(1 − 0.25) = 4/3, s₁ = 0.5·4/3 = 2/3
        assertArrayEquals(new double[] {4.0 / 3, 2.0 / 3}, f.solve(new double[] {1, 0}), 1e-15);
    }
}
