package dev.cradle.scenario.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parameter calculator against re-loading the scenario with the new values written into the file. */
class ParameterCalculatorTest {
    static final Path GENERIC = Path.of("examples/generic-training-run.yaml");
    static final LoadedScenario LOADED = Cradle.load(GENERIC);

    /** The example with {@code {name: NAME, value: OLD...}} given {@code value} instead, re-loaded from a copy. */
    static LcaResult reloaded(Path dir, String name, String old, double value) throws IOException {
        String text = Files.readString(GENERIC);
        String from = "{name: " + name + ", value: " + old;
        assertTrue(text.contains(from), from);
        Path copy = dir.resolve("generic-" + name + ".yaml");
        Files.writeString(copy, text.replace(from, "{name: " + name + ", value: " + value));
        return Cradle.run(copy).locationBased();
    }

    @Test
    void oneParameterSetGivesTheResultOfReloading(@TempDir Path dir) throws IOException {
        ParameterCalculator calc = Cradle.calculator(LOADED);
        double kg = calc.with("gpu_power_w", 350).result().impact("gwp100");
        assertEquals(reloaded(dir, "gpu_power_w", "400", 350).impact("gwp100"), kg, 1e-12 * kg);
        // the calculator itself is unchanged: at the declared values it gives the loaded result
        assertEquals(LOADED.result().impact("gwp100"), calc.result().impact("gwp100"), 0);
        // by hand, the run's electricity: 8 GPUs × 350 W × 72 h / 1000 × PUE 1.2 = 241.92 kWh, against
        // 276.48 kWh at 400 W; at 57 g CO2/kWh the difference is 34.56 kWh × 0.057 = 1.96992 kg CO2
        assertEquals(1.96992, LOADED.result().impact("gwp100") - kg, 1e-9);
    }

    @Property(tries = 15)
    void anyInputSetThroughTheCalculatorEqualsReloading(@ForAll("inputs") String name,
                                                       @ForAll @DoubleRange(min = 0.5, max = 2) double factor)
            throws IOException {
        ParameterCalculator calc = Cradle.calculator(LOADED);
        String old = switch (name) {
            case "gpu_count" -> "8";
            case "gpu_power_w" -> "400";
            case "hours" -> "72";
            case "pue" -> "1.2";
            case "grid_g_per_kwh" -> "57";
            default -> "0.85";
        };
        double value = Double.parseDouble(old) * factor;
        if (name.equals("utilisation")) {
            value = Math.min(1, value);
        }
        Path dir = Files.createTempDirectory("calc");
        try {
            LcaResult expected = reloaded(dir, name, old, value);
            LcaResult actual = calc.with(name, value).result();
            for (int k = 0; k < expected.impactIndex().size(); k++) {
                double e = expected.impacts()[k];
                assertEquals(e, actual.impacts()[k], 1e-12 * Math.max(1e-300, Math.abs(e)));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> inputs() {
        return net.jqwik.api.Arbitraries.of("gpu_count", "gpu_power_w", "hours", "pue", "grid_g_per_kwh", "utilisation");
    }

    @Test
    void thePrimitiveLayerReusesOneArray() {
        ParameterCalculator calc = Cradle.calculator(LOADED);
        int slot = calc.slot("hours");
        double[] p = calc.values();
        p[slot] = 36;
        double half = calc.calculate(p).impact("gwp100");
        assertEquals(calc.with("hours", 36).result().impact("gwp100"), half, 0);
        // the derived slot run_kwh was re-evaluated in place: 8 × 400 × 36 / 1000 × 1.2 = 138.24 kWh
        assertEquals(138.24, p[LOADED.compiled().parameters().globalSlot("run_kwh")], 1e-12);
    }

    @Test
    void unknownAndDerivedNamesAreRefusedClearly() {
        ParameterCalculator calc = Cradle.calculator(LOADED);
        UnknownParameterException e = assertThrows(UnknownParameterException.class, () -> calc.with("gpu_powr_w", 1));
        assertTrue(e.getMessage().startsWith("unknown parameter 'gpu_powr_w'; did you mean 'gpu_power_w'?"),
                e.getMessage());
        e = assertThrows(UnknownParameterException.class, () -> calc.with("run_kwh", 1));
        assertEquals("parameter 'run_kwh' is computed by a formula; set the parameters it reads instead", e.getMessage());
        assertEquals(List.of("gpu_count", "gpu_power_w", "hours", "pue", "grid_g_per_kwh", "utilisation"),
                calc.parameters());
        assertThrows(IllegalArgumentException.class, () -> calc.with("pue", Double.NaN));
    }

    @Test
    void theMarketBasedResultOfAnAiStudyIsTheLoadersOne() {
        LoadedScenario ai = Cradle.load(AiStudyBuilderTest.EXAMPLE);
        ParameterCalculator calc = Cradle.calculator(ai);
        assertTrue(calc.hasMarketBased());
        assertEquals(ai.view().market().impact("climate_change"), calc.marketBased().impact("climate_change"),
                1e-12 * ai.view().market().impact("climate_change"));
        assertEquals(ai.result().impact("climate_change"), calc.result().impact("climate_change"),
                1e-12 * ai.result().impact("climate_change"));
    }

    @Test
    void runRefusesBadInputWithEveryProblemAtItsPosition(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(GENERIC).replace("{name: pue, value: 1.2",
                "{name: pue, valeu: 1.2"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Cradle.run(bad));
        List<String> problems = Cradle.problems(e);
        assertTrue(problems.stream().allMatch(p -> p.startsWith(bad + ":17:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown key 'valeu' in parameter; did you mean "
                + "'value'?")), problems.toString());
    }
}
