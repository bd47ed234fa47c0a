package dev.cradle.scenario.measured;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a CodeCarbon {@code emissions.csv} of any version as CodeCarbon meant it (read from its source,
 * github.com/mlco2/codecarbon):
 * <ul>
 * <li>1.x ({@code codecarbon/output.py}, FileOutput.out up to v1.2.0): no {@code run_id}; the tracker
 *     writes one row at {@code stop()}, so every row is one run and rows add up.</li>
 * <li>2.0 and later: {@code flush()} (added in commit 48acad4d, v2.0.0) writes the running totals of
 *     the run so far, and {@code stop()} the final totals, each as a row with the run's {@code run_id}
 *     ({@code emissions_tracker.py}, _persist_data passes {@code total_emissions} to FileOutput.out).
 *     In the default {@code on_csv_write="append"} mode these are several cumulative rows per run; in
 *     {@code "update"} mode one row per run is overwritten. So one run counts once: its row with the
 *     longest {@code duration} (the last written when durations tie).</li>
 * <li>Since v2.2.3 the tracker multiplies each measured energy by its {@code pue} before adding it to
 *     {@code energy_consumed} (commit b9b0432b "Add PUE support", {@code energy *= self._pue} in
 *     _do_measurements) and writes the {@code pue} column (commit bbb2c9dc "Add PUE to Output", same
 *     release). So when the file has a {@code pue} column, IT energy = {@code energy_consumed} / {@code pue};
 *     the datacenter's PUE is then applied once, by Cradle.</li>
 * </ul>
 * {@code country_iso_code} is ISO 3166-1 alpha-3; places and CodeCarbon's own {@code emissions} (kg) are
 * kept as evidence. A corrupt row (wrong cell count — CodeCarbon since v2.8.5 drops all-empty columns
 * before appending, commit 9f73cbff — or a cell that is not a decimal number) is refused at its line and
 * column, or skipped and counted when asked.
 */
public final class CodeCarbonFile {
    /** The columns every CodeCarbon version writes and this reader needs. */
    public static final List<String> REQUIRED = List.of("energy_consumed", "duration", "country_iso_code", "region");

    /**
     * Which runs to count.
     *
     * @param projectName   only rows of this {@code project_name}; null for all
     * @param runIds        only these {@code run_id}s; empty for all
     * @param from          only runs whose last row's timestamp is at or after this; null for no bound
     * @param until         only runs whose last row's timestamp is before this; null for no bound
     * @param skipCorrupt   skip corrupt rows (counted) instead of refusing the file
     */
    public record Options(String projectName, Set<String> runIds, LocalDateTime from, LocalDateTime until,
                          boolean skipCorrupt) {
        public static final Options ALL = new Options(null, Set.of(), null, null, false);

        public Options {
            runIds = Set.copyOf(runIds);
        }

        boolean window() {
            return from != null || until != null;
        }
    }

    private record Row(int line, String runKey, double kwh, double seconds, double emissions, double pue,
                       LocalDateTime time, String place, String country, String cloud) {
    }

    private CodeCarbonFile() {
    }

