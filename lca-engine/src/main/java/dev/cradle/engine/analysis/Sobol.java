package dev.cradle.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Variance-based (Sobol) sensitivity indices: first-order Sᵢ and total Tᵢ, with bootstrap confidence intervals.
 *
 * <p><b>Sampling</b> (Saltelli et al., "Variance based sensitivity analysis of model output. Design and
 * estimator for the total sensitivity index", Comput. Phys. Commun. 181:259, 2010): N points of a 2k-dimensional
 * Sobol sequence (commons-math3 {@link SobolSequenceGenerator}, Joe–Kuo direction numbers), starting after the
 * first 2^⌈log₂N⌉ points as SALib does (so the unit-cube point 0 never maps to an infinite quantile); the first k
 * coordinates form matrix A, the last k matrix B; A_B⁽ⁱ⁾ is A with column i from B. Unit coordinates map to values
 * by the inverse CDF ({@link ParameterDistribution#quantile}). N(k + 2) evaluations, in row chunks on several
 * threads (each row's outputs land in their own place, so threads do not change the result).
 *
 * <p><b>Estimators</b>, with V the variance of f over A and B together (2N values, 1/(2N)):
 * Sᵢ = (1/N) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ) / V (Saltelli 2010, table 2 (b));
 * Tᵢ = (1/(2N)) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / V (Jansen 1999; Saltelli 2010, table 2 (f)).
 * A parameter the output does not depend on gets exactly Sᵢ = Tᵢ = 0 (f(A_B⁽ⁱ⁾) = f(A)); an output that does not
 * vary (V = 0) gets NaN indices: there is no variance to share.
 *
 * <p><b>Intervals</b>: B bootstrap resamples of the N rows (with replacement, seeded), the percentile interval
 * at the given level. <b>Share of variance</b>: Sᵢ, clipped to [0, 1], is the share of V that parameter i explains
 * alone; 1 − Σ Sᵢ (clipped) is the share due to interactions.
 */
public final class Sobol {
    private static final int ROWS_PER_CHUNK = 256;

    private Sobol() {
    }

    /**
     * @param n          base sample size N ≥ 2 (a power of two keeps the Sobol sequence balanced)
     * @param bootstrap  number of bootstrap resamples, ≥ 0 (0: no intervals, they are NaN)
     * @param confidence interval level, e.g. 0.95
     * @param seed       the bootstrap's seed
     * @param threads    worker threads, ≥ 1 (does not change the results)
     */
    public record Settings(int n, int bootstrap, double confidence, long seed, int threads) {
        public Settings {
            if (n < 2) {
                throw new IllegalArgumentException("Sobol: the base sample size N must be >= 2, got " + n);
            }
            if (bootstrap < 0) {
                throw new IllegalArgumentException("Sobol: bootstrap resamples must be >= 0, got " + bootstrap);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("Sobol: the confidence level must lie in (0, 1), got " + confidence);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("Sobol: threads must be >= 1, got " + threads);
            }
        }

        public static Settings of(int n, long seed) {
            return new Settings(n, 200, 0.95, seed, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * One parameter's indices for one output, each with its bootstrap interval.
     *
     * @param firstOrder Sᵢ, the share of the output's variance due to parameter i alone
     * @param total      Tᵢ, the share due to parameter i with all its interactions
     */
    public record Index(UncertainParameter parameter, double firstOrder, double firstOrderLow, double firstOrderHigh,
                        double total, double totalLow, double totalHigh) {
        /** Sᵢ clipped to [0, 1]: the share of variance this parameter explains alone. */
        public double varianceShare() {
            return Math.min(1, Math.max(0, firstOrder));
        }
    }

    /**
     * Indices of one output.
     *
     * @param variance V, the output's variance over the sample (output unit squared)
     */
    public record OutputIndices(String output, double mean, double variance, List<Index> indices) {
        /** 1 − Σ clipped Sᵢ, at least 0: the share of variance due to interactions between parameters. */
        public double interactionShare() {
            double s = 0;
            for (Index i : indices) {
                s += i.varianceShare();
            }
            return Math.max(0, 1 - s);
        }
    }

    public record Result(Settings settings, int evaluations, List<OutputIndices> outputs) {
    }

    public static Result run(ParametricModel model, List<UncertainParameter> parameters, Settings settings) {
        return run(model, parameters, settings, null);
    }

    /**
     * As {@link #run(ParametricModel, List, Settings)}, telling {@code progress} (may be null), on the calling thread,
     * how far it is in steps: the N(k + 2) evaluations (after each chunk of rows), then one step per bootstrap
     * resample of each output that has its own indices (after each output), so the count reaches its total at the
     * end of the run.
     */
    public static Result run(ParametricModel model, List<UncertainParameter> parameters, Settings settings,
                             MonteCarlo.Progress progress) {
        UncertainParameter.check(model, parameters);
        int k = parameters.size();
        if (k < 1) {
            throw new IllegalArgumentException("Sobol: no uncertain parameter");
        }
        if (2 * k > 1000) {
            throw new IllegalArgumentException("Sobol: at most 500 uncertain parameters (the Sobol sequence has 1000 "
                    + "dimensions), got " + k);
        }
        int n = settings.n();
        int outputs = model.outputCount();
        List<String> names = model.outputNames();
        // the design, on the calling thread: unit points to parameter values
        SobolSequenceGenerator sequence = new SobolSequenceGenerator(2 * k);
        sequence.skipTo(Integer.highestOneBit(n) == n ? n : Integer.highestOneBit(n) << 1);
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        for (int j = 0; j < n; j++) {
            double[] u = sequence.nextVector();
            for (int i = 0; i < k; i++) {
                ParameterDistribution d = parameters.get(i).distribution();
                a[j][i] = d.quantile(u[i]);
                b[j][i] = d.quantile(u[k + i]);
            }
        }
        double[][] fa = new double[outputs][n];
        double[][] fb = new double[outputs][n];
        double[][][] fab = new double[outputs][k][n];
        ThreadLocal<ParametricModel.Evaluator> evaluators = ThreadLocal.withInitial(model::newEvaluator);
        int chunks = (n + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        // steps: every evaluation, then (an upper bound until the outputs are compared) every bootstrap resample of
        // every output
        long evaluations = (long) n * (k + 2);
        long[] steps = {0, evaluations + (long) outputs * settings.bootstrap()};
        Chunks.run(chunks, settings.threads(), c -> {
            ParametricModel.Evaluator evaluator = evaluators.get();
            double[] central = model.centralParameters();
            double[] p = new double[central.length];
            double[] out = new double[outputs];
            for (int j = c * ROWS_PER_CHUNK; j < Math.min(n, (c + 1) * ROWS_PER_CHUNK); j++) {
                evaluate(model, evaluator, parameters, central, p, a[j], -1, null, out, j);
                store(out, fa, j);
                evaluate(model, evaluator, parameters, central, p, b[j], -1, null, out, j);
                store(out, fb, j);
                for (int i = 0; i < k; i++) {
                    evaluate(model, evaluator, parameters, central, p, a[j], i, b[j], out, j);
                    for (int o = 0; o < outputs; o++) {
                        fab[o][i][j] = out[o];
                    }
                }
            }
            return Math.min(n, (c + 1) * ROWS_PER_CHUNK) - c * ROWS_PER_CHUNK;
        }, rows -> {
            steps[0] += (long) rows * (k + 2);
            if (progress != null) {
                progress.update(steps[0], steps[1]);
            }
        });
        UniformRandomProvider rng = RandomStreams.single(settings.seed());
        int[][] resamples = new int[settings.bootstrap()][n];
        for (int[] rows : resamples) {
            for (int j = 0; j < n; j++) {
                rows[j] = rng.nextInt(n);
            }
        }
        List<OutputIndices> results = new ArrayList<>();
        double alpha = (1 - settings.confidence()) / 2;
        for (int o = 0; o < outputs; o++) {
            int same = sameAs(fa, fb, fab, o);
            if (same >= 0) {
                // an output equal to an earlier one in every evaluation (e.g. a phase that is the whole total) has
                // its indices: computed once
                OutputIndices earlier = results.get(same);
                results.add(new OutputIndices(names.get(o), earlier.mean(), earlier.variance(), earlier.indices()));
                steps[1] -= settings.bootstrap(); // no resampling of its own
                if (progress != null) {
                    progress.update(steps[0], steps[1]);
                }
                continue;
            }
            double[] all = new double[2 * n];
            System.arraycopy(fa[o], 0, all, 0, n);
            System.arraycopy(fb[o], 0, all, n, n);
            double mean = mean(all);
            // rows of f(A_B^(i)) laid out row by row, so a resampled row is one contiguous read
            double[] byRow = new double[n * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    byRow[j * k + i] = fab[o][i][j];
                }
            }
            double[][] est = estimate(fa[o], fb[o], byRow, k, null);
            double[][][] boot = new double[Double.isNaN(est[0][0]) ? 0 : resamples.length][][]; // V = 0: NaN, no interval
            double[] fao = fa[o];
            double[] fbo = fb[o];
            int bootChunks = (resamples.length + 15) / 16;
            Chunks.run(boot.length == 0 ? 0 : bootChunks, settings.threads(), c -> {
                for (int r = c * 16; r < Math.min(boot.length, (c + 1) * 16); r++) {
                    boot[r] = estimate(fao, fbo, byRow, k, resamples[r]);
                }
                return null;
            }, ignored -> { });
            List<Index> indices = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                double[] s1 = new double[boot.length];
                double[] st = new double[boot.length];
                for (int r = 0; r < boot.length; r++) {
                    s1[r] = boot[r][0][i];
                    st[r] = boot[r][1][i];
                }
                indices.add(new Index(parameters.get(i), est[0][i], percentile(s1, alpha), percentile(s1, 1 - alpha),
                        est[1][i], percentile(st, alpha), percentile(st, 1 - alpha)));
            }
            results.add(new OutputIndices(names.get(o), mean, variance(all, mean), List.copyOf(indices)));
            steps[0] += settings.bootstrap(); // a constant output (no interval) counts its resamples as done too
            if (progress != null) {
                progress.update(steps[0], steps[1]);
            }
        }
        return new Result(settings, n * (k + 2), List.copyOf(results));
    }

    /** The first output before {@code o} with the same values in every evaluation, or −1. */
    private static int sameAs(double[][] fa, double[][] fb, double[][][] fab, int o) {
        for (int e = 0; e < o; e++) {
            if (java.util.Arrays.equals(fa[e], fa[o]) && java.util.Arrays.equals(fb[e], fb[o])
                    && java.util.Arrays.deepEquals(fab[e], fab[o])) {
                return e;
            }
        }
        return -1;
    }

    private static void evaluate(ParametricModel model, ParametricModel.Evaluator evaluator,
                                 List<UncertainParameter> parameters, double[] central, double[] p, double[] row,
                                 int swapped, double[] other, double[] out, int j) {
        System.arraycopy(central, 0, p, 0, p.length);
        for (int i = 0; i < row.length; i++) {
            p[parameters.get(i).slot()] = i == swapped ? other[i] : row[i];
        }
        model.deriveParameters(p);
        evaluator.evaluate(p, out);
        for (int o = 0; o < out.length; o++) {
            if (!Double.isFinite(out[o])) {
                throw MonteCarlo.nonFinite("Sobol sample row " + j, model.outputNames().get(o), out[o], parameters, p);
            }
        }
    }

    private static void store(double[] out, double[][] target, int j) {
        for (int o = 0; o < out.length; o++) {
            target[o][j] = out[o];
        }
    }

    /** {S[], T[]} over the rows {@code rows} (all rows when null); {@code fab} holds row j's k values at j·k. */
    private static double[][] estimate(double[] fa, double[] fb, double[] fab, int k, int[] rows) {
        int n = fa.length;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            int r = rows == null ? j : rows[j];
            sum += fa[r] + fb[r];
        }
        double mean = sum / (2.0 * n);
        double var = 0;
        double[] first = new double[k];
        double[] total = new double[k];
        for (int j = 0; j < n; j++) {
            int r = rows == null ? j : rows[j];
            double a = fa[r];
            double b = fb[r];
            double da = a - mean;
            double db = b - mean;
            var += da * da + db * db;
            int base = r * k;
            for (int i = 0; i < k; i++) {
                double ab = fab[base + i];
                first[i] += b * (ab - a);
                double d = a - ab;
                total[i] += d * d;
            }
        }
        var /= 2.0 * n;
        for (int i = 0; i < k; i++) {
            // a constant output (V = 0) has no variance to share: NaN
            first[i] = var == 0 ? Double.NaN : first[i] / n / var;
            total[i] = var == 0 ? Double.NaN : total[i] / (2.0 * n) / var;
        }
        return new double[][] {first, total};
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }

    /** The p-quantile of {@code values} (type 7: linear between order statistics); NaN if empty. */
    private static double percentile(double[] values, double p) {
        return values.length == 0 ? Double.NaN
                : new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 100 * p);
    }
}
