package dev.cradle.engine.analysis;

/**
 * The Monte Carlo statistics of one output, in the output's unit.
 *
 * @param output        the output's name
 * @param draws         number of draws n
 * @param mean          arithmetic mean
 * @param sd            sample standard deviation (n − 1 in the denominator)
 * @param standardError sd / √n, the standard error of the mean
 * @param min           smallest draw
 * @param max           largest draw
 * @param median        50th percentile
 * @param p2_5          2.5th percentile
 * @param p5            5th percentile
 * @param p95           95th percentile
 * @param p97_5         97.5th percentile
 * @param convergence   the running mean and its standard error after each chunk of draws
 * @param histogram     the draws' distribution over equal bins from min to max (for charts), or null
 */
public record OutputStatistics(String output, long draws, double mean, double sd, double standardError, double min,
                               double max, double median, double p2_5, double p5, double p95, double p97_5,
                               Convergence convergence, Histogram histogram) {

    /** The statistics without a histogram. */
    public OutputStatistics(String output, long draws, double mean, double sd, double standardError, double min,
                            double max, double median, double p2_5, double p5, double p95, double p97_5,
                            Convergence convergence) {
        this(output, draws, mean, sd, standardError, min, max, median, p2_5, p5, p95, p97_5, convergence, null);
    }

    /**
     * Draws per bin: bin i spans [edges[i], edges[i+1]) (the last bin includes its upper edge). The counts are
     * estimated from the streamed quantile digest (n × the difference of its CDF at the edges), so they are
     * fractional and sum to the number of draws; exact enough to draw, not to test a bin.
     *
     * @param edges  bin edges, increasing, one more than {@code counts}
     * @param counts draws per bin
     */
    public record Histogram(double[] edges, double[] counts) {
        public Histogram {
            if (edges.length != counts.length + 1) {
                throw new IllegalArgumentException("a histogram has one edge more than bins");
            }
            edges = edges.clone();
            counts = counts.clone();
        }

        public int bins() {
            return counts.length;
        }
    }

    /**
     * The running mean and standard error after each merged chunk of draws (chunk order, so the same for any
     * number of threads).
     *
     * @param draws         draws merged so far, increasing
     * @param mean          the mean of those draws
     * @param standardError sd / √n of those draws (NaN while n < 2)
     */
    public record Convergence(long[] draws, double[] mean, double[] standardError) {
        public int points() {
            return draws.length;
        }
    }
}
