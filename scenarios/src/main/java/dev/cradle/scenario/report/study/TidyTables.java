package dev.cradle.scenario.report.study;

import dev.cradle.engine.analysis.Morris;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.Tornado;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.analysis.OutputKey;
import dev.cradle.scenario.analysis.StudyAnalysis;
import dev.cradle.scenario.report.CsvReport;
import dev.cradle.scenario.report.UnitResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's tables in tidy form (one observation per row, RFC 4180, loads straight into pandas or R):
 * <ul>
 * <li>{@code report.csv}: scenario, functional_unit, indicator, unit, basis ({@code location}/{@code market}),
 *     coverage, statistic ({@code deterministic}, {@code mean}, {@code sd}, {@code standard_error}, {@code median},
 *     {@code p2.5}, {@code p5}, {@code p95}, {@code p97.5}, {@code min}, {@code max}, {@code draws}), value — a value
 *     no data covers is empty (unknown, not zero);</li>
 * <li>{@code contributions.csv}: the same with breakdown ({@code stage, phase, model, device, datacenter}) and
 *     member, on both bases;</li>
 * <li>{@code sensitivity.csv}: scenario, functional_unit, indicator, unit, basis, analysis ({@code tornado, morris,
 *     sobol}), parameter, statistic, value; market-based rows only where the study's contracts make the market basis
 *     differ (otherwise they would repeat the location-based ones).</li>
 * </ul>
 */
final class TidyTables {
    static final List<String> REPORT = List.of("scenario", "functional_unit", "indicator", "unit", "basis", "coverage",
            "statistic", "value");

    private TidyTables() {
    }

    /** Monte Carlo statistics by their column name in the tables. */
    static Map<String, Double> statistics(OutputStatistics s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("sd", s.sd());
        m.put("standard_error", s.standardError());
        m.put("median", s.median());
        m.put("p2.5", s.p2_5());
        m.put("p5", s.p5());
        m.put("p95", s.p95());
        m.put("p97.5", s.p97_5());
        m.put("min", s.min());
        m.put("max", s.max());
        m.put("draws", (double) s.draws());
        return m;
    }

    static String report(StudyReport r) {
        List<List<Object>> rows = new ArrayList<>();
        String scenario = r.title();
        for (UnitResult u : r.study().units()) {
            LcaResult loc = u.location();
            for (int k = 0; k < loc.impactIndex().size(); k++) {
                String key = loc.impactIndex().at(k).key();
                String unit = loc.impactIndex().at(k).category().indicatorUnit().symbol();
                String cov = CsvReport.coverage(loc, k);
                rows.add(row(scenario, u.id(), key, unit, "location", cov, "deterministic", loc.impacts()[k]));
                if (u.market() != null) {
                    String mc = CsvReport.coverage(u.market(), k);
                    rows.add(row(scenario, u.id(), key, unit, "market", mc, "deterministic", u.market().impacts()[k]));
                }
            }
        }
        for (StudyAnalysis.Results b : results(r.analysis())) {
            if (b.monteCarlo() == null) {
                continue;
            }
            for (int o = 0; o < b.outputs().size(); o++) {
                OutputKey key = b.outputs().get(o);
                if (key.breakdown() != OutputKey.Breakdown.TOTAL) {
                    continue;
                }
                String cov = coverage(r, key);
                OutputStatistics s = b.monteCarlo().outputs().get(o);
                for (Map.Entry<String, Double> e : statistics(s).entrySet()) {
                    rows.add(row(scenario, key.functionalUnit(), key.indicator(), key.unit(), key.basisName(), cov,
                            e.getKey(), e.getValue()));
                }
            }
        }
        return csv(REPORT, rows);
    }

    private static List<Object> row(String scenario, String fu, String indicator, String unit, String basis,
                                    String coverage, String statistic, double value) {
        boolean unknown = coverage.equals(CsvReport.NONE) || Double.isNaN(value);
        return List.of(scenario, fu, indicator, unit, basis, coverage, statistic, unknown ? "" : value);
    }

    /**
     * The coverage of an output's indicator in its functional unit's deterministic result on the output's basis
     * (market-based outputs of a unit without a market result: not covered).
     */
    static String coverage(StudyReport r, OutputKey key) {
        boolean market = key.basis() == OutputKey.Basis.MARKET;
        for (UnitResult u : r.study().units()) {
            if (u.id().equals(key.functionalUnit())) {
                LcaResult res = market ? u.market() : u.location();
                if (res == null) {
                    return CsvReport.NONE;
                }
                var k = res.impactIndex().indexOf(key.indicator());
                if (k.isPresent()) {
                    return CsvReport.coverage(res, k.getAsInt());
                }
            }
        }
        return market ? CsvReport.NONE : CsvReport.COMPLETE;
    }

    /** The location-based results, then the market-based ones of a study with AI datacenters (basis column). */
    static List<StudyAnalysis.Results> results(StudyAnalysis a) {
        return a.market() == null ? List.of(a.location()) : List.of(a.location(), a.market().results());
    }

