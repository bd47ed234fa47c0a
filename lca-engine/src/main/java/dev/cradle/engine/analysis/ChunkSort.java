package dev.cradle.engine.analysis;

import java.util.Arrays;

/**
 * Sorts a chunk of Monte Carlo draws (at most {@link MonteCarlo#CHUNK} finite values) in expected linear time,
 * into exactly the array {@link Arrays#sort(double[], int, int)} makes (ascending by {@link Double#compare}: any
 * correct sort of finite doubles gives the same array, as values that compare equal have the same bits).
 *
 * <p>One distribution pass: each value goes to one of {@value #BUCKETS_PER_VALUE}·count buckets by its key
 * {@code (s(x) − s(min)) · buckets / (s(max) − s(min))}, where {@code s} is the IEEE bit pattern made
 * order-preserving (so buckets are spaced about logarithmically for positive draws, which suits lognormal outputs);
 * every step of the key is monotone, so the buckets are in order. A bucket of up to {@value #INSERTION} values is
 * put in order by insertion, a larger one by {@link Arrays#sort(double[], int, int)}: never much slower than the
 * library sort alone, several times faster on the smooth distributions Monte Carlo outputs have. One instance per
 * worker thread (its scratch arrays are reused).
 */
final class ChunkSort {
    /** Buckets per value to sort. */
    static final int BUCKETS_PER_VALUE = 2;
    /** Largest bucket sorted by insertion. */
    static final int INSERTION = 24;

    private final int[] start = new int[BUCKETS_PER_VALUE * MonteCarlo.CHUNK + 2];
    private final int[] key = new int[MonteCarlo.CHUNK];
    private final double[] scratch = new double[MonteCarlo.CHUNK];

    /**
     * Sorts {@code values[0, count)} in place.
     *
     * @param min the smallest of the values
     * @param max the largest of the values, {@code > min}
     */
    void sort(double[] values, int count, double min, double max) {
        if (count > scratch.length || count < 64) {
            Arrays.sort(values, 0, count);
            return;
        }
        int buckets = BUCKETS_PER_VALUE * count;
        double low = ordered(min);
        double scale = buckets / (ordered(max) - low);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            Arrays.sort(values, 0, count);
            return;
        }
        int[] st = start;
        Arrays.fill(st, 0, buckets + 2, 0);
        int last = buckets - 1;
        for (int i = 0; i < count; i++) {
            int k = (int) ((ordered(values[i]) - low) * scale);
            k = k > last ? last : k;
            key[i] = k;
            st[k + 2]++;
        }
        for (int b = 2; b <= buckets + 1; b++) {
            st[b] += st[b - 1];
        }
        // st[k + 1] is now the first position of bucket k
        for (int i = 0; i < count; i++) {
            scratch[st[key[i] + 1]++] = values[i];
        }
        // st[k + 1] is now the end of bucket k, st[k] its start
        for (int b = 0; b < buckets; b++) {
            int from = st[b];
            int to = st[b + 1];
            int size = to - from;
            if (size > INSERTION) {
                Arrays.sort(scratch, from, to);
            } else if (size > 1) {
                insertion(scratch, from, to);
            }
        }
        System.arraycopy(scratch, 0, values, 0, count);
    }

    /** The IEEE bits as a signed long in the order of the values (−0.0 just below +0.0), as a double. */
    private static double ordered(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static void insertion(double[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double x = a[i];
            int j = i - 1;
            while (j >= from && after(a[j], x)) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** {@code Double.compare(a, b) > 0} for finite values. */
    private static boolean after(double a, double b) {
        return a > b || (a == b && Double.doubleToRawLongBits(a) > Double.doubleToRawLongBits(b));
    }
}
