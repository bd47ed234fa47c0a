package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-data regression: USLCI's 766-process technosphere (src/test/resources/uslci), which the
 * former solver refused as singular for every functional unit although it is regular.
 */
class UslciSolverTest {
    private static DMatrixSparseCSC a;
    private static double[][] dense;
    private static Factorization factorization;

    @BeforeAll
    static void factorise() {
        a = UslciMatrix.technosphere();
        dense = Dense.toArray(a);
        factorization = new SolverSelector().factorize(a);
    }

    @Test
    void isSolvedByTheBlockSparseLuWithoutWarning() {
        assertEquals(766, a.numCols);
        assertEquals("sparse LU by blocks (2 loops; scaled, AMD ordering)", factorization.method());
        assertTrue(factorization.warnings().isEmpty(), factorization.warnings().toString());
        // each loop block, scaled by its Perron vector, has κ∞ ≤ (1 + ρ)/(1 − ρ) = 2.40 (ρ = 0.412) and
        // κ₁ ≤ m²·κ∞ for m processes; the largest estimate is a small number, far from the warning (1e10)
        double kappa = factorization.conditionEstimate();
        assertTrue(kappa >= 1 && kappa < 21 * 21 * 2.41, "condition estimate " + kappa);
        // the whole-system LU equilibrated by Ruiz's iteration estimates 3.3e4 (NumPy, dense: 2.7e4)
        double whole = new SparseLuSolver().factorize(a).conditionEstimate();
        assertTrue(whole > 5e3 && whole < 1e5, "whole-system condition estimate " + whole);
    }

    @Test
    void theTwoLoopsAreProductiveWithTheGainsOfAnIndependentEigenvalueComputation() {
        // NumPy, max |eigvals| of M restricted to each strongly connected component: 0.35986424792,
        // 0.41231056256 (the "gain 0.41")
        List<LoopAnalysis.Loop> loops = LoopAnalysis.loops(a);
        assertEquals(2, loops.size());
        assertEquals(2, loops.get(0).columns().length);
        assertEquals(0.41231056256, loops.get(0).gain(), 1e-9);
        assertEquals(21, loops.get(1).columns().length);
        assertEquals(0.35986424792, loops.get(1).gain(), 1e-9);
        List<String> names = UslciMatrix.processNames();
        List<String> loop = java.util.Arrays.stream(loops.get(1).columns()).mapToObj(names::get).toList();
        assertTrue(loop.stream().anyMatch(s -> s.startsWith("Electricity, at grid")), loop.toString());
        assertTrue(loop.stream().anyMatch(s -> s.toLowerCase().contains("coal")), loop.toString());
        assertTrue(loop.stream().anyMatch(s -> s.toLowerCase().contains("diesel")), loop.toString());
    }

    @Test
    void everyProcessAsFunctionalUnitSolvesAndEqualsADenseLuAndTheFixedPoint() {
        DecompositionSolver lu = Dense.lu(dense);
        int n = a.numCols;
        double worstResidual = 0;
        double worstDense = 0;
        double worstFixedPoint = 0;
        for (int j = 0; j < n; j++) {
            double[] f = new double[n];
            f[j] = 1;
            double[] s = factorization.solve(f);
            worstResidual = Math.max(worstResidual, Dense.relativeResidual(dense, s, f));
            worstDense = Math.max(worstDense, Dense.relativeDifference(s, Dense.solve(lu, f)));
            worstFixedPoint = Math.max(worstFixedPoint, Dense.relativeDifference(s, FixedPoint.solve(a, f)));
        }
        System.out.printf("USLCI: worst residual %.3g, dense %.3g, fixed point %.3g%n", worstResidual, worstDense,
                worstFixedPoint);
        assertTrue(worstResidual <= 1e-10, "worst relative residual " + worstResidual);
        assertTrue(worstDense <= 1e-9, "worst difference to the dense LU " + worstDense);
        assertTrue(worstFixedPoint <= 1e-9, "worst difference to the fixed point " + worstFixedPoint);
    }

    @Test
    void adjointSolvesGiveEveryProcessIntensityFromOneFactorisation() {
        // three made-up indicators per one run of each process (non-negative, like emissions)
        Random rnd = new Random(11);
        int n = a.numCols;
        double[][] perRun = new double[3][n];
        for (double[] row : perRun) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextDouble() < 0.3 ? rnd.nextDouble() * Math.pow(10, rnd.nextInt(7) - 3) : 0;
            }
        }
        double[][] y = factorization.solveTransposed(perRun);
        double[][] denseT = Dense.transpose(dense);
        for (int k = 0; k < perRun.length; k++) {
            assertTrue(Dense.relativeResidual(denseT, y[k], perRun[k]) <= 1e-10);
            double difference = Dense.relativeDifference(y[k], FixedPoint.solveTransposed(a, perRun[k]));
            assertTrue(difference <= 1e-9, "indicator " + k + ": " + difference);
        }
        // the intensity of process j is the indicator of the demand "one unit of j": y_j = c·A⁻¹·e_j
        for (int j = 0; j < n; j += 7) {
            double[] f = new double[n];
            f[j] = 1;
            double[] s = factorization.solve(f);
            double h = 0;
            // the scale of the sum: max|c|·‖s‖₁ (s is accurate to about ε·‖s‖, so a result of ~0 is
            // compared in absolute terms)
            double cMax = java.util.Arrays.stream(perRun[0]).map(Math::abs).max().orElse(0);
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                h += perRun[0][i] * s[i];
                magnitude += cMax * Math.abs(s[i]);
            }
            assertEquals(h, y[0][j], 1e-9 * magnitude, "process " + j);
        }
    }
}
