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
                    .append(Numbers.format(u.amount())).append(" × ").append(fu.description()).append("  [process ")
                    .append(fu.provider().isEmpty() ? fu.referenceFlow().id() : fu.provider()).append("]\n");
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

    /** Every parameter: scope, value and unit, formula or distribution, source and description. */
    public static String parameters(List<ParameterReport.Row> rows) {
        if (rows.isEmpty()) {
            return "Parameters: none\n";
        }
        StringBuilder out = new StringBuilder("Parameters (inputs, derived values and those the AI rules created)\n");
        for (ParameterReport.Row r : rows) {
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
        return out.toString();
    }

    private static String distribution(Map<String, Object> d) {
        return d.get("distribution") + "(" + d.entrySet().stream().filter(e -> !e.getKey().equals("distribution"))
                .map(e -> e.getKey() + " " + (e.getValue() instanceof Double v ? Numbers.format(v) : e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }
}
