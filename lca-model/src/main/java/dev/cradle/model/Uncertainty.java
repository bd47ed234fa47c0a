package dev.cradle.model;

import java.util.List;

/**
 * A probability distribution attached to an amount or parameter, for Monte Carlo analysis.
 * Parameters are in the same unit as the amount they describe. Each constructor refuses impossible
 * parameters (min &gt; max, a negative standard deviation, probabilities that do not sum to one) with an
 * {@link IllegalArgumentException} naming the rule.
 */
public sealed interface Uncertainty permits Uncertainty.Normal, Uncertainty.LogNormal, Uncertainty.Uniform,
        Uncertainty.Triangular, Uncertainty.Pert, Uncertainty.Discrete, Uncertainty.Fixed {

    /** Tolerance on the sum of a discrete distribution's probabilities. */
    double PROBABILITY_SUM_TOLERANCE = 1e-9;

    /** Normal distribution with arithmetic mean and standard deviation. */
    record Normal(double mean, double sd) implements Uncertainty {
        public Normal {
            require(sd >= 0, "normal: sd must be >= 0");
        }
    }

    /**
     * Log-normal distribution given by its geometric mean {@code exp(μ)} and geometric standard deviation
     * {@code exp(σ)} (≥ 1), as ecoinvent states them (ecoinvent's "GSD²" is the square of {@code geometricSd}).
     *
     * @param pedigree the data-quality scores the geometric sd was derived from, or null when it was given directly
     */
    record LogNormal(double geometricMean, double geometricSd, PedigreeScores pedigree) implements Uncertainty {
        public LogNormal {
            require(geometricMean > 0, "lognormal: geometric mean must be > 0");
            require(geometricSd >= 1, "lognormal: geometric sd must be >= 1");
        }

        /** A lognormal stated by its geometric mean and geometric sd (not derived from pedigree scores). */
        public LogNormal(double geometricMean, double geometricSd) {
            this(geometricMean, geometricSd, null);
        }

        /**
         * The log-normal with arithmetic mean {@code mean} (&gt; 0) and standard deviation {@code sd} (≥ 0):
         * {@code σ² = ln(1 + sd²/mean²)}, {@code μ = ln(mean) − σ²/2}; geometric mean {@code e^μ}, geometric
         * sd {@code e^σ}.
         */
        public static LogNormal fromArithmetic(double mean, double sd) {
            requireFinite(mean, sd);
            require(mean > 0, "lognormal: mean must be > 0");
            require(sd >= 0, "lognormal: sd must be >= 0");
            double s2 = Math.log1p((sd / mean) * (sd / mean));
            return new LogNormal(Math.exp(Math.log(mean) - s2 / 2), Math.exp(Math.sqrt(s2)));
        }

        /** The arithmetic mean {@code e^(μ + σ²/2)}. */
        public double mean() {
            double s = Math.log(geometricSd);
            return geometricMean * Math.exp(s * s / 2);
        }
    }

    /**
     * The ecoinvent pedigree scores a lognormal's spread was derived from (provenance only: the distribution is the
     * lognormal's geometric mean and sd), each 1 (best) to 5 (worst), and the basic variance of ln X before them.
     */
    record PedigreeScores(int reliability, int completeness, int temporal, int geographical, int technological,
                          double basicVariance) {
        public PedigreeScores {
            for (int s : new int[] {reliability, completeness, temporal, geographical, technological}) {
                require(s >= 1 && s <= 5, "pedigree: each score must be an integer from 1 to 5, got " + s);
            }
            require(basicVariance >= 0 && Double.isFinite(basicVariance),
                    "pedigree: basic variance must be a finite number >= 0, got " + basicVariance);
        }

        /** The five scores in the scenario format's order: reliability, completeness, temporal, geographical, technological. */
        public List<Integer> scores() {
            return List.of(reliability, completeness, temporal, geographical, technological);
        }

        /** e.g. {@code pedigree [2, 3, 1, 2, 4], basic variance 0.0006}. */
        @Override
        public String toString() {
            return "pedigree " + scores() + ", basic variance "
                    + java.math.BigDecimal.valueOf(basicVariance).stripTrailingZeros().toPlainString();
        }
    }

    /** Uniform distribution on [min, max]. */
    record Uniform(double min, double max) implements Uncertainty {
        public Uniform {
            require(min <= max, "uniform: min must be <= max");
        }
    }

    /** Triangular distribution on [min, max] with the given mode. */
    record Triangular(double min, double mode, double max) implements Uncertainty {
        public Triangular {
            require(min <= mode && mode <= max, "triangular: need min <= mode <= max");
        }
    }

    /**
     * PERT (beta) distribution on [min, max] with the given mode: mean {@code (min + 4·mode + max) / 6}
     * (Vose's form with shape 4).
     */
    record Pert(double min, double mode, double max) implements Uncertainty {
        public Pert {
            requireFinite(min, mode, max);
            require(min <= mode && mode <= max, "pert: need min <= mode <= max");
            require(min < max, "pert: need min < max");
        }

        public double mean() {
            return (min + 4 * mode + max) / 6;
        }
    }

    /**
     * A discrete (empirical) distribution: {@code values[i]} with probability {@code probabilities[i]};
     * probabilities are in [0, 1] and sum to 1. Equal probabilities make it the empirical distribution of
     * the values.
     */
    record Discrete(List<Double> values, List<Double> probabilities) implements Uncertainty {
        public Discrete {
            values = List.copyOf(values);
            probabilities = List.copyOf(probabilities);
            require(!values.isEmpty(), "discrete: need at least one value");
            require(values.size() == probabilities.size(), "discrete: need as many probabilities ("
                    + probabilities.size() + ") as values (" + values.size() + ")");
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                requireFinite(values.get(i), probabilities.get(i));
                require(probabilities.get(i) >= 0 && probabilities.get(i) <= 1,
                        "discrete: each probability must be between 0 and 1");
                sum += probabilities.get(i);
            }
            require(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE, "discrete: the probabilities must sum to 1, not " + sum);
        }

        /** The empirical distribution of {@code values}: each with probability 1/n. */
        public static Discrete empirical(List<Double> values) {
            require(!values.isEmpty(), "discrete: need at least one value");
            return new Discrete(values, java.util.Collections.nCopies(values.size(), 1.0 / values.size()));
        }

        public double mean() {
            double m = 0;
            for (int i = 0; i < values.size(); i++) {
                m += values.get(i) * probabilities.get(i);
            }
            return m;
        }
    }

    /** No uncertainty: the value is known exactly (stated, so an analysis does not ask for a distribution). */
    record Fixed(double value) implements Uncertainty {
        public Fixed {
            requireFinite(value);
        }
    }

    private static void requireFinite(double... values) {
        for (double v : values) {
            require(Double.isFinite(v), "need finite numbers, not " + v);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
