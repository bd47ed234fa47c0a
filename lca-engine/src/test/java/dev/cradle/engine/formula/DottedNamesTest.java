package dev.cradle.engine.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.Expression;
import dev.cradle.model.Parameter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parameter names with dots (the library's named parameters) and, in backquotes, with hyphens. */
class DottedNamesTest {
    private static final List<String> NAMES = List.of("hardware.h100.embodied_gwp", "hardware.a100-cluster.embodied_gwp",
            "k");

    private static double eval(String text) {
        // hardware.h100.embodied_gwp = 164, hardware.a100-cluster.embodied_gwp = 150, k = 2
        return FormulaCompiler.compile(text, FormulaParser.parse(text), NAMES::indexOf).evaluate(new double[] {164, 150, 2});
    }

    @Test
    void dottedNamesReadAsOneParameter() {
        assertEquals(Set.of("hardware.h100.embodied_gwp", "k"), FormulaParser.parse("hardware.h100.embodied_gwp * k").variables());
        assertEquals(328, eval("hardware.h100.embodied_gwp * k"), 0); // 164 × 2
        assertEquals(2.5, eval("k + .5"), 0); // a number after an operator is still a number
    }

    @Test
    void hyphenatedNamesAreWrittenInBackquotes() {
        assertEquals(148, eval("`hardware.a100-cluster.embodied_gwp` - k"), 0); // 150 − 2
        assertEquals(314, eval("`hardware.h100.embodied_gwp` + `hardware.a100-cluster.embodied_gwp`"), 0);
        // without quotes the hyphen is a minus: hardware.a100 − cluster.embodied_gwp, two unknown names
        assertEquals(Set.of("hardware.a100", "cluster.embodied_gwp"),
                FormulaParser.parse("hardware.a100-cluster.embodied_gwp").variables());
    }

    @Test
    void treeTextQuotesHyphenatedNamesSoItParsesBack() {
        Expression e = new Expression.Binary("*", new Expression.Variable("hardware.a100-cluster.embodied_gwp", 0),
                new Expression.Variable("hardware.h100.embodied_gwp", 0), 0);
        assertEquals("`hardware.a100-cluster.embodied_gwp` * hardware.h100.embodied_gwp", e.text());
        assertEquals(150 * 164, eval(e.text()), 0);
    }

    @Test
    void badQuotedNamesAreRefusedWithAColumn() {
        FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse("k * `a b`"));
        assertEquals(5, e.column());
        assertTrue(e.reason().contains("is not a parameter name"), e.reason());
        e = assertThrows(FormulaException.class, () -> FormulaParser.parse("k * `hardware.x"));
        assertTrue(e.reason().contains("missing '`'"), e.reason());
    }

    @Test
    void parameterNames() {
        for (String ok : List.of("gpu_w", "_x", "hardware.h100.embodied_gwp", "datacenter.eu-west-1.building_gwp_per_mw",
                "datacenter.dc.mix.coal_gwp")) {
            assertTrue(Parameter.isValidName(ok), ok);
        }
        for (String bad : List.of("2x", "a-b", "a.", "a..b", ".a", "a.-b", "a.b-", "a b", "")) {
            assertFalse(Parameter.isValidName(bad), bad);
        }
    }
}