    static String contributions(StudyReport r) {
        List<List<Object>> rows = new ArrayList<>();
        String scenario = r.title();
        String fu = r.study().units().get(0).id();
        for (StudyReport.Indicator i : r.indicators()) {
            deterministic(rows, scenario, fu, i, "location", i.breakdowns());
            deterministic(rows, scenario, fu, i, "market", i.marketBreakdowns());
        }
        for (StudyAnalysis.Results b : results(r.analysis())) {
            if (b.monteCarlo() == null) {
                continue;
            }
            for (int o = 0; o < b.outputs().size(); o++) {
                OutputKey key = b.outputs().get(o);
                if (key.breakdown() == OutputKey.Breakdown.TOTAL) {
                    continue;
                }
                String cov = coverage(r, key);
                boolean unknown = cov.equals(CsvReport.NONE); // no data covers it: unknown, not zero
                for (Map.Entry<String, Double> e : statistics(b.monteCarlo().outputs().get(o)).entrySet()) {
                    rows.add(List.of(scenario, key.functionalUnit(), key.indicator(), key.unit(), key.basisName(),
                            key.breakdown().name().toLowerCase(java.util.Locale.ROOT), key.member(), cov, e.getKey(),
                            !unknown && Double.isFinite(e.getValue()) ? e.getValue() : ""));
                }
            }
        }
        return csv(List.of("scenario", "functional_unit", "indicator", "unit", "basis", "breakdown", "member",
                "coverage", "statistic", "value"), rows);
    }

    private static void deterministic(List<List<Object>> rows, String scenario, String fu, StudyReport.Indicator i,
                                      String basis, Map<String, Map<String, Double>> breakdowns) {
        for (Map.Entry<String, Map<String, Double>> b : breakdowns.entrySet()) {
            for (Map.Entry<String, Double> m : b.getValue().entrySet()) {
                boolean unknown = i.coverage().equals(CsvReport.NONE) || m.getValue() == null || Double.isNaN(m.getValue());
                rows.add(List.of(scenario, fu, i.key(), i.unit(), basis, b.getKey(), m.getKey(), i.coverage(),
                        "deterministic", unknown ? "" : m.getValue()));
            }
        }
    }

    static String sensitivity(StudyReport r) {
        List<List<Object>> rows = new ArrayList<>();
        String scenario = r.title();
        for (StudyAnalysis.Results a : r.analysis().bases()) {
            for (int o = 0; o < a.outputs().size(); o++) {
                OutputKey key = a.outputs().get(o);
                String cov = coverage(r, key);
                List<Object> head = List.of(scenario, key.functionalUnit(), key.indicator() + (key.breakdown()
                        == OutputKey.Breakdown.TOTAL ? "" : "|" + key.breakdown().name().toLowerCase(
                        java.util.Locale.ROOT) + "|" + key.member()), key.unit(), key.basisName(), cov);
                if (cov.equals(CsvReport.NONE)) {
                    continue; // no data covers the indicator: nothing to say which input moves it (unknown, not zero)
                }
                if (a.tornado() != null) {
                    for (Tornado.Bar b : a.tornado().bars().get(o)) {
                        add(rows, head, "tornado", b.parameter().name(), Map.of("parameter_p5", b.low(),
                                "parameter_p95", b.high(), "output_at_p5", b.outputLow(), "output_at_p95",
                                b.outputHigh(), "swing", b.swing()));
                    }
                }
                if (a.morris() != null) {
                    for (Morris.Effect e : a.morris().effects().get(o)) {
                        add(rows, head, "morris", e.parameter().name(), Map.of("mu", e.mu(), "mu_star", e.muStar(),
                                "sigma", e.sigma()));
                    }
                }
                if (a.sobol() != null) {
                    for (Sobol.Index x : a.sobol().outputs().get(o).indices()) {
                        Map<String, Double> m = new LinkedHashMap<>();
                        m.put("first_order", x.firstOrder());
                        m.put("first_order_low", x.firstOrderLow());
                        m.put("first_order_high", x.firstOrderHigh());
                        m.put("total", x.total());
                        m.put("total_low", x.totalLow());
                        m.put("total_high", x.totalHigh());
                        add(rows, head, "sobol", x.parameter().name(), m);
                    }
                }
            }
        }
        return csv(List.of("scenario", "functional_unit", "indicator", "unit", "basis", "coverage", "analysis",
                "parameter", "statistic", "value"), rows);
    }

    private static void add(List<List<Object>> rows, List<Object> head, String analysis, String parameter,
                            Map<String, Double> values) {
        new java.util.TreeMap<>(values).forEach((k, v) -> {
            List<Object> row = new ArrayList<>(head);
            row.add(analysis);
            row.add(parameter);
            row.add(k);
            row.add(Double.isFinite(v) ? v : "");
            rows.add(row);
        });
    }

    static String csv(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
