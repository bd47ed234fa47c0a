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
import java.util.List;
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
        // the statement: the datacenter's market-based intensity, 400 g/kWh × (1 − 0.6) = 160 g/kWh, and the
        // market-based emissions with their interval from the same draws
        String statement = files.get("statement.md");
        assertTrue(statement.contains("(market-based, with its contracts, 160 g CO2-eq/kWh)"), statement);
        assertTrue(statement.contains("market-based " + dev.cradle.scenario.report.Numbers.format(m.central()[mkt])
                + " kg CO2-eq (95 % interval " + dev.cradle.scenario.report.Numbers.format(s.p2_5())), statement);
    }

    private static int gwp(List<OutputKey> outputs, OutputKey.Breakdown breakdown, String member) {
        for (int i = 0; i < outputs.size(); i++) {
            OutputKey k = outputs.get(i);
            if (k.breakdown() == breakdown && k.member().equals(member) && k.indicator().startsWith("ipcc-ar6-gwp100/")) {
                return i;
            }
        }
        throw new AssertionError("no gwp100 " + breakdown + " " + member + " in " + outputs);
    }

    /**
     * Every breakdown on the market basis, on the same draws: the use stage (the only one the grid intensity reaches)
     * follows the hand calculation; the manufacturing stage and the GPUs' other stages are the location-based ones,
     * bit for bit; the training phase (everything here) is the market total.
     */
    @Test
    void marketBreakdownsFollowTheDrawsStageByStage() throws Exception {
        LoadedScenario study = load(STUDY);
        int draws = 40_000;
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(
                EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), draws, 5, 2, 64, 4, false, null));
        StudyAnalysis.Market m = a.market();
        assertTrue(m.contractual());
        assertTrue(a.hasMarketBasis());
        assertEquals(a.outputs().stream().map(OutputKey::market).toList(), m.outputs(), "the same outputs, index for index");
        int use = gwp(m.outputs(), OutputKey.Breakdown.STAGE, "use");
        int manufacturing = gwp(m.outputs(), OutputKey.Breakdown.STAGE, "manufacturing");
        int training = gwp(m.outputs(), OutputKey.Breakdown.PHASE, "training");
        int total = gwp(m.outputs(), OutputKey.Breakdown.TOTAL, "total");
        // use stage: 400 kWh × ci/1000 × (1 − r) kg, mean 400 × 0.4 × 0.4 = 64 kg, sd as in the test above
        double var = (0.16 + 0.0016) * (0.16 + 0.16 / 12) - Math.pow(0.4 * 0.4, 2);
        double sd = 400 * Math.sqrt(var);
        OutputStatistics u = m.monteCarlo().outputs().get(use);
        assertEquals(64.0, u.mean(), 4 * sd / Math.sqrt(draws));
        assertEquals(sd, u.sd(), 0.02 * sd);
        assertEquals(400 * 0.4 * 0.4, m.central()[use], 1e-9, "the deterministic market-based use stage");
        // the location-based use stage: 400 kWh × ci/1000, mean 160 kg, sd 16 kg
        OutputStatistics lu = a.monteCarlo().outputs().get(use);
        assertEquals(160.0, lu.mean(), 4 * 16 / Math.sqrt(draws));
        // manufacturing does not read the grid: the same statistics on both bases
        OutputStatistics mm = m.monteCarlo().outputs().get(manufacturing);
        OutputStatistics lm = a.monteCarlo().outputs().get(manufacturing);
        assertEquals(lm.mean(), mm.mean(), 0);
        assertEquals(lm.p97_5(), mm.p97_5(), 0);
        assertEquals(a.central()[manufacturing], m.central()[manufacturing], 0);
        // one phase holds everything: the phase output is the total in every draw
        assertEquals(m.monteCarlo().outputs().get(total).mean(), m.monteCarlo().outputs().get(training).mean(),
                1e-9 * Math.abs(m.monteCarlo().outputs().get(total).mean()));
        // deterministic market-based contributions of the report equal the analysis' central values
        var report = dev.cradle.scenario.report.study.StudyReportFiles.of(study, a);
        String contributions = report.get("contributions.csv");
        assertTrue(contributions.lines().anyMatch(l -> l.contains(",market,stage,use,") && l.contains(",mean,")),
                contributions);
        double useRow = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new java.io.StringReader(contributions)).stream()
                .filter(c -> c.get("basis").equals("market") && c.get("breakdown").equals("stage")
                        && c.get("member").equals("use") && c.get("statistic").equals("deterministic")
                        && c.get("indicator").startsWith("ipcc-ar6-gwp100/"))
                .mapToDouble(c -> Double.parseDouble(c.get("value"))).findFirst().orElseThrow();
        assertEquals(64.0, useRow, 1e-9, "400 kWh × 0.4 kg/kWh × (1 − 0.6)");
        String json = report.get("results.json");
        assertTrue(json.contains("\"market_basis_differs\" : true"), "results.json says the bases differ");
        String md = report.get("report.md");
        assertTrue(md.contains("market-based 95 % interval"), "breakdown tables give the market-based interval");
    }

    /**
     * Tornado, Morris and Sobol on the market model, against the hand calculation. Market total − fixed =
     * K·c·u with K = 400 kWh, c = ci/1000 ~ N(0.4, 0.04) kg/kWh, u = 1 − r ~ U(0.2, 0.6) (independent).
     * Tornado: r at its P5/P95 (0.42, 0.78) gives K·0.4·(0.58, 0.22) = 92.8, 35.2 kg above fixed (swing 57.6);
     * ci at P5/P95 (400 ∓ 1.64485·40 g/kWh) gives K·(0.33421, 0.46579)·0.4 = 53.47, 74.53 (swing 21.05): r first.
     * Sobol: V_c = K²·Var(c)·E(u)² = K²·0.0016·0.16 = K²·2.56e-4; V_u = K²·E(c)²·Var(u) = K²·0.16·0.0133 =
     * K²·2.1333e-3; V = K²·(E c²·E u² − (E c·E u)²) = K²·(0.1616·0.173333 − 0.0256) = K²·2.41067e-3, so
     * S_r = 0.8850, S_ci = 0.1062. On the location basis r does nothing: S_ci = 1, tornado swing of r = 0.
     */
    @Test
    void sensitivityRunsOnTheMarketModel() throws Exception {
        LoadedScenario study = load(STUDY);
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.TORNADO,
                AnalysisOptions.Analysis.MORRIS, AnalysisOptions.Analysis.SOBOL), 10, 3, 2, 4096, 20, false, null));
        StudyAnalysis.Market m = a.market();
        int loc = gwpTotal(a.outputs());
        int mkt = gwpTotal(m.outputs());
        assertEquals(loc, mkt);
        double fixed = a.central()[loc] - 400 * 0.400;
        var bars = m.tornado().bars().get(mkt);
        assertEquals("r", bars.get(0).parameter().name());
        assertEquals(fixed + 400 * 0.4 * 0.58, bars.get(0).outputLow(), 1e-9);
        assertEquals(fixed + 400 * 0.4 * 0.22, bars.get(0).outputHigh(), 1e-9);
        assertEquals("ci", bars.get(1).parameter().name());
        double z = 1.6448536269514722;
        assertEquals(fixed + 400 * (0.4 - z * 0.04) * 0.4, bars.get(1).outputLow(), 1e-9);
        assertEquals(fixed + 400 * (0.4 + z * 0.04) * 0.4, bars.get(1).outputHigh(), 1e-9);
        var locationBars = a.tornado().bars().get(loc);
        assertEquals("ci", locationBars.get(0).parameter().name());
        assertEquals(0.0, locationBars.get(1).swing(), 0, "r does not reach the location basis");
        // Morris ranks r above ci on the market basis
        var effects = m.morris().effects().get(mkt);
        double muR = effects.stream().filter(e -> e.parameter().name().equals("r")).findFirst().orElseThrow().muStar();
        double muC = effects.stream().filter(e -> e.parameter().name().equals("ci")).findFirst().orElseThrow().muStar();
        assertTrue(muR > 2 * muC, "mu* r " + muR + " vs ci " + muC);
        // Sobol on both bases
        var sobol = m.sobol().outputs().get(mkt).indices();
        var sr = sobol.stream().filter(x -> x.parameter().name().equals("r")).findFirst().orElseThrow();
        var sc = sobol.stream().filter(x -> x.parameter().name().equals("ci")).findFirst().orElseThrow();
        assertEquals(0.8850, sr.firstOrder(), 0.05);
        assertEquals(0.1062, sc.firstOrder(), 0.05);
        assertEquals(0.8850 + 0.0088, sr.total(), 0.05); // S_T,r = (V_u + V_cu)/V, V_cu = K²·0.0016·0.01333
        var locationSobol = a.sobol().outputs().get(loc).indices();
        assertEquals(1.0, locationSobol.stream().filter(x -> x.parameter().name().equals("ci")).findFirst()
                .orElseThrow().firstOrder(), 0.05);
        // the tidy sensitivity table has both bases
        String sens = dev.cradle.scenario.report.study.StudyReportFiles.of(study, a).get("sensitivity.csv");
        assertTrue(sens.lines().anyMatch(l -> l.contains(",market,complete,sobol,r,first_order,")), sens);
        assertTrue(sens.lines().anyMatch(l -> l.contains(",location,complete,sobol,ci,first_order,")), sens);
    }

    /**
     * Raw draws on both bases: the market-based outputs of the same draws beside the location file (draws.csv →
     * draws.market.csv), draw i being the same parameter values in both; their column means are the streamed means.
     */
    @Test
    void rawDrawsOfTheMarketBasisGoBesideTheLocationOnes() throws Exception {
        LoadedScenario study = load(STUDY);
        Path raw = dir.resolve("out/draws.csv");
        int draws = 2_000;
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(
                EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), draws, 7, 2, 64, 4, false, raw));
        Path market = dir.resolve("out/draws.market.csv");
        assertTrue(Files.exists(market), "the market-based draws beside the location ones");
        var read = (java.util.function.Function<Path, List<org.apache.commons.csv.CSVRecord>>) f -> {
            try (var in = Files.newBufferedReader(f)) {
                return org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(in).getRecords();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        List<org.apache.commons.csv.CSVRecord> loc = read.apply(raw);
        List<org.apache.commons.csv.CSVRecord> mkt = read.apply(market);
        assertEquals(draws, mkt.size());
        int total = gwpTotal(a.market().outputs());
        String column = a.market().outputs().get(total).name();
        assertTrue(column.endsWith("|total|market"), column);
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            assertEquals(loc.get(i).get("ci"), mkt.get(i).get("ci"), "draw " + i + ": the same parameter values");
            assertEquals(loc.get(i).get("r"), mkt.get(i).get("r"));
            sum += Double.parseDouble(mkt.get(i).get(column));
        }
        assertEquals(a.market().monteCarlo().outputs().get(total).mean(), sum / draws,
                1e-9 * Math.abs(sum / draws));
    }

    /** Without contracts the market basis is the location basis: the same results, not computed twice. */
    @Test
    void withoutContractsTheMarketResultsAreTheLocationOnes() throws Exception {
        LoadedScenario study = load(STUDY.replace(", renewable_share: r", ""));
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(EnumSet.of(
                AnalysisOptions.Analysis.MONTE_CARLO, AnalysisOptions.Analysis.TORNADO), 1000, 3, 1, 64, 4, false, null));
        assertNotNull(a.market());
        assertTrue(!a.market().contractual() && !a.hasMarketBasis());
        assertTrue(a.market().monteCarlo() == a.monteCarlo() && a.market().tornado() == a.tornado());
        assertEquals(1, a.bases().size());
        int loc = gwpTotal(a.outputs());
        assertEquals(study.view().market().impact(a.outputs().get(loc).indicator()), a.market().central()[loc], 1e-9);
    }

    @Test
    void aStudyWithoutAiDeclarationsHasNoMarketAnalysis() throws Exception {
        LoadedScenario study = ScenarioLoader.load(StudyAnalyzerTest.uncertainTrainingRun(dir));
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(
                EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), 100, 1, 1, 2, 2, true, null));
        assertNull(a.market());
    }
}
