package dev.cradle.engine.analysis;

import com.tdunning.math.stats.MergingDigest;
import java.util.Arrays;

/**
 * Streamed statistics of one output, merged chunk by chunk in chunk order: count, mean and sum of
 * squared deviations (Welford within a chunk, Chan et al.'s pairwise update between chunks), extremes,
 * and a t-digest (Dunning and Ertl, "Computing extremely accurate quantiles using t-digests", 2019;
 * library com.tdunning:t-digest, {@link MergingDigest}, which is deterministic: no random numbers) for
 * the percentiles, fed with each chunk's sorted values pooled {@value #GROUP} at a time. Memory is bounded
 * by the digest's compression, not by the number of draws.
 */
final class StreamingStatistics {
    /** t-digest compression δ: about δ to 2δ centroids; the tails are kept nearly exact. */
    static final double COMPRESSION = 500;

    private final String name;
    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final MergingDigest digest = new MergingDigest(COMPRESSION);
    private long[] traceN = new long[16];
    private double[] traceMean = new double[16];
    private double[] traceSe = new double[16];
    private int points;

    StreamingStatistics(String name) {
        this.name = name;
    }

    /** Consecutive order statistics of a chunk pooled into one weighted point for the digest. */
    static final int GROUP = 4;

    /**
     * The summary of one chunk of values (computed on a worker thread): moments, extremes, and the sorted values
     * as weighted points for the digest: the {@value #GROUP} smallest and largest alone (the digest keeps single
     * draws at the extremes), the rest pooled {@value #GROUP} consecutive order statistics at a time (their mean,
     * weight {@value #GROUP}; the last pool may be smaller) — a quarter of the digest's work, on the merge thread.
     */
    record Chunk(long n, double mean, double m2, double min, double max, double[] points, int[] weights) {
        /** Summarises {@code values[0, count)}, count ≥ 1; sorts them in place. */
        static Chunk of(double[] values, int count) {
            boolean constant = true;
            for (int i = 1; i < count && constant; i++) {
                constant = values[i] == values[0];
            }
            if (constant) {
                // every draw the same (an output the parameters do not move): one point of weight count, no sort
                return new Chunk(count, values[0], 0, values[0], values[0], new double[] {values[0]}, new int[] {count});
            }
            double mean = 0;
            double m2 = 0;
            for (int i = 0; i < count; i++) {
                double x = values[i];
                double delta = x - mean;
                mean += delta / (i + 1);
                m2 += delta * (x - mean);
            }
            Arrays.sort(values, 0, count);
            int lo = Math.min(GROUP, count);
            int hi = Math.max(lo, count - GROUP);
            double min = values[0];
            double max = values[count - 1];
            double[] points = new double[count];
            int[] weights = new int[count];
            int k = 0;
            for (int i = 0; i < lo; i++, k++) {
                points[k] = values[i];
                weights[k] = 1;
            }
            for (int from = lo; from < hi; from += GROUP) {
                int to = Math.min(hi, from + GROUP);
                if (values[from] == min || values[to - 1] == max) {
                    // a pool tied with an extreme could sort before the digest's single draw there: keep it apart
                    for (int i = from; i < to; i++, k++) {
                        points[k] = values[i];
                        weights[k] = 1;
                    }
                    continue;
                }
                double s = 0;
                for (int i = from; i < to; i++) {
                    s += values[i];
                }
                points[k] = s / (to - from);
                weights[k++] = to - from;
            }
            for (int i = hi; i < count; i++, k++) {
                points[k] = values[i];
                weights[k] = 1;
            }
            return new Chunk(count, mean, m2, min, max, Arrays.copyOf(points, k), Arrays.copyOf(weights, k));
        }
    }

    void merge(Chunk c) {
        if (c.n() == 0) {
            return;
        }
        long total = n + c.n();
        double delta = c.mean() - mean;
        mean += delta * c.n() / total;
        m2 += c.m2() + delta * delta * ((double) n * c.n() / total);
        n = total;
        min = Math.min(min, c.min());
        max = Math.max(max, c.max());
        boolean constant = c.min() == c.max();
        if (constant && deferred == n - c.n() && c.min() == max && c.min() == min) {
            // every draw so far the same value: the digest waits (an output the parameters do not move costs nothing)
            deferred += c.n();
            deferredValue = c.min();
        } else {
            flushDeferred();
            double[] xs = c.points();
            int[] ws = c.weights();
            for (int i = 0; i < xs.length; i++) {
                if (ws[i] > GROUP) {
                    for (int w = 0; w < ws[i]; w++) {
                        digest.add(xs[i], 1);
                    }
                } else {
                    digest.add(xs[i], ws[i]);
                }
            }
        }
        if (points == traceN.length) {
            traceN = Arrays.copyOf(traceN, points * 2);
            traceMean = Arrays.copyOf(traceMean, points * 2);
            traceSe = Arrays.copyOf(traceSe, points * 2);
        }
        traceN[points] = n;
        traceMean[points] = mean;
        traceSe[points] = standardError();
        points++;
    }

    private double sd() {
        return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    }

    private double standardError() {
        return n < 2 ? Double.NaN : sd() / Math.sqrt(n);
    }

    /** Draws of a constant run not yet given to the digest (all equal to {@link #min}). */
    private long deferred;
    private double deferredValue;

    private void flushDeferred() {
        for (long i = 0; i < deferred; i++) {
            digest.add(deferredValue, 1);
        }
        deferred = 0;
    }

    /** The quantile for probability p by the digest's interpolation (the value itself while every draw is equal). */
    double quantile(double p) {
        if (deferred > 0 && deferred == n) {
            return deferredValue;
        }
        return digest.quantile(p);
    }

    OutputStatistics result() {
        return new OutputStatistics(name, n, mean, sd(), standardError(), min, max, quantile(0.5), quantile(0.025),
                quantile(0.05), quantile(0.95), quantile(0.975), new OutputStatistics.Convergence(
                        Arrays.copyOf(traceN, points), Arrays.copyOf(traceMean, points), Arrays.copyOf(traceSe, points)),
                histogram());
    }

    /** Bins of a chart's histogram. */
    static final int HISTOGRAM_BINS = 40;

    /** {@value #HISTOGRAM_BINS} equal bins from min to max, counts from the digest's CDF; null without spread. */
    private OutputStatistics.Histogram histogram() {
        if (n == 0 || !(max > min)) {
            return null;
        }
        double[] edges = new double[HISTOGRAM_BINS + 1];
        double[] counts = new double[HISTOGRAM_BINS];
        double width = (max - min) / HISTOGRAM_BINS;
        for (int i = 0; i <= HISTOGRAM_BINS; i++) {
            edges[i] = i == HISTOGRAM_BINS ? max : min + i * width;
        }
        double previous = 0;
        for (int i = 0; i < HISTOGRAM_BINS; i++) {
            double cdf = i == HISTOGRAM_BINS - 1 ? 1 : Math.min(1, Math.max(previous, digest.cdf(edges[i + 1])));
            counts[i] = (cdf - previous) * n;
            previous = cdf;
        }
        return new OutputStatistics.Histogram(edges, counts);
    }
}
