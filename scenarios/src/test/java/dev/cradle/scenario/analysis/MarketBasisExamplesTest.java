package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.report.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled example with AI datacenters, on the market basis: the analysis' central market-based outputs are the
 * deterministic market-based result (every functional unit, indicator and breakdown), and a study without contracts
 * reuses its location results. Holds the market model to the full calculation as StudyModelAgreementTest holds the
 * location model.
 */
class MarketBasisExamplesTest {
    static Stream<Path> examples() throws IOException {
        return Stream.concat(Files.list(Path.of("examples")), Files.list(Path.of("examples/analysis")))
                .filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void marketOutputsAreTheDeterministicMarketResult(Path file) {
        LoadedScenario study = ScenarioLoader.load(file);
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(
                EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), 300, 3, 1, 16, 2, true, null));
        if (study.aiStudy().isEmpty() || study.aiStudy().get().marketBasis().isEmpty()) {
            assertEquals(null, a.market(), file + ": no AI datacenter, no market basis");
            return;
        }
        StudyAnalysis.Market m = a.market();
        if (!m.contractual()) {
            assertTrue(m.monteCarlo() == a.monteCarlo(), file + ": without contracts the location results are reused");
        }
        for (int o = 0; o < m.outputs().size(); o++) {
            OutputKey k = m.outputs().get(o);
            LcaResult r = study.units().stream().filter(u -> u.id().equals(k.functionalUnit())).findFirst()
                    .map(UnitResult::market).orElseThrow();
            int i = r.impactIndex().indexOf(k.indicator()).getAsInt();
            double expected = switch (k.breakdown()) {
                case TOTAL -> r.impacts()[i];
                case STAGE -> r.byStage(i).values().getOrDefault(k.member(), 0.0);
                case PHASE -> r.byPhase(i).values().getOrDefault(k.member(), 0.0);
                default -> r.byTag(i, k.breakdown().name().toLowerCase(java.util.Locale.ROOT)).values()
                        .getOrDefault(k.member(), 0.0);
            };
            assertEquals(expected, m.central()[o], 1e-9 * Math.max(1, Math.abs(expected)), file + " " + k.name());
            OutputStatistics s = m.monteCarlo() == null ? null : m.monteCarlo().outputs().get(o);
            if (s != null) {
                // the streamed mean of draws that are all the same number may be off by rounding
                double slack = 1e-12 * Math.max(Math.abs(s.min()), Math.abs(s.max()));
                assertTrue(s.min() - slack <= s.mean() && s.mean() <= s.max() + slack, file + " " + k.name() + ": "
                        + s.min() + " <= " + s.mean() + " <= " + s.max());
            }
        }
        List<String> keys = m.outputs().stream().map(OutputKey::name).toList();
        assertTrue(keys.stream().allMatch(n -> n.endsWith("|market")), file + ": market keys");
    }
}
