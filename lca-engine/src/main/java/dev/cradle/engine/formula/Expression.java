package dev.cradle.engine.formula;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed formula: an immutable syntax tree that remembers where each node starts in the text.
 * It can only do arithmetic on numbers and named parameters: there are no method calls, no
 * reflection and no class loading, so a formula can never execute code.
 */
public sealed interface Expression {

    /** 1-based column where this node starts in the formula text. */
    int column();

    record Number(double value, int column) implements Expression {
    }

    record Variable(String name, int column) implements Expression {
    }

    record Unary(char op, Expression operand, int column) implements Expression {
    }

    /** Binary operator: one of {@code + - * / ^ < <= > >= == != && ||}. */
    record Binary(String op, Expression left, Expression right, int column) implements Expression {
    }

    record Call(String function, List<Expression> arguments, int column) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** Every parameter name this expression reads, sorted. */
    default Set<String> variables() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Expression e, Set<String> out) {
        if (e instanceof Variable v) {
            out.add(v.name());
        } else if (e instanceof Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Call c) {
            c.arguments().forEach(a -> collect(a, out));
        }
    }
}
