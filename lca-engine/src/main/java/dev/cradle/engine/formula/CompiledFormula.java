package dev.cradle.engine.formula;

/**
 * A formula compiled against fixed parameter slots: {@link #evaluate(double[])} reads parameter
 * values from a primitive array, with no parsing, map look-up or boxing, so Monte Carlo can call it
 * millions of times.
 */
@FunctionalInterface
public interface CompiledFormula {
    double evaluate(double[] values);

    static CompiledFormula constant(double value) {
        return v -> value;
    }
}
