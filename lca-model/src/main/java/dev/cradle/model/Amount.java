package dev.cradle.model;

import java.util.Objects;

/**
 * The amount of an exchange, parameter or allocation factor: a constant, or a formula over
 * parameters that the engine compiles once and evaluates many times.
 */
public sealed interface Amount permits Amount.Constant, Amount.Formula {

    static Amount of(double value) {
        return new Constant(value);
    }

    static Amount formula(String expression) {
        return new Formula(expression);
    }

    /** A fixed number. */
    record Constant(double value) implements Amount {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new NonFiniteAmountException(value);
            }
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** An expression such as {@code hours * power_w / 1000}; see docs/scenario-reference.md. */
    record Formula(String expression) implements Amount {
        public Formula {
            Objects.requireNonNull(expression, "expression");
            if (expression.isBlank()) {
                throw new IllegalArgumentException("formula is empty");
            }
        }

        @Override
        public String toString() {
            return expression;
        }
    }
}
