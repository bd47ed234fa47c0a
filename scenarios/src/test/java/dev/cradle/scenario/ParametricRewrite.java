package dev.cradle.scenario;

import dev.cradle.scenario.yaml.YamlDocument;
import dev.cradle.scenario.yaml.YamlNode;
import dev.cradle.scenario.yaml.YamlNode.ListNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import dev.cradle.scenario.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a scenario file so that every literal numeric field of its AI declarations reads a parameter
 * instead: {@code power: 400 W} becomes {@code power: zz_p3} with a parameter {@code zz_p3} of value 400 and
 * unit W ({@link Mode#PARAMETER}), or {@code power: zz_p3 * 2 / 2 W} with a plain parameter of value 400
 * ({@link Mode#FORMULA}). Both must give the same study as the literal file.
 */
final class ParametricRewrite {
    enum Mode { PARAMETER, FORMULA }

    /** The unit a number written without unit is in, per field with a dimension (docs/scenario-reference.md). */
    static final Map<String, String> REFERENCE_UNITS = Map.ofEntries(
            Map.entry("datacenter.grid_intensity", "kg/kWh"), Map.entry("datacenter.wue_onsite", "L/kWh"),
            Map.entry("datacenter.offsite_water", "L/kWh"), Map.entry("datacenter.market_intensity", "kg/kWh"),
            Map.entry("tenancy.it_power", "MW"), Map.entry("tenancy.period", "h"),
            Map.entry("infrastructure.embodied", "kg"), Map.entry("infrastructure.capacity", "MW"),
            Map.entry("infrastructure.lifetime", "h"), Map.entry("hardware.lifetime", "h"), Map.entry("hardware.power", "W"),
            Map.entry("hardware.idle_power", "W"), Map.entry("hardware.idle_energy", "kWh"), Map.entry("hardware.period", "h"),
            Map.entry("hardware.mass", "kg"), Map.entry("transport_leg.distance", "km"), Map.entry("model.service_life", "year"),
            Map.entry("workload.device_hours", "h"), Map.entry("workload.energy", "kWh"),
            Map.entry("workload.energy_per_query", "kWh"), Map.entry("workload.energy_per_token", "kWh"),
            Map.entry("workload.power", "W"), Map.entry("workload.period", "h"), Map.entry("deployment.period", "h"),
            Map.entry("storage.capacity", "GB"), Map.entry("storage.duration", "h"));

    private static final Map<String, String> SECTIONS = Map.of("datacenters", "datacenter", "hardware", "hardware",
            "models", "model", "workloads", "workload");
    private static final Map<String, String> SUB_MAPS = Map.of("tenancy", "tenancy", "amortise_training_over",
            "amortisation", "flops", "flops", "deployment", "deployment", "storage", "storage");
    private static final Map<String, String> SUB_LISTS = Map.of("infrastructure", "infrastructure", "transport",
            "transport_leg");
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)");

    /** One literal to replace: where it is, which field, its text. */
    record Site(int line, int column, String kind, String field, String text) {
    }

    private ParametricRewrite() {
    }

    /** Every literal numeric field of the AI declarations of {@code doc}. */
    static List<Site> sites(YamlDocument doc) {
        List<Site> out = new ArrayList<>();
        if (!(doc.root() instanceof MapNode root)) {
            return out;
        }
        SECTIONS.forEach((section, kind) -> root.get(section).filter(n -> n instanceof ListNode)
                .ifPresent(list -> ((ListNode) list).items().forEach(item -> map(doc, item, kind, out))));
        root.get("functional_unit").filter(n -> n instanceof MapNode m && m.get("kind").isPresent())
                .ifPresent(fu -> map(doc, fu, "functional_unit", out));
        root.get("functional_units").filter(n -> n instanceof ListNode)
                .ifPresent(list -> ((ListNode) list).items().forEach(item -> map(doc, item, "functional_unit", out)));
        return out;
    }

    private static void map(YamlDocument doc, YamlNode n, String kind, List<Site> out) {
        if (!(n instanceof MapNode m)) {
            return;
        }
        for (YamlNode.Entry e : m.entries()) {
            String field = kind + "." + e.key();
            if (e.value() instanceof MapNode sub && SUB_MAPS.containsKey(e.key())) {
                map(doc, sub, SUB_MAPS.get(e.key()), out);
            } else if (e.value() instanceof ListNode list && SUB_LISTS.containsKey(e.key())) {
                list.items().forEach(item -> map(doc, item, SUB_LISTS.get(e.key()), out));
            } else if (e.value() instanceof MapNode values && (field.equals("datacenter.grid_mix")
                    || field.equals("hardware.embodied"))) {
                for (YamlNode.Entry v : values.entries()) {
                    site(doc, v.value(), kind, e.key(), out);
                }
            } else if (NumericFields.DOMAINS.containsKey(field)) {
                site(doc, e.value(), kind, e.key(), out);
            }
        }
    }

    private static void site(YamlDocument doc, YamlNode v, String kind, String field, List<Site> out) {
        if (!(v instanceof ScalarNode s) || s.text() == null || !NUMBER_AND_UNIT.matcher(s.text()).matches()) {
            return;
        }
        out.add(new Site(s.position().line(), s.position().column(), kind, field, s.text().trim()));
    }

    /** The text of {@code doc} with every site replaced as {@code mode} says, and the parameters declared. */
    static String rewrite(YamlDocument doc, List<Site> sites, Mode mode) {
        List<String> lines = new ArrayList<>(doc.lines());
        List<String> parameters = new ArrayList<>();
        List<Site> ordered = new ArrayList<>(sites);
        ordered.sort(Comparator.comparingInt(Site::line).thenComparingInt(Site::column).reversed());
        int i = ordered.size();
        for (Site s : ordered) {
            i--;
            String name = "zz_p" + i;
            Matcher nu = NUMBER_AND_UNIT.matcher(s.text());
            nu.matches();
            String number = nu.group(1);
            String unit = !nu.group(2).isEmpty() ? nu.group(2).trim()
                    : REFERENCE_UNITS.getOrDefault(s.kind() + "." + s.field(), "");
            if (s.kind().equals("hardware") && s.field().equals("embodied") && nu.group(2).isEmpty()) {
                unit = "kg"; // embodied figures by indicator: the examples give climate change, in kg CO2-eq
            }
            String field;
            if (mode == Mode.PARAMETER) {
                parameters.add("  - {name: " + name + ", value: " + number + (unit.isEmpty() ? "" : ", unit: " + unit) + "}");
                field = name;
            } else {
                parameters.add("  - {name: " + name + ", value: " + number + "}");
                field = name + " * 2 / 2" + (unit.isEmpty() ? "" : " " + unit);
            }
            String line = lines.get(s.line() - 1);
            int start = s.column() - 1;
            int end = end(line, start);
            lines.set(s.line() - 1, line.substring(0, start) + field + line.substring(end));
        }
        int declared = -1;
        for (int l = 0; l < lines.size(); l++) {
            if (lines.get(l).startsWith("parameters:")) {
                declared = l;
            }
        }
        if (declared >= 0) {
            lines.addAll(declared + 1, parameters);
        } else {
            lines.add("parameters:");
            lines.addAll(parameters);
        }
        return String.join("\n", lines) + "\n";
    }

    /** Where the scalar starting at {@code start} ends: its closing quote, or a flow delimiter, a comment, the end. */
    private static int end(String line, int start) {
        char first = line.charAt(start);
        if (first == '"' || first == '\'') {
            return line.indexOf(first, start + 1) + 1;
        }
        int end = start;
        while (end < line.length() && ",}]".indexOf(line.charAt(end)) < 0
                && !(line.charAt(end) == '#' && end > 0 && line.charAt(end - 1) == ' ')) {
            end++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
