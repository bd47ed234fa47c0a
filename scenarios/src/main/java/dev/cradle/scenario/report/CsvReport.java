package dev.cradle.scenario.report;

import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * results.csv in long ("tidy") form, one row per indicator × group: columns
 * {@code indicator, unit, breakdown, group, value, share}, where breakdown is {@code total},
 * {@code process}, {@code stage}, {@code phase}, or {@code model}, {@code device} and {@code datacenter}
 * when processes carry those tags (AI declarations). Spreadsheet pivots give the category × process and
 * category × stage tables.
 */
public final class CsvReport {
    private CsvReport() {
    }

    public static String render(LcaResult r) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("indicator", "unit", "breakdown", "group", "value", "share").get())) {
            for (int k = 0; k < r.impactIndex().size(); k++) {
                ImpactIndex.Indicator ind = r.impactIndex().at(k);
                String unit = ind.category().indicatorUnit().symbol();
                double total = r.impacts()[k];
                csv.printRecord(ind.key(), unit, "total", "", total, 1.0);
                rows(csv, ind.key(), unit, "process", r.byProcess(k));
                rows(csv, ind.key(), unit, "stage", r.byStage(k));
                if (r.hasPhases()) {
                    rows(csv, ind.key(), unit, "phase", r.byPhase(k));
                }
                for (String tag : new String[] {"model", "device", "datacenter"}) {
                    if (r.techIndex().columns().stream().anyMatch(t -> t.process().tags().containsKey(tag))) {
                        rows(csv, ind.key(), unit, tag, r.byTag(k, tag));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void rows(CSVPrinter csv, String key, String unit, String breakdown, Contributions c)
            throws IOException {
        for (Map.Entry<String, Double> e : c.values().entrySet()) {
            csv.printRecord(key, unit, breakdown, e.getKey(), e.getValue(), c.share(e.getKey()));
        }
    }
}
