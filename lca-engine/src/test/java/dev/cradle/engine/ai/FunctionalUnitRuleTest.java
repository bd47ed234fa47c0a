package dev.cradle.engine.ai;

import static dev.cradle.engine.ai.AiRulesTest.BLD_1;
import static dev.cradle.engine.ai.AiRulesTest.BLD_2;
import static dev.cradle.engine.ai.AiRulesTest.EMB_1;
import static dev.cradle.engine.ai.AiRulesTest.EMB_2;
import static dev.cradle.engine.ai.AiRulesTest.EOL_1;
import static dev.cradle.engine.ai.AiRulesTest.EOL_2;
import static dev.cradle.engine.ai.AiRulesTest.IDLE_1;
import static dev.cradle.engine.ai.AiRulesTest.IDLE_2;
import static dev.cradle.engine.ai.AiRulesTest.TR_1;
import static dev.cradle.engine.ai.AiRulesTest.TR_2;
import static dev.cradle.engine.ai.AiRulesTest.USE_1;
import static dev.cradle.engine.ai.AiRulesTest.USE_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.FunctionalUnitDemands;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import dev.cradle.model.Parameter;
import dev.cradle.model.ProductSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Several functional units from one compiled system, with the amounts the functional-unit rule derives
 * as expressions over global parameters. The study of {@link AiRulesTest} with model m1 both trained (w1)
 * and served (w2: 1,000 queries over a 100 h period); m1's training is amortised over {@code n_q} queries
 * and a service life of {@code life} years; the query unit's amount is {@code k}. With T1 = w1's total
 * and T2 = w2's (AiRulesTest's hand figures): one trained model = T1; k queries = k (T2 / 1,000 + T1 / n_q);
 * one year of service = T2 × 8,760 / 100 + T1 / life.
 */
class FunctionalUnitRuleTest {
    static final String GWP = "ipcc-ar6-gwp100/climate_change";
    static final double T1 = USE_1 + EMB_1 + TR_1 + EOL_1 + IDLE_1 + BLD_1;
    static final double T2 = USE_2 + EMB_2 + TR_2 + EOL_2 + IDLE_2 + BLD_2;

    static AiScenario study() {
        AiScenario s = AiRulesTest.study(FunctionalUnitKind.STUDY, "", new AllocationRule.ByReservedCapacity());
        Workload w2 = s.workloads().get(1);
        Workload served = new Workload(w2.id(), "m1", w2.phase(), w2.hardware(), w2.energy(), w2.powerW(), w2.runs(),
                w2.queries(), w2.tokens(), w2.periodH(), w2.origin());
        Model m1 = new Model("m1", "m1", variable("n_q"), null, variable("life"), "", null, "test");
        return new AiScenario(s.datacenters(), s.hardware(), List.of(m1), List.of(s.workloads().get(0), served),
                List.of(new AiFunctionalUnit("k-queries", FunctionalUnitKind.QUERY, "m1", variable("k"), "test"),
                        new AiFunctionalUnit(FunctionalUnitKind.TRAINED_MODEL, "m1", Declarations.number(1), "test"),
                        new AiFunctionalUnit(FunctionalUnitKind.YEAR_OF_SERVICE, "m1", Declarations.number(1), "test")));
    }

    static Expression variable(String name) {
        return new Expression.Variable(name, 0);
    }

    record Compiled(AiStudy ai, CompiledSystem system, FunctionalUnitDemands units) {
    }

    /** The study compiled with the given central values of n_q, life and k. */
    static Compiled compile(double nq, double life, double k) {
        Map<String, Double> central = Map.of("n_q", nq, "life", life, "k", k);
        AiStudy ai = Cradle.aiCompiler(BundledFigures.DATA).compile(study(), central);
        List<Parameter> parameters = new ArrayList<>(ai.parameters());
        central.forEach((name, v) -> parameters.add(Parameter.of(name, v)));
        ProductSystem sys = new ProductSystem("units", ai.processes(), ai.functionalUnit(), parameters,
                BundledFigures.DATA.defaultMethods(), null);
        CompiledSystem c = Cradle.compile(sys);
        return new Compiled(ai, c, FunctionalUnitDemands.compile(c, ai.functionalUnits()));
    }

