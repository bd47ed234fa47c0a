package dev.cradle.scenario.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Renders database imports and results: counts, the full linking report, coverage, and the results CSV. */
public final class DatabaseReport {
    private DatabaseReport() {
    }

    /** Counts of the database and the linking summary. */
    public static List<String> summary(LinkedDatabase linked) {
        Database db = linked.database();
        long elementary = db.flows().values().stream().filter(f -> f.isElementary()).count();
        long exchanges = db.processes().stream().mapToLong(p -> p.exchanges().size()).sum();
        List<String> out = new ArrayList<>();
        out.add(db.name() + ": " + db.format());
        out.add("processes: " + db.processes().size() + "; flows: " + db.flows().size() + " (" + elementary
                + " elementary, " + (db.flows().size() - elementary) + " product/waste); exchanges: " + exchanges
                + "; global parameters: " + db.globalParameters().size());
        out.addAll(linked.report().summary());
        return out;
    }

    /** Every item of the linking report, one per line (the {@code explain} view of an import). */
    public static List<String> details(LinkingReport r) {
        List<String> out = new ArrayList<>();
        out.add("Ambiguous providers (" + r.ambiguous().size() + ")");
        r.ambiguous().forEach(l -> out.add("  " + l.processName().trim() + " (" + l.processId() + ") needs " + l.amount()
                + " " + l.unit() + " of '" + l.flowName().trim() + "'; candidates " + l.candidates() + ": " + l.resolution()));
        out.add("Inputs with no provider, cut off (" + r.missing().size() + ")");
        r.missing().forEach(l -> out.add("  " + l.processName().trim() + " (" + l.processId() + ") needs " + l.amount()
                + " " + l.unit() + " of '" + l.flowName().trim() + "': " + l.resolution()));
        out.add("Multi-output processes and leftover allocation factors (" + r.allocation().size() + ")");
        r.allocation().forEach(l -> out.add("  " + l));
        out.add("Import notes (" + r.notes().size() + ")");
        r.notes().forEach(l -> out.add("  " + l));
        return out;
    }

    /** One line per indicator: how many of the database's elementary flows the method characterises. */
    public static List<String> coverage(List<FlowMapping.MatchReport> matches, boolean listUnmatched) {
        List<String> out = new ArrayList<>();
        for (FlowMapping.MatchReport m : matches) {
            out.add(m.indicator() + ": " + m.matchedCount() + " of " + m.flowsInDatabase()
                    + " elementary flows with an exchange characterised " + m.matched() + "; "
                    + m.unmatched().size() + " with an exchange but no factor (" + m.factorsInMethod()
                    + " factors in the method)" + (m.suspects().isEmpty() ? "" : "; " + m.suspects().size()
                    + " of these are substances the method characterises under another name or compartment"));
            if (listUnmatched) {
                m.suspects().forEach(u -> out.add("    check: " + u));
            }
        }
        return out;
    }

    /** The results table: one row per process, one column per indicator (cumulative, per reference unit). */
    public static String csv(DatabaseResults results) {
        StringWriter w = new StringWriter();
        List<String> header = new ArrayList<>(List.of("process_id", "process", "reference_product", "unit"));
        for (int k = 0; k < results.indicators().size(); k++) {
            header.add(results.indicators().get(k) + " [" + results.units().get(k) + "]");
        }
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n").build())) {
            for (DatabaseResults.Row r : results.rows()) {
                List<Object> row = new ArrayList<>(List.of(r.processId(), r.name(), r.product(), r.unit()));
                for (double v : r.values()) {
                    row.add(Double.toString(v));
                }
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Everything a reader of the CSV needs to trust it: policies, cut-offs, coverage, solver. */
    public static String text(DatabaseResults results) {
        List<String> lines = new ArrayList<>(summary(results.linked()));
        lines.add("solver: " + results.solver() + "; one factorisation, " + results.indicators().size()
                + " adjoint solves");
        lines.add("");
        lines.add("Coverage of the methods on the database's elementary flows");
        lines.addAll(coverage(results.matches(), true));
        lines.add("");
        lines.add("Elementary flows with an exchange but no factor, by indicator");
        for (FlowMapping.MatchReport m : results.matches()) {
            lines.add("  " + m.indicator() + " (" + m.unmatched().size() + ")");
            m.unmatched().forEach(u -> lines.add("    " + u));
        }
        lines.add("");
        lines.addAll(details(results.linked().report()));
        return String.join("\n", lines) + "\n";
    }

    static Map<String, String> files(String csvName, DatabaseResults results) {
        return Map.of(csvName, csv(results), csvName.replaceFirst("\\.csv$", "") + ".report.txt", text(results));
    }
}
