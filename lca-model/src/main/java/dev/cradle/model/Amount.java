package dev.cradle.model;

import java.util.Objects;

/**
 * The amount of an exchange, parameter or allocation factor: a constant, or a formula over
 * parameters that the engine compiles once and evaluates many times.
 */
public sealed interface Amount permits Amount.Constant, Amount.Formula, Amount.Tree {

    static Amount of(double value) {
        return new Constant(value);
    }

    static Amount formula(String expression) {
        return new Formula(expression);
    }

    /** A constant when {@code e} is a number, else a {@link Tree}. */
    static Amount of(Expression e) {
        return e instanceof Expression.Number n ? new Constant(n.value()) : new Tree(e);
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

    /**
     * An expression tree built by a rule (never formula text): compiled without parsing, evaluated over
     * the product system's parameter table like a {@link Formula}. Its {@link Expression#text()} is shown
     * in traces and explanations.
     */
    record Tree(Expression expression) implements Amount {
        public Tree {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String toString() {
            return expression.text();
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
