package dev.cradle.engine.formula;

import dev.cradle.model.Expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Cradle's formula language (see docs/scenario-reference.md):
 * numbers, parameter names (dotted ones such as {@code hardware.h100.embodied_gwp} bare; one holding a
 * hyphen in backquotes, {@code `hardware.a100-cluster.embodied_gwp`}), {@code + - * / ^}, parentheses, comparisons {@code < <= > >= == !=},
 * {@code && || !}, and the functions of {@link Functions}. Precedence, lowest first:
 * {@code ||}, {@code &&}, comparisons, {@code + -}, {@code * /}, unary {@code - + !}, {@code ^}
 * (right-associative, so {@code -2^2 = -4} and {@code 2^3^2 = 512}).
 *
 * <p>Written by hand rather than with a parser library so that every error carries the column
 * of the offending character and the grammar admits nothing but arithmetic.
 */
public final class FormulaParser {
    /** Formulas longer than this are rejected: a parameter formula is a line, not a program. */
    public static final int MAX_LENGTH = 4096;
    /** Deepest nesting of parentheses and calls accepted. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private FormulaParser(String text) {
        this.text = text;
    }

    /** Parses {@code text} into an expression tree, or throws {@link FormulaException} with a column. */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FormulaException(String.valueOf(text), 1, "the formula is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException(text.substring(0, 40) + "...", MAX_LENGTH,
                    "the formula is longer than " + MAX_LENGTH + " characters");
        }
        FormulaParser p = new FormulaParser(text);
        Expression e = p.parseOr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'; expected an operator or the end of the formula");
        }
        return e;
    }

    private FormulaException error(String reason) {
        return new FormulaException(text, pos + 1, reason);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            // do not read '<' out of '<=' or '=' out of '=='
            if ((token.equals("<") || token.equals(">") || token.equals("!"))
                    && pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
                return false;
            }
            pos += token.length();
            return true;
        }
        return false;
    }

    private Expression parseOr() {
        Expression left = parseAnd();
        while (true) {
            int col = columnHere();
            if (accept("||")) {
                left = new Expression.Binary("||", left, parseAnd(), col);
            } else {
                return left;
            }
        }
    }

    private Expression parseAnd() {
        Expression left = parseComparison();
        while (true) {
            int col = columnHere();
            if (accept("&&")) {
                left = new Expression.Binary("&&", left, parseComparison(), col);
            } else {
                return left;
            }
        }
    }

    private Expression parseComparison() {
        Expression left = parseAdditive();
        int col = columnHere();
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (accept(op)) {
                Expression right = parseAdditive();
                skipSpace();
                if (pos < text.length() && "<>=!".indexOf(text.charAt(pos)) >= 0) {
                    throw error("comparisons cannot be chained; combine them with && or ||");
                }
                return new Expression.Binary(op, left, right, col);
            }
        }
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '=') {
            throw error("'=' is not an operator; use '==' to compare");
        }
        return left;
    }

    private Expression parseAdditive() {
        Expression left = parseMultiplicative();
        while (true) {
            int col = columnHere();
            if (accept("+")) {
                left = new Expression.Binary("+", left, parseMultiplicative(), col);
            } else if (accept("-")) {
                left = new Expression.Binary("-", left, parseMultiplicative(), col);
            } else {
                return left;
            }
        }
    }

    private Expression parseMultiplicative() {
        Expression left = parseUnary();
        while (true) {
            int col = columnHere();
            if (accept("*")) {
                left = new Expression.Binary("*", left, parseUnary(), col);
            } else if (accept("/")) {
                left = new Expression.Binary("/", left, parseUnary(), col);
            } else {
                return left;
            }
        }
    }

    private Expression parseUnary() {
        int col = columnHere();
        if (accept("-")) {
            return new Expression.Unary('-', nested(this::parseUnary), col);
        }
        if (accept("+")) {
            return nested(this::parseUnary);
        }
        if (accept("!")) {
            return new Expression.Unary('!', nested(this::parseUnary), col);
        }
        return parsePower();
    }

    private Expression parsePower() {
        Expression base = parsePrimary();
        int col = columnHere();
        if (accept("^")) {
            return new Expression.Binary("^", base, nested(this::parseUnary), col);
        }
        return base;
    }

    private Expression nested(java.util.function.Supplier<Expression> inner) {
        if (++depth > MAX_DEPTH) {
            throw error("the formula nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return inner.get();
        } finally {
            depth--;
        }
    }

    private int columnHere() {
        skipSpace();
        return pos + 1;
    }

    private Expression parsePrimary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the formula ends too early; expected a number, a parameter or '('");
        }
        int col = pos + 1;
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expression inner = nested(this::parseOr);
            if (!accept(")")) {
                throw error("missing ')' to close the '(' at column " + col);
            }
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return parseNumber();
        }
        if (c == '`') {
            int end = text.indexOf('`', pos + 1);
            if (end < 0) {
                throw error("missing '`' to close the quoted parameter name");
            }
            String name = text.substring(pos + 1, end);
            if (!dev.cradle.model.Parameter.isValidName(name)) {
                throw error("'" + name + "' is not a parameter name: dot-separated segments of letters, digits, '_' "
                        + "and inner '-', starting with a letter or '_'");
            }
            pos = end + 1;
            return new Expression.Variable(name, col);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '.' && pos + 1 < text.length() && isNamePart(text.charAt(pos + 1)))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                return parseCall(name, col);
            }
            return new Expression.Variable(name, col);
        }
        throw error("unexpected '" + c + "'; expected a number, a parameter or '('");
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private Expression parseCall(String name, int col) {
        Functions.Function f = Functions.find(name).orElseThrow(() -> new FormulaException(text, col,
                "unknown function '" + name + "'; known functions: " + Functions.names()));
        List<Expression> args = new ArrayList<>();
        skipSpace();
        if (!accept(")")) {
            do {
                args.add(nested(this::parseOr));
            } while (accept(","));
            if (!accept(")")) {
                throw error("expected ',' or ')' in the call of " + name + "()");
            }
        }
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            throw new FormulaException(text, col, name + "() takes " + f.arity() + ", got " + args.size());
        }
        return new Expression.Call(name, args, col);
    }

    private Expression parseNumber() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String literal = text.substring(start, pos);
        try {
            return new Expression.Number(Double.parseDouble(literal), start + 1);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("'" + literal + "' is not a number");
        }
    }
}
