package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import dev.cradle.model.Flow;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The three kinds of amount agree: a formula's text, the tree it parses to handed over as a rule would
 * ({@link Amount.Tree}, compiled without parsing), and that tree's own text parsed again, give the same
 * number bit for bit over the same parameter table, NaN and infinities included.
 */
class AmountCompilerProperties {
    @Provide
    Arbitrary<String> formulas() {
        return Arbitraries.recursive(() -> Arbitraries.of("a", "b", "0", "1", "2.5", "1e3", "0.1"),
                AmountCompilerProperties::wrap, 0, 4);
    }

    private static Arbitrary<String> wrap(Arbitrary<String> inner) {
        return Arbitraries.oneOf(
                Arbitraries.of("+", "-", "*", "/", "^", "<", "==", "&&")
                        .flatMap(op -> inner.list().ofSize(2).map(l -> "(" + l.get(0) + ") " + op + " (" + l.get(1) + ")")),
                inner.map(x -> "-" + x),
                Arbitraries.of("exp", "ln", "sqrt", "abs").flatMap(f -> inner.map(x -> f + "(" + x + ")")),
                inner.list().ofMinSize(1).ofMaxSize(3).map(l -> "max(" + String.join(", ", l) + ")"),
                inner.list().ofSize(3).map(l -> "if(" + l.get(0) + ", " + l.get(1) + ", " + l.get(2) + ")"));
    }

    @Property(tries = 300)
    void formulaTreeAndTheTreesTextGiveTheSameNumber(@ForAll("formulas") String text,
                                                      @ForAll @DoubleRange(min = -5, max = 5) double a,
                                                      @ForAll @DoubleRange(min = -5, max = 5) double b) {
        Expression tree;
        try {
            tree = FormulaParser.parse(text);
        } catch (FormulaException beyondTheLimits) {
            return; // refused whichever way it is written
        }
        Flow out = Flow.product("x", "x", Units.of("kg"));
        ParameterTable t = ParameterTable.compile(ProductSystem.builder("s")
                .process(Process.builder("p").output(out, 1).build())
                .parameter(Parameter.of("a", a)).parameter(Parameter.of("b", b))
                .functionalUnit(out, 1, "1 kg").build());
        AmountCompiler c = new AmountCompiler(t, new ArrayList<>());
        double[] p = t.evaluate();
        double fromText = c.compile(Amount.formula(text), "p", "x").evaluate(p);
        double fromTree = c.compile(new Amount.Tree(tree), "p", "x").evaluate(p);
        double roundTrip = c.compile(Amount.formula(tree.text()), "p", "x").evaluate(p);
        assertTrue(same(fromText, fromTree), text + ": text " + fromText + ", tree " + fromTree);
        assertTrue(same(fromText, roundTrip), tree.text() + ": text " + fromText + ", tree's text " + roundTrip);
    }

    private static boolean same(double x, double y) {
        return Double.doubleToLongBits(x) == Double.doubleToLongBits(y) || x == y || (Double.isNaN(x) && Double.isNaN(y));
    }
}
