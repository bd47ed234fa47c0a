package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every long analysis of {@code cradle report} and {@code cradle compare} tells its progress (the terminal draws one bar
 * per analysis): Monte Carlo, tornado, Morris, Sobol, the market basis's Monte Carlo, and a comparison's common draws,
 * each ending at its total.
 */
class AnalysisProgressWiringTest {
    @TempDir
    Path dir;

    /** Per started analysis: its name, unit and the last (done, total) it was told. */
    private static final class Recorder implements AnalysisProgress {
        final List<String> started = new ArrayList<>();
        final List<long[]> last = new ArrayList<>();

        @Override
        public MonteCarlo.Progress start(String analysis, String unit) {
            started.add(analysis + " / " + unit);
            long[] l = {-1, -1};
            last.add(l);
            return (done, total) -> {
                l[0] = done;
                l[1] = total;
            };
        }
    }

    @Test
    void everyAnalysisOfAStudyReportsUntilItsTotal() {
        // bloom-training-uncertain: 10 uncertain parameters; a market basis without contracts (the same numbers as the
        // location basis, not run twice)
        LoadedScenario study = ScenarioLoader.load(Path.of("examples/analysis/bloom-training-uncertain.yaml"));
        Recorder r = new Recorder();
        AnalysisOptions options = new AnalysisOptions(EnumSet.allOf(AnalysisOptions.Analysis.class), 3_000, 4, 2, 64,
                5, true, null);
        StudyAnalysis a = StudyAnalyzer.analyse(study, options, r);
        int k = a.parameters().size();
        assertEquals(10, k);
        assertEquals(List.of("Monte Carlo / draws", "Tornado / evaluations", "Morris / evaluations", "Sobol / steps"),
                r.started);
        assertTrue(a.market() != null && !a.market().contractual());
        // Monte Carlo: the draws; tornado: 2k + 1; Morris: r(k + 1); Sobol: N(k + 2) evaluations, then its bootstrap
        // (200 resamples per output with indices of its own)
        assertEquals(List.of(3_000L, 3_000L), List.of(r.last.get(0)[0], r.last.get(0)[1]));
        assertEquals(List.of(21L, 21L), List.of(r.last.get(1)[0], r.last.get(1)[1]));
        assertEquals(List.of(55L, 55L), List.of(r.last.get(2)[0], r.last.get(2)[1]));
        long sobol = r.last.get(3)[1];
        assertEquals(sobol, r.last.get(3)[0]);
        assertEquals(a.sobol().evaluations(), 64 * (k + 2));
        assertTrue(sobol > 64 * (k + 2) && (sobol - 64 * (k + 2)) % 200 == 0, "Sobol steps " + sobol);
        // the same numbers with or without a progress callback
        StudyAnalysis quiet = StudyAnalyzer.analyse(study, options);
        // (OutputStatistics holds arrays: its summary figures are compared, bit for bit)
        assertEquals(quiet.monteCarlo().outputs().stream().map(o -> List.of(o.mean(), o.sd(), o.p2_5(), o.p97_5()))
                .toList(), a.monteCarlo().outputs().stream().map(o -> List.of(o.mean(), o.sd(), o.p2_5(), o.p97_5()))
                .toList());
        assertEquals(sobolFigures(quiet), sobolFigures(a));
    }

    private static List<List<Double>> sobolFigures(StudyAnalysis a) {
        return a.sobol().outputs().stream().flatMap(o -> o.indices().stream()).map(i -> List.of(i.firstOrder(),
                i.firstOrderLow(), i.firstOrderHigh(), i.total(), i.totalLow(), i.totalHigh())).toList();
    }

    @Test
    void theMarketBasisAndAComparisonReportToo() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, MarketBasisAnalysisTest.STUDY);
        LoadedScenario study = ScenarioLoader.load(f);
        AnalysisOptions mc = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), 2_000, 3, 1, 2, 2,
                false, null);
        Recorder r = new Recorder();
        StudyAnalyzer.analyse(study, mc, r);
        assertEquals(List.of("Monte Carlo / draws", "Monte Carlo (market basis) / draws"), r.started);
        assertEquals(2_000, r.last.get(1)[0]);
        // with contracts every analysis runs again on the market basis, each with its own progress
        Recorder all = new Recorder();
        StudyAnalyzer.analyse(study, new AnalysisOptions(EnumSet.allOf(AnalysisOptions.Analysis.class), 500, 3, 1, 16,
                4, false, null), all);
        assertEquals(List.of("Monte Carlo / draws", "Tornado / evaluations", "Morris / evaluations", "Sobol / steps",
                "Monte Carlo (market basis) / draws", "Tornado (market basis) / evaluations",
                "Morris (market basis) / evaluations", "Sobol (market basis) / steps"), all.started);
        // tornado 2k + 1 = 5 evaluations for k = 2 (ci, r), on either basis
        assertEquals(List.of(5L, 5L), List.of(all.last.get(5)[0], all.last.get(5)[1]));

        Recorder c = new Recorder();
        ScenarioComparer.compare(List.of(study, study), mc, c);
        assertEquals(List.of("Comparison / draws"), c.started);
        assertEquals(List.of(2_000L, 2_000L), List.of(c.last.get(0)[0], c.last.get(0)[1]));
    }
}
