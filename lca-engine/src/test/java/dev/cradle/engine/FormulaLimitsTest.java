package dev.cradle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Formulas are parsed, compiled and evaluated without recursion per operator: their length is
 * bounded by {@link FormulaParser#MAX_LENGTH}, not by the thread's stack; nesting by parentheses
 * stays limited with a clear error.
 */
class FormulaLimitsTest {
    private static final List<String> NAMES = List.of("a", "b");

    private static double eval(String text, double... values) {
        CompiledFormula f = FormulaCompiler.compile(text, FormulaParser.parse(text), NAMES::indexOf);
        return f.evaluate(values);
    }

    /** Runs {@code body} in a thread with a 512 KiB stack, rethrowing what it threw (a StackOverflowError too). */
    private static void withSmallStack(Runnable body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Test
    void aLongChainOfOperatorsNeedsNoDeepStack() throws Throwable {
        // 2,000 ones joined by '-': 3,999 characters; 1 - 1 × 1,999 = -1,998
        String chain = "1" + "-1".repeat(1999);
        assertTrue(chain.length() >= 3_999 && chain.length() <= FormulaParser.MAX_LENGTH);
        withSmallStack(() -> assertEquals(-1998, eval(chain), 0));
        // with a parameter the chain is not folded at compile time: (a - 1 - 1 - …) evaluated by the program
        String withParameter = "a" + "-1".repeat(1999);
        withSmallStack(() -> assertEquals(2.5 - 1999, eval(withParameter, 2.5, 0), 1e-9));
        // a chain of products and one of logical operators, likewise
        String products = "a" + "*1".repeat(1999);
        withSmallStack(() -> assertEquals(3, eval(products, 3, 0), 0));
        String ands = "a" + "&&a".repeat(1000);
        withSmallStack(() -> assertEquals(1, eval(ands, 3, 0), 0));
    }

    @Test
    void deepParenthesesAreRefusedWithAClearError() throws Throwable {
        String deep = "(".repeat(FormulaParser.MAX_DEPTH + 1) + "1" + ")".repeat(FormulaParser.MAX_DEPTH + 1);
        withSmallStack(() -> {
            FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse(deep));
            assertTrue(e.reason().contains("nests deeper than 64 levels"), e.reason());
        });
        String deepest = "(".repeat(FormulaParser.MAX_DEPTH) + "a" + ")".repeat(FormulaParser.MAX_DEPTH);
        withSmallStack(() -> assertEquals(7, eval(deepest, 7, 0), 0));
    }

    @Test
    void onlyTheChosenBranchCountsAndLogicShortCircuits() {
        // the branch not taken would be NaN (ln of a negative number): it is jumped over
        assertEquals(1, eval("if(a > 0, 1, ln(-1))", 2, 0), 0);
        assertEquals(0, eval("a > 5 && ln(-1)", 2, 0), 0);
        assertEquals(1, eval("a > 1 || ln(-1)", 2, 0), 0);
        assertEquals(1, eval("a && b", 2, 3), 0);
        assertEquals(0, eval("a && b", 2, 0), 0);
        assertEquals(1, eval("b || a", 0, -4), 0);
        assertEquals(-4, eval("if(b, a, 0) + if(a, 0, b)", -4, 2), 0);
        assertEquals(6, eval("max(min(a, b, 9), 6)", 3, 5), 0);
    }

    /**
     * A left-associative chain of operators of one precedence level ({@code + -} or {@code * /}) equals
     * its left fold, whatever its length.
     */
    @Property(tries = 200)
    void chainsEqualTheirLeftFold(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 1, max = 9) Integer> numbers,
                                  @ForAll @Size(min = 300, max = 300) List<@IntRange(min = 0, max = 1) Integer> ops,
                                  @ForAll boolean multiplicative) {
        StringBuilder text = new StringBuilder("a");
        double expected = 1.5;
        for (int i = 0; i < numbers.size(); i++) {
            int n = numbers.get(i);
            char op = (multiplicative ? "*/" : "+-").charAt(ops.get(i));
            text.append(' ').append(op).append(' ').append(n);
            expected = switch (op) {
                case '+' -> expected + n;
                case '-' -> expected - n;
                case '*' -> expected * n;
                default -> expected / n;
            };
        }
        double actual = eval(text.toString(), 1.5, 0);
        assertEquals(expected, actual, Math.abs(expected) * 1e-12 + 1e-12, text.toString());
    }
}
