package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.Problem;
import dev.cradle.scenario.ScenarioException;
import dev.cradle.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Distributions (and pedigrees) on exchange amounts, drawn through implicit parameters. */
class ExchangeDistributionsTest {
    @TempDir
    Path dir;

    private static final AnalysisOptions MC = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO),
            40_000, 23, 2, 2, 2, true, null);

    private Path example(String... replacements) throws IOException {
        String yaml = Files.readString(Path.of("examples/generic-training-run.yaml"));
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(yaml.contains(replacements[i]), replacements[i]);
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void constantFormulaAndPedigreeAmountsAreDrawn() throws IOException {
        LoadedScenario study = ScenarioLoader.load(example(
                "{flow: water, amount: 3.7 L}", "{flow: water, amount: 3.7 L, uncertainty: {distribution: normal, mean: 3.7, sd: 0.5}}",
                "{flow: electricity, formula: run_kwh, unit: kWh}", "{flow: electricity, formula: run_kwh, unit: kWh, "
                        + "uncertainty: {distribution: normal, mean: 276.48, sd: 27.648}}",
                "{flow: co2, amount: 2100 kg}", "{flow: co2, amount: 2100 kg, uncertainty: {distribution: lognormal, "
                        + "pedigree: [2, 3, 1, 2, 4], basic_variance: 0.0006}}"));
        StudyAnalysis a = StudyAnalyzer.analyse(study, MC);
        assertEquals(List.of("exchange.fine_tuning.in0_electricity", "exchange.grid_fr.in0_water",
                "exchange.server_manufacturing.out1_co2"), a.parameters().stream().map(UncertainParameter::name).toList());
        assertEquals(List.of("exchange fine_tuning/0", "exchange grid_fr/0", "exchange server_manufacturing/3"),
                a.sources());
        assertEquals(List.of("kWh", "L", "kg"), a.units());
        // central values unchanged: the deterministic result
        int gwp = a.outputs().indexOf(OutputKey.total("fine_tuned_model", "demo/gwp100", "kg CO2-eq"));
        int water = a.outputs().indexOf(OutputKey.total("fine_tuned_model", "demo/water", "m3"));
        assertEquals(study.result().impact("demo/gwp100"), a.central()[gwp], 1e-12 * a.central()[gwp]);
        assertEquals(study.result().impact("demo/water"), a.central()[water], 1e-15);
        // pedigree (2, 3, 1, 2, 4) with basic variance 0.0006: σ² = 0.0006 + 0.0006 + 0.0006 + 0 + 0.000025 + 0.04
        // = 0.041825 (ecoinvent v3 table), GSD = exp(√σ²) = 1.22693, arithmetic mean 2100 × exp(σ²/2) = 2144.38 kg
        var pedigree = a.parameters().get(2).distribution();
        assertEquals(2100 * Math.exp(0.041825 / 2), pedigree.mean(), 1e-9);
        // water = electricity (kWh) × water per kWh (L) / 1000, both drawn independently:
        // E = 276.48 × 3.7 / 1000 = 1.02298 m3; Var = (E[e²]E[w²] − E[e]²E[w]²) / 1e6 with
        // E[e²] = 27.648² + 276.48², E[w²] = 0.5² + 3.7²
        OutputStatistics w = a.monteCarlo().outputs().get(water);
        double mean = 276.48 * 3.7 / 1000;
        double var = ((27.648 * 27.648 + 276.48 * 276.48) * (0.25 + 3.7 * 3.7) - Math.pow(276.48 * 3.7, 2)) / 1e6;
        assertEquals(mean, w.mean(), 4 * Math.sqrt(var / 40_000));
        assertEquals(Math.sqrt(var), w.sd(), 0.02 * Math.sqrt(var));
    }

    private ScenarioException bad(String from, String to) throws IOException {
        Path file = example(from, to);
        return assertThrows(ScenarioException.class, () -> StudyAnalyzer.analyse(ScenarioLoader.load(file), MC));
    }

    @Test
    void badDistributionsOnExchangesAreReportedAtTheirPosition() throws IOException {
        Problem p = bad("{flow: co2, amount: 2100 kg}", "{flow: co2, amount: 2100 kg, uncertainty: {distribution: "
                + "lognormal, pedigree: [2, 3, 6, 2, 4]}}").problems().get(0);
        assertEquals("pedigree score 3 is 6; it must be a whole number from 1 (best) to 5 (worst)", p.message());
        assertEquals(64, p.position().line());
        p = bad("{flow: co2, amount: 2100 kg}", "{flow: co2, amount: 2100 kg, uncertainty: {distribution: "
                + "lognormal, pedigree: [2, 3, 1, 2]}}").problems().get(0);
        assertTrue(p.message().startsWith("'pedigree' needs five scores"), p.message());
        p = bad("{flow: co2, amount: 2100 kg}", "{flow: co2, amount: 2100 kg, uncertainty: {distribution: "
                + "uniform, min: 2200, max: 2000}}").problems().get(0);
        assertTrue(p.message().startsWith("uniform: min must be <= max"), p.message());
        assertEquals(64, p.position().line());
        p = bad("{flow: electricity, formula: run_kwh, unit: kWh}", "{flow: electricity, formula: run_kwh, unit: kWh, "
                + "uncertainty: {distribution: lognormal, pedigree: [1, 1, 1, 1, 1]}}").problems().get(0);
        assertTrue(p.message().contains("not a formula"), p.message());
        assertEquals(44, p.position().line());
        p = bad("{flow: electricity, formula: run_kwh, unit: kWh}", "{flow: electricity, formula: \"run_kwh * 0\", "
                + "unit: kWh, uncertainty: {distribution: normal, mean: 1, sd: 1}}").problems().get(0);
        assertTrue(p.message().contains("its formula is 0.0 at the central values"), p.message());
        assertEquals(44, p.position().line());
    }

    @Test
    void pedigreeLognormalsNameTheirScoresWhereverTheirDistributionIsListed() throws IOException {
        LoadedScenario study = ScenarioLoader.load(example(
                "{name: utilisation, value: 0.85}", "{name: utilisation, value: 0.85, uncertainty: {distribution: "
                        + "lognormal, pedigree: [1, 2, 3, 4, 5]}}",
                "{flow: co2, amount: 2100 kg}", "{flow: co2, amount: 2100 kg, uncertainty: {distribution: lognormal, "
                        + "pedigree: [2, 3, 1, 2, 4], basic_variance: 0.0006}}"));
        StudyAnalysis a = StudyAnalyzer.analyse(study, MC);
        // pedigree (1, 2, 3, 4, 5), no basic variance: σ² = 0 + 0.0001 + 0.002 + 0.0006 + 0.12 = 0.1227 (ecoinvent v3
        // table), GSD = exp(√0.1227) = 1.41860
        var utilisation = (dev.cradle.model.Uncertainty.LogNormal) study.system().parameters().stream()
                .filter(q -> q.name().equals("utilisation")).findFirst().orElseThrow().uncertainty();
        assertEquals(Math.exp(Math.sqrt(0.1227)), utilisation.geometricSd(), 1e-12);
        assertEquals(List.of(1, 2, 3, 4, 5), utilisation.pedigree().scores());
        assertEquals("lognormal(geometric mean 0.85, geometric sd " + Math.exp(Math.sqrt(0.1227))
                + ", from pedigree [1, 2, 3, 4, 5], basic variance 0)", a.parameters().get(0).distribution().toString());
        assertEquals("lognormal(geometric mean 2100.0, geometric sd " + Math.exp(Math.sqrt(0.041825))
                        + ", from pedigree [2, 3, 1, 2, 4], basic variance 0.0006)",
                a.parameters().get(1).distribution().toString());
        // a stated lognormal has no pedigree
        assertEquals(null, new dev.cradle.model.Uncertainty.LogNormal(2, 1.5).pedigree());
        // the report's tables and parameters.csv carry the scores under the scenario format's keys
        var files = dev.cradle.scenario.report.study.StudyReportFiles.of(study, a);
        String md = files.get("report.md");
        assertTrue(md.contains("| utilisation | 0.85 |  |  | lognormal geometric\\_mean 0.85 geometric\\_sd 1.419 "
                + "pedigree \\[1, 2, 3, 4, 5\\] basic\\_variance 0 | scenario |"), md);
        assertTrue(md.contains("from pedigree \\[2, 3, 1, 2, 4\\], basic variance 0.0006) | 1500 | 2940 | kg | "
                + "exchange server\\_manufacturing/3 |"), md);
        // the scenario's own distributions are not listed as sampled from outside it (nor under --no-library-ranges)
        assertTrue(!md.contains("Sampled from outside the scenario's own distributions"), md);
        var rows = dev.cradle.scenario.report.ParameterReport.rows(study.compiled(), java.util.Set.of(), null);
        var row = rows.stream().filter(r -> r.name().equals("utilisation")).findFirst().orElseThrow();
        assertEquals(List.of(1, 2, 3, 4, 5), row.distribution().get("pedigree"));
        assertEquals(0.0, row.distribution().get("basic_variance"));
        String csv = dev.cradle.scenario.report.ParameterReport.csv(rows);
        assertTrue(csv.lines().findFirst().orElseThrow().contains("geometric_mean,geometric_sd,pedigree,basic_variance"),
                csv);
    }
}