    public static Measurement read(CsvTable t, Options o) throws MeasurementFileException {
        List<String> missing = REQUIRED.stream().filter(c -> !t.has(c)).toList();
        if (!missing.isEmpty()) {
            throw new MeasurementFileException(0, 0, "lacks the column(s) " + String.join(", ", missing) + " (its header "
                    + "line " + t.headerLine() + " has " + t.columns().size() + " columns; a CodeCarbon emissions.csv of "
                    + "any version has them all)");
        }
        if (o.projectName() != null && !t.has("project_name")) {
            throw new MeasurementFileException(0, 0, "has no project_name column to filter on");
        }
        if (!o.runIds().isEmpty() && !t.has("run_id")) {
            throw new MeasurementFileException(0, 0, "has no run_id column to filter on (CodeCarbon 1.x writes none: "
                    + "every row is one run)");
        }
        if (o.window() && !t.has("timestamp")) {
            throw new MeasurementFileException(0, 0, "has no timestamp column for the time window");
        }
        boolean snapshots = t.has("run_id");
        boolean pueColumn = t.has("pue");
        boolean emissionsColumn = t.has("emissions");
        List<String> notes = new ArrayList<>();
        List<Integer> skippedLines = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            try {
                Row row = row(t, r, pueColumn, emissionsColumn, o.window());
                if (o.projectName() != null && !o.projectName().equals(t.cell(r, "project_name"))) {
                    continue;
                }
                if (!o.runIds().isEmpty() && !o.runIds().contains(row.runKey())) {
                    continue;
                }
                rows.add(row);
            } catch (MeasurementFileException e) {
                if (!o.skipCorrupt()) {
                    throw new MeasurementFileException(e.line(), e.column(), e.getMessage()
                            + "; fix the row, or set 'skip_corrupt_rows: true' to skip such rows (their count is reported)");
                }
                skippedLines.add(r.line());
            }
        }
        // one run counts once: its row with the longest duration, the later one on a tie
        Map<String, Row> runs = new LinkedHashMap<>();
        int snapshotRows = 0;
        for (Row row : rows) {
            String key = snapshots && !row.runKey().isEmpty() ? row.runKey() : "line " + row.line();
            Row before = runs.get(key);
            if (before != null) {
                snapshotRows++;
            }
            if (before == null || row.seconds() >= before.seconds()) {
                runs.put(key, row);
            }
        }
        List<Row> counted = runs.values().stream().filter(r -> inWindow(r.time(), o)).toList();
        if (counted.isEmpty()) {
            throw new MeasurementFileException(0, 0, "has no run to count" + (t.rows().isEmpty() ? ": no data rows"
                    : " after the filter(s): " + runs.size() + " run(s) in " + rows.size() + " row(s) did not match")
                    + (skippedLines.isEmpty() ? "" : " (" + skippedLines.size() + " corrupt row(s) skipped)"));
        }
        double it = 0;
        double tool = 0;
        double seconds = 0;
        double emissions = 0;
        Set<Double> pues = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        Set<String> grids = new LinkedHashSet<>();
        for (Row r : counted) {
            it += r.kwh() / r.pue();
            tool += r.kwh();
            seconds += r.seconds();
            emissions += r.emissions();
            pues.add(r.pue());
            places.add(r.place());
            if (!r.cloud().isEmpty()) {
                grids.add(r.cloud());
            }
            if (!r.country().isEmpty()) {
                grids.add(r.country());
            }
        }
        String version = version(t);
        notes.add("read as " + version + " (" + (t.has("codecarbon_version") ? "its codecarbon_version column" : t.has("pue")
                ? "a pue column" : t.has("run_id") ? "a run_id column, no pue column" : "no run_id column") + ")"
                + (t.droppedIndexColumn() ? "; an unnamed first column (a pandas index) ignored" : ""));
        if (snapshots) {
            notes.add(counted.size() + " run(s) by run_id, each counted once at its last snapshot"
                    + (snapshotRows > 0 ? " (" + snapshotRows + " earlier cumulative snapshot row(s) not added)" : ""));
        } else {
            notes.add(counted.size() + " row(s), one run each (no run_id column: CodeCarbon 1.x writes one row per run)");
        }
        if (pueColumn) {
            notes.add("energy_consumed includes CodeCarbon's pue (since 2.2.3): IT energy = Σ energy_consumed / pue = "
                    + fmt(tool) + " kWh → " + fmt(it) + " kWh");
        }
        if (o.projectName() != null || !o.runIds().isEmpty() || o.window()) {
            notes.add("filtered: " + counted.size() + " of " + runs.size() + " run(s) selected");
        }
        if (!skippedLines.isEmpty()) {
            notes.add(skippedLines.size() + " corrupt row(s) skipped at line(s) " + lines(skippedLines));
        }
        return new Measurement(version, it, seconds, tool, pues.size() == 1 ? pues.iterator().next() : Double.NaN,
                emissionsColumn ? emissions : Double.NaN, List.copyOf(places), List.copyOf(grids), rows.size(),
                counted.size(), skippedLines.size(), notes);
    }

    private static Row row(CsvTable t, CsvTable.Row r, boolean pueColumn, boolean emissionsColumn, boolean window)
            throws MeasurementFileException {
        if (!r.complete()) {
            throw new MeasurementFileException(r.line(), r.column(Math.max(0, r.cells().size() - 1)), "the row has "
                    + r.cells().size() + " cells where the header names " + t.columns().size() + " columns (a fragment "
                    + "of an interrupted or shifted write)");
        }
        double kwh = number(t, r, "energy_consumed", "kWh", 0);
        double seconds = number(t, r, "duration", "seconds", 0);
        double emissions = emissionsColumn && !t.cell(r, "emissions").isEmpty() ? number(t, r, "emissions", "kg", 0) : 0;
        double pue = pueColumn ? number(t, r, "pue", "a PUE", 1) : 1;
        LocalDateTime time = null;
        if (window) {
            time = timestamp(t.cell(r, "timestamp")).orElseThrow(() -> new MeasurementFileException(r.line(),
                    t.column(r, "timestamp"), "timestamp is not an ISO-8601 date and time such as 2024-03-01T14:05:00"));
        }
        String country = t.cell(r, "country_iso_code");
        String region = t.cell(r, "region");
        String provider = t.cell(r, "cloud_provider").toLowerCase(java.util.Locale.ROOT);
        String cloudRegion = t.cell(r, "cloud_region").toLowerCase(java.util.Locale.ROOT);
        String cloud = !provider.isEmpty() && !cloudRegion.isEmpty() ? provider + "/" + cloudRegion : "";
        String place = Messages.shorten(cloud.isEmpty() ? country + (region.isEmpty() ? "" : "/" + region)
                : cloud + (country.isEmpty() ? "" : " (" + country + ")"));
        return new Row(r.line(), t.cell(r, "run_id"), kwh, seconds, emissions, pue, time, place,
                Places.alpha2(country).orElse(""), cloud);
    }

    private static double number(CsvTable t, CsvTable.Row r, String column, String unit, double min)
            throws MeasurementFileException {
        String cell = t.cell(r, column);
        double v = StrictNumber.parse(cell);
        if (Double.isNaN(v) || v < min) {
            throw new MeasurementFileException(r.line(), t.column(r, column), column + " must be a decimal number ≥ "
                    + fmt(min) + " (" + unit + "), such as 0.0125" + (cell.isEmpty() ? ", not empty" : ""));
        }
        return v;
    }

    public static Optional<LocalDateTime> timestamp(String s) {
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(s.replace(' ', 'T')).toLocalDateTime());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static boolean inWindow(LocalDateTime time, Options o) {
        return (o.from() == null || !time.isBefore(o.from())) && (o.until() == null || time.isBefore(o.until()));
    }

    private static String version(CsvTable t) {
        Set<String> versions = new LinkedHashSet<>();
        if (t.has("codecarbon_version")) {
            for (CsvTable.Row r : t.rows()) {
                String v = t.cell(r, "codecarbon_version");
                if (!v.isEmpty() && versions.size() < 4) {
                    versions.add(Messages.shorten(v));
                }
            }
        }
        if (!versions.isEmpty()) {
            return "CodeCarbon " + String.join(", ", versions);
        }
        if (t.has("pue")) {
            return "CodeCarbon ≥ 2.2.3";
        }
        if (t.has("run_id")) {
            return "CodeCarbon 2.0–2.2.2";
        }
        return "CodeCarbon 1.x";
    }

    static String lines(List<Integer> lines) {
        List<String> s = lines.stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", s) + (lines.size() > 10 ? ", …" : "");
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toString();
    }
}
