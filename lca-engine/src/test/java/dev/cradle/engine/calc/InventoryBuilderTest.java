package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.IndexBuilder;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/**
 * Signs and units of A and B (docs/methodology.md §3). Columns: 0 server/server, 1 landfill/e_waste,
 * 2 grid/electricity. Rows of B: 0 water (consumed), 1 co2.
 */
class InventoryBuilderTest {
    static final Flow SERVER = Flow.product("server", "Server", Units.of("item"));
    static final Flow POWER = Flow.product("electricity", "Electricity", Units.of("kWh"));
    static final Flow SCRAP = Flow.waste("e_waste", "Electronic waste", Units.of("kg"));
    static final Flow WATER = Flow.elementary("water", "Water", Units.of("m3"), Compartment.WATER_CONSUMED);
    static final Flow CO2 = Flow.elementary("co2", "CO2", Units.of("kg"), Compartment.AIR);

    @Test
    void signsAndUnitsOfEveryKindOfExchange() {
        ProductSystem s = ProductSystem.builder("s")
                .process(Process.builder("server").output(SERVER, 1).input(POWER, 2, "MWh").output(SCRAP, 20)
                        .input(WATER, 500, "L").output(CO2, 3).avoidedOutput(POWER, 100).build())
                .process(Process.builder("landfill").input(SCRAP, 1).output(CO2, 0.1).build())
                .process(Process.builder("grid").output(POWER, 1).output(CO2, 0.4).output(WATER, 0.002).build())
                .parameter(Parameter.of("unused", 1)).functionalUnit(SERVER, 1, "one server")
                .allocation(AllocationMethod.PHYSICAL).build();
        List<ModelProblem> problems = new ArrayList<>();
        ParameterTable t = ParameterTable.compile(s);
        AmountCompiler amounts = new AmountCompiler(t, problems);
        TechIndex tech = IndexBuilder.techIndex(s, problems);
        FlowIndex flows = IndexBuilder.flowIndex(s, problems);
        InventoryBuilder.Templates m = new InventoryBuilder(tech, flows, new ProviderLinker(s, tech, problems),
                new AllocationFactors(s.allocationMethod(), amounts, t.evaluate(), problems), amounts,
                new ReferenceChecks(amounts, t.evaluate(), problems), problems).addAll().build();
        assertEquals(List.of(), problems);
        double[] a = new double[m.a().nonZeros()];
        for (CompiledSystem.Term x : m.aTerms()) {
            a[x.slot()] += x.value(t.evaluate());
        }
        double[] b = new double[m.b().nonZeros()];
        for (CompiledSystem.Term x : m.bTerms()) {
            b[x.slot()] += x.value(t.evaluate());
        }
        DMatrixSparseCSC matA = m.a().fill(a);
        DMatrixSparseCSC matB = m.b().fill(b);
        assertEquals(1, matA.get(0, 0), 0, "a product output: positive diagonal");
        assertEquals(-1, matA.get(1, 1), 0, "a waste treatment: a waste input, negative diagonal");
        // 2 MWh of input = −2000 kWh; the avoided 100 kWh output keeps its sign: +100, so net −1900
        assertEquals(-1900, matA.get(2, 0), 1e-9);
        assertEquals(20, matA.get(1, 0), 0, "a waste output, linked to its treatment with its own (+) sign");
        // 500 L of consumed water = 0.5 m3, positive in its natural direction (input); CO2 out is positive too
        assertEquals(0.5, matB.get(0, 0), 1e-15);
        assertEquals(3, matB.get(1, 0), 0);
        // water is listed as an output of the grid: against its natural direction, so negative
        assertEquals(-0.002, matB.get(0, 2), 0);
    }

    @Test
    void aUnitOfTheWrongDimensionAndAZeroReferenceAreReported() {
        ProductSystem s = ProductSystem.builder("s")
                .process(Process.builder("server").output(SERVER, 0).input(POWER, 2, "kg").build())
                .process(Process.builder("grid").output(POWER, 1).build())
                .functionalUnit(SERVER, 1, "one server").build();
        List<ModelProblem> problems = new ArrayList<>();
        ParameterTable t = ParameterTable.compile(s);
        AmountCompiler amounts = new AmountCompiler(t, problems);
        TechIndex tech = IndexBuilder.techIndex(s, problems);
        new InventoryBuilder(tech, IndexBuilder.flowIndex(s, problems), new ProviderLinker(s, tech, problems),
                new AllocationFactors(s.allocationMethod(), amounts, t.evaluate(), problems), amounts,
                new ReferenceChecks(amounts, t.evaluate(), problems), problems).addAll();
        assertEquals(List.of(
                ModelProblem.at("process:server/exchange:0", "process 'server' provides 0 item of 'server'; the "
                        + "reference amount must be greater than zero (amounts are per unit of it)"),
                ModelProblem.at("process:server/exchange:1", "the amount is in kg (mass) but flow 'electricity' is "
                        + "measured in kWh (energy); write it in a energy unit such as kWh")), problems);
    }
}
