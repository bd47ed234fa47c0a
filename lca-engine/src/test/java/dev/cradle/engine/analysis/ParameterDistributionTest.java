package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.Uncertainty;
import java.util.function.DoubleSupplier;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ParameterDistributionTest {

    /**
     * Lognormal by geometric mean 2.5 and geometric sd 1.8 (ecoinvent's form): ln X ~ N(ln 2.5, (ln 1.8)²), so
     * exp(mean ln x) estimates GM with SE of mean ln x = ln 1.8 / √n = 0.001314, and exp(sd ln x) estimates GSD with
     * SE of sd ln x ≈ ln 1.8 / √(2n) = 0.000929, n = 200,000.
     */
    @Test
    void lognormalByGeometricMeanAndSdReproducesThemFromSamples() {
        ParameterDistribution d = ParameterDistribution.of(new Uncertainty.LogNormal(2.5, 1.8));
        DoubleSupplier s = d.sampler(RandomSource.XO_SHI_RO_256_PP.create(17L));
        int n = 200_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double l = Math.log(s.getAsDouble());
            sum += l;
            sum2 += l * l;
        }
        double meanLog = sum / n;
        double sdLog = Math.sqrt((sum2 - n * meanLog * meanLog) / (n - 1));
        assertEquals(Math.log(2.5), meanLog, 4 * 0.001314);
        assertEquals(Math.log(1.8), sdLog, 4 * 0.000929);
        assertEquals(2.5, Math.exp(meanLog), 2.5 * 4 * 0.001314);
        assertEquals(1.8, Math.exp(sdLog), 1.8 * 4 * 0.000929);
        assertEquals(2.5, d.quantile(0.5), 1e-12); // the median of a lognormal is its geometric mean
        // 97.5th percentile = GM · GSD^1.959964 = 2.5 · 1.8^1.959964 = 7.9063
        assertEquals(2.5 * Math.pow(1.8, 1.959964), d.quantile(0.975), 1e-6);
    }

    /** Inverse CDFs: N(5, 2²) at 0.975 = 5 + 1.959964·2; U(2, 6) at 0.25 = 3; Tri(0, 1, 4) median: 4 − √(4·3·0.5) = 1.5505. */
    @Test
    void quantilesAreTheInverseCdfs() {
        assertEquals(5 + 1.959964 * 2, ParameterDistribution.of(new Uncertainty.Normal(5, 2)).quantile(0.975), 1e-5);
        assertEquals(3, ParameterDistribution.of(new Uncertainty.Uniform(2, 6)).quantile(0.25), 1e-12);
        assertEquals(4 - Math.sqrt(6), ParameterDistribution.of(new Uncertainty.Triangular(0, 1, 4)).quantile(0.5), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, ParameterDistribution.of(new Uncertainty.Normal(0, 1)).lowerBound());
        assertEquals(0, ParameterDistribution.of(new Uncertainty.LogNormal(1, 2)).lowerBound());
    }

    @Test
    void zeroSpreadIsAFixedValue() {
        ParameterDistribution d = ParameterDistribution.of(new Uncertainty.Normal(3, 0));
        assertEquals(3, d.sampler(RandomSource.XO_SHI_RO_256_PP.create(1L)).getAsDouble(), 0);
        assertEquals(3, d.quantile(0.01), 0);
        assertEquals(7, ParameterDistribution.of(new Uncertainty.LogNormal(7, 1)).quantile(0.9), 0);
        assertEquals(0, ParameterDistribution.of(new Uncertainty.Uniform(1, 1)).variance(), 0);
    }

    @Test
    void nonFiniteParametersAreRejectedWithTheFieldNamed() {
        // lca-model's records may reject these first (with their own message); either way the value is named
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UncertainParameter.of("pue", 0, new Uncertainty.Normal(Double.NaN, 1)));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ParameterDistribution.of(new Uncertainty.Uniform(0, Double.POSITIVE_INFINITY)));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
    }

    /**
     * The model's PERT, discrete and fixed kinds map to their samplers. PERT(0, 3, 12): mean = (0 + 4·3 + 12)/6 = 4;
     * discrete {1: 0.25, 5: 0.75}: mean = 0.25 + 3.75 = 4; fixed 7: variance 0.
     */
    @Test
    void pertDiscreteAndFixedKindsMapToTheirSamplers() {
        assertEquals(4, ParameterDistribution.of(new Uncertainty.Pert(0, 3, 12)).mean(), 1e-12);
        assertEquals(4, ParameterDistribution.of(new Uncertainty.Discrete(java.util.List.of(1.0, 5.0),
                java.util.List.of(0.25, 0.75))).mean(), 1e-12);
        ParameterDistribution f = ParameterDistribution.of(new Uncertainty.Fixed(7));
        assertEquals(7, f.quantile(0.3), 0);
        assertEquals(0, f.variance(), 0);
    }

    /** A kind with no sampler yet (here: none at all) fails loudly, naming where to map it. */
    @Test
    void anUnmappedKindFailsWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterDistribution.of(null));
        assertTrue(e.getMessage().startsWith("no sampler for the uncertainty kind"), e.getMessage());
        assertTrue(e.getMessage().contains("ParameterDistribution.of"), e.getMessage());
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterDistribution.of(new Uncertainty.Normal(0, 1)).quantile(1.5));
        assertEquals("probability must lie in [0, 1], got 1.5", e.getMessage());
    }

    // ---- impossible parameters are rejected, always, with a message naming the distribution

    @Property
    void uniformWithMinAboveMaxIsRejected(@ForAll @DoubleRange(min = -1e9, max = 1e9) double a,
                                          @ForAll @DoubleRange(min = -1e9, max = 1e9) double b) {
        Assume.that(a > b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Uniform(a, b));
        assertTrue(e.getMessage().contains("uniform"), e.getMessage());
    }

    @Property
    void negativeStandardDeviationIsRejected(@ForAll @DoubleRange(min = -1e9, max = 1e9) double mean,
                                             @ForAll @DoubleRange(min = -1e9, max = -0.01) double sd) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Normal(mean, sd));
        assertTrue(e.getMessage().contains("normal"), e.getMessage());
    }

    @Property
    void lognormalNeedsPositiveGeometricMeanAndGsdOfAtLeastOne(@ForAll @DoubleRange(min = -1e6, max = 1e6) double gm,
                                                               @ForAll @DoubleRange(min = -10, max = 10) double gsd) {
        Assume.that(gm <= 0 || gsd < 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Uncertainty.LogNormal(gm, gsd));
        assertTrue(e.getMessage().contains("lognormal"), e.getMessage());
    }

    @Property
    void triangularModeOutsideItsRangeIsRejected(@ForAll @DoubleRange(min = -1e6, max = 1e6) double min,
                                                 @ForAll @DoubleRange(min = -1e6, max = 1e6) double mode,
                                                 @ForAll @DoubleRange(min = -1e6, max = 1e6) double max) {
        Assume.that(mode < min || mode > max);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Uncertainty.Triangular(min, mode, max));
        assertTrue(e.getMessage().contains("triangular"), e.getMessage());
    }

    /** Every valid distribution's quantiles rise with p and stay inside the support; every draw lies in the support. */
    @Property
    void quantilesAreMonotoneAndDrawsStayInTheSupport(@ForAll @DoubleRange(min = -1e3, max = 1e3) double lo,
                                                      @ForAll @DoubleRange(min = 0, max = 1) double modeShare,
                                                      @ForAll @DoubleRange(min = 0.01, max = 1e3) double width,
                                                      @ForAll @DoubleRange(min = 0.01, max = 0.98) double p) {
        ParameterDistribution d = ParameterDistribution.of(new Uncertainty.Triangular(lo, lo + modeShare * width, lo + width));
        assertTrue(d.quantile(p) <= d.quantile(p + 0.001));
        assertTrue(d.quantile(p) >= lo && d.quantile(p) <= lo + width);
        double x = d.sampler(RandomSource.XO_SHI_RO_256_PP.create((long) (p * 1e9))).getAsDouble();
        assertTrue(x >= lo && x <= lo + width, "draw " + x);
    }

    /**
     * The CDF, by hand: normal(1.1, 0.2) at 1 is Φ(−0.5) = 0.3085375387; triangular(0.8, 1, 1.2) at 0.9 is
     * (0.9 − 0.8)² / (0.4 × 0.2) = 0.125; PERT(0, 1, 2) is a Beta(3, 3) on [0, 2], symmetric, so 0.5 at 1; a discrete
     * {0: 0.1, 8: 0.6, 16: 0.3} steps at its values; a fixed value steps at itself.
     */
    @Test
    void cumulativeProbabilityByHand() {
        assertEquals(0.3085375387, ParameterDistribution.of(new Uncertainty.Normal(1.1, 0.2)).cumulativeProbability(1), 1e-10);
        assertEquals(0.125, ParameterDistribution.of(new Uncertainty.Triangular(0.8, 1, 1.2)).cumulativeProbability(0.9), 1e-12);
        assertEquals(0.5, ParameterDistribution.pert(0, 1, 2).cumulativeProbability(1), 1e-12);
        ParameterDistribution d = ParameterDistribution.discrete(new double[] {8, 0, 16}, new double[] {0.6, 0.1, 0.3});
        assertEquals(0, d.cumulativeProbability(-1), 0);
        assertEquals(0.1, d.cumulativeProbability(0), 1e-15);
        assertEquals(0.7, d.cumulativeProbability(15.9), 1e-15);
        assertEquals(1, d.cumulativeProbability(16), 0);
        assertEquals(java.util.List.of(0.0, 8.0, 16.0), java.util.Arrays.stream(d.atoms()).boxed().toList());
        assertEquals(0.1, d.atomProbabilities()[0], 1e-15);
        assertEquals(0, ParameterDistribution.fixed(3).cumulativeProbability(2.99), 0);
        assertEquals(1, ParameterDistribution.fixed(3).cumulativeProbability(3), 0);
        assertEquals(0, ParameterDistribution.of(new Uncertainty.Uniform(0, 1)).atoms().length);
    }

    /** The CDF inverts the quantile function of every continuous kind. */
    @Property(tries = 300)
    void cumulativeProbabilityInvertsTheQuantile(@ForAll @DoubleRange(min = 0.001, max = 0.999) @net.jqwik.api.constraints.Scale(6) double p) {
        for (ParameterDistribution d : new ParameterDistribution[] {ParameterDistribution.of(new Uncertainty.Normal(5, 2)),
                ParameterDistribution.of(new Uncertainty.LogNormal(57, 1.3)), ParameterDistribution.pert(1.1, 1.2, 1.5),
                ParameterDistribution.of(new Uncertainty.Triangular(4, 6, 8))}) {
            assertEquals(p, d.cumulativeProbability(d.quantile(p)), 1e-9, d.toString());
        }
    }
}
