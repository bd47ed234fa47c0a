package dev.cradle.scenario.report.study;

import dev.cradle.engine.analysis.Morris;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.Tornado;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.analysis.AnalysisOptions;
import dev.cradle.scenario.analysis.OutputKey;
import dev.cradle.scenario.analysis.StudyAnalysis;
import dev.cradle.scenario.report.ResultDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * results.json of a report ({@code format: cradle-report/1}): the deterministic result exactly as
 * {@code cradle run} writes it ({@code deterministic}), the analysis ({@code analysis}: options, uncertain
 * parameters, per output its central value and Monte Carlo statistics, tornado, Morris and Sobol results, location-based
 * in {@code outputs} and, for a study with AI datacenters, market-based in {@code market_based_outputs}) and the
 * reporting statement. A number that is not known is null, never NaN.
 */
final class ReportJson {
    private ReportJson() {
    }

    static Map<String, Object> of(StudyReport r) {
        LoadedScenario s = r.study();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "cradle-report/1");
        doc.put("scenario", r.title());
        doc.put("file", String.valueOf(s.file().getFileName()));
        doc.put("deterministic", ResultDocument.of(s.system(), s.result(), s.view(), s.warnings(), s.units(),
                s.parameters()));
        doc.put("analysis", analysis(r.analysis()));
        doc.put("statement", Statement.plain(r));
        return doc;
    }

    static Map<String, Object> analysis(StudyAnalysis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        AnalysisOptions o = a.options();
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("analyses", o.analyses().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).sorted().toList());
        opts.put("draws", o.draws());
        opts.put("seed", o.seed());
        opts.put("sobol_n", o.sobolN());
        opts.put("morris_trajectories", o.morrisTrajectories());
        opts.put("library_ranges", o.libraryRanges());
        m.put("options", opts);
        m.put("uncertain", a.hasUncertainty());
        List<Map<String, Object>> params = new ArrayList<>();
        for (int i = 0; i < a.parameters().size(); i++) {
            UncertainParameter p = a.parameters().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("distribution", p.distribution().toString());
            row.put("unit", a.units().get(i));
            row.put("source", a.sources().get(i));
            row.put("mean", finite(p.distribution().mean()));
            row.put("p5", finite(p.distribution().quantile(0.05)));
            row.put("p95", finite(p.distribution().quantile(0.95)));
            params.add(row);
        }
        m.put("parameters", params);
        m.put("outputs", outputs(a.location()));
        if (a.market() != null) {
            // the same outputs on the market basis, on the same draws (studies with AI datacenters); without
            // contracts they are the location-based numbers
            m.put("market_basis_differs", a.market().contractual());
            m.put("market_based_outputs", outputs(a.market().results()));
        }
        if (a.sobol() != null) {
            m.put("sobol_evaluations", a.sobol().evaluations());
            m.put("sobol_confidence", a.sobol().settings().confidence());
        }
        return m;
    }

    /** Per output of one basis: its key, deterministic value and every analysis result found for it. */
    private static List<Map<String, Object>> outputs(StudyAnalysis.Results a) {
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (int i = 0; i < a.outputs().size(); i++) {
            OutputKey k = a.outputs().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("functional_unit", k.functionalUnit());
            row.put("indicator", k.indicator());
            row.put("unit", k.unit());
            row.put("basis", k.basisName());
            row.put("breakdown", k.breakdown().name().toLowerCase(Locale.ROOT));
            row.put("member", k.member());
            row.put("deterministic", finite(a.central()[i]));
            if (a.monteCarlo() != null) {
                OutputStatistics st = a.monteCarlo().outputs().get(i);
                Map<String, Object> stats = new LinkedHashMap<>();
                TidyTables.statistics(st).forEach((n, v) -> stats.put(n, n.equals("draws") ? (Object) st.draws()
                        : finite(v)));
                row.put("monte_carlo", stats);
            }
            if (a.tornado() != null) {
                List<Map<String, Object>> bars = new ArrayList<>();
                for (Tornado.Bar b : a.tornado().bars().get(i)) {
                    Map<String, Object> bar = new LinkedHashMap<>();
                    bar.put("parameter", b.parameter().name());
                    bar.put("parameter_p5", finite(b.low()));
                    bar.put("parameter_p95", finite(b.high()));
                    bar.put("output_at_p5", finite(b.outputLow()));
                    bar.put("output_at_p95", finite(b.outputHigh()));
                    bars.add(bar);
                }
                row.put("tornado", bars);
            }
            if (a.morris() != null) {
                List<Map<String, Object>> effects = new ArrayList<>();
                for (Morris.Effect e : a.morris().effects().get(i)) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("parameter", e.parameter().name());
                    x.put("mu", finite(e.mu()));
                    x.put("mu_star", finite(e.muStar()));
                    x.put("sigma", finite(e.sigma()));
                    effects.add(x);
                }
                row.put("morris", effects);
            }
            if (a.sobol() != null) {
                Sobol.OutputIndices oi = a.sobol().outputs().get(i);
                List<Map<String, Object>> ix = new ArrayList<>();
                for (Sobol.Index x : oi.indices()) {
                    Map<String, Object> y = new LinkedHashMap<>();
                    y.put("parameter", x.parameter().name());
                    y.put("first_order", finite(x.firstOrder()));
                    y.put("first_order_interval", java.util.Arrays.asList(finite(x.firstOrderLow()),
                            finite(x.firstOrderHigh())));
                    y.put("total", finite(x.total()));
                    y.put("total_interval", java.util.Arrays.asList(finite(x.totalLow()), finite(x.totalHigh())));
                    ix.add(y);
                }
                Map<String, Object> sob = new LinkedHashMap<>();
                sob.put("variance", finite(oi.variance()));
                sob.put("interaction_share", finite(oi.interactionShare()));
                sob.put("indices", ix);
                row.put("sobol", sob);
            }
            outputs.add(row);
        }
        return outputs;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
