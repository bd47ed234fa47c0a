package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.ParametricModel;
import dev.cradle.engine.analysis.StudyModel;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * In every draw, the groups of each breakdown (stage, phase, model, device) sum to the total of the same draw, for
 * every functional unit and indicator, on the location and on the market basis: the contributions come from the same
 * solution. On bundled AI examples whose
 * library ranges are drawn (several functional units; two models on a shared cluster).
 */
class ContributionsSumProperties {
    private static final Map<String, StudyAnalyzer.Prepared> PREPARED = new HashMap<>();

    private static synchronized StudyAnalyzer.Prepared prepared(String example) {
        return PREPARED.computeIfAbsent(example, e -> {
            LoadedScenario study = ScenarioLoader.load(Path.of("examples", e));
            return StudyAnalyzer.prepare(study, AnalysisOptions.defaults(1));
        });
    }

    @Property(tries = 12)
    void breakdownsSumToTheTotalInEveryDraw(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which) {
        String example = List.of("two-models-shared-cluster.yaml", "chat-service-functional-units.yaml",
                "analysis/bloom-training-uncertain.yaml").get(which);
        StudyAnalyzer.Prepared p = prepared(example);
        org.junit.jupiter.api.Assertions.assertFalse(p.inputs().parameters().isEmpty(), example + ": nothing drawn");
        sumsHold(example, p, p.model(), seed);
    }

    /**
     * The same on the market basis: the market model's groups sum to its total in every draw, on the examples whose
     * contracts give a market basis of its own (a declared market intensity on a drawn grid, several units).
     */
    @Property(tries = 8)
    void marketBasedBreakdownsSumToTheMarketTotalInEveryDraw(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1)
            int which) {
        String example = List.of("two-models-shared-cluster.yaml", "chat-service-functional-units.yaml").get(which);
        StudyAnalyzer.Prepared p = prepared(example);
        org.junit.jupiter.api.Assertions.assertTrue(p.contractual(), example + " declares a market intensity");
        List<OutputKey> keys = p.outputs().stream().map(OutputKey::market).toList();
        MarketModel market = new MarketModel(p.model(), p.marketBasis(), keys);
        // not the location model again: its climate totals are lower (the contracts' intensity is below the grid's)
        double[] central = StudyAnalyzer.evaluate(market, market.centralParameters());
        org.junit.jupiter.api.Assertions.assertTrue(java.util.stream.IntStream.range(0, central.length)
                .anyMatch(o -> central[o] < p.central()[o]), example + ": market equals location");
        sumsHold(example + " (market)", p, market, seed);
    }

    private static void sumsHold(String example, StudyAnalyzer.Prepared p, ParametricModel model, long seed) {
        List<StudyModel.Output> outputs = p.model().outputs();
        MonteCarlo.run(model, p.inputs().parameters(), new MonteCarlo.Settings(64, seed, 1), (draw, values, out) -> {
            Map<List<Integer>, Double> sums = new HashMap<>();
            double[] totals = new double[out.length];
            for (int o = 0; o < out.length; o++) {
                StudyModel.Output x = outputs.get(o);
                if (x.breakdown() < 0) {
                    totals[o] = out[o];
                } else {
                    sums.merge(List.of(x.unit(), x.indicator(), x.breakdown()), out[o], Double::sum);
                }
            }
            for (int o = 0; o < out.length; o++) {
                StudyModel.Output x = outputs.get(o);
                if (x.breakdown() >= 0) {
                    int total = outputs.indexOf(new StudyModel.Output(x.unit(), x.indicator(), -1, "total"));
                    double sum = sums.get(List.of(x.unit(), x.indicator(), x.breakdown()));
                    assertEquals(totals[total], sum, 1e-12 * Math.abs(totals[total]) + 1e-300,
                            example + " draw " + draw + " " + model.outputNames().get(o));
                }
            }
        });
    }
}
