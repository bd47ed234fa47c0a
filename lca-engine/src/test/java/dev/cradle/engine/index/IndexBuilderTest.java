package dev.cradle.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.ModelProblem;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refinery (petrol and diesel from crude oil, emitting CO2) and a grid (electricity, emitting CO2 and
 * SO2): three columns, three elementary rows.
 */
class IndexBuilderTest {
    static final Flow PETROL = Flow.product("petrol", "Petrol", Units.of("kg"));
    static final Flow DIESEL = Flow.product("diesel", "Diesel", Units.of("kg"));
    static final Flow POWER = Flow.product("electricity", "Electricity", Units.of("kWh"));
    static final Flow CRUDE = Flow.elementary("crude", "Crude oil", Units.of("kg"), Compartment.RESOURCE);
    static final Flow CO2 = Flow.elementary("co2", "Carbon dioxide", Units.of("kg"), Compartment.AIR);
    static final Flow SO2 = Flow.elementary("so2", "Sulfur dioxide", Units.of("kg"), Compartment.AIR);
    static final ImpactMethod GWP = new ImpactMethod("gwp", "GWP", List.of(new ImpactCategory("gwp100", "Climate",
            Units.indicator("kg CO2-eq"), List.of(CharacterisationFactor.of(CO2, 1)))));

    static ProductSystem.Builder system(Process... extra) {
        ProductSystem.Builder b = ProductSystem.builder("s")
                .process(Process.builder("refinery").output(PETROL, 60).output(DIESEL, 40).input(CRUDE, 100)
                        .input(POWER, 10).output(CO2, 20).build())
                .process(Process.builder("grid").output(POWER, 1).output(CO2, 0.5).output(SO2, 0.001).build())
                .functionalUnit(PETROL, 1, "1 kg petrol").method(GWP);
        for (Process p : extra) {
            b.process(p);
        }
        return b;
    }

    @Test
    void columnsPerProvidedProductRowsInOrderOfFirstUse() {
        List<ModelProblem> problems = new ArrayList<>();
        ProductSystem s = system().build();
        TechIndex tech = IndexBuilder.techIndex(s, problems);
        assertEquals(List.of("refinery/petrol", "refinery/diesel", "grid/electricity"),
                tech.columns().stream().map(t -> t.processId() + "/" + t.flowId()).toList());
        assertEquals(List.of("crude", "co2", "so2"),
                IndexBuilder.flowIndex(s, problems).flows().stream().map(Flow::id).toList());
        assertEquals("gwp/gwp100", IndexBuilder.impactIndex(s, problems).at(0).key());
        assertEquals(List.of(), problems);
    }

    @Test
    void ambiguitiesAreReportedNotThrown() {
        List<ModelProblem> problems = new ArrayList<>();
        Flow co2InGrams = Flow.elementary("co2", "Carbon dioxide", Units.of("g"), Compartment.AIR);
        ProductSystem s = system(Process.builder("grid").output(POWER, 1).build(),
                Process.builder("idle").output(co2InGrams, 1).build()).method(GWP).build();
        TechIndex tech = IndexBuilder.techIndex(s, problems);
        assertEquals(3, tech.size(), "the second 'grid' is not indexed; 'idle' provides nothing");
        IndexBuilder.flowIndex(s, problems);
        IndexBuilder.impactIndex(s, problems);
        assertEquals(List.of(
                ModelProblem.at("process:grid", "process id 'grid' is used twice"),
                ModelProblem.at("process:idle", "process 'idle' provides nothing: give it a product output (or, for a "
                        + "waste treatment, a waste input)"),
                ModelProblem.at("process:idle/exchange:0", "flow 'co2' is defined twice in different ways "
                        + "(elementary in kg to air vs elementary in g to air)"),
                ModelProblem.at("method:gwp", "impact method 'gwp' is included twice")), problems);
    }
}
