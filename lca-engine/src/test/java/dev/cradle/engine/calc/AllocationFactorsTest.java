package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.model.AllocationFactor;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Amount;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refinery: exchanges 0 petrol (60 kg), 1 diesel (40 kg), 2 crude (100 kg in), 3 CO2 (20 kg out).
 * Physical shares 0.6 / 0.4, economic shares by a formula over the price of petrol, causal CO2 0.8 / 0.2.
 */
class AllocationFactorsTest {
    static final Flow PETROL = Flow.product("petrol", "Petrol", Units.of("kg"));
    static final Flow DIESEL = Flow.product("diesel", "Diesel", Units.of("kg"));
    static final Flow CRUDE = Flow.elementary("crude", "Crude oil", Units.of("kg"), Compartment.RESOURCE);
    static final Flow CO2 = Flow.elementary("co2", "Carbon dioxide", Units.of("kg"), Compartment.AIR);

    final List<ModelProblem> problems = new ArrayList<>();

    static Process refinery(AllocationFactor... factors) {
        Process.Builder b = Process.builder("refinery").output(PETROL, 60).output(DIESEL, 40).input(CRUDE, 100)
                .output(CO2, 20);
        for (AllocationFactor f : factors) {
            b.allocation(f);
        }
        return b.build();
    }

    static final AllocationFactor[] ALL = {
        AllocationFactor.of(AllocationMethod.PHYSICAL, "petrol", 0.6),
        AllocationFactor.of(AllocationMethod.PHYSICAL, "diesel", 0.4),
        // 60 kg × price €/kg against 40 kg × 1 €/kg; price = 1.2 gives 72 / 112
        new AllocationFactor(AllocationMethod.ECONOMIC, "petrol", "", Amount.formula("60 * price / (60 * price + 40)")),
        new AllocationFactor(AllocationMethod.ECONOMIC, "diesel", "", Amount.formula("40 / (60 * price + 40)")),
        AllocationFactor.causal("petrol", "co2", 0.8),
        AllocationFactor.causal("diesel", "co2", 0.2),
    };

    Map<Integer, CompiledFormula> factors(AllocationMethod method, Process p, String product) {
        ParameterTable t = ParameterTable.compile(ProductSystem.builder("s").process(p)
                .parameter(Parameter.of("price", 1.2)).functionalUnit(PETROL, 1, "1 kg").build());
        AllocationFactors a = new AllocationFactors(method, new AmountCompiler(t, problems), t.evaluate(), problems);
        Map<Integer, CompiledFormula> out = a.of(p, new TechFlow(p, product.equals("petrol") ? PETROL : DIESEL));
        double[] values = t.evaluate();
        out.replaceAll((x, f) -> CompiledFormula.constant(f.evaluate(values)));
        return out;
    }

    static double at(Map<Integer, CompiledFormula> m, int x) {
        return m.get(x).evaluate(new double[0]);
    }

    @Test
    void physicalEconomicAndCausalShares() {
        Process p = refinery(ALL);
        Map<Integer, CompiledFormula> physical = factors(AllocationMethod.PHYSICAL, p, "diesel");
        assertEquals(List.of(2, 3), physical.keySet().stream().sorted().toList(), "only the non-reference exchanges");
        assertEquals(0.4, at(physical, 2), 1e-15);
        assertEquals(0.4, at(physical, 3), 1e-15);
        // economic: 72 / 112 = 0.642857…
        assertEquals(72.0 / 112, at(factors(AllocationMethod.ECONOMIC, p, "petrol"), 3), 1e-15);
        // causal: CO2 by its own factor 0.8, crude falls back to the physical 0.6
        Map<Integer, CompiledFormula> causal = factors(AllocationMethod.CAUSAL, p, "petrol");
        assertEquals(0.6, at(causal, 2), 1e-15);
        assertEquals(0.8, at(causal, 3), 1e-15);
        assertEquals(List.of(), problems);
    }

    @Test
    void aSingleOutputProcessHasNoFactors() {
        Process grid = Process.builder("grid").output(PETROL, 1).output(CO2, 2).build();
        assertTrue(factors(AllocationMethod.PHYSICAL, grid, "petrol").isEmpty());
    }

    @Test
    void sharesMustCoverEveryProductAndSumToOneReportedOnce() {
        Process p = refinery(AllocationFactor.of(AllocationMethod.PHYSICAL, "petrol", 0.5),
                AllocationFactor.of(AllocationMethod.PHYSICAL, "diesel", 0.4),
                AllocationFactor.of(AllocationMethod.ECONOMIC, "petrol", 1.0));
        factors(AllocationMethod.PHYSICAL, p, "petrol");
        factors(AllocationMethod.PHYSICAL, p, "diesel"); // the second column reports nothing again
        factors(AllocationMethod.ECONOMIC, p, "petrol");
        assertEquals(List.of(
                // 0.5 + 0.4 = 0.9
                ModelProblem.at("process:refinery/allocation:0", "physical allocation factors of 'refinery' sum to 0.9, not 1"),
                ModelProblem.at("process:refinery/allocation:2", "economic allocation factors of 'refinery' miss the "
                        + "co-product(s) diesel")), problems);
    }

    @Test
    void noAllocationOfAMultiOutputProcessIsAProblem() {
        Map<Integer, CompiledFormula> none = factors(AllocationMethod.NONE, refinery(ALL), "petrol");
        assertTrue(none.isEmpty());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("several co-products (petrol, diesel)"), problems.toString());
    }
}
