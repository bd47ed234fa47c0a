package dev.cradle.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The body of README.md's first Java example (its main method, indented as there): run here for its
 * figure and kept identical to the README text; dev.cradle.scenario.api.ReadmeExamplesTest compiles the
 * README's blocks themselves.
 */
class ReadmeExampleTest {

    static LcaResult example() {
        // README:start
        Flow electricity = Flow.product("electricity", "Electricity", Units.of("kWh"));
        Flow model = Flow.product("model", "Trained model", Units.of("item"));
        Flow co2 = Flow.elementary("co2", "Carbon dioxide, fossil", Units.of("kg"), Compartment.AIR);
        ImpactMethod gwp = new ImpactMethod("gwp", "GWP100", List.of(new ImpactCategory("gwp100",
                "Climate change", Units.indicator("kg CO2-eq"), List.of(CharacterisationFactor.of(co2, 1.0)))));

        ProductSystem system = ProductSystem.builder("BLOOM training, dynamic energy only")
                .process(Process.builder("training").phase(MlPhase.TRAINING)
                        .output(model, 1)
                        .input(electricity, 1_082_990 * 0.4)    // GPU-hours × 0.4 kW = 433,196 kWh
                        .build())
                .process(Process.builder("grid_fr")
                        .output(electricity, 1)
                        .output(co2, 57, "g")                   // French grid, 57 g CO2e per kWh
                        .build())
                .functionalUnit(model, 1, "one trained model")
                .method(gwp)
                .build();

        LcaResult result = Cradle.evaluate(system);
        System.out.printf("%.3f kg CO2-eq%n", result.impact("gwp100"));   // 24692.172 kg CO2-eq
        // README:end
        return result;
    }

    @Test
    void readmeExampleRunsAndGivesTheBloomDynamicFigure() {
        // Luccioni et al. 2023, Table 3: dynamic energy 433,196 kWh × 0.057 kg/kWh = 24.69 t CO2e
        assertEquals(24_692.172, example().impact("gwp100"), 1e-6);
    }

    @Test
    void readmeShowsExactlyThisCode() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/cradle/readme/ReadmeExampleTest.java"));
        String block = source.substring(source.indexOf("// README:start") + "// README:start".length(),
                source.indexOf("// README:end"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(dedent(block)), "README.md's Java example differs from ReadmeExampleTest");
    }

    /** The block as the README indents it: inside {@code main}, as here inside a method. */
    private static String dedent(String block) {
        return block.strip();
    }
}
