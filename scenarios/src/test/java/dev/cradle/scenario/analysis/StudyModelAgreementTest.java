package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.analysis.StudyModel;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.engine.calc.FunctionalUnitDemands;
import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.MlPhase;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.report.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis' fast evaluation ({@link StudyModel}: substitution or a reused factorisation, contributions summed
 * from one solution) gives the numbers of the full calculation ({@code LcaCalculator.prepare} → every functional
 * unit's {@code LcaResult} → {@code byStage}, {@code byPhase}, {@code byTag}), for every bundled example, at the
 * central values and at parameter vectors with every uncertain parameter redrawn; and every bundled example
 * analyses without error with a few draws of every analysis.
 */
class StudyModelAgreementTest {
    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void fastEvaluationEqualsTheFullSolve(Path file) {
        LoadedScenario study = ScenarioLoader.load(file);
        StudyAnalyzer.Prepared prepared = StudyAnalyzer.prepare(study, AnalysisOptions.defaults(1));
        StudyModel model = prepared.model();
        List<UnitResult> units = study.units();
        FunctionalUnitDemands demands = FunctionalUnitDemands.compile(model.system(),
                units.stream().map(UnitResult::unit).toList());
        SplittableRandom random = new SplittableRandom(3);
        var evaluator = model.newEvaluator();
        double[] out = new double[model.outputCount()];
        for (int trial = 0; trial < 4; trial++) {
            double[] p = model.centralParameters();
            for (UncertainParameter u : prepared.inputs().parameters()) {
                if (trial > 0) {
                    p[u.slot()] = u.distribution().quantile(0.02 + 0.96 * random.nextDouble());
                }
            }
            model.deriveParameters(p);
            evaluator.evaluate(p, out);
            List<LcaResult> full = demands.results(Cradle.calculator().prepare(model.system(), p), p);
            for (int o = 0; o < out.length; o++) {
                StudyModel.Output key = model.outputs().get(o);
                LcaResult r = full.get(key.unit());
                int k = key.indicator();
                double expected = key.breakdown() < 0 ? r.impacts()[k]
                        : group(r, k, model.breakdownName(key.breakdown())).values().get(key.group());
                double scale = Math.abs(r.impacts()[k]) + Math.abs(expected) + 1e-300;
                assertEquals(expected, out[o], 1e-9 * scale, file + " trial " + trial + " " + model.outputNames().get(o));
            }
            // the groups left out are zero in the full result
            for (int u = 0; u < units.size(); u++) {
                LcaResult r = full.get(u);
                for (int k = 0; k < r.impacts().length; k++) {
                    for (int b = 0; b < breakdownCount(model); b++) {
                        String name = model.breakdownName(b);
                        int uu = u;
                        int kk = k;
                        int bb = b;
                        group(r, k, name).values().forEach((g, v) -> {
                            boolean present = model.outputs().stream().anyMatch(x -> x.unit() == uu && x.indicator() == kk
                                    && x.breakdown() == bb && x.group().equals(g));
                            assertTrue(present || v == 0, file + " " + name + " " + g + " left out but " + v);
                        });
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleAnalysesWithFewDraws(Path file) {
        LoadedScenario study = ScenarioLoader.load(file);
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(EnumSet.allOf(AnalysisOptions.Analysis.class),
                200, 5, 2, 16, 2, true, null));
        assertEquals(a.outputs().size(), a.central().length);
        if (a.hasUncertainty()) {
            assertEquals(a.outputs().size(), a.monteCarlo().outputs().size());
            assertEquals(a.outputs().size(), a.sobol().outputs().size());
        }
    }

    private static int breakdownCount(StudyModel model) {
        int n = 0;
        while (true) {
            try {
                model.breakdownName(n);
                n++;
            } catch (IndexOutOfBoundsException e) {
                return n;
            }
        }
    }

    private static Contributions group(LcaResult r, int k, String breakdown) {
        return switch (breakdown) {
            case "stage" -> r.byStage(k);
            case "phase" -> r.byPhase(k);
            default -> r.byTag(k, breakdown);
        };
    }

    static String phase(LcaResult r, int j) {
        return r.techIndex().at(j).process().mlPhase().map(MlPhase::key).orElse(LcaResult.UNASSIGNED);
    }
}
