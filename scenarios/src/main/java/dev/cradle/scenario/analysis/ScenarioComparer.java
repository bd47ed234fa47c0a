package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.ParametricModel;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.model.Uncertainty;
import dev.cradle.scenario.LoadedScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares scenarios on common draws ({@code cradle compare A.yaml B.yaml …}): a Monte Carlo over the union of their
 * uncertain parameters, where a parameter with the same name and the same declared distribution in several scenarios
 * is drawn once per draw and used by each of them (common random numbers: what the scenarios share cancels out of
 * their difference), and any other parameter is drawn for its own scenario alone. Per indicator total of every
 * functional unit the scenarios share (by id; when they share none, their primary units), the outputs are each
 * scenario's total, and for every pair i &lt; j the difference {@code A − B} and the indicator {@code A < B}, whose
 * mean is the probability that A is lower. One draw evaluates every scenario's compiled model once
 * ({@link StudyAnalyzer}'s model, location-based). A seed repeats the comparison bit for bit on any number of threads.
 */
public final class ScenarioComparer {
    private ScenarioComparer() {
    }

    public static ScenarioComparison compare(List<LoadedScenario> studies, AnalysisOptions options) {
        return compare(studies, options, AnalysisProgress.NONE);
    }

    /** As {@link #compare(List, AnalysisOptions)}, telling {@code progresses} how the common draws go. */
    public static ScenarioComparison compare(List<LoadedScenario> studies, AnalysisOptions options,
                                             AnalysisProgress progresses) {
        if (studies.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two scenarios, got " + studies.size());
        }
        List<StudyAnalyzer.Prepared> prepared = new ArrayList<>();
        for (LoadedScenario s : studies) {
            prepared.add(StudyAnalyzer.prepare(s, options));
        }
        // the union of the uncertain parameters: (name, declared distribution) → one draw
        Map<Key, Integer> union = new LinkedHashMap<>();
        Map<Key, UncertainParameter> first = new LinkedHashMap<>();
        Map<Key, Integer> users = new LinkedHashMap<>();
        int m = studies.size();
        int[][] drawOf = new int[m][];
        for (int i = 0; i < m; i++) {
            StudyInputs in = prepared.get(i).inputs();
            drawOf[i] = new int[in.parameters().size()];
            for (int q = 0; q < drawOf[i].length; q++) {
                Key key = new Key(in.parameters().get(q).name(), in.declared().get(q));
                int index = union.computeIfAbsent(key, x -> union.size());
                first.putIfAbsent(key, in.parameters().get(q));
                users.merge(key, 1, Integer::sum);
                drawOf[i][q] = index;
            }
        }
        List<UncertainParameter> drawn = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<Key, Integer> e : union.entrySet()) {
            UncertainParameter p = first.get(e.getKey());
            // the same name with another distribution in another scenario: told apart in the reports
            String name = names.add(p.name()) ? p.name() : p.name() + " (" + e.getValue() + ")";
            drawn.add(new UncertainParameter(name, e.getValue(), p.distribution()));
            if (users.get(e.getKey()) > 1) {
                shared.add(p.name());
            }
        }
        // the totals the scenarios share
        List<List<Integer>> totals = sharedTotals(prepared);
        List<OutputKey> keys = new ArrayList<>();
        for (List<Integer> t : totals) {
            keys.add(prepared.get(0).outputs().get(t.get(0)));
        }
        CommonDraws model = new CommonDraws(prepared, drawOf, union.size(), totals);
        MonteCarlo.Result mc = drawn.isEmpty() ? null : MonteCarlo.run(model, drawn,
                new MonteCarlo.Settings(options.draws(), options.seed(), options.threads()), null,
                progresses.start("Comparison", "draws"));
        List<ScenarioComparison.Indicator> indicators = new ArrayList<>();
        int pairs = m * (m - 1) / 2;
        for (int t = 0; t < totals.size(); t++) {
            int base = t * (m + 2 * pairs);
            List<OutputStatistics> per = new ArrayList<>();
            List<ScenarioComparison.Pair> pairList = new ArrayList<>();
            double[] central = model.central();
            for (int i = 0; i < m; i++) {
                per.add(mc == null ? constant(model.outputNames().get(base + i), central[base + i])
                        : mc.outputs().get(base + i));
            }
            int q = base + m;
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++, q += 2) {
                    OutputStatistics diff = mc == null ? constant(model.outputNames().get(q), central[q])
                            : mc.outputs().get(q);
                    double lower = mc == null ? central[q + 1] : mc.outputs().get(q + 1).mean();
                    pairList.add(new ScenarioComparison.Pair(i, j, diff, lower));
                }
            }
            indicators.add(new ScenarioComparison.Indicator(keys.get(t), per, pairList));
        }
        return new ScenarioComparison(studies.stream().map(LoadedScenario::file).toList(),
                studies.stream().map(StudyAnalyzer::name).toList(), shared, mc == null ? 1 : options.draws(),
                options.seed(), indicators);
    }

    /** Statistics of a number that does not vary (a comparison without any uncertain parameter). */
    private static OutputStatistics constant(String name, double v) {
        return new OutputStatistics(name, 1, v, 0, 0, v, v, v, v, v, v, v,
                new OutputStatistics.Convergence(new long[] {1}, new double[] {v}, new double[] {Double.NaN}));
    }

    /**
     * Per shared total, the output index in each scenario. Shared: same functional unit id and indicator key in all;
     * when the scenarios share no unit id, each scenario's primary unit (named after the first scenario's).
     */
    private static List<List<Integer>> sharedTotals(List<StudyAnalyzer.Prepared> prepared) {
        List<List<Integer>> byId = match(prepared, true);
        return byId.isEmpty() ? match(prepared, false) : byId;
    }

    private static List<List<Integer>> match(List<StudyAnalyzer.Prepared> prepared, boolean byUnitId) {
        List<List<Integer>> out = new ArrayList<>();
        List<OutputKey> firstOutputs = prepared.get(0).outputs();
        String primary0 = firstOutputs.get(0).functionalUnit();
        for (int o = 0; o < firstOutputs.size(); o++) {
            OutputKey k = firstOutputs.get(o);
            if (k.breakdown() != OutputKey.Breakdown.TOTAL || (!byUnitId && !k.functionalUnit().equals(primary0))) {
                continue;
            }
            List<Integer> indices = new ArrayList<>(List.of(o));
            for (int i = 1; i < prepared.size() && indices.size() == i; i++) {
                List<OutputKey> outs = prepared.get(i).outputs();
                String unit = byUnitId ? k.functionalUnit() : outs.get(0).functionalUnit();
                for (int x = 0; x < outs.size(); x++) {
                    OutputKey c = outs.get(x);
                    if (c.breakdown() == OutputKey.Breakdown.TOTAL && c.functionalUnit().equals(unit)
                            && c.indicator().equals(k.indicator()) && c.unit().equals(k.unit())) {
                        indices.add(x);
                        break;
                    }
                }
            }
            if (indices.size() == prepared.size()) {
                out.add(List.copyOf(indices));
            }
        }
        return out;
    }

    /** A parameter as two scenarios must both declare it to share its draw. */
    private record Key(String name, Uncertainty distribution) {
        Key {
            Objects.requireNonNull(name);
            Objects.requireNonNull(distribution);
        }
    }

    /**
     * The scenarios side by side as one model: the parameter vector is the union's draws; an evaluation copies each
     * draw into the slots of every scenario that uses it, derives each scenario's formulas and evaluates each once.
     * Outputs per shared total t: the m totals, then per pair (i, j) {@code A − B} and {@code A < B ? 1 : 0}.
     */
    private static final class CommonDraws implements ParametricModel {
        private final List<StudyAnalyzer.Prepared> scenarios;
        private final int[][] drawOf;
        private final int draws;
        private final int[][] totals; // [t][scenario] output index
        private final List<String> names;

        CommonDraws(List<StudyAnalyzer.Prepared> scenarios, int[][] drawOf, int draws, List<List<Integer>> totals) {
            this.scenarios = scenarios;
            this.drawOf = drawOf;
            this.draws = draws;
            this.totals = totals.stream().map(t -> t.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            List<String> n = new ArrayList<>();
            int m = scenarios.size();
            for (List<Integer> t : totals) {
                String key = scenarios.get(0).outputs().get(t.get(0)).name();
                for (int i = 0; i < m; i++) {
                    n.add(key + "|scenario " + (i + 1));
                }
                for (int i = 0; i < m; i++) {
                    for (int j = i + 1; j < m; j++) {
                        n.add(key + "|" + (i + 1) + " - " + (j + 1));
                        n.add(key + "|" + (i + 1) + " < " + (j + 1));
                    }
                }
            }
            this.names = List.copyOf(n);
        }

        @Override
        public int parameterCount() {
            return draws;
        }

        @Override
        public List<String> outputNames() {
            return names;
        }

        @Override
        public double[] centralParameters() {
            double[] c = new double[draws];
            for (int i = 0; i < scenarios.size(); i++) {
                double[] own = scenarios.get(i).model().centralParameters();
                List<UncertainParameter> ps = scenarios.get(i).inputs().parameters();
                for (int q = 0; q < ps.size(); q++) {
                    c[drawOf[i][q]] = own[ps.get(q).slot()];
                }
            }
            return c;
        }

        double[] central() {
            double[] p = centralParameters();
            double[] out = new double[outputCount()];
            newEvaluator().evaluate(p, out);
            return out;
        }

        @Override
        public Evaluator newEvaluator() {
            int m = scenarios.size();
            double[][] p = new double[m][];
            double[][] out = new double[m][];
            Evaluator[] evaluators = new Evaluator[m];
            int[][] slots = new int[m][];
            for (int i = 0; i < m; i++) {
                var model = scenarios.get(i).model();
                p[i] = model.centralParameters();
                out[i] = new double[model.outputCount()];
                evaluators[i] = model.newEvaluator();
                slots[i] = scenarios.get(i).inputs().parameters().stream().mapToInt(UncertainParameter::slot).toArray();
            }
            return (values, result) -> {
                for (int i = 0; i < m; i++) {
                    for (int q = 0; q < slots[i].length; q++) {
                        p[i][slots[i][q]] = values[drawOf[i][q]];
                    }
                    scenarios.get(i).model().deriveParameters(p[i]);
                    evaluators[i].evaluate(p[i], out[i]);
                }
                int o = 0;
                for (int[] t : totals) {
                    for (int i = 0; i < m; i++) {
                        result[o++] = out[i][t[i]];
                    }
                    for (int i = 0; i < m; i++) {
                        for (int j = i + 1; j < m; j++) {
                            double a = out[i][t[i]];
                            double b = out[j][t[j]];
                            result[o++] = a - b;
                            result[o++] = a < b ? 1 : 0;
                        }
                    }
                }
            };
        }
    }
}
