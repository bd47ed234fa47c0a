package dev.cradle.scenario.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parts of {@code cradle explain} that come from the result rather than the rules: every functional
 * unit (what it is and its totals, location- and market-based) and every parameter of the study (value,
 * unit, formula of a derived one, distribution, where it comes from).
 */
public final class ExplainSections {
    private ExplainSections() {
    }

    /** The functional units, the primary first, each with its indicator totals. */
    public static String functionalUnits(List<UnitResult> units) {
        StringBuilder out = new StringBuilder("Functional units (the first is primary: the detailed results are per it)\n");
        for (UnitResult u : units) {
            var fu = u.unit().unit();
            out.append("  ").append(u.id()).append(u.primary() ? " (primary)" : "").append(": ")
                    .append(Numbers.format(u.amount())).append(" × ").append(fu.description().isEmpty() ? fu.referenceFlow().name()
                    : fu.description()).append(fu.provider().isEmpty() ? "  [flow " + fu.referenceFlow().id()
                    : "  [process " + fu.provider()).append("]\n");
            var r = u.location();
            List<String> unknown = new ArrayList<>();
            for (int k = 0; k < r.impactIndex().size(); k++) {
                if (CsvReport.coverage(r, k, j -> true).equals(CsvReport.NONE)) {
                    unknown.add(r.impactIndex().at(k).key());
                    continue;
                }
                out.append("      ").append(r.impactIndex().at(k).key()).append(": ").append(Numbers.format(r.impacts()[k]));
                if (u.market() != null && u.market().impacts()[k] != r.impacts()[k]) {
                    out.append(" (market-based ").append(Numbers.format(u.market().impacts()[k])).append(')');
                }
                out.append(' ').append(r.impactIndex().at(k).category().indicatorUnit().symbol()).append('\n');
            }
            if (!unknown.isEmpty()) {
                out.append("      unknown (no data covers them): ").append(String.join(", ", unknown)).append('\n');
            }
        }
        return out.toString();
    }

    /** Processes' local parameters beyond this many are counted, not listed (a background database has hundreds). */
    static final int LOCAL_LISTED = 50;

    /**
     * Every global parameter: scope, value and unit, formula or distribution, source and description; the
     * processes' local parameters too, unless there are more than {@value #LOCAL_LISTED} (then counted, and
     * listed in results.json and parameters.csv).
     */
    public static String parameters(List<ParameterReport.Row> rows) {
        if (rows.isEmpty()) {
            return "Parameters: none\n";
        }
        StringBuilder out = new StringBuilder("Parameters (inputs, derived values and those the AI rules created)\n");
        List<ParameterReport.Row> locals = rows.stream().filter(r -> !r.scope().equals("global")).toList();
        boolean countLocals = locals.size() > LOCAL_LISTED;
        for (ParameterReport.Row r : rows) {
            if (countLocals && !r.scope().equals("global")) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add("= " + Numbers.format(r.value()) + (r.unit().isEmpty() ? "" : " " + r.unit()));
            if (Double.isFinite(r.marketValue())) {
                parts.add("market-based " + Numbers.format(r.marketValue()));
            }
            if (r.derived()) {
                parts.add("derived: " + r.formula());
            }
            if (!r.distribution().isEmpty()) {
                parts.add(distribution(r.distribution()));
            }
            parts.add(r.source() + (r.scope().equals("global") ? "" : ", " + r.scope()));
            out.append("  ").append(r.name()).append(' ').append(String.join("; ", parts)).append('\n');
            if (!r.description().isEmpty()) {
                out.append("      ").append(r.description()).append('\n');
            }
        }
        if (countLocals) {
            out.append("  and ").append(locals.size()).append(" local parameters of ")
                    .append(locals.stream().map(ParameterReport.Row::scope).distinct().count())
                    .append(" processes (listed in results.json and parameters.csv)\n");
        }
        return out.toString();
    }

    private static String distribution(Map<String, Object> d) {
        return d.get("distribution") + "(" + d.entrySet().stream().filter(e -> !e.getKey().equals("distribution"))
                .map(e -> e.getKey() + " " + (e.getValue() instanceof Double v ? Numbers.format(v) : e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }
}
