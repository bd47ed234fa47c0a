package dev.cradle.engine.analysis;

import com.tdunning.math.stats.MergingDigest;
import java.util.Arrays;

/**
 * Streamed statistics of one output, merged chunk by chunk in chunk order: count, mean and sum of
 * squared deviations (two passes within a chunk, Chan et al.'s pairwise update between chunks), extremes,
 * and a t-digest (Dunning and Ertl, "Computing extremely accurate quantiles using t-digests", 2019;
 * library com.tdunning:t-digest, {@link MergingDigest}, which is deterministic: no random numbers) for
 * the percentiles, fed with each chunk's sorted values pooled a few at a time ({@link Chunk#of}). The digest is built
 * in two levels: a worker digests a {@link Block} of {@value #BLOCK} consecutive chunks, the merging thread adds
 * the blocks' digests in block order ({@link MergingDigest#add(java.util.List)}); the block size is fixed, so
 * the result does not depend on the number of threads. Memory is bounded by the digest's compression, not by
 * the number of draws.
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

    /** Consecutive order statistics of a chunk's tails pooled into one weighted point for the digest. */
    static final int GROUP = 4;
    /** Pool size in a chunk's middle (beyond the {@value #TAIL} smallest and largest draws). */
    static final int MIDDLE_GROUP = 16;
    /** Draws at each end of a chunk pooled {@value #GROUP} at a time (the 2.5 and 5 % points of 1,024 lie inside). */
    static final int TAIL = 64;

    /**
     * The summary of one chunk of values (computed on a worker thread): moments, extremes, and the sorted values
     * as weighted points for the digest: the {@value #GROUP} smallest and largest alone (the digest keeps single
     * draws at the extremes), the others within {@value #TAIL} of either end pooled {@value #GROUP} consecutive order
     * statistics at a time (their mean, weight {@value #GROUP}), the middle {@value #MIDDLE_GROUP} at a time (a pool
     * spans 1.6 % of the chunk's probability, against some 2 % of the final digest's centroids at the median for a
     * million draws); a pool ends where the zone does, so the last may be smaller.
     */
    record Chunk(long n, double mean, double m2, double min, double max, double[] points, int[] weights) {
        /** Summarises {@code values[0, count)}, count ≥ 1; sorts them in place. */
        static Chunk of(double[] values, int count) {
            return of(values, count, null);
        }

        /** As {@link #of(double[], int)}, sorting with {@code sorter} (null: {@link Arrays#sort}); same result. */
        static Chunk of(double[] values, int count, ChunkSort sorter) {
            boolean constant = true;
            for (int i = 1; i < count && constant; i++) {
                constant = values[i] == values[0];
            }
            if (constant) {
                // every draw the same (an output the parameters do not move): one point of weight count, no sort
                return new Chunk(count, values[0], 0, values[0], values[0], new double[] {values[0]}, new int[] {count});
            }
            // two passes over the chunk: its mean, then the sum of squared deviations from it (Chan et al. between chunks)
            double sum = 0;
            double low = values[0];
            double high = values[0];
            for (int i = 0; i < count; i++) {
                double v = values[i];
                sum += v;
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            double mean = sum / count;
            double m2 = 0;
            for (int i = 0; i < count; i++) {
                double delta = values[i] - mean;
                m2 += delta * delta;
            }
            if (sorter == null) {
                Arrays.sort(values, 0, count);
            } else {
                sorter.sort(values, count, low, high);
            }
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
            int tailEnd = Math.min(hi, Math.max(lo, TAIL));
            int middleEnd = Math.max(tailEnd, count - TAIL);
            for (int from = lo; from < hi; ) {
                int size = from < tailEnd || from >= middleEnd ? GROUP : MIDDLE_GROUP;
                int to = Math.min(from < tailEnd ? tailEnd : from < middleEnd ? middleEnd : hi, from + size);
                if (values[from] == min || values[to - 1] == max) {
                    // a pool tied with an extreme could sort before the digest's single draw there: keep it apart
                    for (int i = from; i < to; i++, k++) {
                        points[k] = values[i];
                        weights[k] = 1;
                    }
                    from = to;
                    continue;
                }
                double s = 0;
                for (int i = from; i < to; i++) {
                    s += values[i];
                }
                points[k] = s / (to - from);
                weights[k++] = to - from;
                from = to;
            }
            for (int i = hi; i < count; i++, k++) {
                points[k] = values[i];
                weights[k] = 1;
            }
            return new Chunk(count, mean, m2, min, max, Arrays.copyOf(points, k), Arrays.copyOf(weights, k));
        }
    }

    /** Chunks of draws per {@link Block}: part of what a seed means for the percentiles (not for the moments). */
    static final int BLOCK = 16;

    /**
     * Compression of a block's digest: four times the final one's, so that a block (at most 16,384 draws, some
     * 1,500 pooled points) keeps nearly every point and adding it to the final digest loses no accuracy (at
     * compression 500 the median's rank error grew to 0.001 in 400,000 lognormal draws; at 2,000 it stays within
     * 0.0002, as with one digest fed chunk by chunk).
     */
    static final double BLOCK_COMPRESSION = 4 * COMPRESSION;

    /**
     * The digest of up to {@value #BLOCK} consecutive chunks of one output, built on a worker thread in chunk order:
     * the chunks' points in a {@link MergingDigest}, or, while every draw of the block had one value, just that
     * value and the number of draws (an output the parameters do not move costs no digest).
     */
    static final class Block {
        private MergingDigest digest;
        private long constantCount;
        private double constantValue;
        /** Chunks after the constant run, kept until {@link #finish()} sizes the digest's buffer for them. */
        private java.util.List<Chunk> pending;
        private long adds;

        /** Adds a chunk's points (in chunk order). */
        void add(Chunk c) {
            boolean constant = c.min() == c.max();
            if (constant && pending == null && (constantCount == 0 || c.min() == constantValue)) {
                constantCount += c.n();
                constantValue = c.min();
                return;
            }
            if (pending == null) {
                pending = new java.util.ArrayList<>();
            }
            pending.add(c);
            adds += constant ? c.n() : c.points().length;
        }

        /**
         * Builds the digest from the chunks added (worker thread): the constant run's draws as single points, then
         * each chunk's points (tied draws of a constant chunk as single points: the percentiles land on the
         * value), in chunk order, into a buffer just large enough to take them all before the one merge when the
         * digest is read (the library's default buffer, 5 × its centroid capacity, took them all too, so the
         * digest is the same; allocating it for every block cost more than filling it).
         */
        void finish() {
            if (pending == null) {
                return;
            }
            int buffer = (int) Math.min(Integer.MAX_VALUE / 2, constantCount + adds + 2);
            digest = new MergingDigest(BLOCK_COMPRESSION, buffer);
            addUnits(digest, constantValue, constantCount);
            constantCount = 0;
            for (Chunk c : pending) {
                if (c.min() == c.max()) {
                    addUnits(digest, c.min(), c.n());
                    continue;
                }
                double[] xs = c.points();
                int[] ws = c.weights();
                for (int i = 0; i < xs.length; i++) {
                    digest.add(xs[i], ws[i]);
                }
            }
            pending = null;
        }
    }

    private static void addUnits(MergingDigest digest, double x, long count) {
        for (long i = 0; i < count; i++) {
            digest.add(x, 1);
        }
    }

    /** Merges a chunk's moments, extremes and convergence point (chunk order); its points go in through a block. */
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

    /**
     * Merges a block's digest (block order, after its {@link Block#finish()}), after {@link #merge(Chunk)} of the
     * block's chunks; {@code draws} is
     * the number of draws in the block.
     */
    void merge(Block b, long draws) {
        if (b.digest == null && b.constantCount > 0 && deferred == n - draws && b.constantValue == min
                && b.constantValue == max) {
            // every draw so far the same value: the digest waits
            deferred += b.constantCount;
            deferredValue = b.constantValue;
            return;
        }
        flushDeferred();
        if (b.digest == null) {
            addUnits(digest, b.constantValue, b.constantCount);
        } else {
            digest.add(java.util.List.of(b.digest));
        }
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
        addUnits(digest, deferredValue, deferred);
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
