package dev.cradle.engine.analysis;

import com.tdunning.math.stats.MergingDigest;
import com.tdunning.math.stats.TDigest;
import java.util.Arrays;
import java.util.List;

/**
 * Streamed statistics of one output, merged chunk by chunk in chunk order: count, mean and sum of
 * squared deviations (Welford within a chunk, Chan et al.'s pairwise update between chunks), extremes,
 * and a t-digest (Dunning and Ertl, "Computing extremely accurate quantiles using t-digests", 2019;
 * library com.tdunning:t-digest, {@link MergingDigest}, which is deterministic: no random numbers) for
 * the percentiles. Memory is bounded by the digest's compression, not by the number of draws.
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

    /** The summary of one chunk of values (computed on a worker thread). */
    record Chunk(long n, double mean, double m2, double min, double max, TDigest digest) {
        static Chunk of(double[] values, int count) {
            double mean = 0;
            double m2 = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            MergingDigest d = new MergingDigest(COMPRESSION);
            for (int i = 0; i < count; i++) {
                double x = values[i];
                double delta = x - mean;
                mean += delta / (i + 1);
                m2 += delta * (x - mean);
                min = Math.min(min, x);
                max = Math.max(max, x);
                d.add(x);
            }
            d.compress();
            return new Chunk(count, mean, m2, min, max, d);
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
        digest.add(List.of(c.digest()));
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

    /** The quantile for probability p by the digest's interpolation. */
    double quantile(double p) {
        return digest.quantile(p);
    }

    OutputStatistics result() {
        return new OutputStatistics(name, n, mean, sd(), standardError(), min, max, quantile(0.5), quantile(0.025),
                quantile(0.05), quantile(0.95), quantile(0.975), new OutputStatistics.Convergence(
                        Arrays.copyOf(traceN, points), Arrays.copyOf(traceMean, points), Arrays.copyOf(traceSe, points)));
    }
}
