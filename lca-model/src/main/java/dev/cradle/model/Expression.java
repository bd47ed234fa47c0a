package dev.cradle.model;

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
        for (Expression e : nodes()) {
            if (e instanceof Variable v) {
                out.add(v.name());
            }
        }
        return out;
    }

    /** The column of the first (leftmost) use of parameter {@code name}, or -1. */
    default int firstColumnOf(String name) {
        for (Expression e : nodes()) {
            if (e instanceof Variable v && v.name().equals(name)) {
                return v.column();
            }
        }
        return -1;
    }

    /**
     * Every node, in pre-order from left to right. Walked with an explicit stack, not recursion: a
     * chain {@code 1-1-1-…} of 2,000 operators is a tree 2,000 deep.
     */
    default List<Expression> nodes() {
        List<Expression> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Expression> stack = new java.util.ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Expression e = stack.pop();
            out.add(e);
            if (e instanceof Unary u) {
                stack.push(u.operand());
            } else if (e instanceof Binary b) {
                stack.push(b.right());
                stack.push(b.left());
            } else if (e instanceof Call c) {
                for (int i = c.arguments().size() - 1; i >= 0; i--) {
                    stack.push(c.arguments().get(i));
                }
            }
        }
        return out;
    }

    /**
     * Formula text for this tree that parses back to the same value: numbers at full precision,
     * parentheses wherever an operand is itself an operation. Used for trees built by rules, which have
     * no source text.
     */
    default String text() {
        StringBuilder out = new StringBuilder();
        Texts.append(this, out);
        return out.toString();
    }

    /** Renders trees as formula text (recursion depth = tree depth; rule-built trees are shallow). */
    final class Texts {
        private Texts() {
        }

        static void append(Expression e, StringBuilder out) {
            if (e instanceof Number n) {
                String t = Double.toString(n.value());
                if (n.value() < 0 || t.contains("E")) {
                    out.append('(').append(t.replace("E", "e")).append(')');
                } else {
                    out.append(t);
                }
            } else if (e instanceof Variable v) {
                // a name with a hyphen is quoted, so the text parses back to one name, not a subtraction
                out.append(v.name().indexOf('-') >= 0 ? "`" + v.name() + "`" : v.name());
            } else if (e instanceof Unary u) {
                out.append(u.op());
                operand(u.operand(), out);
            } else if (e instanceof Binary b) {
                operand(b.left(), out);
                out.append(' ').append(b.op()).append(' ');
                operand(b.right(), out);
            } else if (e instanceof Call c) {
                out.append(c.function()).append('(');
                for (int i = 0; i < c.arguments().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    append(c.arguments().get(i), out);
                }
                out.append(')');
            }
        }

        private static void operand(Expression e, StringBuilder out) {
            boolean wrap = e instanceof Binary || e instanceof Unary;
            if (wrap) {
                out.append('(');
            }
            append(e, out);
            if (wrap) {
                out.append(')');
            }
        }
    }
}