    /** The three units' climate results at a parameter vector with n_q, life and k set, on one factorisation. */
    static double[] results(Compiled c, double nq, double life, double k) {
        double[] p = c.system().parameters().evaluate();
        p[c.system().parameters().globalSlot("n_q")] = nq;
        p[c.system().parameters().globalSlot("life")] = life;
        p[c.system().parameters().globalSlot("k")] = k;
        c.system().parameters().evaluateInto(p);
        List<LcaResult> r = c.units().results(Cradle.calculator().prepare(c.system(), p), p);
        return r.stream().mapToDouble(x -> x.impact(GWP)).toArray();
    }

    static double[] expected(double nq, double life, double k) {
        return new double[] {k * (T2 / 1000 + T1 / nq), T1, T2 * 8760 / 100 + T1 / life};
    }

    @Test
    void threeUnitsFromOneSystemMatchTheHandCalculation() {
        Compiled c = compile(10_000, 2, 1);
        assertEquals(List.of("k-queries", "trained_model:m1", "year_of_service:m1"),
                c.ai().functionalUnits().stream().map(u -> u.id()).toList());
        double[] got = results(c, 10_000, 2, 1);
        double[] want = expected(10_000, 2, 1);
        for (int u = 0; u < 3; u++) {
            assertEquals(want[u], got[u], Math.abs(want[u]) * 1e-12, "unit " + u);
        }
        // the primary unit is the product system's: the plain calculation gives the same
        assertEquals(want[0], Cradle.calculator().calculate(c.system()).impact(GWP), Math.abs(want[0]) * 1e-12);
    }

    @Test
    void amortisationAndServiceLifeAreExpressionTreesNotNumbers() {
        AiStudy ai = compile(10_000, 2, 1).ai();
        var query = ai.processes().stream().filter(p -> p.id().equals("functional_unit")).findFirst().orElseThrow();
        var training = query.exchanges().stream().filter(x -> x.flow().id().equals("trained:m1")).findFirst().orElseThrow();
        Amount.Tree tree = assertInstanceOf(Amount.Tree.class, training.amount());
        assertEquals(java.util.Set.of("n_q"), tree.expression().variables());
        var year = ai.processes().stream().filter(p -> p.id().equals("functional_unit:year_of_service:m1")).findFirst()
                .orElseThrow();
        var perLife = year.exchanges().stream().filter(x -> x.flow().id().equals("trained:m1")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("life"), assertInstanceOf(Amount.Tree.class, perLife.amount()).expression().variables());
        assertInstanceOf(Amount.Tree.class, ai.functionalUnit().amount(), "the unit's amount k is a tree too");
        assertTrue(ai.traces().stream().anyMatch(t -> t.lines().stream().anyMatch(l -> l.endsWith("(declared amortisation volume) = 1.0 / n_q"))),
                "explain shows the expression");
    }

    /**
     * Setting n_q, life and k in the compiled system's parameter vector gives, to 1e-12, what compiling the
     * study again with those values gives, and the hand calculation: no rule re-runs.
     */
    @Property(tries = 40)
    void aNewParameterVectorReEvaluatesEveryUnitWithoutRecompiling(
            @ForAll @DoubleRange(min = 100, max = 1e9) double nq, @ForAll @DoubleRange(min = 0.1, max = 50) double life,
            @ForAll @DoubleRange(min = 0.01, max = 1e6) double k) {
        double[] reused = results(SHARED, nq, life, k);
        double[] fresh = results(compile(nq, life, k), nq, life, k);
        double[] want = expected(nq, life, k);
        for (int u = 0; u < 3; u++) {
            assertEquals(fresh[u], reused[u], Math.abs(fresh[u]) * 1e-12, "unit " + u + " against recompiling");
            assertEquals(want[u], reused[u], Math.abs(want[u]) * 1e-12, "unit " + u + " against the hand formula");
        }
    }

    private static final Compiled SHARED = compile(10_000, 2, 1);

    @Test
    void aUnitWhoseAmountIsNotPositiveIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> results(SHARED, 10_000, 2, 0));
        assertTrue(e.getMessage().contains("functional unit 'k-queries'"), e.getMessage());
    }
}
