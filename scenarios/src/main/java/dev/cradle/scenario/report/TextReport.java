package dev.cradle.scenario.report;

import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.ProductSystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The terminal table printed by {@code cradle run}: results by indicator, life cycle stage and ML phase. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(ProductSystem system, LcaResult r) {
        StringBuilder out = new StringBuilder();
        FunctionalUnit fu = system.functionalUnit();
        double fuAmount = r.demand()[argMaxAbs(r.demand())];
        out.append("Scenario:        ").append(system.name()).append('\n');
        out.append("Functional unit: ").append(Numbers.format(Math.abs(fuAmount))).append(' ')
                .append(fu.referenceFlow().referenceUnit()).append(' ').append(fu.referenceFlow().name())
                .append(fu.description().isEmpty() ? "" : " — " + fu.description()).append('\n');
        out.append("Processes:       ").append(r.techIndex().size()).append(", solved by ").append(r.solverMethod())
                .append('\n');
        if (r.impactIndex().size() == 0) {
            out.append("\nNo impact method is included; inventory only.\n");
        } else {
            out.append("\nImpact assessment (per functional unit)\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Indicator", "Result", "Unit", "Coverage"});
            List<String> notes = new ArrayList<>();
            for (int k = 0; k < r.impactIndex().size(); k++) {
                ImpactIndex.Indicator ind = r.impactIndex().at(k);
                String coverage = "complete";
                if (!r.isComplete(k)) {
                    List<String> parts = new ArrayList<>();
                    if (!r.notCoveredBy(k).isEmpty()) {
                        parts.add("not covered by the data of " + String.join(", ", r.notCoveredBy(k)));
                    }
                    if (!r.uncharacterisedFlows(k).isEmpty()) {
                        parts.add("the method has no factor for " + String.join(", ", r.uncharacterisedFlows(k)));
                    }
                    String note = String.join("; ", parts);
                    int n = notes.indexOf(note);
                    if (n < 0) {
                        notes.add(note);
                        n = notes.size() - 1;
                    }
                    coverage = "partial [" + (n + 1) + "]";
                }
                rows.add(new String[] {ind.category().name(), Numbers.format(r.impacts()[k]),
                        ind.category().indicatorUnit().symbol(), coverage});
            }
            table(out, rows, 1);
            for (int n = 0; n < notes.size(); n++) {
                out.append("  [").append(n + 1).append("] ").append(notes.get(n))
                        .append(": the result is a lower bound.\n");
            }
            out.append("\nBy life cycle stage\n");
            groupTable(out, r, r::byStage, "Stage");
            if (r.hasPhases()) {
                out.append("\nBy ML phase\n");
                groupTable(out, r, r::byPhase, "Phase");
            }
            out.append("\nLargest contributing processes\n");
            for (int k = 0; k < r.impactIndex().size(); k++) {
                Contributions c = r.byProcess(k);
                out.append("  ").append(r.impactIndex().at(k).category().name()).append(" (")
                        .append(c.unit()).append(")\n");
                List<String[]> rows2 = new ArrayList<>();
                c.values().entrySet().stream()
                        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                        .filter(e -> e.getValue() != 0).limit(5)
                        .forEach(e -> rows2.add(new String[] {"  " + e.getKey(), Numbers.format(e.getValue()),
                                Numbers.percent(c.share(e.getKey()))}));
                if (rows2.isEmpty()) {
                    out.append("    (no contribution)\n");
                } else {
                    table(out, rows2, 1);
                }
            }
        }
        out.append("\nInventory (elementary flows, per functional unit)\n");
        List<String[]> inv = new ArrayList<>();
        inv.add(new String[] {"Flow", "Compartment", "Amount", "Unit"});
        double[] g = r.inventory();
        for (int i = 0; i < g.length; i++) {
            var f = r.flowIndex().at(i);
            inv.add(new String[] {f.name(), f.compartment().label(), Numbers.format(g[i]), f.referenceUnit().symbol()});
        }
        table(out, inv, 2);
        return out.toString();
    }

    private static int argMaxAbs(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }

    /** One row per indicator, one column per group (stage or phase): value and share of the total. */
    private static void groupTable(StringBuilder out, LcaResult r, java.util.function.IntFunction<Contributions> by,
                                   String title) {
        int kk = r.impactIndex().size();
        List<String> groups = new ArrayList<>(by.apply(0).values().keySet());
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[groups.size() + 1];
        header[0] = "Indicator (unit) \\ " + title;
        for (int g = 0; g < groups.size(); g++) {
            header[g + 1] = groups.get(g);
        }
        rows.add(header);
        for (int k = 0; k < kk; k++) {
            Contributions c = by.apply(k);
            String[] row = new String[groups.size() + 1];
            row[0] = r.impactIndex().at(k).category().id() + " (" + c.unit() + ")";
            for (int g = 0; g < groups.size(); g++) {
                double v = c.values().getOrDefault(groups.get(g), 0.0);
                row[g + 1] = v == 0 ? "-" : Numbers.format(v) + " (" + Numbers.percent(c.share(groups.get(g))) + ")";
            }
            rows.add(row);
        }
        table(out, rows, 1);
    }

    /** Left-aligns the first {@code textColumns} columns, right-aligns the rest. */
    private static void table(StringBuilder out, List<String[]> rows, int textColumns) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) {
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c < textColumns || c == cols - 1 && rows.get(0)[c].equals("Coverage") ? cell + pad : pad + cell);
                if (c < cols - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
