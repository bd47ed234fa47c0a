package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The analyses of a real study through its compiled model, against hand calculations. */
class StudyAnalyzerTest {
    @TempDir
    Path dir;

    /**
     * The generic training run with pue ~ uniform(1.1, 1.3) and grid_g_per_kwh ~ normal(57, 5), independent.
     * gwp100 = run_kwh × grid / 1000 + server share × server footprint, with run_kwh = 8 × 400 × 72 / 1000 × pue
     * = 230.4 × pue kWh, server share = 72 / (6 × 8760 × 0.85) = 0.0016116 and the server's footprint
     * 2100 + 1.5 × 29.8 + 720 t·km × 0.1 + 60 kg × 0.4 + 300 = 2540.7 kg.
     */
    static Path uncertainTrainingRun(Path dir) throws IOException {
        String yaml = Files.readString(Path.of("examples/generic-training-run.yaml"))
                .replace("{name: pue, value: 1.2, description: power usage effectiveness of the datacenter}",
                        "{name: pue, value: 1.2, uncertainty: {distribution: uniform, min: 1.1, max: 1.3}}")
                .replace("{name: grid_g_per_kwh, value: 57, unit: g CO2e/kWh}",
                        "{name: grid_g_per_kwh, value: 57, unit: g CO2e/kWh, "
                                + "uncertainty: {distribution: normal, mean: 57, sd: 5}}");
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static final double SHARE = 72 / (6 * 8760 * 0.85);
    static final double SERVER = 2100 + 1.5 * 29.8 + 720 * 0.1 + 60 * 0.4 + 300;

    @Test
    void monteCarloMeanAndSdOfTheTotalMatchTheHandCalculation() throws IOException {
        LoadedScenario study = ScenarioLoader.load(uncertainTrainingRun(dir));
        AnalysisOptions options = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), 40_000, 7, 2,
                64, 4, true, null);
        StudyAnalysis a = StudyAnalyzer.analyse(study, options);
        assertEquals(List.of("pue", "grid_g_per_kwh"), a.parameters().stream().map(p -> p.name()).toList());
        assertEquals(List.of("scenario", "scenario"), a.sources());
        assertEquals(List.of("", "g CO2e/kWh"), a.units());
        int total = a.outputs().indexOf(OutputKey.total("fine_tuned_model", "demo/gwp100", "kg CO2-eq"));
        // central: 230.4 × 1.2 × 0.057 + SHARE × SERVER = 15.75936 + 4.0946 = 19.854
        assertEquals(230.4 * 1.2 * 0.057 + SHARE * SERVER, a.central()[total], 1e-9);
        assertEquals(study.result().impact("demo/gwp100"), a.central()[total], 1e-12);
        // E[pue·g] = 1.2 × 57; Var[pue·g] = E[pue²]E[g²] − (E pue E g)², E[pue²] = 0.2²/12 + 1.44, E[g²] = 25 + 57²
        double mean = 230.4 * 1.2 * 57 / 1000 + SHARE * SERVER;
        double var = (0.04 / 12 + 1.44) * (25 + 57 * 57) - Math.pow(1.2 * 57, 2);
        double sd = 230.4 / 1000 * Math.sqrt(var);
        OutputStatistics s = a.monteCarlo().outputs().get(total);
        assertEquals(40_000, s.draws());
        assertEquals(mean, s.mean(), 4 * sd / Math.sqrt(40_000), "mean within 4 standard errors");
        assertEquals(sd, s.sd(), 0.02 * sd);
    }

    @Test
    void outputsArePerIndicatorStagePhaseModelAndDeviceWithCentralValuesOfTheDeterministicResult() throws IOException {
        LoadedScenario study = ScenarioLoader.load(uncertainTrainingRun(dir));
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(EnumSet.noneOf(AnalysisOptions.Analysis.class),
                1, 1, 1, 2, 2, true, null));
        var r = study.result();
        int k = r.indicatorRow("demo/gwp100");
        String fu = "fine_tuned_model";
        // stages: the deterministic byStage, without the stages that are zero by structure (none here has none)
        r.byStage(k).values().forEach((stage, v) -> {
            int i = a.outputs().indexOf(new OutputKey(fu, "demo/gwp100", "kg CO2-eq", OutputKey.Breakdown.STAGE, stage));
            assertTrue(i >= 0, stage);
            assertEquals(v, a.central()[i], 1e-12 * Math.abs(r.impacts()[k]), stage);
        });
        r.byTag(k, "device").values().forEach((device, v) -> {
            int i = a.outputs().indexOf(new OutputKey(fu, "demo/gwp100", "kg CO2-eq", OutputKey.Breakdown.DEVICE, device));
            assertEquals(v, a.central()[i], 1e-12 * Math.abs(r.impacts()[k]), device);
        });
        int model = a.outputs().indexOf(new OutputKey(fu, "demo/gwp100", "kg CO2-eq", OutputKey.Breakdown.MODEL,
                "demo-7b"));
        // the model tag is only on the fine-tuning process: its own electricity... no: direct results only, so the
        // model's group holds fine_tuning's direct emissions, which are none for gwp100; structurally zero, left out
        assertEquals(-1, model);
        // water: only the grid's 3.7 L per kWh, stage "use": 230.4 × 1.2 × 0.0037 m3
        int water = a.outputs().indexOf(new OutputKey(fu, "demo/water", "m3", OutputKey.Breakdown.STAGE, "use"));
        assertEquals(230.4 * 1.2 * 0.0037, a.central()[water], 1e-12);
        assertFalse(a.outputs().contains(new OutputKey(fu, "demo/water", "m3", OutputKey.Breakdown.STAGE,
                "manufacturing")), "no manufacturing process emits water: zero by structure, not an output");
    }

    @Test
    void rawDrawsAreWrittenWhole(@TempDir Path out) throws IOException {
        LoadedScenario study = ScenarioLoader.load(uncertainTrainingRun(dir));
        Path csv = out.resolve("sub/draws.csv");
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO),
                3000, 11, 2, 2, 2, true, csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3001, lines.size());
        String[] header = lines.get(0).split(",");
        assertEquals("draw", header[0]);
        assertEquals("pue", header[1]);
        assertEquals(a.outputs().get(0).name(), header[3]);
        // the mean of the written totals is the streamed mean
        int total = a.outputs().indexOf(OutputKey.total("fine_tuned_model", "demo/gwp100", "kg CO2-eq"));
        double sum = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            assertEquals(i - 1, Long.parseLong(f[0]));
            sum += Double.parseDouble(f[3 + total]);
        }
        assertEquals(a.monteCarlo().outputs().get(total).mean(), sum / 3000, 1e-9);
        try (var files = Files.list(csv.getParent())) {
            assertEquals(List.of(csv), files.toList(), "no temporary file left");
        }
        assertNotNull(a.monteCarlo());
    }
}
