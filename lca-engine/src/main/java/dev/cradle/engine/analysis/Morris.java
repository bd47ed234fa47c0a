package dev.cradle.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Morris elementary effects for screening (Morris, Technometrics 33:161, 1991; μ* from Campolongo, Cariboni
 * and Saltelli, Environ. Model. Softw. 22:1509, 2007).
 *
 * <p>Each of r trajectories starts at a random point of the grid {0, 1/(p−1), …, 1}ᵏ (p even) and moves one
 * parameter at a time by Δ = p / (2(p − 1)) up or down, in a random order: k + 1 evaluations per trajectory.
 * Grid points map to parameter values through {@link UnitScale}. The elementary effect of parameter i is
 * EEᵢ = (y(x + Δeᵢ) − y(x)) / Δ, in output units per unit of the design scale; per output and parameter,
 * μ = mean EE, μ* = mean |EE| (importance), σ = sample sd of EE (non-linearity or interaction).
 * The design is drawn from the seed on one thread; evaluations are r(k + 1).
 */
public final class Morris {
    private Morris() {
    }

    /**
     * @param trajectories r ≥ 2
     * @param levels       grid levels p, even, ≥ 2 (4 is usual)
     * @param seed         the design's seed
     */
    public record Settings(int trajectories, int levels, long seed) {
        public Settings {
            if (trajectories < 2) {
                throw new IllegalArgumentException("Morris: need at least 2 trajectories, got " + trajectories);
            }
            if (levels < 2 || levels % 2 != 0) {
                throw new IllegalArgumentException("Morris: the number of levels must be even and >= 2, got " + levels);
            }
        }
    }

    /** One parameter's effects on one output. */
    public record Effect(UncertainParameter parameter, double mu, double muStar, double sigma) {
    }

    /** Per output (model order), the effects in the parameters' order. */
    public record Result(List<String> outputs, List<List<Effect>> effects) {
    }

    public static Result run(ParametricModel model, List<UncertainParameter> parameters, Settings settings) {
        return run(model, parameters, settings, null);
    }

    /**
     * As {@link #run(ParametricModel, List, Settings)}, telling {@code progress} (may be null), on the calling thread,
     * how many of the r(k + 1) evaluations are done, after each trajectory.
     */
    public static Result run(ParametricModel model, List<UncertainParameter> parameters, Settings settings,
                             MonteCarlo.Progress progress) {
        UncertainParameter.check(model, parameters);
        int k = parameters.size();
        int outputs = model.outputCount();
        int r = settings.trajectories();
        int p = settings.levels();
        double delta = p / (2.0 * (p - 1));
        UniformRandomProvider rng = RandomStreams.single(settings.seed());
        PermutationSampler order = new PermutationSampler(rng, k, k);
        ParametricModel.Evaluator evaluator = model.newEvaluator();
        double[][][] ee = new double[outputs][k][r];
        double[] x = new double[k];
        double[] yOld = new double[outputs];
        double[] yNew = new double[outputs];
        for (int t = 0; t < r; t++) {
            int[] dir = new int[k];
            for (int i = 0; i < k; i++) {
                double base = rng.nextInt(p / 2) / (double) (p - 1);
                dir[i] = rng.nextBoolean() ? 1 : -1;
                x[i] = dir[i] > 0 ? base : base + delta;
            }
            evaluate(model, evaluator, parameters, x, yOld);
            for (int i : order.sample()) {
                x[i] += dir[i] * delta;
                evaluate(model, evaluator, parameters, x, yNew);
                for (int o = 0; o < outputs; o++) {
                    ee[o][i][t] = (yNew[o] - yOld[o]) / (dir[i] * delta);
                }
                System.arraycopy(yNew, 0, yOld, 0, outputs);
            }
            if (progress != null) {
                progress.update((long) (t + 1) * (k + 1), (long) r * (k + 1));
            }
        }
        List<List<Effect>> effects = new ArrayList<>();
        for (int o = 0; o < outputs; o++) {
            List<Effect> list = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                double[] e = ee[o][i];
                double mu = 0;
                double muStar = 0;
                for (double v : e) {
                    mu += v;
                    muStar += Math.abs(v);
                }
                mu /= r;
                muStar /= r;
                double ss = 0;
                for (double v : e) {
                    ss += (v - mu) * (v - mu);
                }
                list.add(new Effect(parameters.get(i), mu, muStar, Math.sqrt(ss / (r - 1))));
            }
            effects.add(List.copyOf(list));
        }
        return new Result(model.outputNames(), List.copyOf(effects));
    }

    private static void evaluate(ParametricModel model, ParametricModel.Evaluator evaluator,
                                 List<UncertainParameter> parameters, double[] x, double[] out) {
        double[] v = model.centralParameters();
        for (int i = 0; i < x.length; i++) {
            UncertainParameter u = parameters.get(i);
            v[u.slot()] = UnitScale.value(u.distribution(), Math.min(1, Math.max(0, x[i])));
        }
        model.deriveParameters(v);
        evaluator.evaluate(v, out);
        for (int o = 0; o < out.length; o++) {
            if (!Double.isFinite(out[o])) {
                throw MonteCarlo.nonFinite("Morris design point", model.outputNames().get(o), out[o], parameters, v);
            }
        }
    }
}
