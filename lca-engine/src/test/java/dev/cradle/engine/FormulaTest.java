package dev.cradle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaTest {
    private static final List<String> NAMES = List.of("a", "b", "hours");

    private static double eval(String text, double... values) {
        CompiledFormula f = FormulaCompiler.compile(text, FormulaParser.parse(text), NAMES::indexOf);
        return f.evaluate(values);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1 + 2 * 3 ; 7",
        "(1 + 2) * 3 ; 9",
        "2 ^ 3 ^ 2 ; 512",
        "-2 ^ 2 ; -4",
        "10 / 4 ; 2.5",
        "1e3 * 2 ; 2000",
        ".5 + 1.25E-1 ; 0.625",
        "min(3, 1, 2) + max(4, 9) ; 10",
        "exp(0) + ln(1) + log(100, 10) + log10(1000) + sqrt(16) + abs(-2) ; 12",
        "pow(2, 10) ; 1024",
        "if(a > 1, 10, 20) ; 10",
        "if(a >= 3 && b < 1, 1, 0) ; 0",
        "if(a == 2 || b != 5, 1, 0) ; 1",
        "!(a < b) ; 0",
        "hours * a / b ; 4",
        "round(2.5) + floor(1.9) + ceil(1.1) ; 6",
    })
    void evaluates(String formula, double expected) {
        // a = 2, b = 5, hours = 10
        assertEquals(expected, eval(formula, 2, 5, 10), 1e-12);
    }

    @Test
    void errorsCarryTheColumn() {
        FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse("1 + * 2"));
        assertEquals(5, e.column());
        e = assertThrows(FormulaException.class, () -> FormulaParser.parse("(1 + 2"));
        assertTrue(e.reason().contains("missing ')'"), e.reason());
        e = assertThrows(FormulaException.class, () -> FormulaParser.parse("sqrt(1, 2)"));
        assertEquals(1, e.column());
        e = assertThrows(FormulaException.class, () -> FormulaParser.parse("a = 2"));
        assertTrue(e.reason().contains("use '=='"), e.reason());
        e = assertThrows(FormulaException.class, () -> FormulaCompiler.compile("a + zzz",
                FormulaParser.parse("a + zzz"), NAMES::indexOf));
        assertEquals(5, e.column());
    }

    @Test
    void noCodeExecution() {
        // method calls, member access, strings and class names are not part of the grammar
        for (String evil : List.of("Runtime.getRuntime().exec(\"x\")", "java.lang.System.exit(1)", "\"a\"",
                "a.getClass()", "new Object()", "a; b", "exec(1)")) {
            assertThrows(FormulaException.class, () -> FormulaCompiler.compile(evil, FormulaParser.parse(evil),
                    NAMES::indexOf), evil);
        }
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "(".repeat(100) + "1" + ")".repeat(100);
        FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse(deep));
        assertTrue(e.reason().contains("nests deeper"), e.reason());
    }
}
