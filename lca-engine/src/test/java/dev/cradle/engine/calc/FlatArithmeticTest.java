package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Expression;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatArithmetic} must give the very double the formula compiler's tree gives, for every formula it takes:
 * the Monte Carlo results of a study may not depend on which of the two evaluated a matrix term.
 */
class FlatArithmeticTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d");
    private static final ToIntFunction<String> SLOTS = NAMES::indexOf;

    /** Formulas of the shapes the AI rules write (BLOOM's terms among them), and edge cases of folding and signs. */
    private static final List<String> PLAIN = List.of(
            "(((a * b) / 1000.0) * c) * d",
            "d * (a / ((b * 8760.0) * c))",
            "d * (((a * 48.0) / 384.0) / ((b * 8760.0) * c))",
            "((a * c) * d) * (b / b)",
            "((a * 0.0) / 1000.0) * (b / b)",
            "-a + b - -c * d",
            "a - b - c - d",
            "a / b / c / d",
            "2 ^ 3 * a ^ b",
            "1 / 3 * a + 2 / 7 * a",
            "(1 + 2) * (a + 0.1 + 0.2) - 0.30000000000000004 * b",
            "-(a * b) / -(c - d)",
            "a * 1e308 * b",
            "0.1 * a + 0.1 * a + 0.1 * a");

    @Property(tries = 200)
    void everyPlainFormulaGivesTheCompiledTreesValueBitForBit(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[NAMES.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextInt(10) == 0 ? 0.0 : (r.nextBoolean() ? 1 : -1) * Math.exp(r.nextDouble(-20, 20));
        }
        FlatArithmetic.Builder builder = new FlatArithmetic.Builder();
        int[] handles = new int[PLAIN.size()];
        CompiledFormula[] compiled = new CompiledFormula[PLAIN.size()];
        for (int f = 0; f < PLAIN.size(); f++) {
            Expression e = FormulaParser.parse(PLAIN.get(f));
            handles[f] = builder.add(e, SLOTS);
            compiled[f] = FormulaCompiler.compile(PLAIN.get(f), e, SLOTS);
        }
        FlatArithmetic.Program program = builder.build();
        double[] registers = program.arithmetic().newRegisters();
        program.arithmetic().run(p, registers);
        for (int f = 0; f < PLAIN.size(); f++) {
            assertTrue(handles[f] >= 0, PLAIN.get(f));
            double flat = registers[program.register().applyAsInt(handles[f])];
            assertEquals(Double.doubleToRawLongBits(compiled[f].evaluate(p)), Double.doubleToRawLongBits(flat),
                    PLAIN.get(f) + " at " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void functionsComparisonsAndUnknownNamesAreLeftToTheCompiledFormula() {
        FlatArithmetic.Builder builder = new FlatArithmetic.Builder();
        for (String f : List.of("max(a, b)", "if(a > b, c, d)", "a < b", "!a", "a && b", "ln(a) * b", "e * a")) {
            assertEquals(-1, builder.add(FormulaParser.parse(f), SLOTS), f);
        }
        assertTrue(builder.build().arithmetic().isEmpty(), "nothing was added");
    }

    @Test
    void aSubExpressionSharedByTwoFormulasIsComputedOnce() {
        FlatArithmetic.Builder builder = new FlatArithmetic.Builder();
        builder.add(FormulaParser.parse("(a * b) * c"), SLOTS);
        builder.add(FormulaParser.parse("(a * b) * d"), SLOTS);
        // a·b once, then ·c and ·d: three operations, not four
        assertTrue(builder.build().arithmetic().toString().contains("3 operations"),
                builder.build().arithmetic().toString());
    }
}
