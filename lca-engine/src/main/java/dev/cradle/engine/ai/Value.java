package dev.cradle.engine.ai;

import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A number a rule computes with: its value at the parameters' central values, and the expression tree
 * that recomputes it for any parameter vector. Arithmetic builds both at once and folds constants, so a
 * rule writes {@code kwh = hours.times(power).div(1000)} and the exchange it emits ({@link #amount()}) is
 * an expression over the study's one parameter table — never formula text. Rules decide structure
 * (which processes, which checks) from {@link #central()}; amounts always come from {@link #tree()}.
 *
 * @param central the value at the parameters' central values (the deterministic result)
 * @param tree    the expression over global parameters that yields the value for any parameter vector
 */
public record Value(double central, Expression tree) {
    public Value {
        Objects.requireNonNull(tree, "tree");
    }

    /** A constant. */
    public static Value of(double v) {
        return new Value(v, new Expression.Number(v, 0));
    }

    /** Global parameter {@code name}, whose central value is {@code central}. */
    public static Value parameter(String name, double central) {
        return new Value(central, new Expression.Variable(name, 0));
    }

    /** True when the value does not depend on any parameter. */
    public boolean isConstant() {
        return tree instanceof Expression.Number;
    }

    public Value times(Value o) {
        if (isConstant() && o.isConstant()) {
            return of(central * o.central);
        }
        if (isOne(this)) {
            return o;
        }
        if (isOne(o)) {
            return this;
        }
        return op("*", o, central * o.central);
    }

    public Value times(double k) {
        return times(of(k));
    }

    public Value div(Value o) {
        if (isConstant() && o.isConstant()) {
            return of(central / o.central);
        }
        if (isOne(o)) {
            return this;
        }
        return op("/", o, central / o.central);
    }

    public Value div(double k) {
        return div(of(k));
    }

    public Value plus(Value o) {
        if (isConstant() && o.isConstant()) {
            return of(central + o.central);
        }
        if (isZero(this)) {
            return o;
        }
        if (isZero(o)) {
            return this;
        }
        return op("+", o, central + o.central);
    }

    public Value plus(double k) {
        return plus(of(k));
    }

    public Value minus(Value o) {
        if (isConstant() && o.isConstant()) {
            return of(central - o.central);
        }
        if (isZero(o)) {
            return this;
        }
        return op("-", o, central - o.central);
    }

    public Value minus(double k) {
        return minus(of(k));
    }

    /** {@code max(this, o)}. */
    public Value max(Value o) {
        if (isConstant() && o.isConstant()) {
            return of(Math.max(central, o.central));
        }
        return new Value(Math.max(central, o.central), new Expression.Call("max", List.of(tree, o.tree), 0));
    }

    /** {@code min(this, o)}. */
    public Value min(Value o) {
        if (isConstant() && o.isConstant()) {
            return of(Math.min(central, o.central));
        }
        return new Value(Math.min(central, o.central), new Expression.Call("min", List.of(tree, o.tree), 0));
    }

    /** The sum of {@code values} (0 when empty). */
    public static Value sum(Collection<Value> values) {
        Value s = of(0);
        for (Value v : values) {
            s = s.plus(v);
        }
        return s;
    }

    /**
     * {@code f(args)} for the formula functions {@code exp, sqrt, round, ceil, log, pow}: folded to a constant when
     * every argument is one, else a call node the formula compiler evaluates the same way.
     */
    public static Value call(String f, Value... args) {
        double[] a = new double[args.length];
        List<Expression> trees = new java.util.ArrayList<>();
        boolean constant = true;
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].central();
            trees.add(args[i].tree());
            constant &= args[i].isConstant();
        }
        double v = switch (f) {
            case "exp" -> Math.exp(a[0]);
            case "sqrt" -> Math.sqrt(a[0]);
            case "round" -> Math.signum(a[0]) * Math.floor(Math.abs(a[0]) + 0.5); // halves away from zero, as the formulas
            case "ceil" -> Math.ceil(a[0]);
            case "log" -> Math.log(a[0]) / Math.log(a[1]);
            case "pow" -> Math.pow(a[0], a[1]);
            default -> throw new IllegalArgumentException(f);
        };
        return constant ? of(v) : new Value(v, new Expression.Call(f, trees, 0));
    }

    /** The exchange or parameter amount: a constant when the value is one, else an {@link Amount.Tree}. */
    public Amount amount() {
        return Amount.of(tree);
    }

    /** The formula text of the tree (for traces). */
    public String text() {
        return tree.text();
    }

    @Override
    public String toString() {
        return Rules.fmt(central);
    }

    private Value op(String op, Value o, double value) {
        return new Value(value, new Expression.Binary(op, tree, o.tree, 0));
    }

    private static boolean isOne(Value v) {
        return v.isConstant() && v.central == 1;
    }

    private static boolean isZero(Value v) {
        return v.isConstant() && v.central == 0;
    }
}
