package dev.cradle.scenario.report;

import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import dev.cradle.model.MlPhase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * results.csv in long ("tidy") form, one row per indicator × group: columns
 * {@code indicator, unit, breakdown, group, value, share, coverage}, where breakdown is {@code total},
 * {@code process}, {@code stage}, {@code phase}, or {@code model}, {@code device} and {@code datacenter}
 * when processes carry those tags (AI declarations). Spreadsheet pivots give the category × process and
 * category × stage tables. {@code coverage} is {@value #COMPLETE}, {@value #PARTIAL} (the value is a
 * lower bound: some contributing processes' data do not cover the indicator) or {@value #NONE} (value
 * and share are empty: unknown, not zero).
 */
public final class CsvReport {
    /** Coverage of a row: every contributing process's data covers the indicator. */
    public static final String COMPLETE = "complete";
    /** Some contributing processes' data do not cover the indicator: the value is a lower bound. */
    public static final String PARTIAL = "partial";
    /** No contributing process's data covers the indicator, even in part: the value is unknown and left empty, never 0. */
    public static final String NONE = "not covered";

    private CsvReport() {
    }

    public static String render(LcaResult r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("indicator", "unit", "breakdown", "group", "value", "share", "coverage").get())) {
            write(csv, r, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * functional-units.csv: the rows of {@link #render} for every functional unit of the study and both
     * bases, with two leading columns {@code functional_unit} (the unit's id) and {@code basis}
     * ({@code location} or {@code market}, the latter for AI studies: grid intensities with renewable
     * contracts).
     */
    public static String renderUnits(List<UnitResult> units) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("functional_unit", "basis",
                "indicator", "unit", "breakdown", "group", "value", "share", "coverage").get())) {
            for (UnitResult u : units) {
                write(csv, u.location(), List.of(u.id(), "location"));
                if (u.market() != null) {
                    write(csv, u.market(), List.of(u.id(), "market"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(CSVPrinter csv, LcaResult r, List<String> prefix) throws IOException {
        for (int k = 0; k < r.impactIndex().size(); k++) {
            ImpactIndex.Indicator ind = r.impactIndex().at(k);
            String unit = ind.category().indicatorUnit().symbol();
            String totalCoverage = r.isComplete(k) ? COMPLETE
                    : coverage(r, k, j -> true).equals(NONE) ? NONE : PARTIAL;
            print(csv, prefix, ind.key(), unit, "total", "", r.impacts()[k], 1.0, totalCoverage);
            rows(csv, prefix, r, k, "process", r.byProcess(k), groupOf(r, "process"));
            rows(csv, prefix, r, k, "stage", r.byStage(k), groupOf(r, "stage"));
            if (r.hasPhases()) {
                rows(csv, prefix, r, k, "phase", r.byPhase(k), groupOf(r, "phase"));
            }
            for (String tag : new String[] {"model", "device", "datacenter"}) {
                if (r.techIndex().columns().stream().anyMatch(t -> t.process().tags().containsKey(tag))) {
                    rows(csv, prefix, r, k, tag, r.byTag(k, tag), groupOf(r, tag));
                }
            }
        }
    }

    /** The group of column j in a breakdown: process label, stage title, ML phase or a tag's value. */
    static IntFunction<String> groupOf(LcaResult r, String breakdown) {
        return switch (breakdown) {
            case "process" -> j -> r.techIndex().at(j).label();
            case "stage" -> j -> r.techIndex().at(j).process().stage().title();
            case "phase" -> j -> r.techIndex().at(j).process().mlPhase().map(MlPhase::key).orElse(LcaResult.UNASSIGNED);
            default -> j -> r.techIndex().at(j).process().tags().getOrDefault(breakdown, LcaResult.UNASSIGNED);
        };
    }

    /** The contributions of a breakdown with null for groups no data covers (unknown, not zero), for results.json. */
    static Map<String, Double> valuesOrUnknown(LcaResult r, int k, Contributions c, String breakdown) {
        Map<String, String> coverage = coverageByGroup(r, k, groupOf(r, breakdown));
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        c.values().forEach((g, v) -> out.put(g, NONE.equals(coverage.get(g)) ? null : v));
        return out;
    }

    /** An uncovered value is written empty, with an empty share: unknown is not zero. */
    private static void print(CSVPrinter csv, List<String> prefix, String key, String unit, String breakdown,
                              String group, double value, double share, String coverage) throws IOException {
        boolean unknown = coverage.equals(NONE);
        List<Object> row = new java.util.ArrayList<>(prefix);
        row.addAll(java.util.Arrays.asList(key, unit, breakdown, group, unknown ? "" : value, unknown ? "" : share,
                coverage));
        csv.printRecord(row);
    }

    private static void rows(CSVPrinter csv, List<String> prefix, LcaResult r, int k, String breakdown, Contributions c,
                             IntFunction<String> groupOf) throws IOException {
        Map<String, String> coverage = coverageByGroup(r, k, groupOf);
        for (Map.Entry<String, Double> e : c.values().entrySet()) {
            print(csv, prefix, c.indicator(), c.unit(), breakdown, e.getKey(), e.getValue(), c.share(e.getKey()),
                    coverage.getOrDefault(e.getKey(), COMPLETE));
        }
    }

    /** The coverage of every group of a breakdown (see {@link #coverage}), in one pass over the processes. */
    static Map<String, String> coverageByGroup(LcaResult r, int k, IntFunction<String> groupOf) {
        String category = r.impactIndex().at(k).category().id();
        Map<String, int[]> counts = new java.util.HashMap<>();
        double[] s = r.scalingVector();
        for (int j = 0; j < s.length; j++) {
            var p = r.techIndex().at(j).process();
            boolean covers = p.covers(category);
            if (s[j] == 0 || (covers && !hasElementaryExchanges(r, j))) {
                continue;
            }
            int[] c = counts.computeIfAbsent(groupOf.apply(j), g -> new int[3]);
            c[0]++;
            c[1] += covers ? 1 : 0;
            // a process whose data cover the category only in part (e.g. a grid's mix with sources without factors)
            // still carries a value: the group is then a lower bound (partial), not unknown
            c[2] += !covers && r.directImpact(k, j) != 0 ? 1 : 0;
        }
        Map<String, String> out = new java.util.HashMap<>();
        counts.forEach((g, c) -> out.put(g, c[1] == c[0] ? COMPLETE : c[1] == 0 && c[2] == 0 ? NONE : PARTIAL));
        return out;
    }

    /**
     * Coverage of indicator k by the processes of one group that take part in the result (non-zero
     * scaling) and carry data (elementary exchanges, or a coverage that excludes the indicator):
     * complete when all of them cover it (or there are none), not covered when none does, partial
     * otherwise. A process that only links others (no elementary exchange) contributes a true zero and
     * does not count.
     */
    /** The coverage of indicator k's total: {@value #COMPLETE}, {@value #PARTIAL} or {@value #NONE}. */
    public static String coverage(LcaResult r, int k) {
        return r.isComplete(k) ? COMPLETE : coverage(r, k, j -> true).equals(NONE) ? NONE : PARTIAL;
    }

    static String coverage(LcaResult r, int k, IntPredicate inGroup) {
        return coverageByGroup(r, k, j -> inGroup.test(j) ? "in" : "out").getOrDefault("in", COMPLETE);
    }

    private static boolean hasElementaryExchanges(LcaResult r, int j) {
        return r.techIndex().at(j).process().exchanges().stream().anyMatch(x -> x.flow().isElementary());
    }
}
