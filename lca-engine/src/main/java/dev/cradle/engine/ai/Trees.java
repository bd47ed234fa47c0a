package dev.cradle.engine.ai;

import dev.cradle.model.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small operations on expression trees that the rules need beside {@link Value}'s arithmetic. */
final class Trees {
    private Trees() {
    }

    /**
     * {@code e} with every variable named in {@code bindings} replaced by its tree (e.g. an allocation formula's
     * {@code device_hours} by one workload's device-hours tree); other variables and all operators stay.
     * Recursion depth is the tree's depth (a formula is at most {@code FormulaParser.MAX_LENGTH} characters).
     */
    static Expression substitute(Expression e, Map<String, Expression> bindings) {
        if (e instanceof Expression.Variable v) {
            return bindings.getOrDefault(v.name(), v);
        }
        if (e instanceof Expression.Unary u) {
            return new Expression.Unary(u.op(), substitute(u.operand(), bindings), u.column());
        }
        if (e instanceof Expression.Binary b) {
            return new Expression.Binary(b.op(), substitute(b.left(), bindings), substitute(b.right(), bindings),
                    b.column());
        }
        if (e instanceof Expression.Call c) {
            List<Expression> args = new ArrayList<>();
            for (Expression a : c.arguments()) {
                args.add(substitute(a, bindings));
            }
            return new Expression.Call(c.function(), args, c.column());
        }
        return e;
    }
}
