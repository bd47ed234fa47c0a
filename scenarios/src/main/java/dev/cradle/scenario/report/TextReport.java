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

    private static String known(double v) {
        return Double.isFinite(v) ? Numbers.format(v) : "-";
    }

    /** The report of {@code r}; {@code ai} adds market-based results, allocations and activity data. */
    public static String render(ProductSystem system, LcaResult r, AiView ai) {
        return render(system, r, ai, List.of());
    }

    /**
     * As above; with more than one functional unit, a table of every unit's totals (location- and
     * market-based) follows the primary unit's impact assessment, the tables after it being per the primary unit.
     */
    public static String render(ProductSystem system, LcaResult r, AiView ai, List<UnitResult> units) {
        LcaResult market = ai.market();
        List<dev.cradle.engine.ai.AllocationRecord> allocations = ai.allocations();
        List<dev.cradle.engine.ai.WorkloadEnergy> activity = ai.activity();
        StringBuilder out = new StringBuilder();
        FunctionalUnit fu = system.functionalUnit();
        double fuAmount = r.demand()[argMaxAbs(r.demand())];
        out.append("Scenario:        ").append(system.name()).append('\n');
        out.append("Functional unit: ").append(Numbers.format(Math.abs(fuAmount))).append(' ')
                .append(fu.referenceFlow().referenceUnit()).append(' ').append(fu.referenceFlow().name())
                .append(fu.description().isEmpty() ? "" : " — " + fu.description()).append('\n');
        if (units.size() > 1) {
            out.append("                 (primary unit ").append(units.get(0).id()).append("; ").append(units.size() - 1)
                    .append(units.size() == 2 ? " more unit" : " more units").append(" under \"Results per functional unit\")\n");
        }
        out.append("Processes:       ").append(r.techIndex().size()).append(", solved by ").append(r.solverMethod())
                .append('\n');
        if (!activity.isEmpty()) {
            out.append("\nWorkloads (activity data, runs included)\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Workload", "Model", "Phase", "Device-h", "IT kWh", "Facility kWh", "Water on-site L",
                    "Water off-site L"});
            for (var a : activity) {
                rows.add(new String[] {a.workload(), a.model(), a.phase().key(), Numbers.format(a.deviceHours()),
                        Numbers.format(a.itKwh()), Numbers.format(a.facilityKwh()), Numbers.format(a.onsiteWaterL()),
                        Numbers.format(a.offsiteWaterL())});
            }
            table(out, rows, 3);
        }
        if (!ai.measurements().isEmpty()) {
            out.append("\nMeasured workloads (per run; the tool's own figures beside Cradle's)\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Workload", "Tool", "IT kWh", "Hours", "Estimate kWh", "Measured in", "Tool kg/kWh",
                    "Cradle kg/kWh"});
            for (var m : ai.measurements()) {
                rows.add(new String[] {m.workload(), m.tool(), Numbers.format(m.itKwh()), known(m.durationH()),
                        known(m.estimateKwh()), m.places().isEmpty() ? "-" : String.join(", ", m.places()),
                        known(m.toolIntensity()), Numbers.format(m.cradleIntensity())});
            }
            table(out, rows, 2);
        }
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
                        List<String> names = r.notCoveredBy(k);
                        parts.add("not covered by the data of " + String.join(", ", names.subList(0, Math.min(4,
                                names.size()))) + (names.size() > 4 ? " and " + (names.size() - 4)
                                + " more processes (listed in results.json)" : ""));
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
                // unknown is not zero: no contributing process's data covers the indicator
                boolean none = CsvReport.coverage(r, k, j -> true).equals(CsvReport.NONE);
                if (none) {
                    coverage = CsvReport.NONE + coverage.substring(coverage.indexOf(' '));
                }
                rows.add(new String[] {ind.category().name(), none ? "unknown" : Numbers.format(r.impacts()[k]),
                        ind.category().indicatorUnit().symbol(), coverage});
            }
            table(out, rows, 1);
            for (int n = 0; n < notes.size(); n++) {
                out.append("  [").append(n + 1).append("] ").append(notes.get(n))
                        .append(": the result is a lower bound (unknown where no data covers it).\n");
            }
            if (market != null) {
                out.append("\nLocation-based and market-based (renewable contracts) results\n");
                List<String[]> lm = new ArrayList<>();
                lm.add(new String[] {"Indicator", "Location-based", "Market-based", "Unit"});
                for (int k = 0; k < r.impactIndex().size(); k++) {
                    if (r.impacts()[k] != market.impacts()[k]) {
                        lm.add(new String[] {r.impactIndex().at(k).category().name(), Numbers.format(r.impacts()[k]),
                                Numbers.format(market.impacts()[k]), r.impactIndex().at(k).category().indicatorUnit()
                                .symbol()});
                    }
                }
                if (lm.size() == 1) {
                    out.append("  (no difference: no renewable contracts declared)\n");
                } else {
                    table(out, lm, 1);
                }
            }
            if (units.size() > 1) {
                unitTables(out, units);
            }
            out.append("\nBy life cycle stage\n");
            groupTable(out, r, r::byStage, "Stage");
            if (r.hasPhases()) {
                out.append("\nBy ML phase\n");
                grouping(out, r, r::byPhase, "Phase", "phase", "ML phase");
            }
            for (String tag : List.of("model", "device", "datacenter")) {
                boolean tagged = r.techIndex().columns().stream().anyMatch(t -> t.process().tags().containsKey(tag));
                if (tagged) {
                    out.append("\nBy ").append(tag).append('\n');
                    grouping(out, r, k -> r.byTag(k, tag), tag.substring(0, 1).toUpperCase() + tag.substring(1), tag,
                            tag);
                }
            }
            if (!allocations.isEmpty()) {
                out.append("\nAllocation of shared costs (ISO 14044 §4.3.4)\n");
                for (var a : allocations) {
                    out.append("  ").append(a.description()).append(": ").append(Numbers.format(a.amount())).append(' ')
                            .append(a.unit()).append(", ").append(a.rule()).append('\n');
                    a.shares().forEach((w, share) -> out.append("      ").append(w).append(": ")
                            .append(Numbers.percent(share)).append('\n'));
                }
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

    /** Every unit's totals, one column per unit: location-based, then market-based where any differs. */
    private static void unitTables(StringBuilder out, List<UnitResult> units) {
        out.append("\nResults per functional unit (location-based; the other tables are per the primary unit)\n");
        for (UnitResult u : units) {
            out.append("  ").append(u.id()).append(": ").append(Numbers.format(u.amount())).append(" × ")
                    .append(u.unit().unit().description()).append(u.primary() ? " (primary)" : "").append('\n');
        }
        unitTable(out, units, false);
        boolean market = units.stream().anyMatch(u -> u.market() != null
                && !java.util.Arrays.equals(u.market().impacts(), u.location().impacts()));
        if (market) {
            out.append("\nResults per functional unit (market-based: renewable contracts)\n");
            unitTable(out, units, true);
        }
    }

    private static void unitTable(StringBuilder out, List<UnitResult> units, boolean market) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[units.size() + 2];
        header[0] = "Indicator";
        header[1] = "Unit";
        for (int u = 0; u < units.size(); u++) {
            header[u + 2] = units.get(u).id();
        }
        rows.add(header);
        LcaResult first = units.get(0).location();
        int unknown = 0;
        for (int k = 0; k < first.impactIndex().size(); k++) {
            int kk = k;
            if (units.stream().allMatch(u -> CsvReport.coverage(market ? u.market() : u.location(), kk, j -> true)
                    .equals(CsvReport.NONE))) {
                unknown++;
                continue;
            }
            String[] row = new String[units.size() + 2];
            row[0] = first.impactIndex().at(k).category().name();
            row[1] = first.impactIndex().at(k).category().indicatorUnit().symbol();
            for (int u = 0; u < units.size(); u++) {
                LcaResult r = market ? units.get(u).market() : units.get(u).location();
                boolean none = CsvReport.coverage(r, k, j -> true).equals(CsvReport.NONE);
                row[u + 2] = none ? "unknown" : Numbers.format(r.impacts()[k]);
            }
            rows.add(row);
        }
        table(out, rows, 2);
        if (unknown > 0) {
            out.append("  (").append(unknown).append(unknown == 1 ? " indicator" : " indicators")
                    .append(" no data covers for any unit left out: unknown, not zero)\n");
        }
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
    /**
     * A grouping by ML phase or by a tag. Contributions are each process's own flows, so a group holds what its
     * processes emit directly: when no process with a declared {@code what} contributes to any indicator (e.g. a
     * generic study whose training process only draws electricity and hardware from processes without a phase), a
     * table of one "not assigned" column would read like a phase result; one line says what happened instead.
     * Otherwise the table, with the processes without one in a column named for what they lack.
     */
    private static void grouping(StringBuilder out, LcaResult r, java.util.function.IntFunction<Contributions> by,
                                 String title, String breakdown, String what) {
        if (!Groupings.assignsAny(r.impactIndex().size(), by)) {
            out.append("  Not shown: no process with a declared ").append(what).append(" contributes directly to any ")
                    .append("indicator, so every result comes from processes without one (contributions are each ")
                    .append("process's own flows, not its supply chain).\n");
            return;
        }
        groupTable(out, r, by, title, breakdown);
    }

    private static void groupTable(StringBuilder out, LcaResult r, java.util.function.IntFunction<Contributions> by,
                                   String title) {
        groupTable(out, r, by, title, "stage");
    }

    private static void groupTable(StringBuilder out, LcaResult r, java.util.function.IntFunction<Contributions> by,
                                   String title, String breakdown) {
        int kk = r.impactIndex().size();
        List<String> groups = new ArrayList<>(by.apply(0).values().keySet());
        if (!title.equals("Stage")) {
            // a group with nothing in any indicator (e.g. an empty "(unassigned)") is noise
            groups.removeIf(g -> java.util.stream.IntStream.range(0, kk)
                    .allMatch(k -> by.apply(k).values().getOrDefault(g, 0.0) == 0));
        }
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[groups.size() + 1];
        header[0] = "Indicator (unit) \\ " + title;
        for (int g = 0; g < groups.size(); g++) {
            header[g + 1] = Groupings.label(breakdown, groups.get(g));
        }
        rows.add(header);
        for (int k = 0; k < kk; k++) {
            Contributions c = by.apply(k);
            if (c.total() == 0 && c.values().values().stream().allMatch(v -> v == 0)) {
                continue; // nothing to split
            }
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
