package dev.cradle.engine.formula;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Turns an {@link Expression} into a {@link CompiledFormula}: a tree of small lambdas over a
 * {@code double[]} of parameter values, with every variable resolved to its array slot once.
 * Constant sub-expressions are folded at compile time.
 */
public final class FormulaCompiler {
    private FormulaCompiler() {
    }

    /**
     * @param slotOf maps a parameter name to its index in the values array, or -1 when unknown
     * @throws FormulaException naming the unknown parameter and its column
     */
    public static CompiledFormula compile(String text, Expression e, ToIntFunction<String> slotOf) {
        return node(text, e, slotOf);
    }

    private static CompiledFormula node(String text, Expression e, ToIntFunction<String> slotOf) {
        CompiledFormula f = build(text, e, slotOf);
        if (!(e instanceof Expression.Variable) && e.variables().isEmpty()) {
            double folded = f.evaluate(new double[0]);
            return v -> folded;
        }
        return f;
    }

    private static CompiledFormula build(String text, Expression e, ToIntFunction<String> slotOf) {
        if (e instanceof Expression.Number n) {
            double value = n.value();
            return v -> value;
        }
        if (e instanceof Expression.Variable var) {
            int slot = slotOf.applyAsInt(var.name());
            if (slot < 0) {
                throw new FormulaException(text, var.column(), "unknown parameter '" + var.name() + "'");
            }
            return v -> v[slot];
        }
        if (e instanceof Expression.Unary u) {
            CompiledFormula a = node(text, u.operand(), slotOf);
            return u.op() == '-' ? v -> -a.evaluate(v) : v -> a.evaluate(v) == 0 ? 1 : 0;
        }
        if (e instanceof Expression.Binary b) {
            CompiledFormula l = node(text, b.left(), slotOf);
            CompiledFormula r = node(text, b.right(), slotOf);
            switch (b.op()) {
                case "+": return v -> l.evaluate(v) + r.evaluate(v);
                case "-": return v -> l.evaluate(v) - r.evaluate(v);
                case "*": return v -> l.evaluate(v) * r.evaluate(v);
                case "/": return v -> l.evaluate(v) / r.evaluate(v);
                case "^": return v -> Math.pow(l.evaluate(v), r.evaluate(v));
                case "<": return v -> l.evaluate(v) < r.evaluate(v) ? 1 : 0;
                case "<=": return v -> l.evaluate(v) <= r.evaluate(v) ? 1 : 0;
                case ">": return v -> l.evaluate(v) > r.evaluate(v) ? 1 : 0;
                case ">=": return v -> l.evaluate(v) >= r.evaluate(v) ? 1 : 0;
                case "==": return v -> l.evaluate(v) == r.evaluate(v) ? 1 : 0;
                case "!=": return v -> l.evaluate(v) != r.evaluate(v) ? 1 : 0;
                case "&&": return v -> l.evaluate(v) != 0 && r.evaluate(v) != 0 ? 1 : 0;
                case "||": return v -> l.evaluate(v) != 0 || r.evaluate(v) != 0 ? 1 : 0;
                default: throw new FormulaException(text, b.column(), "unknown operator " + b.op());
            }
        }
        Expression.Call c = (Expression.Call) e;
        List<Expression> args = c.arguments();
        CompiledFormula[] a = new CompiledFormula[args.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = node(text, args.get(i), slotOf);
        }
        switch (c.function()) {
            case "min":
                return v -> {
                    double m = a[0].evaluate(v);
                    for (int i = 1; i < a.length; i++) {
                        m = Math.min(m, a[i].evaluate(v));
                    }
                    return m;
                };
            case "max":
                return v -> {
                    double m = a[0].evaluate(v);
                    for (int i = 1; i < a.length; i++) {
                        m = Math.max(m, a[i].evaluate(v));
                    }
                    return m;
                };
            case "exp": return v -> Math.exp(a[0].evaluate(v));
            case "ln": return v -> Math.log(a[0].evaluate(v));
            case "log":
                if (a.length == 2) {
                    return v -> Math.log(a[0].evaluate(v)) / Math.log(a[1].evaluate(v));
                }
                return v -> Math.log(a[0].evaluate(v));
            case "log10": return v -> Math.log10(a[0].evaluate(v));
            case "sqrt": return v -> Math.sqrt(a[0].evaluate(v));
            case "abs": return v -> Math.abs(a[0].evaluate(v));
            case "pow": return v -> Math.pow(a[0].evaluate(v), a[1].evaluate(v));
            case "floor": return v -> Math.floor(a[0].evaluate(v));
            case "ceil": return v -> Math.ceil(a[0].evaluate(v));
            case "round": return v -> {
                double x = a[0].evaluate(v);
                return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
            };
            case "if": return v -> a[0].evaluate(v) != 0 ? a[1].evaluate(v) : a[2].evaluate(v);
            default: throw new FormulaException(text, c.column(), "unknown function '" + c.function() + "'");
        }
    }
}
