package dev.cradle.scenario.report;

import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.ProductSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The machine-readable result as plain maps and lists (serialised to results.json): functional unit,
 * indicator totals, inventory, and contributions by process, life cycle stage, ML phase and tag, all per
 * the primary functional unit; every functional unit's totals and breakdowns by stage and phase
 * ({@code functional_units}); and every parameter of the study ({@code parameters}).
 */
public final class ResultDocument {
    private ResultDocument() {
    }

    /** A measured workload beside the declared study; figures that are not known are left out, never NaN. */
    private static Map<String, Object> measurement(dev.cradle.engine.ai.MeasurementCheck c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workload", c.workload());
        row.put("tool", c.tool());
        if (!c.file().isEmpty()) {
            row.put("file", c.file());
        }
        putFinite(row, "it_kwh_per_run", c.itKwh());
        putFinite(row, "duration_h", c.durationH());
        putFinite(row, "mean_power_kw", c.meanPowerKw());
        putFinite(row, "plausible_power_kw", c.powerBoundKw());
        putFinite(row, "estimate_kwh_from_device_hours", c.estimateKwh());
        putFinite(row, "tool_pue", c.toolPue());
        putFinite(row, "datacenter_pue", c.datacenterPue());
        row.put("places", c.places());
        putFinite(row, "tool_emissions_kg", c.toolEmissionsKg());
        putFinite(row, "tool_intensity_kg_per_kwh", c.toolIntensity());
        putFinite(row, "cradle_intensity_kg_per_kwh", c.cradleIntensity());
        row.put("cradle_grid", c.grid());
        row.put("notes", c.notes());
        row.put("warnings", c.warnings());
        return row;
    }

    /**
     * A library grid's generation mix: where it comes from, its shares, and per impact category the share of
     * generation that has a factor ({@code covered_share} < 1: the category's value is a lower bound, not covered).
     */
    private static Map<String, Object> countryMix(dev.cradle.engine.ai.CountryMixBurdens m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("grid", m.grid());
        row.put("grid_process", m.gridProcess());
        row.put("country", m.mix().country());
        row.put("year", m.mix().year());
        row.put("dataset", m.mix().dataset());
        row.put("basis", m.mix().country().equals(m.grid()) ? "the country's own mix"
                : "the country's mix standing in for a sub-national or cloud-region grid");
        Map<String, Object> shares = new LinkedHashMap<>();
        m.mix().twh().keySet().forEach(s -> {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("share", m.mix().share(s));
            source.put("technology", m.mix().technology(s).orElse(null));
            shares.put(s, source);
        });
        row.put("sources", shares);
        Map<String, Object> categories = new LinkedHashMap<>();
        m.coveredShare().forEach((c, share) -> {
            Map<String, Object> cat = new LinkedHashMap<>();
            cat.put("covered_share", share);
            cat.put("covered", m.covered().contains(c));
            categories.put(c, cat);
        });
        row.put("categories", categories);
        row.put("climate_change", "the grid's own intensity (grid_process, with its vintage), not the mix");
        return row;
    }

    private static void putFinite(Map<String, Object> row, String key, double v) {
        if (Double.isFinite(v)) {
            row.put(key, v);
        }
    }

    /** The document of {@code r}; {@code ai} adds market-based results, workloads and allocations. */
    public static Map<String, Object> of(ProductSystem system, LcaResult r, AiView ai) {
        return of(system, r, ai, List.of());
    }

    /**
     * As above, with the scenario's warnings under {@code warnings}: each with {@code file},
     * {@code line}, {@code column} and {@code message}.
     */
    public static Map<String, Object> of(ProductSystem system, LcaResult r, AiView ai,
                                         List<dev.cradle.scenario.Problem> warnings) {
        return of(system, r, ai, warnings, List.of(), List.of());
    }

