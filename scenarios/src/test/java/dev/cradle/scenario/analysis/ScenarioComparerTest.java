package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios compared on common draws: "train in us-east-1 or eu-north-1?". */
class ScenarioComparerTest {
    @TempDir
    Path dir;

    private static final AnalysisOptions OPTIONS = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO),
            20_000, 17, 2, 2, 2, true, null);

    /** The generic training run with pue ~ uniform(1.1, 1.3) (shared) and its grid at {@code grid} g/kWh. */
    private Path run(String name, String grid) throws IOException {
        String yaml = Files.readString(Path.of("examples/generic-training-run.yaml"))
                .replace("{name: pue, value: 1.2, description: power usage effectiveness of the datacenter}",
                        "{name: pue, value: 1.2, uncertainty: {distribution: uniform, min: 1.1, max: 1.3}}")
                .replace("{name: grid_g_per_kwh, value: 57, unit: g CO2e/kWh}",
                        "{name: grid_g_per_kwh, value: " + grid + ", unit: g CO2e/kWh}");
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theCleanerGridIsLowerInEveryDraw() throws IOException {
        LoadedScenario usEast = ScenarioLoader.load(run("us-east-1", "400"));
        LoadedScenario euNorth = ScenarioLoader.load(run("eu-north-1", "30"));
        ScenarioComparison c = ScenarioComparer.compare(List.of(usEast, euNorth), OPTIONS);
        assertEquals(List.of("pue"), c.shared());
        ScenarioComparison.Indicator gwp = c.indicators().stream()
                .filter(i -> i.key().indicator().equals("demo/gwp100")).findFirst().orElseThrow();
        assertEquals(OutputKey.total("fine_tuned_model", "demo/gwp100", "kg CO2-eq"), gwp.key());
        ScenarioComparison.Pair pair = gwp.pairs().get(0);
        // A − B = run_kwh × (0.400 − 0.030) = 230.4 × pue × 0.37 kg: everything else is the same in both and, drawn
        // once, pue is the same in both; so A − B lies in [230.4 × 1.1 × 0.37, 230.4 × 1.3 × 0.37] = [93.77, 110.82]
        // in every draw and A is never lower: P(A < B) = 0 exactly.
        assertEquals(0.0, pair.probabilityFirstLower());
        OutputStatistics d = pair.difference();
        assertEquals(230.4 * 1.2 * 0.37, d.mean(), 4 * d.standardError());
        assertEquals(230.4 * 0.37 * 0.2 / Math.sqrt(12), d.sd(), 0.02 * d.sd());
        assertEquals(true, d.min() >= 230.4 * 1.1 * 0.37 - 1e-9 && d.max() <= 230.4 * 1.3 * 0.37 + 1e-9);
        // the other way round: B is lower in every draw
        ScenarioComparison reversed = ScenarioComparer.compare(List.of(euNorth, usEast), OPTIONS);
        assertEquals(1.0, reversed.indicators().get(0).pairs().get(0).probabilityFirstLower());
    }

    @Test
    void independentGridsAreDrawnApartAndStillAlmostSurelyOrdered() throws IOException {
        // grid distributions that differ are not shared: A ~ N(400, 40), B ~ N(30, 5) g/kWh. A − B has mean
        // 230.4 × 1.2 × 0.37 = 102.3 kg and sd ≈ 230.4 × 1.2 × 0.0403 = 11.1 kg: A < B is 9 sd away, P ≈ 0
        LoadedScenario a = ScenarioLoader.load(run("a", "400, uncertainty: {distribution: normal, mean: 400, sd: 40}"));
        LoadedScenario b = ScenarioLoader.load(run("b", "30, uncertainty: {distribution: normal, mean: 30, sd: 5}"));
        ScenarioComparison c = ScenarioComparer.compare(List.of(a, b), OPTIONS);
        assertEquals(List.of("pue"), c.shared());
        var pair = c.indicators().get(0).pairs().get(0);
        assertEquals(0.0, pair.probabilityFirstLower(), 1e-4);
        assertEquals(230.4 * 1.2 * 0.37, pair.difference().mean(), 4 * pair.difference().standardError());
    }

    @Test
    void aScenarioComparedWithItselfDiffersByExactlyZeroInEveryDraw() throws IOException {
        LoadedScenario a = ScenarioLoader.load(StudyAnalyzerTest.uncertainTrainingRun(dir));
        ScenarioComparison c = ScenarioComparer.compare(List.of(a, a), OPTIONS);
        assertEquals(List.of("pue", "grid_g_per_kwh"), c.shared());
        for (ScenarioComparison.Indicator i : c.indicators()) {
            OutputStatistics d = i.pairs().get(0).difference();
            assertEquals(0.0, d.min(), i.key().name());
            assertEquals(0.0, d.max(), i.key().name());
            assertEquals(0.0, d.sd(), i.key().name());
            assertEquals(0.0, i.pairs().get(0).probabilityFirstLower());
            assertEquals(i.perScenario().get(0).mean(), i.perScenario().get(1).mean());
        }
    }
}
