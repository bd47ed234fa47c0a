package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.report.study.StudyReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The market basis in the study analysis: market-based totals per draw, against a hand calculation. */
class MarketBasisAnalysisTest {
    @TempDir
    Path dir;

    /**
     * 1,000 device-hours at 400 W, PUE 1.0: 400 kWh of facility energy. The grid intensity ci ~ normal(400, 40)
     * g/kWh; the renewable contract share r ~ uniform(0.4, 0.8) (mean 0.6); market-based intensity =
     * ci × (1 − r). Everything else (the GPUs' embodied share) is the same on both bases and fixed here
     * (library ranges off), so market total = location total − 400 kWh × ci/1000 × r.
     */
    static final String STUDY = """
            name: market basis under uncertainty
            parameters:
              - {name: ci, value: 400, uncertainty: {distribution: normal, mean: 400, sd: 40}}
              - {name: r, value: 0.6, uncertainty: {distribution: uniform, min: 0.4, max: 0.8}}
            datacenters:
              - {id: dc, grid_intensity: ci g/kWh, pue: 1.0, renewable_share: r}
            hardware:
              - {id: gpus, archetype: nvidia-a100-80gb, count: 1, datacenter: dc, lifetime: 6 years, power: 400 W}
            models:
              - {id: m}
            workloads:
              - {id: train, model: m, phase: training, hardware: gpus, device_hours: 1000 h}
            """;

    private LoadedScenario load(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return ScenarioLoader.load(f);
    }

    private static int gwpTotal(java.util.List<OutputKey> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            OutputKey k = outputs.get(i);
            if (k.breakdown() == OutputKey.Breakdown.TOTAL && k.indicator().startsWith("ipcc-ar6-gwp100/")) {
                return i;
            }
        }
        throw new AssertionError("no gwp100 total in " + outputs);
    }

    @Test
    void marketTotalsFollowTheDrawsWithTheAnalyticMeanAndLocationStaysAsItWas() throws Exception {
        LoadedScenario study = load(STUDY);
        int draws = 40_000;
        AnalysisOptions options = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), draws, 11,
                2, 64, 4, false, null);
        StudyAnalysis a = StudyAnalyzer.analyse(study, options);
        int loc = gwpTotal(a.outputs());
        assertTrue(a.outputs().stream().allMatch(k -> k.basis() == OutputKey.Basis.LOCATION));
        StudyAnalysis.Market m = a.market();
        assertNotNull(m);
        int mkt = gwpTotal(m.outputs());
        OutputKey key = m.outputs().get(mkt);
        assertEquals(OutputKey.Basis.MARKET, key.basis());
        assertEquals(a.outputs().get(loc).market(), key);
        assertTrue(key.name().endsWith("|total|market"), key.name());
        String gwp = key.indicator();
        // central values: the deterministic results on each basis; their gap is 400 kWh × 0.4 kg/kWh × 0.6 = 96 kg
        assertEquals(study.result().impact(gwp), a.central()[loc], 1e-9);
        assertEquals(study.view().market().impact(gwp), m.central()[mkt], 1e-9);
        assertEquals(96.0, a.central()[loc] - m.central()[mkt], 1e-9);
        double fixed = a.central()[loc] - 400 * 0.400; // the embodied share: location total − 400 kWh × 0.4 kg/kWh
        // market = fixed + 0.4 × (ci/1000) × (1 − r) [kg, 400 kWh]; ci and r independent:
        // E = fixed + 0.4 × 0.400 × (1 − 0.6) = fixed + 64 kg;
        // Var[ci·(1−r)] = E[ci²]·E[(1−r)²] − (E ci · E(1−r))², ci in kg/kWh: E[ci²] = 0.4² + 0.04²,
        // 1 − r ~ uniform(0.2, 0.6): E[(1−r)²] = 0.4² + 0.4²/12
        double mean = fixed + 400 * 0.400 * 0.4;
        double var = (0.16 + 0.0016) * (0.16 + 0.16 / 12) - Math.pow(0.4 * 0.4, 2);
        double sd = 400 * Math.sqrt(var);
        OutputStatistics s = m.monteCarlo().outputs().get(mkt);
        assertEquals(draws, s.draws());
        assertEquals(mean, s.mean(), 4 * sd / Math.sqrt(draws), "mean within 4 standard errors");
        assertEquals(sd, s.sd(), 0.02 * sd);
        // the location total does not read r: mean fixed + 160 kg, sd 400 kWh × 0.04 kg/kWh = 16 kg
        OutputStatistics l = a.monteCarlo().outputs().get(loc);
        assertEquals(fixed + 160, l.mean(), 4 * 16 / Math.sqrt(draws));
        assertEquals(16, l.sd(), 0.02 * 16);
        // the same draws: with r at most 0.8, market ≥ fixed + 0.4 × ci × 0.2 on every draw, and on each draw
        // market ≤ location, so every market percentile lies below the location one
        assertTrue(s.p97_5() < l.p97_5() && s.p2_5() < l.p2_5());

        // location results bit for bit as without the market basis (same seed, same draws)
        StudyAnalysis plain = StudyAnalyzer.analyse(load(STUDY.replace(", renewable_share: r", "")), options);
        assertEquals(l.mean(), plain.monteCarlo().outputs().get(gwpTotal(plain.outputs())).mean(), 0);
        assertEquals(l.sd(), plain.monteCarlo().outputs().get(gwpTotal(plain.outputs())).sd(), 0);

        // the report: tidy rows on the market basis, and the impact table's market-based Monte Carlo columns
        Map<String, String> files = StudyReportFiles.of(study, a);
        assertTrue(files.get("report.csv").lines().anyMatch(line -> line.contains("," + gwp + ",")
                && line.contains(",market,") && line.contains(",mean,")), files.get("report.csv"));
        assertTrue(files.get("report.md").contains("market-based Monte Carlo mean"));
        assertTrue(files.get("results.json").contains("\"market_based_outputs\""), "results.json has the market totals");
    }

    @Test
    void aStudyWithoutAiDeclarationsHasNoMarketAnalysis() throws Exception {
        LoadedScenario study = ScenarioLoader.load(StudyAnalyzerTest.uncertainTrainingRun(dir));
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(
                EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), 100, 1, 1, 2, 2, true, null));
        assertNull(a.market());
    }
}
