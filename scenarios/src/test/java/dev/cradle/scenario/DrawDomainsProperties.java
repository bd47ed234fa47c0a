package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Amount;
import dev.cradle.model.Parameter;
import dev.cradle.model.Uncertainty;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The exact path of {@link DrawDomains} agrees with the closed form: a field a·x + b (a ≠ 0) leaves "1 or more"
 * exactly where x crosses x* = (1 − b)/a, so for x ~ normal(μ, σ) the probability is Φ((x* − μ)/σ) when a > 0 and
 * 1 − Φ((x* − μ)/σ) when a < 0; and for x ~ uniform(lo, hi) the share of [lo, hi] on the wrong side of x*.
 */
class DrawDomainsProperties {
    private static DrawDomains.Leak leak(Uncertainty u, double central, double a, double b) {
        DrawDomains d = new DrawDomains(List.of(new Parameter("x", Amount.of(central), "", u, "")));
        String formula = a + " * x + " + b;
        return d.oneAtATime(d.compile(FormulaParser.parse(formula)), Domain.AT_LEAST_ONE::accepts, false, "x");
    }

    @Property(tries = 300)
    void aLinearFieldOfANormalLeavesWithTheNormalsTailProbability(
            @ForAll @DoubleRange(min = -5, max = 5) @Scale(4) double mean,
            @ForAll @DoubleRange(min = 0.01, max = 3) @Scale(4) double sd,
            @ForAll @DoubleRange(min = -4, max = 4) @Scale(3) double a,
            @ForAll @DoubleRange(min = -3, max = 3) @Scale(3) double b) {
        if (Math.abs(a) < 0.01) {
            return;
        }
        double xStar = (1 - b) / a;
        NormalDistribution n = NormalDistribution.of(mean, sd);
        double expected = a > 0 ? n.cumulativeProbability(xStar) : n.survivalProbability(xStar);
        assertEquals(expected, leak(new Uncertainty.Normal(mean, sd), mean, a, b).probability(), 1e-9,
                "x* = " + xStar);
    }

    @Property(tries = 300)
    void aLinearFieldOfAUniformLeavesWithItsShareOfTheRange(
            @ForAll @DoubleRange(min = -5, max = 5) @Scale(4) double lo,
            @ForAll @DoubleRange(min = 0.01, max = 5) @Scale(4) double width,
            @ForAll @DoubleRange(min = 0.01, max = 4) @Scale(3) double a,
            @ForAll @DoubleRange(min = -3, max = 3) @Scale(3) double b) {
        double hi = lo + width;
        double xStar = (1 - b) / a;
        double expected = Math.min(1, Math.max(0, (xStar - lo) / width));
        assertEquals(expected, leak(new Uncertainty.Uniform(lo, hi), lo + width / 2, a, b).probability(), 1e-9,
                "x* = " + xStar);
    }
}
