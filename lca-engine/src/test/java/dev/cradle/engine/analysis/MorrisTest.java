package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MorrisTest {

    /**
     * Ishigami on the standard 4-level grid (Δ = 2/3, i.e. 4π/3 in x). Exact expectations of μ* for this design,
     * enumerating every step of each input with the other inputs uniform over the 4 levels (their distribution in
     * random trajectories):
     * x₂: |a(sin²(x₂+4π/3) − sin² x₂)| = 7·0.75 for every step, μ* = 5.25 / (2/3) = 7.875;
     * x₁: |sin x₁' − sin x₁| = √3/2 for every step, times the mean of 1 + b x₃⁴ over the levels ±π, ±π/3
     *     (1 + 0.1·(π⁴ + (π/3)⁴)/2 = 5.9344), μ* = 0.8660·5.9344 / (2/3) = 7.7041;
     * x₃: b |x₃'⁴ − x₃⁴| = 0.1·(π⁴ − (π/3)⁴) = 9.6207 for every step, times mean |sin x₁| = √3/4, μ* = 6.2488.
     * The order x₂ ≳ x₁ > x₃ is the known Morris order for Ishigami on this grid (SALib's Ishigami example shows the
     * same); the dummy input has μ* = σ = 0. With r = 20,000 the standard error of μ*(x₁) is about 6.25/√r = 0.044.
     */
    @Test
    void ranksTheIshigamiInputsInTheKnownOrder() {
        Morris.Result r = Morris.run(Ishigami.model(1), Ishigami.parameters(1), new Morris.Settings(20_000, 4, 42));
        List<Morris.Effect> e = r.effects().get(0);
        assertEquals(7.7041, e.get(0).muStar(), 4 * 0.044);
        assertEquals(7.875, e.get(1).muStar(), 1e-9);
        assertEquals(6.2488, e.get(2).muStar(), 4 * 0.03);
        assertTrue(e.get(1).muStar() > e.get(0).muStar() && e.get(0).muStar() > e.get(2).muStar());
        assertEquals(0, e.get(3).muStar(), 0);
        assertEquals(0, e.get(3).sigma(), 0);
        // x₁ and x₃ interact (b x₃⁴ sin x₁): their effects vary from step to step
        assertTrue(e.get(0).sigma() > 1 && e.get(2).sigma() > 1);
    }

    /** A linear model's elementary effects are its slopes times the design scale: μ = μ* = c·range, σ = 0. */
    @Test
    void linearModelHasConstantEffects() {
        ParametricModel m = ParametricModel.of(new double[2], List.of("y"), (p, out) -> out[0] = 3 * p[0] - 2 * p[1]);
        List<UncertainParameter> ps = List.of(
                UncertainParameter.of("x1", 0, new dev.cradle.model.Uncertainty.Uniform(0, 10)),
                UncertainParameter.of("x2", 1, new dev.cradle.model.Uncertainty.Uniform(5, 7)));
        List<Morris.Effect> e = Morris.run(m, ps, new Morris.Settings(10, 4, 1)).effects().get(0);
        assertEquals(30, e.get(0).mu(), 1e-9); // 3 per unit × range 10
        assertEquals(30, e.get(0).muStar(), 1e-9);
        assertEquals(0, e.get(0).sigma(), 1e-9);
        assertEquals(-4, e.get(1).mu(), 1e-9); // −2 × range 2
        assertEquals(4, e.get(1).muStar(), 1e-9);
    }

    @Test
    void rejectsAnOddNumberOfLevels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Morris.Settings(10, 5, 1));
        assertTrue(e.getMessage().contains("even"), e.getMessage());
    }
}
