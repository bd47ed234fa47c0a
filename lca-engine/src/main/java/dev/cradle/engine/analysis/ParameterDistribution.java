package dev.cradle.engine.analysis;

import dev.cradle.model.Uncertainty;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * A parameter's distribution as the analyses use it: samplers for Monte Carlo and the inverse CDF
 * ({@link #quantile}) for tornado, Morris and Sobol designs. Backed by Apache Commons Statistics
 * (samplers from Commons RNG Sampling, e.g. the ziggurat method for the normal).
 *
 * <p>Mapping from {@link Uncertainty}: Normal(mean, sd) → N(mean, sd²); LogNormal(geometric mean GM,
 * geometric sd GSD) → ln X ~ N(ln GM, (ln GSD)²) (ecoinvent's convention; its "SD95" is GSD²);
 * Uniform(min, max); Triangular(min, mode, max). A zero spread (sd = 0, GSD = 1, min = max) is a
 * fixed value. A kind not mapped here fails with a message naming it.
 */
public final class ParameterDistribution {
    private final ContinuousDistribution distribution; // null: a fixed value
    private final double fixed;
    private final String description;

    private ParameterDistribution(ContinuousDistribution distribution, double fixed, String description) {
        this.distribution = distribution;
        this.fixed = fixed;
        this.description = description;
    }

    /**
     * The distribution for {@code u}.
     *
     * @throws IllegalArgumentException for a non-finite parameter, or a kind of uncertainty with no sampler yet
     */
    public static ParameterDistribution of(Uncertainty u) {
        if (u instanceof Uncertainty.Normal n) {
            finite("normal", "mean", n.mean());
            finite("normal", "sd", n.sd());
            String d = "normal(mean " + n.mean() + ", sd " + n.sd() + ")";
            return n.sd() == 0 ? fixed(n.mean(), d) : new ParameterDistribution(NormalDistribution.of(n.mean(), n.sd()), 0, d);
        }
        if (u instanceof Uncertainty.LogNormal l) {
            finite("lognormal", "geometric mean", l.geometricMean());
            finite("lognormal", "geometric sd", l.geometricSd());
            String d = "lognormal(geometric mean " + l.geometricMean() + ", geometric sd " + l.geometricSd() + ")";
            double sigma = Math.log(l.geometricSd());
            return sigma == 0 ? fixed(l.geometricMean(), d)
                    : new ParameterDistribution(LogNormalDistribution.of(Math.log(l.geometricMean()), sigma), 0, d);
        }
        if (u instanceof Uncertainty.Uniform un) {
            finite("uniform", "min", un.min());
            finite("uniform", "max", un.max());
            String d = "uniform(" + un.min() + ", " + un.max() + ")";
            return un.min() == un.max() ? fixed(un.min(), d)
                    : new ParameterDistribution(UniformContinuousDistribution.of(un.min(), un.max()), 0, d);
        }
        if (u instanceof Uncertainty.Triangular t) {
            finite("triangular", "min", t.min());
            finite("triangular", "mode", t.mode());
            finite("triangular", "max", t.max());
            String d = "triangular(" + t.min() + ", " + t.mode() + ", " + t.max() + ")";
            return t.min() == t.max() ? fixed(t.min(), d)
                    : new ParameterDistribution(TriangularDistribution.of(t.min(), t.mode(), t.max()), 0, d);
        }
        throw new IllegalArgumentException("no sampler for the uncertainty kind '"
                + (u == null ? "null" : u.getClass().getSimpleName()) + "' (" + u
                + "); map it in dev.cradle.engine.analysis.ParameterDistribution.of before using it in an analysis");
    }

    /** A distribution wrapped directly (tests, and kinds mapped by callers). */
    public static ParameterDistribution of(ContinuousDistribution distribution, String description) {
        return new ParameterDistribution(distribution, 0, description);
    }

    private static ParameterDistribution fixed(double value, String description) {
        return new ParameterDistribution(null, value, description);
    }

    private static void finite(String kind, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(kind + ": " + field + " must be a finite number, got " + value);
        }
    }

    /** The value with cumulative probability {@code p}, 0 ≤ p ≤ 1 (±∞ at 0 or 1 for an unbounded side). */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], got " + p);
        }
        return distribution == null ? fixed : distribution.inverseCumulativeProbability(p);
    }

    /** A sampler drawing from this distribution with {@code rng}; draws are a deterministic function of its state. */
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        if (distribution == null) {
            double v = fixed;
            return () -> v;
        }
        ContinuousDistribution.Sampler s = distribution.createSampler(rng);
        return s::sample;
    }

    public double mean() {
        return distribution == null ? fixed : distribution.getMean();
    }

    public double variance() {
        return distribution == null ? 0 : distribution.getVariance();
    }

    /** Lower end of the support (−∞ when unbounded). */
    public double lowerBound() {
        return distribution == null ? fixed : distribution.getSupportLowerBound();
    }

    /** Upper end of the support (+∞ when unbounded). */
    public double upperBound() {
        return distribution == null ? fixed : distribution.getSupportUpperBound();
    }

    @Override
    public String toString() {
        return description;
    }
}
