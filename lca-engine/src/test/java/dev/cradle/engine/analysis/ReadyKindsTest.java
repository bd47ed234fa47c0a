package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** PERT, discrete and fixed distributions, ready for the kinds lca-model's Uncertainty is gaining. */
class ReadyKindsTest {

    /**
     * PERT(0, 1, 4): α = 1 + 4·1/4 = 2, β = 1 + 4·3/4 = 4, so X = 4·Beta(2, 4): mean (0 + 4·1 + 4)/6 = 4/3,
     * variance 16·αβ/((α+β)²(α+β+1)) = 16·8/(36·7) = 0.507937. n = 100,000 draws: SE(mean) = 0.002254.
     */
    @Test
    void pertIsAScaledBeta() {
        ParameterDistribution d = ParameterDistribution.pert(0, 1, 4);
        assertEquals(4.0 / 3, d.mean(), 1e-12);
        assertEquals(16.0 * 8 / (36 * 7), d.variance(), 1e-12);
        assertEquals(0, d.lowerBound(), 0);
        assertEquals(4, d.upperBound(), 0);
        DoubleSupplier s = d.sampler(RandomSource.XO_SHI_RO_256_PP.create(4L));
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double x = s.getAsDouble();
            assertTrue(x >= 0 && x <= 4);
            sum += x;
        }
        assertEquals(4.0 / 3, sum / n, 4 * 0.002254);
        // Beta(2, 4) CDF at 0.5 = Σ_{j=2..5} C(5, j)/2⁵ = (10 + 10 + 5 + 1)/32 = 0.8125: the 0.8125 quantile of X is 2
        assertEquals(2, d.quantile(0.8125), 1e-9);
    }

    /** Values {3, 1, 2} with probabilities {0.2, 0.5, 0.3}: sorted 1 (0.5), 2 (0.3), 3 (0.2); mean 1.7. */
    @Test
    void discreteValuesWithTheirProbabilities() {
        ParameterDistribution d = ParameterDistribution.discrete(new double[] {3, 1, 2}, new double[] {0.2, 0.5, 0.3});
        assertEquals(1.7, d.mean(), 1e-12);
        assertEquals(1, d.quantile(0.5), 0);
        assertEquals(2, d.quantile(0.51), 0);
        assertEquals(3, d.quantile(0.81), 0);
        assertEquals(1, d.lowerBound(), 0);
        assertEquals(3, d.upperBound(), 0);
        DoubleSupplier s = d.sampler(RandomSource.XO_SHI_RO_256_PP.create(9L));
        int n = 100_000;
        int ones = 0;
        for (int i = 0; i < n; i++) {
            double x = s.getAsDouble();
            assertTrue(x == 1 || x == 2 || x == 3);
            ones += x == 1 ? 1 : 0;
        }
        assertEquals(0.5, (double) ones / n, 4 * Math.sqrt(0.25 / n)); // SE of a frequency √(p(1−p)/n)
    }

    @Test
    void fixedIsFixed() {
        ParameterDistribution d = ParameterDistribution.fixed(2.5);
        assertEquals(2.5, d.sampler(RandomSource.XO_SHI_RO_256_PP.create(1L)).getAsDouble(), 0);
        assertEquals(2.5, d.quantile(0.3), 0);
    }

    @Property
    void probabilitiesNotSummingToOneAreRejected(@ForAll @DoubleRange(min = 0, max = 1) double p,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double q) {
        Assume.that(Math.abs(p + q - 1) > 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterDistribution.discrete(new double[] {1, 2}, new double[] {p, q}));
        assertTrue(e.getMessage().startsWith("discrete: the probabilities sum to "), e.getMessage());
    }

    @Property
    void pertModeOutsideItsRangeIsRejected(@ForAll @DoubleRange(min = -1e3, max = 1e3) double min,
                                           @ForAll @DoubleRange(min = -1e3, max = 1e3) double mode,
                                           @ForAll @DoubleRange(min = -1e3, max = 1e3) double max) {
        Assume.that(mode < min || mode > max);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterDistribution.pert(min, mode, max));
        assertTrue(e.getMessage().startsWith("pert: need min <= mode <= max"), e.getMessage());
    }

    @Test
    void negativeProbabilityIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterDistribution.discrete(new double[] {1, 2}, new double[] {1.5, -0.5}));
        assertEquals("discrete: probability 2 must be a finite number >= 0, got -0.5", e.getMessage());
    }
}
