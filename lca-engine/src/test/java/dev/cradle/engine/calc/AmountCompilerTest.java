package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cradle.engine.ModelProblem;
import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import dev.cradle.model.Flow;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A constant, a formula's text and a rule's expression tree compile to the same numbers over one table. */
class AmountCompilerTest {
    static final Flow POWER = Flow.product("electricity", "Electricity", Units.of("kWh"));

    /** Global hours = 10, power_w = 400; the process 'gpu' hides power_w with its own 300. */
    static ParameterTable table() {
        Process gpu = Process.builder("gpu").output(POWER, 1).parameter(Parameter.of("power_w", 300)).build();
        return ParameterTable.compile(ProductSystem.builder("s").process(gpu).parameter(Parameter.of("hours", 10))
                .parameter(Parameter.of("power_w", 400)).functionalUnit(POWER, 1, "1 kWh").build());
    }

    @Test
    void constantFormulaAndTreeGiveTheSameValue() {
        ParameterTable t = table();
        List<ModelProblem> problems = new ArrayList<>();
        AmountCompiler c = new AmountCompiler(t, problems);
        double[] p = t.evaluate();
        // globally: 10 h × 400 W / 1000 = 4 kWh
        assertEquals(4.0, c.compile(Amount.formula("hours * power_w / 1000"), null, "x").evaluate(p), 1e-15);
        Expression tree = new Expression.Binary("/", new Expression.Binary("*", new Expression.Variable("hours", 0),
                new Expression.Variable("power_w", 0), 0), new Expression.Number(1000, 0), 0);
        assertEquals(4.0, c.compile(new Amount.Tree(tree), null, "x").evaluate(p), 1e-15);
        // inside 'gpu' the local power_w = 300 wins: 10 × 300 / 1000 = 3 kWh
        assertEquals(3.0, c.compile(new Amount.Tree(tree), "gpu", "x").evaluate(p), 1e-15);
        assertEquals(3.0, c.compile(Amount.formula("hours * power_w / 1000"), "gpu", "x").evaluate(p), 1e-15);
        assertEquals(2.5, c.compile(Amount.of(2.5), "gpu", "x").evaluate(p), 0);
        assertEquals(List.of(), problems);
    }

    @Test
    void anUnknownParameterIsReportedAtItsColumnWithTheClosestName() {
        ParameterTable t = table();
        List<ModelProblem> problems = new ArrayList<>();
        assertNull(new AmountCompiler(t, problems).compile(Amount.formula("2 * hour"), null, "process:a/exchange:0"));
        // "2 * hour": 'hour' starts at column 5
        assertEquals(List.of(new ModelProblem("process:a/exchange:0", 5,
                "unknown parameter 'hour'; did you mean 'hours'?")), problems);
    }

    @Test
    void aTreeNamesTheColumnOfItsText() {
        List<ModelProblem> problems = new ArrayList<>();
        Expression tree = new Expression.Binary("*", new Expression.Number(2, 0), new Expression.Variable("hour", 0), 0);
        new AmountCompiler(table(), problems).compile(new Amount.Tree(tree), null, "p");
        // a tree has no source columns: the column is that of the name in its text "2 * hour"
        assertEquals(tree.text().indexOf("hour") + 1, problems.get(0).column());
    }

    @Test
    void withoutATableOnlySyntaxIsChecked() {
        List<ModelProblem> problems = new ArrayList<>();
        AmountCompiler c = new AmountCompiler(null, problems);
        assertNull(c.compile(Amount.formula("hours * 2"), null, "p"));
        assertEquals(List.of(), problems, "an unknown name is not reported when the table itself failed");
        assertNull(c.compile(Amount.formula("hours * "), null, "p"));
        assertEquals(1, problems.size(), "a syntax error still is");
    }

    @Test
    void valueAtIsNaNForWhatDoesNotCompile() {
        ParameterTable t = table();
        AmountCompiler c = new AmountCompiler(t, new ArrayList<>());
        assertEquals(40.0, c.valueAt(Amount.formula("hours * 4"), null, t.evaluate()), 1e-15);
        assertEquals(Double.NaN, c.valueAt(Amount.formula("minutes * 4"), null, t.evaluate()));
    }

}
