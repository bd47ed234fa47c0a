package dev.cradle.engine.analysis;

import dev.cradle.model.Uncertainty;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.statistics.distribution.BetaDistribution;
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
 * fixed value. A kind not mapped here fails with a message naming it. {@link #pert}, {@link #discrete} and
 * {@link #fixed} are ready for the kinds lca-model is gaining.
 */
public final class ParameterDistribution {
    /** Tolerance on the sum of a discrete distribution's probabilities. */
    public static final double PROBABILITY_SUM_TOLERANCE = 1e-6;

    private final ContinuousDistribution distribution; // null: a fixed value, or discrete when values != null
    private final double fixed;
    private final double offset; // value = offset + scale · x, x drawn from distribution (PERT: a scaled beta)
    private final double scale;
    private final double[] values; // discrete: ascending values, their probabilities and cumulative sums
    private final double[] probabilities;
    private final double[] cumulative;
    private final String description;

    private ParameterDistribution(ContinuousDistribution distribution, double fixed, String description) {
        this(distribution, fixed, 0, 1, null, null, description);
    }

    private ParameterDistribution(ContinuousDistribution distribution, double fixed, double offset, double scale,
                                  double[] values, double[] probabilities, String description) {
        this.distribution = distribution;
        this.fixed = fixed;
        this.offset = offset;
        this.scale = scale;
        this.values = values;
        this.probabilities = probabilities;
        this.description = description;
        if (probabilities != null) {
            cumulative = new double[probabilities.length];
            double c = 0;
            for (int i = 0; i < probabilities.length; i++) {
                c += probabilities[i];
                cumulative[i] = c;
            }
            cumulative[cumulative.length - 1] = 1;
        } else {
            cumulative = null;
        }
    }

    /** A fixed value (no spread). */
    public static ParameterDistribution fixed(double value) {
        finite("fixed", "value", value);
        return fixed(value, "fixed(" + value + ")");
    }

    /**
     * PERT(min, mode, max): min + (max − min)·Beta(α, β), α = 1 + 4(mode − min)/(max − min),
     * β = 1 + 4(max − mode)/(max − min) (Vose, Risk Analysis, 3rd ed., 2008, §III.7); mean (min + 4·mode + max)/6.
     */
    public static ParameterDistribution pert(double min, double mode, double max) {
        finite("pert", "min", min);
        finite("pert", "mode", mode);
        finite("pert", "max", max);
        if (!(min <= mode && mode <= max)) {
            throw new IllegalArgumentException("pert: need min <= mode <= max, got " + min + ", " + mode + ", " + max);
        }
        String d = "pert(" + min + ", " + mode + ", " + max + ")";
        if (min == max) {
            return fixed(min, d);
        }
        double range = max - min;
        return new ParameterDistribution(BetaDistribution.of(1 + 4 * (mode - min) / range, 1 + 4 * (max - mode) / range),
                0, min, range, null, null, d);
    }

    /**
     * A discrete distribution: {@code values[i]} with probability {@code probabilities[i]} (each ≥ 0, summing to 1
     * within {@link #PROBABILITY_SUM_TOLERANCE}); an empirical one gives every observed value 1/n.
     */
    public static ParameterDistribution discrete(double[] values, double[] probabilities) {
        if (values.length == 0 || values.length != probabilities.length) {
            throw new IllegalArgumentException("discrete: need as many probabilities as values (at least one), got "
                    + values.length + " values and " + probabilities.length + " probabilities");
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            finite("discrete", "value " + (i + 1), values[i]);
            if (!(probabilities[i] >= 0) || !Double.isFinite(probabilities[i])) {
                throw new IllegalArgumentException("discrete: probability " + (i + 1) + " must be a finite number >= 0, got "
                        + probabilities[i]);
            }
            sum += probabilities[i];
        }
        if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
            throw new IllegalArgumentException("discrete: the probabilities sum to " + sum + "; they must sum to 1");
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> values[i]));
        double[] v = new double[values.length];
        double[] p = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            v[i] = values[order[i]];
            p[i] = probabilities[order[i]] / sum;
        }
        return new ParameterDistribution(null, 0, 0, 1, v, p, "discrete(" + values.length + " values)");
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
            String d = "lognormal(geometric mean " + l.geometricMean() + ", geometric sd " + l.geometricSd()
                    + (l.pedigree() == null ? "" : ", from " + l.pedigree()) + ")";
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
        if (u instanceof Uncertainty.Pert p) {
            return pert(p.min(), p.mode(), p.max());
        }
        if (u instanceof Uncertainty.Discrete dd) {
            return discrete(dd.values().stream().mapToDouble(Double::doubleValue).toArray(),
                    dd.probabilities().stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (u instanceof Uncertainty.Fixed fx) {
            return fixed(fx.value());
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
        if (values != null) {
            for (int i = 0; i < cumulative.length; i++) {
                if (cumulative[i] >= p && probabilities[i] > 0) {
                    return values[i]; // the smallest value whose cumulative probability reaches p
                }
            }
            return values[values.length - 1];
        }
        return distribution == null ? fixed : offset + scale * distribution.inverseCumulativeProbability(p);
    }

    /** A sampler drawing from this distribution with {@code rng}; draws are a deterministic function of its state. */
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        if (values != null) {
            DiscreteSampler index = GuideTableDiscreteSampler.of(rng, probabilities);
            double[] v = values;
            return () -> v[index.sample()];
        }
        if (distribution == null) {
            double v = fixed;
            return () -> v;
        }
        ContinuousDistribution.Sampler s = distribution.createSampler(rng);
        if (offset == 0 && scale == 1) {
            return s::sample;
        }
        double a = offset;
        double b = scale;
        return () -> a + b * s.sample();
    }

    public double mean() {
        if (values != null) {
            double m = 0;
            for (int i = 0; i < values.length; i++) {
                m += probabilities[i] * values[i];
            }
            return m;
        }
        return distribution == null ? fixed : offset + scale * distribution.getMean();
    }

    public double variance() {
        if (values != null) {
            double m = mean();
            double v = 0;
            for (int i = 0; i < values.length; i++) {
                v += probabilities[i] * (values[i] - m) * (values[i] - m);
            }
            return v;
        }
        return distribution == null ? 0 : scale * scale * distribution.getVariance();
    }

    /**
     * P(X ≤ x), the cumulative distribution function: Commons Statistics' for a continuous distribution (PERT: the
     * beta's at (x − min)/(max − min)), the sum of the probabilities of the values ≤ x for a discrete one, a step at
     * the value for a fixed one.
     */
    public double cumulativeProbability(double x) {
        if (values != null) {
            double c = 0;
            for (int i = 0; i < values.length && values[i] <= x; i++) {
                c = cumulative[i];
            }
            return c;
        }
        if (distribution == null) {
            return x >= fixed ? 1 : 0;
        }
        return distribution.cumulativeProbability((x - offset) / scale);
    }

    /**
     * The values a discrete (or empirical) distribution takes, ascending, each with {@link #atomProbabilities()};
     * a fixed value is one atom; empty for a continuous distribution.
     */
    public double[] atoms() {
        return values != null ? values.clone() : distribution == null ? new double[] {fixed} : new double[0];
    }

    /** The probability of each of {@link #atoms()}, in the same order. */
    public double[] atomProbabilities() {
        return probabilities != null ? probabilities.clone() : distribution == null ? new double[] {1} : new double[0];
    }

    /** Lower end of the support (−∞ when unbounded). */
    public double lowerBound() {
        if (values != null) {
            return values[0];
        }
        return distribution == null ? fixed : offset + scale * distribution.getSupportLowerBound();
    }

    /** Upper end of the support (+∞ when unbounded). */
    public double upperBound() {
        if (values != null) {
            return values[values.length - 1];
        }
        return distribution == null ? fixed : offset + scale * distribution.getSupportUpperBound();
    }

    @Override
    public String toString() {
        return description;
    }
}
