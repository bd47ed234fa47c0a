package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.IndexBuilder;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns: 0 training/model, 1 grid_a/electricity, 2 grid_b/electricity, 3 cooling/chilled_water. */
class ProviderLinkerTest {
    static final Flow MODEL = Flow.product("model", "Trained model", Units.of("item"));
    static final Flow POWER = Flow.product("electricity", "Electricity", Units.of("kWh"));
    static final Flow COLD = Flow.product("chilled_water", "Chilled water", Units.of("MJ"));
    static final Flow STEEL = Flow.product("steel", "Steel", Units.of("kg"));

    final List<ModelProblem> problems = new ArrayList<>();
    final ProductSystem system = ProductSystem.builder("s")
            .process(Process.builder("training").output(MODEL, 1).input(POWER, 100).input(COLD, 5).build())
            .process(Process.builder("grid_a").output(POWER, 1).build())
            .process(Process.builder("grid_b").output(POWER, 1).build())
            .process(Process.builder("cooling").output(COLD, 1).build())
            .functionalUnit(MODEL, 1, "one model").build();
    final TechIndex tech = IndexBuilder.techIndex(system, problems);
    final ProviderLinker linker = new ProviderLinker(system, tech, problems);
    final Process training = system.processes().get(0);

    static Exchange input(Flow f, String provider) {
        return new Exchange(f, Direction.INPUT, Amount.of(1), f.referenceUnit(), false, provider, null);
    }

    @Test
    void theOnlyProviderOrTheNamedOne() {
        assertEquals(3, linker.link(training, input(COLD, ""), "p"));
        assertEquals(2, linker.link(training, input(POWER, "grid_b"), "p"));
        assertEquals(0, linker.referenceColumn());
        assertEquals(List.of(), problems);
    }

    @Test
    void noneAmbiguousOrWronglyNamedIsReported() {
        assertEquals(ProviderLinker.UNLINKED, linker.link(training, input(POWER, ""), "p"));
        assertEquals(ProviderLinker.UNLINKED, linker.link(training, input(STEEL, ""), "q"));
        assertEquals(ProviderLinker.UNLINKED, linker.link(training, input(POWER, "cooling"), "r"));
        assertEquals(ProviderLinker.UNLINKED, linker.link(training, input(POWER, "grid_c"), "s"));
        assertEquals(List.of(
                ModelProblem.at("p", "'electricity' is provided by several processes (grid_a, grid_b); name one with "
                        + "'provider'"),
                ModelProblem.at("q", "no process provides 'steel' needed by process 'training'; add a process with it as "
                        + "an output, or model it as an elementary flow"),
                ModelProblem.at("r", "the named provider 'cooling' does not provide 'electricity'"),
                ModelProblem.at("s", "the named provider 'grid_c' is not a process of this system; did you mean "
                        + "'grid_a'?")), problems);
    }

    @Test
    void theFunctionalUnitNeedsOneProvider() {
        ProductSystem power = system.withFunctionalUnit(FunctionalUnit.of(POWER, 1));
        assertEquals(0, new ProviderLinker(power, tech, problems).referenceColumn());
        assertEquals(List.of(ModelProblem.at("functional_unit", "the reference flow 'electricity' is provided by "
                + "several processes (grid_a, grid_b); name one with 'process'")), problems);
    }
}
