package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.ParametricModel;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.model.Uncertainty;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.report.CsvReport;
import dev.cradle.scenario.report.UnitResult;
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
 * functional unit the scenarios share (by id; when they share none, their primary units) that some data cover in every
 * scenario (an indicator no data cover is unknown there, not zero, and is listed instead), the outputs are each
 * scenario's total, and for every pair i &lt; j the difference {@code A − B} and the indicator {@code A < B}, whose
 * mean is the probability that A is lower. One draw evaluates every scenario's compiled model once
 * ({@link StudyAnalyzer}'s model, location-based) and, when a scenario's contracts give it a market basis of its own
 * and every scenario has AI datacenters, its {@link MarketModel} on the same parameter vector: the same outputs then
 * follow on the market basis (a scenario without contracts counts its location-based values there). A seed repeats the
 * comparison bit for bit on any number of threads.
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
        // the totals the scenarios share, location-based; then the same on the market basis when it differs
        // only indicators some data cover in every scenario: an uncovered one is unknown, not zero, so no difference
        List<List<Integer>> totals = new ArrayList<>();
        List<String> coverage = new ArrayList<>();
        Map<String, List<String>> uncovered = new LinkedHashMap<>(); // scenarios without data → indicators
        for (List<Integer> t : sharedTotals(prepared)) {
            List<String> none = new ArrayList<>();
            List<String> partial = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                String c = coverage(studies.get(i), prepared.get(i).outputs().get(t.get(i)));
                String file = String.valueOf(studies.get(i).file().getFileName());
                if (c.equals(CsvReport.NONE)) {
                    none.add(file);
                } else if (c.equals(CsvReport.PARTIAL)) {
                    partial.add(file);
                }
            }
            OutputKey k = prepared.get(0).outputs().get(t.get(0));
            if (!none.isEmpty()) {
                uncovered.computeIfAbsent(String.join(", ", none), x -> new ArrayList<>()).add(k.indicator() + " per "
                        + k.functionalUnit());
            } else {
                totals.add(t);
                if (!partial.isEmpty()) {
                    coverage.add(k.indicator() + " per " + k.functionalUnit() + " is a lower bound in "
                            + String.join(", ", partial) + " (partial coverage), so its differences are too");
                }
            }
        }
        uncovered.forEach((in, which) -> coverage.add(0, "Not compared, as no data covers " + (which.size() == 1
                ? "it" : "them") + " in " + in + " (unknown, not zero): " + String.join(", ", which)));
        if (match(prepared, true).isEmpty() && !totals.isEmpty()) {
            // no functional unit id in common: each scenario's primary unit stands for it, which the reader must judge
            List<String> units = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                units.add(studies.get(i).file().getFileName() + " per " + prepared.get(i).outputs().get(0).functionalUnit());
            }
            coverage.add(0, NO_SHARED_UNIT + ", so each one's primary unit is compared ("
                    + String.join("; ", units) + "): the differences mean something only if these units provide the "
                    + "same function");
        }
        boolean market = prepared.stream().anyMatch(StudyAnalyzer.Prepared::contractual)
                && prepared.stream().allMatch(x -> x.marketBasis() != null);
        List<OutputKey> keys = new ArrayList<>();
        for (List<Integer> t : totals) {
            keys.add(prepared.get(0).outputs().get(t.get(0)));
        }
        if (market) {
            for (List<Integer> t : totals) {
                keys.add(prepared.get(0).outputs().get(t.get(0)).market());
            }
        }
        CommonDraws model = new CommonDraws(prepared, drawOf, union.size(), totals, keys);
        MonteCarlo.Result mc = drawn.isEmpty() ? null : MonteCarlo.run(model, drawn,
                new MonteCarlo.Settings(options.draws(), options.seed(), options.threads()), null,
                progresses.start("Comparison", "draws"));
        List<ScenarioComparison.Indicator> indicators = new ArrayList<>();
        int pairs = m * (m - 1) / 2;
        double[] central = model.central();
        for (int t = 0; t < keys.size(); t++) {
            int base = t * (m + 2 * pairs);
            List<OutputStatistics> per = new ArrayList<>();
            List<ScenarioComparison.Pair> pairList = new ArrayList<>();
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
            ScenarioComparison.Indicator indicator = new ScenarioComparison.Indicator(keys.get(t), per, pairList);
            // a market-based indicator the contracts do not reach (the same numbers as its location-based one, draw
            // for draw, in every scenario) is not repeated
            if (t < totals.size() || !sameStatistics(indicator, indicators.get(t - totals.size()))) {
                indicators.add(indicator);
            }
        }
        return new ScenarioComparison(studies.stream().map(LoadedScenario::file).toList(),
                studies.stream().map(StudyAnalyzer::name).toList(), shared, mc == null ? 1 : options.draws(),
                options.seed(), indicators, basisNote(studies, prepared, market), coverage);
    }

    /** True when two indicators' statistics are the same number for number (each scenario and each pair). */
    private static boolean sameStatistics(ScenarioComparison.Indicator a, ScenarioComparison.Indicator b) {
        for (int i = 0; i < a.perScenario().size(); i++) {
            if (!same(a.perScenario().get(i), b.perScenario().get(i))) {
                return false;
            }
        }
        for (int p = 0; p < a.pairs().size(); p++) {
            if (!same(a.pairs().get(p).difference(), b.pairs().get(p).difference())
                    || a.pairs().get(p).probabilityFirstLower() != b.pairs().get(p).probabilityFirstLower()) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(OutputStatistics x, OutputStatistics y) {
        return x.mean() == y.mean() && x.sd() == y.sd() && x.min() == y.min() && x.max() == y.max()
                && x.median() == y.median();
    }

    /** The coverage of an output's indicator in its scenario's deterministic location-based result. */
    private static String coverage(LoadedScenario study, OutputKey key) {
        for (UnitResult u : study.units()) {
            if (u.id().equals(key.functionalUnit())) {
                var k = u.location().impactIndex().indexOf(key.indicator());
                return k.isPresent() ? CsvReport.coverage(u.location(), k.getAsInt()) : CsvReport.NONE;
            }
        }
        return CsvReport.NONE;
    }

    /** Which bases the comparison covers, and why the market basis is left out when it is. */
    private static String basisNote(List<LoadedScenario> studies, List<StudyAnalyzer.Prepared> prepared,
                                    boolean market) {
        if (market) {
            return "Results are compared on both electricity bases: location-based grid intensities, and market-based "
                    + "(each scenario's contracts; a scenario without contracts counts its location-based intensity), "
                    + "on the same draws.";
        }
        if (prepared.stream().anyMatch(StudyAnalyzer.Prepared::contractual)) {
            List<String> without = new ArrayList<>();
            for (int i = 0; i < studies.size(); i++) {
                if (prepared.get(i).marketBasis() == null) {
                    without.add(String.valueOf(studies.get(i).file().getFileName()));
                }
            }
            return "Results are location-based only: a market-based comparison needs every scenario to declare its "
                    + "datacenters, and " + String.join(", ", without) + (without.size() == 1 ? " does" : " do")
                    + " not.";
        }
        return "Results are location-based; no scenario declares electricity contracts, so the market basis would "
                + "give the same numbers.";
    }

    /** Statistics of a number that does not vary (a comparison without any uncertain parameter). */
    private static OutputStatistics constant(String name, double v) {
        return new OutputStatistics(name, 1, v, 0, 0, v, v, v, v, v, v, v,
                new OutputStatistics.Convergence(new long[] {1}, new double[] {v}, new double[] {Double.NaN}));
    }

    /** How the limitation begins when the scenarios share no functional unit id (the command warns with it too). */
    public static final String NO_SHARED_UNIT = "The scenarios share no functional unit";

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
     * Outputs per shared total t: the m totals, then per pair (i, j) {@code A − B} and {@code A < B ? 1 : 0}; all
     * of them location-based, then (when compared) all of them again market-based.
     */
    private static final class CommonDraws implements ParametricModel {
        private final List<StudyAnalyzer.Prepared> scenarios;
        private final int[][] drawOf;
        private final int draws;
        private final int[][] totals; // [t][scenario] output index
        private final boolean market; // the totals again on the market basis, after the location-based ones
        private final List<String> names;

        CommonDraws(List<StudyAnalyzer.Prepared> scenarios, int[][] drawOf, int draws, List<List<Integer>> totals,
                    List<OutputKey> keys) {
            this.scenarios = scenarios;
            this.drawOf = drawOf;
            this.draws = draws;
            this.totals = totals.stream().map(t -> t.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            this.market = keys.size() > totals.size();
            List<String> n = new ArrayList<>();
            int m = scenarios.size();
            for (OutputKey k : keys) {
                String key = k.name();
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
            double[][] marketOut = new double[m][];
            Evaluator[] evaluators = new Evaluator[m];
            Evaluator[] marketEvaluators = new Evaluator[m];
            int[][] slots = new int[m][];
            for (int i = 0; i < m; i++) {
                StudyAnalyzer.Prepared s = scenarios.get(i);
                var model = s.model();
                p[i] = model.centralParameters();
                out[i] = new double[model.outputCount()];
                evaluators[i] = model.newEvaluator();
                // a scenario without contracts: its market-based outputs are its location-based ones
                marketOut[i] = market && s.contractual() ? new double[model.outputCount()] : out[i];
                marketEvaluators[i] = market && s.contractual() ? new MarketModel(model, s.marketBasis(),
                        s.outputs().stream().map(OutputKey::market).toList()).newEvaluator() : null;
                slots[i] = s.inputs().parameters().stream().mapToInt(UncertainParameter::slot).toArray();
            }
            return (values, result) -> {
                for (int i = 0; i < m; i++) {
                    for (int q = 0; q < slots[i].length; q++) {
                        p[i][slots[i][q]] = values[drawOf[i][q]];
                    }
                    scenarios.get(i).model().deriveParameters(p[i]);
                    evaluators[i].evaluate(p[i], out[i]);
                    if (marketEvaluators[i] != null) {
                        marketEvaluators[i].evaluate(p[i], marketOut[i]);
                    }
                }
                int o = write(out, result, 0);
                if (market) {
                    write(marketOut, result, o);
                }
            };
        }

        /** Per shared total: each scenario's value, then per pair A − B and A < B; returns the next index. */
        private int write(double[][] out, double[] result, int o) {
            int m = scenarios.size();
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
            return o;
        }
    }
}
