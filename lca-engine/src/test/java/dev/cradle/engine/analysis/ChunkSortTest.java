package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link ChunkSort} must give exactly the array {@link Arrays#sort} gives: the percentiles rest on it, bit for bit. */
class ChunkSortTest {

    private static void assertSortsLikeTheLibrary(double[] values, int count) {
        double[] expected = Arrays.copyOf(values, count);
        Arrays.sort(expected);
        double[] actual = values.clone();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, actual[i]);
            max = Math.max(max, actual[i]);
        }
        if (!(max > min)) {
            return; // the caller never sorts a constant chunk
        }
        new ChunkSort().sort(actual, count, min, max);
        // bit patterns compared, so −0.0 before +0.0 and every tie are checked too
        long[] e = Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray();
        long[] a = Arrays.stream(Arrays.copyOf(actual, count)).mapToLong(Double::doubleToRawLongBits).toArray();
        assertArrayEquals(e, a);
    }

    /** Every shape a chunk of draws may take: smooth, heavy-tailed, tied, signed, near-equal, tiny and huge. */
    @Property(tries = 300)
    void sortsExactlyAsArraysSort(@ForAll @IntRange(min = 1, max = 1024) int count,
                                  @ForAll @IntRange(min = 0, max = 9) int shape, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[1024];
        for (int i = 0; i < count; i++) {
            double g = r.nextGaussian();
            v[i] = switch (shape) {
                case 0 -> 50_000 + 10_000 * g; // normal
                case 1 -> Math.exp(3 * g); // lognormal, geometric sd e³: a long right tail
                case 2 -> Math.floor(4 * r.nextDouble()); // four tied values
                case 3 -> r.nextBoolean() ? 0.0 : -0.0; // signed zeros
                case 4 -> g; // both signs around zero
                case 5 -> 1 + Math.ulp(1.0) * r.nextInt(5); // neighbouring doubles
                case 6 -> r.nextDouble() < 0.99 ? 1 : 1e300; // one huge outlier
                case 7 -> -Double.MAX_VALUE * r.nextDouble() + Double.MAX_VALUE * r.nextDouble(); // full range
                case 8 -> Double.MIN_VALUE * r.nextInt(3) - Double.MIN_VALUE; // subnormals and zero
                default -> i % 2 == 0 ? 7.0 : 7.0 + g * 1e-12;
            };
        }
        assertSortsLikeTheLibrary(v, count);
    }

    @Test
    void aFullChunkOfLognormalDrawsWithZerosAndTies() {
        SplittableRandom r = new SplittableRandom(7);
        double[] v = new double[1024];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 97 == 0 ? 0.0 : i % 89 == 0 ? -0.0 : i % 13 == 0 ? 2.5 : Math.exp(r.nextGaussian());
        }
        assertSortsLikeTheLibrary(v, v.length);
    }
}
