package dev.cradle.model;

/**
 * A probability distribution attached to an amount or parameter, for Monte Carlo analysis.
 * Parameters are in the same unit as the amount they describe.
 */
public sealed interface Uncertainty
        permits Uncertainty.Normal, Uncertainty.LogNormal, Uncertainty.Uniform, Uncertainty.Triangular {

    /** Normal distribution with arithmetic mean and standard deviation. */
    record Normal(double mean, double sd) implements Uncertainty {
        public Normal {
            require(sd >= 0, "normal: sd must be >= 0");
        }
    }

    /** Log-normal distribution given by its geometric mean and geometric standard deviation (≥ 1). */
    record LogNormal(double geometricMean, double geometricSd) implements Uncertainty {
        public LogNormal {
            require(geometricMean > 0, "lognormal: geometric mean must be > 0");
            require(geometricSd >= 1, "lognormal: geometric sd must be >= 1");
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

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
