package dev.cradle.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One-at-a-time sensitivity (a tornado chart): each uncertain parameter in turn at its
 * {@code lowProbability} and {@code highProbability} quantiles (5th and 95th by default), every other
 * parameter at its declared (central) value, formulas re-derived. 2k + 1 evaluations for k parameters.
 */
public final class Tornado {
    public static final double LOW = 0.05;
    public static final double HIGH = 0.95;

    private Tornado() {
    }

    /**
     * One parameter's bar for one output.
     *
     * @param parameter  the parameter
     * @param low        its value at the low quantile (parameter unit)
     * @param high       its value at the high quantile
     * @param outputLow  the output with the parameter at {@code low} (output unit)
     * @param outputHigh the output with the parameter at {@code high}
     */
    public record Bar(UncertainParameter parameter, double low, double high, double outputLow, double outputHigh) {
        /** |outputHigh − outputLow|, the bar's length. */
        public double swing() {
            return Math.abs(outputHigh - outputLow);
        }
    }

    /**
     * @param central the outputs at the central parameter vector
     * @param bars    per output (model order), the bars sorted by decreasing swing (ties: the order given)
     */
    public record Result(List<String> outputs, double[] central, List<List<Bar>> bars) {
    }

    public static Result run(ParametricModel model, List<UncertainParameter> parameters) {
        return run(model, parameters, LOW, HIGH);
    }

    public static Result run(ParametricModel model, List<UncertainParameter> parameters, double lowProbability,
                             double highProbability) {
        return run(model, parameters, lowProbability, highProbability, null);
    }

    /**
     * As {@link #run(ParametricModel, List, double, double)}, telling {@code progress} (may be null), on the calling
     * thread, how many of the 2k + 1 evaluations are done: after the central one and after each parameter's two.
     */
    public static Result run(ParametricModel model, List<UncertainParameter> parameters, double lowProbability,
                             double highProbability, MonteCarlo.Progress progress) {
        UncertainParameter.check(model, parameters);
        if (!(0 <= lowProbability && lowProbability < highProbability && highProbability <= 1)) {
            throw new IllegalArgumentException("tornado: need 0 <= low < high <= 1, got " + lowProbability + " and "
                    + highProbability);
        }
        int outputs = model.outputCount();
        ParametricModel.Evaluator evaluator = model.newEvaluator();
        double[] p = model.centralParameters();
        model.deriveParameters(p);
        double[] central = new double[outputs];
        evaluator.evaluate(p, central);
        List<List<Bar>> bars = new ArrayList<>();
        for (int o = 0; o < outputs; o++) {
            bars.add(new ArrayList<>());
        }
        double[] lowOut = new double[outputs];
        double[] highOut = new double[outputs];
        long total = 2L * parameters.size() + 1;
        long done = 1;
        if (progress != null) {
            progress.update(done, total);
        }
        for (UncertainParameter u : parameters) {
            double lo = u.distribution().quantile(lowProbability);
            double hi = u.distribution().quantile(highProbability);
            evaluateWith(model, evaluator, u.slot(), lo, lowOut);
            evaluateWith(model, evaluator, u.slot(), hi, highOut);
            for (int o = 0; o < outputs; o++) {
                bars.get(o).add(new Bar(u, lo, hi, lowOut[o], highOut[o]));
            }
            done += 2;
            if (progress != null) {
                progress.update(done, total);
            }
        }
        List<List<Bar>> sorted = new ArrayList<>();
        for (List<Bar> b : bars) {
            List<Bar> s = new ArrayList<>(b);
            s.sort(Comparator.comparingDouble(Bar::swing).reversed());
            sorted.add(List.copyOf(s));
        }
        return new Result(model.outputNames(), central, List.copyOf(sorted));
    }

    private static void evaluateWith(ParametricModel model, ParametricModel.Evaluator evaluator, int slot, double value,
                                     double[] out) {
        double[] p = model.centralParameters();
        p[slot] = value;
        model.deriveParameters(p);
        evaluator.evaluate(p, out);
    }
}
