package dev.cradle.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Seeded Monte Carlo over a {@link ParametricModel} on several threads.
 *
 * <p>The draws are cut into chunks of {@link #CHUNK} consecutive draws; chunk k draws from random stream k
 * ({@link RandomStreams}: one seed, streams 2¹²⁸ apart) and its results are merged in chunk order, so a seed
 * gives bit-identical results on one thread or many. Within a draw every uncertain parameter is drawn once, in
 * the order given, then {@link ParametricModel#deriveParameters} recomputes the formula slots, so every use
 * of a parameter sees the same value. A worker takes {@link StreamingStatistics#BLOCK} consecutive chunks at a
 * time (a fixed number, so the grouping is the same on any number of threads) and digests their percentiles. Statistics are streamed ({@link StreamingStatistics}); the draws
 * themselves are kept only when a {@link RawDraws} consumer is given, and then handed over chunk by chunk.
 */
public final class MonteCarlo {
    /** Draws per chunk (and per random stream, and per convergence point). Part of what a seed means. */
    public static final int CHUNK = 1024;

    private MonteCarlo() {
    }

    /**
     * @param draws   number of draws, ≥ 1
     * @param seed    any long; the same seed and settings give the same numbers, bit for bit
     * @param threads worker threads, ≥ 1 (does not change the results)
     */
    public record Settings(long draws, long seed, int threads) {
        public Settings {
            if (draws < 1) {
                throw new IllegalArgumentException("Monte Carlo: the number of draws must be >= 1, got " + draws);
            }
            if (draws > (long) Integer.MAX_VALUE * CHUNK) {
                throw new IllegalArgumentException("Monte Carlo: at most " + (long) Integer.MAX_VALUE * CHUNK
                        + " draws, got " + draws);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("Monte Carlo: threads must be >= 1, got " + threads);
            }
        }

        /** All available processors. */
        public static Settings of(long draws, long seed) {
            return new Settings(draws, seed, Runtime.getRuntime().availableProcessors());
        }
    }

    /** Receives every draw, in draw order, on the calling thread (e.g. to write them to a file). */
    @FunctionalInterface
    public interface RawDraws {
        /**
         * @param draw       index of the draw, from 0
         * @param parameters the drawn values of the uncertain parameters, in the order given to {@link #run}
         * @param outputs    the outputs of that draw
         */
        void accept(long draw, double[] parameters, double[] outputs);
    }

    /**
     * Told how far a run is, on the calling thread, after each merged block of 16 chunks (16,384 draws; e.g. to
     * draw a progress bar).
     */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  draws finished so far
         * @param total draws asked for
         */
        void update(long done, long total);
    }

    /** Per-output statistics, in the model's output order. */
    public record Result(List<UncertainParameter> parameters, Settings settings, List<OutputStatistics> outputs) {
        public Result {
            parameters = List.copyOf(parameters);
            outputs = List.copyOf(outputs);
        }
    }

    public static Result run(ParametricModel model, List<UncertainParameter> parameters, Settings settings) {
        return run(model, parameters, settings, null);
    }

    /**
     * Runs the analysis.
     *
     * @throws ArithmeticException naming the draw, the output and the drawn values when an output is not finite
     */
    public static Result run(ParametricModel model, List<UncertainParameter> parameters, Settings settings,
                             RawDraws raw) {
        return run(model, parameters, settings, raw, null);
    }

    /** As {@link #run(ParametricModel, List, Settings, RawDraws)}, telling {@code progress} (may be null) after each block. */
    public static Result run(ParametricModel model, List<UncertainParameter> parameters, Settings settings,
                             RawDraws raw, Progress progress) {
        UncertainParameter.check(model, parameters);
        int chunks = (int) ((settings.draws() + CHUNK - 1) / CHUNK);
        UniformRandomProvider[] streams = RandomStreams.forChunks(settings.seed(), chunks);
        int outputs = model.outputCount();
        List<String> names = model.outputNames();
        ThreadLocal<ParametricModel.Evaluator> evaluators = ThreadLocal.withInitial(model::newEvaluator);
        List<StreamingStatistics> stats = new ArrayList<>();
        for (String name : names) {
            stats.add(new StreamingStatistics(name));
        }
        int k = parameters.size();
        int blocks = (chunks + StreamingStatistics.BLOCK - 1) / StreamingStatistics.BLOCK;
        Chunks.run(blocks, settings.threads(), blk -> {
            int firstChunk = blk * StreamingStatistics.BLOCK;
            int lastChunk = Math.min(chunks, firstChunk + StreamingStatistics.BLOCK);
            StreamingStatistics.Block[] digests = new StreamingStatistics.Block[outputs];
            for (int o = 0; o < outputs; o++) {
                digests[o] = new StreamingStatistics.Block();
            }
            ChunkResult[] results = new ChunkResult[lastChunk - firstChunk];
            double[] central = model.centralParameters();
            double[] p = central.clone();
            double[] out = new double[outputs];
            double[] sorted = new double[CHUNK];
            ChunkSort sorter = new ChunkSort();
            int[] slots = new int[k];
            for (int i = 0; i < k; i++) {
                slots[i] = parameters.get(i).slot();
            }
            ParametricModel.Evaluator evaluator = evaluators.get();
            double[][] values = new double[outputs][CHUNK];
            for (int c = firstChunk; c < lastChunk; c++) {
                long first = (long) c * CHUNK;
                int count = (int) Math.min(CHUNK, settings.draws() - first);
                UniformRandomProvider rng = streams[c];
                streams[c] = null;
                DoubleSupplier[] samplers = new DoubleSupplier[k];
                for (int i = 0; i < k; i++) {
                    samplers[i] = parameters.get(i).distribution().sampler(rng);
                }
                if (raw != null) {
                    values = new double[outputs][count];
                }
                double[][] drawn = raw == null ? null : new double[count][k];
                for (int d = 0; d < count; d++) {
                    for (int i = 0; i < k; i++) {
                        double v = samplers[i].getAsDouble();
                        p[slots[i]] = v;
                        if (drawn != null) {
                            drawn[d][i] = v;
                        }
                    }
                    model.deriveParameters(p);
                    evaluator.evaluate(p, out);
                    for (int o = 0; o < outputs; o++) {
                        if (!Double.isFinite(out[o])) {
                            throw nonFinite("draw " + (first + d), names.get(o), out[o], parameters, p);
                        }
                        values[o][d] = out[o];
                    }
                }
                // an output equal to an earlier one in every draw of the chunk (a phase or model that is the whole
                // total) shares its summary: same numbers, one sort
                int[] same = new int[outputs];
                StreamingStatistics.Chunk[] summaries = new StreamingStatistics.Chunk[outputs];
                for (int o = 0; o < outputs; o++) {
                    same[o] = -1;
                    for (int e = 0; e < o && same[o] < 0; e++) {
                        if (same[e] < 0 && values[e][0] == values[o][0]
                                && Arrays.equals(values[e], 0, count, values[o], 0, count)) {
                            same[o] = e;
                        }
                    }
                    if (same[o] >= 0) {
                        summaries[o] = summaries[same[o]];
                    } else {
                        System.arraycopy(values[o], 0, sorted, 0, count);
                        summaries[o] = StreamingStatistics.Chunk.of(sorted, count, sorter);
                    }
                    digests[o].add(summaries[o]);
                }
                results[c - firstChunk] = new ChunkResult(first, summaries, raw == null ? null : values, drawn);
            }
            for (StreamingStatistics.Block b : digests) {
                b.finish();
            }
            return new BlockResult(results, digests);
        }, r -> {
            long draws = 0;
            for (ChunkResult c : r.chunks()) {
                for (int o = 0; o < outputs; o++) {
                    stats.get(o).merge(c.summaries()[o]);
                }
                draws += c.summaries()[0].n();
                if (raw != null) {
                    double[] out = new double[outputs];
                    for (int d = 0; d < c.drawn().length; d++) {
                        for (int o = 0; o < outputs; o++) {
                            out[o] = c.values()[o][d];
                        }
                        raw.accept(c.first() + d, c.drawn()[d].clone(), out.clone());
                    }
                }
            }
            for (int o = 0; o < outputs; o++) {
                stats.get(o).merge(r.digests()[o], draws);
            }
            if (progress != null) {
                ChunkResult last = r.chunks()[r.chunks().length - 1];
                progress.update(last.first() + last.summaries()[0].n(), settings.draws());
            }
        });
        List<OutputStatistics> results = new ArrayList<>();
        for (StreamingStatistics s : stats) {
            results.add(s.result());
        }
        return new Result(parameters, settings, results);
    }

    private record ChunkResult(long first, StreamingStatistics.Chunk[] summaries, double[][] values, double[][] drawn) {
    }

    private record BlockResult(ChunkResult[] chunks, StreamingStatistics.Block[] digests) {
    }

    static ArithmeticException nonFinite(String where, String output, double value, List<UncertainParameter> parameters,
                                         double[] p) {
        StringBuilder sb = new StringBuilder(where + ": output '" + output + "' is " + value + " at ");
        for (int i = 0; i < parameters.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(parameters.get(i).name()).append(" = ").append(p[parameters.get(i).slot()]);
        }
        sb.append(" (a distribution reaching a value the model cannot take, e.g. a negative or zero divisor?)");
        return new ArithmeticException(sb.toString());
    }
}
