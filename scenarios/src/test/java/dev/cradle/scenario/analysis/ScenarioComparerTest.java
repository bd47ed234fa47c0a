package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Per basis: A buys renewable contracts on a dirtier grid, B has a cleaner grid and none. A = MarketBasisAnalysisTest's
     * study (400 kWh, ci ~ N(400, 40) g/kWh, renewable share r ~ U(0.4, 0.8)); B the same at a fixed 200 g/kWh without
     * contracts; the GPUs' embodied share is the same in both (library ranges off) and cancels. Location: A − B =
     * 400 kWh × (ci − 0.2 kg/kWh), mean 80 kg, sd 16 kg, A lower only 5 sd out (P ≈ 3e-7). Market: A − B = 400 ×
     * (ci·(1 − r) − 0.2), mean 400 × (0.16 − 0.2) = −16 kg, sd 400 × √0.00241067 = 19.64 kg (see
     * MarketBasisAnalysisTest); P(A lower) = P(c·u < 0.2) = ∫ Φ((0.2/u − 0.4)/0.04) du / 0.4 over u in [0.2, 0.6]
     * = 0.7590 (trapezoid rule, 40,001 points). B's market basis is its location one.
     */
    @Test
    void contractsAreComparedOnTheMarketBasisBesideTheLocationOne() throws IOException {
        // water (0.5 L/kWh on site, 1 L/kWh off site) in both, so an indicator the contracts do not reach is covered
        String study = MarketBasisAnalysisTest.STUDY.replace("pue: 1.0,",
                "pue: 1.0, wue_onsite: 0.5 L/kWh, offsite_water: 1 L/kWh,");
        Path a = dir.resolve("contracts.yaml");
        Files.writeString(a, study);
        Path b = dir.resolve("clean-grid.yaml");
        Files.writeString(b, study.replace("grid_intensity: ci g/kWh", "grid_intensity: 200 g/kWh")
                .replace(", renewable_share: r", ""));
        AnalysisOptions options = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), 40_000, 23, 2, 2,
                2, false, null);
        ScenarioComparison c = ScenarioComparer.compare(List.of(ScenarioLoader.load(a), ScenarioLoader.load(b)), options);
        assertEquals(List.of("ci", "r"), c.shared());
        ScenarioComparison.Indicator location = gwp(c, OutputKey.Basis.LOCATION);
        ScenarioComparison.Indicator market = gwp(c, OutputKey.Basis.MARKET);
        OutputStatistics dl = location.pairs().get(0).difference();
        assertEquals(80.0, dl.mean(), 4 * dl.standardError());
        assertEquals(16.0, dl.sd(), 0.02 * 16);
        assertEquals(0.0, location.pairs().get(0).probabilityFirstLower(), 1e-4);
        OutputStatistics dm = market.pairs().get(0).difference();
        assertEquals(-16.0, dm.mean(), 4 * dm.standardError());
        assertEquals(400 * Math.sqrt(0.00241067), dm.sd(), 0.02 * dm.sd());
        double p = market.pairs().get(0).probabilityFirstLower();
        assertEquals(0.7590, p, 4 * Math.sqrt(0.759 * 0.241 / 40_000));
        // B has no contracts: its market-based results are its location-based ones, draw for draw
        assertEquals(location.perScenario().get(1).mean(), market.perScenario().get(1).mean(), 0);
        assertTrue(c.bases().contains("both electricity bases"), c.bases());
        // water is compared once (the contracts do not reach it); an indicator no data covers is not compared at all
        assertTrue(c.indicators().stream().anyMatch(i -> i.key().indicator().startsWith("water-consumption/")));
        assertEquals(List.of("ipcc-ar6-gwp100/climate_change"), c.indicators().stream()
                .filter(i -> i.key().basis() == OutputKey.Basis.MARKET).map(i -> i.key().indicator()).toList());
        assertTrue(c.indicators().stream().noneMatch(i -> i.key().indicator().startsWith("usetox-2/")));
        assertTrue(c.coverage().stream().anyMatch(x -> x.startsWith("Not compared") && x.contains(
                "usetox-2/human_toxicity_cancer")), c.coverage().toString());
        // the files say which basis each result is on
        var files = dev.cradle.scenario.report.study.ComparisonReportFiles.of(c);
        assertTrue(files.get("report.csv").lines().anyMatch(l -> l.contains(",market,") && l.contains("p_first_lower")),
                files.get("report.csv"));
        assertTrue(files.get("report.md").contains("market-based"), "report.md names the market basis");
    }

    private static ScenarioComparison.Indicator gwp(ScenarioComparison c, OutputKey.Basis basis) {
        return c.indicators().stream().filter(i -> i.key().basis() == basis
                && i.key().indicator().startsWith("ipcc-ar6-gwp100/")).findFirst().orElseThrow();
    }

    @Test
    void withoutContractsOnlyTheLocationBasisIsCompared() throws IOException {
        LoadedScenario usEast = ScenarioLoader.load(run("us-east-1", "400"));
        LoadedScenario euNorth = ScenarioLoader.load(run("eu-north-1", "30"));
        ScenarioComparison c = ScenarioComparer.compare(List.of(usEast, euNorth), OPTIONS);
        assertTrue(c.indicators().stream().allMatch(i -> i.key().basis() == OutputKey.Basis.LOCATION));
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
