package dev.cradle.engine.formula;

import dev.cradle.model.Expression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The two compiled forms of a formula agree: the tree of lambdas (shallow formulas) and the flat
 * postfix program (deep ones) give the same value for any formula of the language and any
 * parameter values, NaN included.
 */
class FlatProgramProperties {
    private static final List<String> NAMES = List.of("a", "b");

    @Provide
    Arbitrary<String> formulas() {
        return Arbitraries.recursive(() -> Arbitraries.of("a", "b", "0", "1", "2.5", "1e3"), FlatProgramProperties::wrap,
                0, 5);
    }

    /** One more level around formulas of the level below. */
    private static Arbitrary<String> wrap(Arbitrary<String> inner) {
        return Arbitraries.oneOf(
                Arbitraries.of("+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!=", "&&", "||")
                        .flatMap(op -> inner.list().ofSize(2).map(l -> "(" + l.get(0) + ") " + op + " (" + l.get(1) + ")")),
                inner.map(x -> "-" + x),
                inner.map(x -> "!" + x),
                Arbitraries.of("exp", "ln", "log10", "sqrt", "abs", "floor", "ceil", "round")
                        .flatMap(f -> inner.map(x -> f + "(" + x + ")")),
                inner.list().ofMinSize(1).ofMaxSize(4).map(l -> "min(" + String.join(", ", l) + ")"),
                inner.list().ofMinSize(1).ofMaxSize(4).map(l -> "max(" + String.join(", ", l) + ")"),
                inner.list().ofSize(2).map(l -> "log(" + l.get(0) + ", " + l.get(1) + ")"),
                inner.list().ofSize(2).map(l -> "pow(" + l.get(0) + ", " + l.get(1) + ")"),
                inner.list().ofSize(3).map(l -> "if(" + l.get(0) + ", " + l.get(1) + ", " + l.get(2) + ")"));
    }

    @Property(tries = 500)
    void theProgramAgreesWithTheTree(@ForAll("formulas") String text,
                                     @ForAll @DoubleRange(min = -5, max = 5) double a,
                                     @ForAll @DoubleRange(min = -5, max = 5) double b) {
        Expression e;
        try {
            e = FormulaParser.parse(text);
        } catch (FormulaException tooDeepOrLong) {
            return; // beyond the parser's limits: refused either way
        }
        double[] values = {a, b};
        double tree = FormulaCompiler.compile(text, e, NAMES::indexOf).evaluate(values);
        double flat = FormulaCompiler.compileFlat(text, e, NAMES::indexOf).evaluate(values);
        assertEquals(Double.doubleToLongBits(tree) == Double.doubleToLongBits(flat) || tree == flat
                || (Double.isNaN(tree) && Double.isNaN(flat)), true, text + ": tree " + tree + ", program " + flat);
    }
}
