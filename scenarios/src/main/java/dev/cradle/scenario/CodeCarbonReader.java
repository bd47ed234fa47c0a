package dev.cradle.scenario;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.scenario.measured.CodeCarbonFile;
import dev.cradle.scenario.measured.CsvTable;
import dev.cradle.scenario.measured.DecodedText;
import dev.cradle.scenario.measured.Measurement;
import dev.cradle.scenario.measured.MeasurementFileException;
import dev.cradle.scenario.yaml.YamlNode.ListNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import dev.cradle.scenario.yaml.YamlNode.ScalarNode;
import dev.cradle.scenario.yaml.YamlChecker;
import dev.cradle.scenario.yaml.YamlNode;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workload's {@code codecarbon:} key: a path, or a map of {@code file} and options (filters by
 * {@code project_name}, {@code run_id} and a {@code from}/{@code until} window, {@code skip_corrupt_rows},
 * {@code grid: declared | from_file}). The file is read by {@link CodeCarbonFile}; device-hours are the
 * counted runs' duration × the hardware's device count. Every problem is reported at the scenario's key,
 * naming the CSV's line and column, never quoting the file.
 */
final class CodeCarbonReader {
    private CodeCarbonReader() {
    }

    static Optional<Declarations.Energy> read(ScenarioReader r, YamlNode node, dev.cradle.model.Expression devices) {
        Optional<MapNode> options = node instanceof MapNode m ? Optional.of(m) : Optional.empty();
        Optional<String> relative = path(r, node, "codecarbon");
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        CodeCarbonFile.Options o = CodeCarbonFile.Options.ALL;
        boolean gridFromFile = false;
        if (options.isPresent()) {
            MapNode m = options.get();
            r.yaml.checkKeys(m, "codecarbon");
            String project = r.yaml.text(m, "project_name", false, "").orElse(null);
            Set<String> runIds = new LinkedHashSet<>();
            m.get("run_id").ifPresent(v -> {
                if (v instanceof ListNode l) {
                    l.items().forEach(i -> text(r, i, "'run_id'").ifPresent(runIds::add));
                } else {
                    text(r, v, "'run_id'").ifPresent(runIds::add);
                }
            });
            LocalDateTime from = time(r, m, "from");
            LocalDateTime until = time(r, m, "until");
            if (from != null && until != null && !from.isBefore(until)) {
                r.yaml.problem(m.get("until").get().position(), "'until' must be after 'from'");
            }
            boolean skip = m.get("skip_corrupt_rows").flatMap(v -> r.yaml.bool(v, "'skip_corrupt_rows'")).orElse(false);
            gridFromFile = grid(r, m);
            o = new CodeCarbonFile.Options(project, runIds, from, until, skip);
        }
        Optional<byte[]> bytes = StudyFiles.read(r, node, relative.get(), "CodeCarbon file");
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        DecodedText text = DecodedText.decode(bytes.get());
        try {
            Measurement ms = CodeCarbonFile.read(CsvTable.parse(text.text()), o);
            return Optional.of(energy(relative.get(), text, ms, devices, gridFromFile));
        } catch (MeasurementFileException e) {
            r.yaml.problem(node.position(), "CodeCarbon file " + relative.get() + " " + (e.line() > 0 ? e.located() : e.getMessage()));
            return Optional.empty();
        }
    }

    /** The declaration for a measurement file: IT energy, device-hours = duration × devices, and the evidence. */
    static Declarations.Measured energy(String relative, DecodedText text, Measurement ms, dev.cradle.model.Expression devices,
                                        boolean gridFromFile) {
        List<String> notes = new java.util.ArrayList<>();
        if (!text.encoding().equals("UTF-8")) {
            notes.add("decoded as " + text.encoding());
        }
        notes.addAll(ms.notes());
        var detail = new Declarations.MeasuredEvidence(ms.tool(), relative, ms.durationS() / 3600, ms.toolPue(),
                ms.toolKwh(), ms.toolEmissionsKg(), ms.places(), ms.gridCodes(), gridFromFile, ms.skipped(), notes);
        String evidence = ms.tool() + ", " + relative + ", " + ms.runs() + " run(s) in " + ms.rows() + " row(s)"
                + (ms.skipped() > 0 ? ", " + ms.skipped() + " corrupt row(s) skipped" : "")
                + (ms.places().isEmpty() ? "" : ", " + String.join(", ", ms.places()));
        return new Declarations.Measured(Declarations.number(ms.itKwh()), FieldValues.times(FieldValues.literal(ms.durationS() / 3600), devices), evidence, detail);
    }

    /** The file of a measurement key: the scalar itself, or the map's {@code file}. */
    static Optional<String> path(ScenarioReader r, YamlNode node, String key) {
        if (node instanceof MapNode m) {
            return r.yaml.text(m, "file", true, "'" + key + "'");
        }
        return text(r, node, "'" + key + "' (a file path, or a map with 'file')");
    }

    static boolean grid(ScenarioReader r, MapNode m) {
        return r.yaml.choice(m, "grid", g -> g.equals("from_file") ? Optional.of(true) : g.equals("declared")
                ? Optional.of(false) : Optional.empty(), List.of("declared", "from_file"), false, "").orElse(false);
    }

    private static Optional<String> text(ScenarioReader r, YamlNode n, String what) {
        if (n instanceof ScalarNode s && s.text() != null && !s.text().isBlank()) {
            return Optional.of(s.text());
        }
        r.yaml.problem(YamlChecker.pos(n), what + " must be a single value");
        return Optional.empty();
    }

    private static LocalDateTime time(ScenarioReader r, MapNode m, String key) {
        Optional<String> t = r.yaml.text(m, key, false, "");
        if (t.isEmpty()) {
            return null;
        }
        Optional<LocalDateTime> v = CodeCarbonFile.timestamp(t.get());
        if (v.isEmpty()) {
            r.yaml.problem(m.get(key).get().position(), "'" + key + "' must be an ISO-8601 date and time such as "
                    + "2024-03-01T14:05:00 (the file's local time, as CodeCarbon writes it)");
        }
        return v.orElse(null);
    }
}
