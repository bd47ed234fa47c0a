package dev.cradle.bench.scale;

import dev.cradle.engine.solve.BackgroundIntensities;
import dev.cradle.engine.solve.PartitionedSystem;
import dev.cradle.engine.solve.SolverSelector;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * Partitioned Monte Carlo: a 50-process foreground (the AI system: a loop-free chain with a few inputs per
 * process) buying 20 background products, redrawn {@value #DRAWS} times (every foreground amount ×
 * lognormal, σ = 0.1), on a background solved once. Compared with the same draws of the foreground alone
 * (no background link) and with solving the whole system per draw.
 */
final class MonteCarloBench {
    static final int DRAWS = 1000;
    private static final int FOREGROUND = 50;
    private static final int LINKS = 20;

    private MonteCarloBench() {
    }

    static String run(BenchmarkSystem background, double wholeSystemSeconds) {
        Random rnd = new Random(7);
        long t0 = System.nanoTime();
        BackgroundIntensities bg = BackgroundIntensities.of(background.a(), background.b(), background.c(),
                new SolverSelector());
        double setup = (System.nanoTime() - t0) / 1e9;
        PartitionedSystem linked = new PartitionedSystem(bg, background.c(), new SolverSelector());
        DMatrixSparseCSC noLinks = new DMatrixSparseCSC(background.processes(), FOREGROUND, 0);
        double[] f = new double[FOREGROUND];
        f[0] = 1;
        double sum = 0;
        // warm-up, then timed
        for (int w = 0; w < 200; w++) {
            sum += linked.evaluate(draw(rnd, 0), draw(rnd, 1), links(rnd, background.processes()), f)[0];
        }
        long t1 = System.nanoTime();
        for (int d = 0; d < DRAWS; d++) {
            sum += linked.evaluate(draw(rnd, 0), draw(rnd, 1), links(rnd, background.processes()), f)[0];
        }
        double partitioned = (System.nanoTime() - t1) / 1e9 / DRAWS;
        long t2 = System.nanoTime();
        for (int d = 0; d < DRAWS; d++) {
            sum += linked.evaluate(draw(rnd, 0), draw(rnd, 1), noLinks, f)[0];
        }
        double alone = (System.nanoTime() - t2) / 1e9 / DRAWS;
        if (!Double.isFinite(sum)) {
            throw new IllegalStateException("non-finite result");
        }
        return String.format(Locale.ROOT, "Monte Carlo on %s: background solved once in %.3f s; %d draws of a "
                        + "%d-process foreground: %.3f ms per draw linked, %.3f ms alone (%.2f×); whole system per draw "
                        + "≈ %.1f ms (one single evaluation)", background.name(), setup, DRAWS, FOREGROUND,
                partitioned * 1e3, alone * 1e3, partitioned / alone, wholeSystemSeconds * 1e3);
    }

    /** kind 0: the foreground technosphere (a chain, each process buying from the next two); kind 1: B_f. */
    private static DMatrixSparseCSC draw(Random rnd, int kind) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(kind == 0 ? FOREGROUND : BenchmarkFamilies.FLOWS,
                FOREGROUND, 3 * FOREGROUND);
        for (int j = 0; j < FOREGROUND; j++) {
            if (kind == 0) {
                t.addItem(j, j, 1.0);
                for (int i = j + 1; i < Math.min(FOREGROUND, j + 3); i++) {
                    t.addItem(i, j, -0.5 * noise(rnd));
                }
            } else {
                t.addItem(j % BenchmarkFamilies.FLOWS, j, noise(rnd));
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    private static DMatrixSparseCSC links(Random rnd, int products) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(products, FOREGROUND, LINKS);
        for (int q = 0; q < LINKS; q++) {
            t.addItem((q * 7919) % products, q % FOREGROUND, -noise(rnd));
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    private static double noise(Random rnd) {
        return Math.exp(0.1 * rnd.nextGaussian());
    }
}
