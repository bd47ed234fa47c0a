package dev.cradle.scenario;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.scenario.measured.CarbontrackerLog;
import dev.cradle.scenario.measured.CsvTable;
import dev.cradle.scenario.measured.DecodedText;
import dev.cradle.scenario.measured.ImpactTrackerLog;
import dev.cradle.scenario.measured.Measurement;
import dev.cradle.scenario.measured.MeasurementFileException;
import dev.cradle.scenario.measured.PowerSamples;
import dev.cradle.scenario.yaml.YamlChecker;
import dev.cradle.scenario.yaml.YamlNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import java.util.Optional;

/**
 * A workload's {@code carbontracker:}, {@code experiment_impact_tracker:} and {@code power_samples:} keys:
 * a path, or a map of {@code file} and options. Each file is opened by {@link StudyFiles}, decoded by
 * {@link DecodedText} and read by its reader in {@code dev.cradle.scenario.measured}; device-hours are
 * the measured duration × the hardware's device count, as for CodeCarbon.
 */
final class MeasurementKeys {
    /** The workload keys this class reads. */
    static final java.util.List<String> KEYS = java.util.List.of("carbontracker", "experiment_impact_tracker",
            "power_samples");

    private MeasurementKeys() {
    }

    /** A column name, or a list of them (one per device). */
    private static java.util.List<String> columnList(ScenarioReader r, MapNode m, String key) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            return java.util.List.of();
        }
        if (n.get() instanceof dev.cradle.scenario.yaml.YamlNode.ListNode l) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (YamlNode item : l.items()) {
                if (item instanceof dev.cradle.scenario.yaml.YamlNode.ScalarNode s && s.text() != null) {
                    names.add(s.text());
                } else {
                    r.yaml.problem(YamlChecker.pos(item), "'" + key + "' lists column names");
                }
            }
            return names;
        }
        return r.yaml.text(m, key, false, "").map(java.util.List::of).orElse(java.util.List.of());
    }

    static Optional<Declarations.Energy> read(ScenarioReader r, String key, YamlNode node, dev.cradle.model.Expression devices) {
        Optional<String> relative = CodeCarbonReader.path(r, node, key);
        Optional<MapNode> map = node instanceof MapNode m ? Optional.of(m) : Optional.empty();
        map.ifPresent(m -> r.yaml.checkKeys(m, key));
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        String what = switch (key) {
            case "carbontracker" -> "Carbontracker log";
            case "experiment_impact_tracker" -> "experiment-impact-tracker file";
            default -> "power-samples file";
        };
        boolean skip = map.flatMap(m -> m.get("skip_corrupt_rows")).flatMap(v -> r.yaml.bool(v, "'skip_corrupt_rows'"))
                .orElse(false);
        boolean gridFromFile = map.map(m -> CodeCarbonReader.grid(r, m)).orElse(false);
        String standardLog = null;
        double pue = Double.NaN;
        PowerSamples.Columns columns = null;
        if (key.equals("carbontracker") && map.isPresent()) {
            MapNode m = map.get();
            Optional<String> log = r.yaml.text(m, "log", false, "");
            if (log.isPresent()) {
                Optional<byte[]> b = StudyFiles.read(r, m.get("log").get(), log.get(), "Carbontracker standard log");
                if (b.isEmpty()) {
                    return Optional.empty();
                }
                standardLog = DecodedText.decode(b.get()).text();
            }
            pue = m.get("pue").flatMap(v -> r.yaml.number(v, "'pue'")).orElse(Double.NaN);
            if (pue < 1) {
                r.yaml.problem(m.get("pue").get().position(), "'pue' must be at least 1 (facility energy / IT energy)");
                return Optional.empty();
            }
        }
        if (key.equals("power_samples")) {
            columns = map.map(m -> {
                java.util.List<String> power = columnList(r, m, "power");
                java.util.List<String> energy = columnList(r, m, "energy");
                java.util.List<String> values = power.isEmpty() ? energy : power;
                return new PowerSamples.Columns(r.yaml.text(m, "time", false, "").orElse(null),
                        r.yaml.text(m, "device", false, "").orElse(null), power.isEmpty() ? null : power.get(0),
                        energy.isEmpty() ? null : energy.get(0), values.isEmpty() ? java.util.List.of()
                        : values.subList(1, values.size()));
            }).orElse(new PowerSamples.Columns(null, null, null, null));
            if (columns.power() != null && columns.energy() != null) {
                r.yaml.problem(node.position(), "'power_samples' takes 'power' or 'energy', not both");
                return Optional.empty();
            }
        }
        Optional<byte[]> bytes = StudyFiles.read(r, node, relative.get(), what);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        DecodedText text = DecodedText.decode(bytes.get());
        try {
            Measurement ms = switch (key) {
                case "carbontracker" -> CarbontrackerLog.read(text.text(), standardLog, pue);
                case "experiment_impact_tracker" -> ImpactTrackerLog.read(text.text(), skip);
                default -> PowerSamples.read(CsvTable.parse(text.text()), columns, skip);
            };
            return Optional.of(CodeCarbonReader.energy(relative.get(), text, ms, devices, gridFromFile));
        } catch (MeasurementFileException e) {
            r.yaml.problem(node.position(), what + " " + relative.get() + " " + (e.line() > 0 ? e.located() : e.getMessage()));
            return Optional.empty();
        }
    }
}
