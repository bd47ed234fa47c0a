package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SobolTest {

    /**
     * Analytic indices of Ishigami (a = 7, b = 0.1), e.g. Saltelli et al., Global Sensitivity Analysis. The Primer
     * (Wiley 2008) §4.9, and the issue: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446;
     * S₁ = (0.3139, 0.4424, 0), T = (0.5576, 0.4424, 0.2437).
     */
    @Test
    void ishigamiIndicesMatchTheAnalyticValuesAtN8192() {
        Sobol.Result r = Sobol.run(Ishigami.model(1), Ishigami.parameters(1), new Sobol.Settings(8192, 200, 0.95, 7, 2));
        assertEquals(8192 * (4 + 2), r.evaluations());
        Sobol.OutputIndices f = r.outputs().get(0);
        double[] s1 = {0.3139, 0.4424, 0};
        double[] st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            Sobol.Index idx = f.indices().get(i);
            assertEquals(s1[i], idx.firstOrder(), 0.02, "S1 of x" + (i + 1));
            assertEquals(st[i], idx.total(), 0.02, "ST of x" + (i + 1));
            assertTrue(idx.firstOrderLow() <= idx.firstOrder() && idx.firstOrder() <= idx.firstOrderHigh());
            assertTrue(idx.totalLow() <= idx.total() && idx.total() <= idx.totalHigh());
        }
        // V analytic: 49/8 + 0.1 π⁴/5 + 0.01 π⁸/18 + 1/2 = 6.125 + 1.948182 + 5.271410 + 0.5 = 13.844592
        assertEquals(13.8446, f.variance(), 0.02 * 13.8446);
        // interactions: 1 − (0.3139 + 0.4424 + 0) = 0.2437 (all of it x1·x3)
        assertEquals(0.2437, f.interactionShare(), 0.04);
    }

    /** The fourth input is not read by f: f(A_B⁽⁴⁾) = f(A) row by row, so both indices and their intervals are 0. */
    @Test
    void aParameterTheOutputDoesNotReadGetsZeroWithinItsInterval() {
        Sobol.Result r = Sobol.run(Ishigami.model(1), Ishigami.parameters(1), new Sobol.Settings(1024, 100, 0.95, 3, 1));
        Sobol.Index dummy = r.outputs().get(0).indices().get(3);
        assertEquals("dummy1", dummy.parameter().name());
        assertTrue(dummy.firstOrderLow() <= 0 && 0 <= dummy.firstOrderHigh(), dummy.toString());
        assertTrue(dummy.totalLow() <= 0 && 0 <= dummy.totalHigh(), dummy.toString());
        assertEquals(0, dummy.firstOrder(), 0);
        assertEquals(0, dummy.total(), 0);
        assertEquals(0, dummy.varianceShare(), 0);
    }

    /**
     * A linear model y = 1·x₁ + 2·x₂ with independent N(0, 1) inputs: Sᵢ = Tᵢ = cᵢ² / Σc² = (0.2, 0.8), no
     * interaction. The intervals must cover the exact values.
     */
    @Test
    void additiveModelIndicesAreTheShareOfVariance() {
        ParametricModel m = ParametricModel.of(new double[2], List.of("y"), (p, out) -> out[0] = p[0] + 2 * p[1]);
        List<UncertainParameter> ps = List.of(
                UncertainParameter.of("x1", 0, new dev.cradle.model.Uncertainty.Normal(0, 1)),
                UncertainParameter.of("x2", 1, new dev.cradle.model.Uncertainty.Normal(0, 1)));
        Sobol.OutputIndices y = Sobol.run(m, ps, new Sobol.Settings(4096, 200, 0.95, 11, 2)).outputs().get(0);
        double[] exact = {0.2, 0.8};
        for (int i = 0; i < 2; i++) {
            Sobol.Index idx = y.indices().get(i);
            assertTrue(idx.firstOrderLow() <= exact[i] && exact[i] <= idx.firstOrderHigh(), idx.toString());
            assertTrue(idx.totalLow() <= exact[i] && exact[i] <= idx.totalHigh(), idx.toString());
            assertEquals(exact[i], idx.varianceShare(), 0.02);
        }
        assertEquals(0, y.interactionShare(), 0.02);
    }

    @Test
    void theSameSeedGivesTheSameIndicesOnOneThreadOrSeveral() {
        List<UncertainParameter> ps = Ishigami.parameters(0);
        Sobol.Result one = Sobol.run(Ishigami.model(0), ps, new Sobol.Settings(2048, 50, 0.9, 5, 1));
        Sobol.Result three = Sobol.run(Ishigami.model(0), ps, new Sobol.Settings(2048, 50, 0.9, 5, 3));
        assertEquals(one.outputs(), three.outputs()); // records of doubles: equal means bit for bit (Double.equals)
    }
}
