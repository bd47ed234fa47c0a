package dev.cradle.engine.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A compiled model as the analyses see it: a function from a parameter vector (the slots of
 * {@link dev.cradle.engine.calc.ParameterTable}, in their own units) to an output vector (e.g. one
 * impact per indicator, in the indicator's unit). The analyses set the uncertain slots of a copy of
 * {@link #centralParameters()}, call {@link #deriveParameters} so that formula slots follow the drawn
 * inputs, and call an {@link Evaluator}: two slots that read one parameter thus see the same draw.
 */
public interface ParametricModel {

    /** Number of parameter slots. */
    int parameterCount();

    /** Names of the outputs, in output order (e.g. indicator keys); used in reports and error messages. */
    List<String> outputNames();

    /** Number of outputs. */
    default int outputCount() {
        return outputNames().size();
    }

    /** The declared ("central") parameter vector; slots without a distribution keep these values. A fresh copy. */
    double[] centralParameters();

    /**
     * Recomputes the derived (formula) slots of {@code parameters} after the uncertain input slots were set,
     * e.g. {@link dev.cradle.engine.calc.ParameterTable#evaluateInto}. Must not allocate. Default: nothing derived.
     */
    default void deriveParameters(double[] parameters) {
    }

    /** A new evaluator; each worker thread gets its own, so an evaluator may keep scratch arrays. */
    Evaluator newEvaluator();

    /** Evaluates the model for one parameter vector. Not required to be thread-safe; must be deterministic. */
    @FunctionalInterface
    interface Evaluator {
        /** Writes {@link #outputCount()} outputs into {@code outputs} for {@code parameters} (not modified). */
        void evaluate(double[] parameters, double[] outputs);
    }

    /** A model whose evaluator is a pure function (thread-safe, no derived slots). */
    static ParametricModel of(double[] central, List<String> outputNames, Evaluator function) {
        Objects.requireNonNull(function, "function");
        double[] c = central.clone();
        List<String> names = List.copyOf(outputNames);
        return new ParametricModel() {
            @Override
            public int parameterCount() {
                return c.length;
            }

            @Override
            public List<String> outputNames() {
                return names;
            }

            @Override
            public double[] centralParameters() {
                return c.clone();
            }

            @Override
            public Evaluator newEvaluator() {
                return function;
            }
        };
    }
}
