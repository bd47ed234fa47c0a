package dev.cradle.scenario.io;

import java.util.List;

/**
 * Every process's cumulative results: for each process, per one unit of its reference product, the
 * total of each indicator over its whole supply chain, {@code y = (C·B·A⁻¹)} row by row, from one
 * factorisation of A.
 *
 * @param indicators indicator keys ({@code method/category}) in column order
 * @param units      indicator units, same order
 * @param rows       one per process, in database order
 * @param solver     the solve method used, for the report
 * @param matches    coverage of each indicator on the database's elementary flows
 */
public record DatabaseResults(LinkedDatabase linked, List<String> indicators, List<String> units, List<Row> rows,
                              String solver, List<FlowMapping.MatchReport> matches) {
    public DatabaseResults {
        indicators = List.copyOf(indicators);
        units = List.copyOf(units);
        rows = List.copyOf(rows);
        matches = List.copyOf(matches);
    }

    /** One process: its database UUID, name, reference product and unit, and one value per indicator. */
    public record Row(String processId, String name, String product, String unit, double[] values) {
    }

    public Row row(String processId) {
        return rows.stream().filter(r -> r.processId().equals(processId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + processId));
    }

    public int indicator(String key) {
        for (int k = 0; k < indicators.size(); k++) {
            if (indicators.get(k).equals(key) || indicators.get(k).endsWith("/" + key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no indicator " + key + " (have " + indicators + ")");
    }
}