    /**
     * As above, with every functional unit's results under {@code functional_units} (the primary one, whose
     * results the rest of the document holds, first) and every parameter of the study under {@code parameters}
     * (see {@link ParameterReport}); an empty list leaves its section out.
     */
    public static Map<String, Object> of(ProductSystem system, LcaResult r, AiView ai,
                                         List<dev.cradle.scenario.Problem> warnings, List<UnitResult> units,
                                         List<ParameterReport.Row> parameters) {
        LcaResult market = ai.market();
        List<dev.cradle.engine.ai.AllocationRecord> allocations = ai.allocations();
        List<dev.cradle.engine.ai.WorkloadEnergy> activity = ai.activity();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "cradle-result/1");
        doc.put("scenario", system.name());
        Map<String, Object> fu = new LinkedHashMap<>();
        fu.put("flow", system.functionalUnit().referenceFlow().id());
        fu.put("amount", Math.abs(r.demand()[r.techIndex().size() == 0 ? 0 : referenceColumn(r)]));
        fu.put("unit", system.functionalUnit().referenceFlow().referenceUnit().symbol());
        fu.put("description", system.functionalUnit().description());
        if (!units.isEmpty()) {
            fu.put("id", units.get(0).id());
        }
        doc.put("functional_unit", fu);
        if (!units.isEmpty()) {
            doc.put("functional_units", units.stream().map(ResultDocument::unit).toList());
        }
        if (!parameters.isEmpty()) {
            doc.put("parameters", ParameterReport.json(parameters));
        }
        doc.put("solver", r.solverMethod());
        List<Map<String, Object>> impacts = new ArrayList<>();
        Map<String, Object> byProcess = new LinkedHashMap<>();
        Map<String, Object> byStage = new LinkedHashMap<>();
        Map<String, Object> byPhase = new LinkedHashMap<>();
        Map<String, Object> byTag = new LinkedHashMap<>();
        TreeSet<String> tagKeys = new TreeSet<>();
        r.techIndex().columns().forEach(t -> tagKeys.addAll(t.process().tags().keySet()));
        for (int k = 0; k < r.impactIndex().size(); k++) {
            ImpactIndex.Indicator ind = r.impactIndex().at(k);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator", ind.key());
            row.put("method", ind.method().name());
            row.put("category", ind.category().name());
            row.put("unit", ind.category().indicatorUnit().symbol());
            String coverage = r.isComplete(k) ? CsvReport.COMPLETE
                    : CsvReport.coverage(r, k, j -> true).equals(CsvReport.NONE) ? CsvReport.NONE : CsvReport.PARTIAL;
            // unknown is not zero: an indicator no contributing process covers has no value
            row.put("value", coverage.equals(CsvReport.NONE) ? null : r.impacts()[k]);
            row.put("coverage", coverage);
            row.put("complete", r.isComplete(k));
            if (!r.notCoveredBy(k).isEmpty()) {
                row.put("not_covered_by", r.notCoveredBy(k));
            }
            if (!r.uncharacterisedFlows(k).isEmpty()) {
                row.put("uncharacterised_flows", r.uncharacterisedFlows(k));
            }
            impacts.add(row);
            byProcess.put(ind.key(), CsvReport.valuesOrUnknown(r, k, r.byProcess(k), "process"));
            byStage.put(ind.key(), CsvReport.valuesOrUnknown(r, k, r.byStage(k), "stage"));
            if (r.hasPhases()) {
                byPhase.put(ind.key(), CsvReport.valuesOrUnknown(r, k, r.byPhase(k), "phase"));
            }
            Map<String, Object> tags = new LinkedHashMap<>();
            for (String key : tagKeys) {
                Contributions c = r.byTag(k, key);
                tags.put(key, CsvReport.valuesOrUnknown(r, k, c, key));
            }
            if (!tags.isEmpty()) {
                byTag.put(ind.key(), tags);
            }
        }
        doc.put("impacts", impacts);
        if (market != null) {
            List<Map<String, Object>> m = new ArrayList<>();
            for (int k = 0; k < market.impactIndex().size(); k++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("indicator", market.impactIndex().at(k).key());
                row.put("unit", market.impactIndex().at(k).category().indicatorUnit().symbol());
                boolean unknown = CsvReport.coverage(market, k, j -> true).equals(CsvReport.NONE);
                row.put("value", unknown ? null : market.impacts()[k]);
                m.add(row);
            }
            doc.put("impacts_market_based", m);
        }
        if (!activity.isEmpty()) {
            List<Map<String, Object>> w = new ArrayList<>();
            for (var e : activity) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("workload", e.workload());
                row.put("model", e.model());
                row.put("phase", e.phase().key());
                row.put("device_hours", e.deviceHours());
                row.put("it_kwh", e.itKwh());
                row.put("facility_kwh", e.facilityKwh());
                row.put("water_onsite_l", e.onsiteWaterL());
                row.put("water_offsite_l", e.offsiteWaterL());
                row.put("queries", e.queries());
                row.put("tokens", e.tokens());
                w.add(row);
            }
            doc.put("workloads", w);
        }
        if (!ai.measurements().isEmpty()) {
            doc.put("measurements", ai.measurements().stream().map(ResultDocument::measurement).toList());
        }
        if (!ai.countryMixes().isEmpty()) {
            doc.put("electricity_mixes", ai.countryMixes().stream().map(ResultDocument::countryMix).toList());
        }
        if (!allocations.isEmpty()) {
            List<Map<String, Object>> a = new ArrayList<>();
            for (var rec : allocations) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("cost", rec.cost());
                row.put("description", rec.description());
                row.put("amount", rec.amount());
                row.put("unit", rec.unit());
                row.put("rule", rec.rule());
                row.put("shares", rec.shares());
                a.add(row);
            }
            doc.put("allocations", a);
        }
        List<Map<String, Object>> inventory = new ArrayList<>();
        double[] g = r.inventory();
        for (int i = 0; i < g.length; i++) {
            var f = r.flowIndex().at(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("flow", f.id());
            row.put("name", f.name());
            row.put("compartment", f.compartment().label());
            row.put("unit", f.referenceUnit().symbol());
            row.put("value", g[i]);
            inventory.add(row);
        }
        doc.put("inventory", inventory);
        Map<String, Object> contributions = new LinkedHashMap<>();
        contributions.put("by_process", byProcess);
        contributions.put("by_stage", byStage);
        if (!byPhase.isEmpty()) {
            contributions.put("by_phase", byPhase);
        }
        if (!byTag.isEmpty()) {
            contributions.put("by_tag", byTag);
        }
        doc.put("contributions", contributions);
        Map<String, Object> upstream = new LinkedHashMap<>();
        for (int k = 0; k < r.impactIndex().size(); k++) {
            upstream.put(r.impactIndex().at(k).key(), tree(r.upstreamTree(k, UPSTREAM_CUTOFF, UPSTREAM_DEPTH)));
        }
        doc.put("upstream_cutoff", UPSTREAM_CUTOFF);
        doc.put("upstream", upstream);
        double[] s = r.scalingVector();
        Map<String, Object> scaling = new LinkedHashMap<>();
        for (int j = 0; j < s.length; j++) {
            scaling.put(r.techIndex().at(j).label(), s[j]);
        }
        doc.put("scaling", scaling);
        List<Map<String, Object>> w = new ArrayList<>();
        for (dev.cradle.scenario.Problem p : warnings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", String.valueOf(p.file()));
            item.put("line", p.position().line());
            item.put("column", p.position().column());
            item.put("message", p.message());
            w.add(item);
        }
        doc.put("warnings", w);
        requireFinite(doc, "");
        return doc;
    }

    /** One functional unit: what it is, and its totals and breakdowns, location- and market-based. */
    private static Map<String, Object> unit(UnitResult u) {
        Map<String, Object> m = new LinkedHashMap<>();
        var fu = u.unit().unit();
        m.put("id", u.id());
        m.put("primary", u.primary());
        m.put("description", fu.description());
        m.put("flow", fu.referenceFlow().id());
        m.put("amount", u.amount());
        m.put("unit", fu.referenceFlow().referenceUnit().symbol());
        m.put("impacts", totals(u.location()));
        if (u.market() != null) {
            m.put("impacts_market_based", totals(u.market()));
        }
        Map<String, Object> contributions = new LinkedHashMap<>();
        LcaResult r = u.location();
        Map<String, Object> byStage = new LinkedHashMap<>();
        Map<String, Object> byPhase = new LinkedHashMap<>();
        for (int k = 0; k < r.impactIndex().size(); k++) {
            String key = r.impactIndex().at(k).key();
            byStage.put(key, CsvReport.valuesOrUnknown(r, k, r.byStage(k), "stage"));
            if (r.hasPhases()) {
                byPhase.put(key, CsvReport.valuesOrUnknown(r, k, r.byPhase(k), "phase"));
            }
        }
        contributions.put("by_stage", byStage);
        if (!byPhase.isEmpty()) {
            contributions.put("by_phase", byPhase);
        }
        m.put("contributions", contributions);
        return m;
    }

    /** Indicator totals: indicator, unit, value (null when no data covers it) and coverage. */
    private static List<Map<String, Object>> totals(LcaResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < r.impactIndex().size(); k++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator", r.impactIndex().at(k).key());
            row.put("unit", r.impactIndex().at(k).category().indicatorUnit().symbol());
            String coverage = r.isComplete(k) ? CsvReport.COMPLETE
                    : CsvReport.coverage(r, k, j -> true).equals(CsvReport.NONE) ? CsvReport.NONE : CsvReport.PARTIAL;
            row.put("value", coverage.equals(CsvReport.NONE) ? null : r.impacts()[k]);
            row.put("coverage", coverage);
            out.add(row);
        }
        return out;
    }

    /**
     * The last guard before results.json: every number in it is finite. The engine refuses overflow
     * as bad input before this point, so a non-finite number here is a bug in Cradle (exit 1), never
     * written as "Infinity" or "NaN".
     */
    static void requireFinite(Object node, String path) {
        if (node instanceof Double d && !Double.isFinite(d)) {
            throw new IllegalStateException("a non-finite number (" + d + ") reached results.json at " + path);
        }
        if (node instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                requireFinite(a[i], path + "/" + i);
            }
        } else if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> requireFinite(v, path + "/" + k));
        } else if (node instanceof Iterable<?> it) {
            int i = 0;
            for (Object o : it) {
                requireFinite(o, path + "/" + i++);
            }
        }
    }

    /** Upstream branches below 1 % of the indicator total are summed into {@code cut_off}. */
    static final double UPSTREAM_CUTOFF = 0.01;
    static final int UPSTREAM_DEPTH = 12;

    private static Map<String, Object> tree(dev.cradle.engine.result.UpstreamNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("process", n.provider().processId());
        m.put("flow", n.provider().flowId());
        m.put("amount", n.amount());
        m.put("unit", n.provider().flow().referenceUnit().symbol());
        m.put("direct", n.direct());
        m.put("total", n.total());
        m.put("share", n.share());
        if (n.cutOff() != 0) {
            m.put("cut_off", n.cutOff());
        }
        if (!n.children().isEmpty()) {
            m.put("children", n.children().stream().map(ResultDocument::tree).toList());
        }
        return m;
    }

    static int referenceColumn(LcaResult r) {
        double[] f = r.demand();
        for (int j = 0; j < f.length; j++) {
            if (f[j] != 0) {
                return j;
            }
        }
        return 0;
    }
}
