package dev.cradle.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds every shipped value to the source extract it was built from. For each dataset the test collects
 * every number of its data file (outside the provenance header) and re-derives the same set of numbers
 * from the extracts the file names: mechanically from the verbatim source extracts (Ember, Electricity
 * Maps, AWARE 2.0, ML CO2, Hubblo, the IPCC compilations), and from citation extracts (one row per
 * value: the number as the source prints it, the source, where in it) for figures published in PDFs.
 * A number without a derivation, a derivation without a number, or a differing number fails the build,
 * so a value keyed by hand cannot enter the library.
 */
class ProvenanceTest {
    private static final String ROOT = "dev/cradle/factors/";
    private static final Set<String> HEADER = Set.of("dataset", "kind", "title", "source", "citation", "url", "year",
            "licence", "licence_note", "share_alike", "unit", "data_quality", "not_covered", "provenance",
            "vintage_note", "water_source", "excluded");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final FactorLibrary lib = FactorLibrary.bundled();

    @TestFactory
    List<DynamicTest> everyShippedValueIsDerivedFromItsExtract() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dataset d : lib.datasets()) {
            tests.add(DynamicTest.dynamicTest(d.id(), () -> check(d)));
        }
        return tests;
    }

    @Test
    void coversEveryDatasetAndTheWorld() throws IOException {
        assertEquals(23, lib.datasets().size());
        // a real count of what the extracts hold, so the coverage claims in docs/factors.md stay true
        long countries = lib.grids().values().stream().filter(g -> g.level().equals("country")).count();
        assertEquals(209, countries, "Ember countries and territories (222 records less 13 regions)");
        assertEquals("region", lib.grid("EU").orElseThrow().level());
        assertTrue(lib.awareFactors().keySet().stream().filter(k -> k.length() == 2).count() >= 200);
    }

    /**
     * Audit item 1(g): YAML 1.1 tools read an unquoted key such as NO (Norway) as the boolean false.
     * Every key that YAML 1.1 would read as a boolean must be quoted in every data file.
     */
    @Test
    void noKeyReadsAsABooleanInOtherYamlTools() throws IOException {
        Pattern bool = Pattern.compile("(?m)(^\\s*|[{,]\\s*)(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
                + "|on|On|ON|off|Off|OFF)\\s*:");
        for (Dataset d : lib.datasets()) {
            var m = bool.matcher(resource(ROOT + d.file()));
            if (m.find()) {
                fail(d.file() + ": unquoted key '" + m.group(2) + "' reads as a boolean in YAML 1.1 tools; quote it");
            }
        }
        assertTrue(resource(ROOT + "electricity/ember-2024-country-intensity.yaml").contains("\"NO\": {name: \"Norway\""));
    }

    private void check(Dataset d) throws IOException {
        JsonNode root = yaml(ROOT + d.file());
        JsonNode provenance = root.path("provenance");
        assertFalse(provenance.isMissingNode(), d.file() + " has no provenance block");
        Map<String, Double> expected = new LinkedHashMap<>();
        Map<String, Double> tolerance = new LinkedHashMap<>();
        for (JsonNode e : provenance.path("extracts")) {
            String file = e.asText();
            String text = resource(ROOT + file);
            assertTrue(text.startsWith("# Extract of ") || text.startsWith("# Citation extract"),
                    file + " must open with the source it was taken from");
            if (file.endsWith("-citations.csv")) {
                for (CSVRecord r : csv(text)) {
                    String path = r.get("path");
                    assertFalse(r.get("source").isBlank() || r.get("locator").isBlank(), file + ": " + path + " cites nothing");
                    assertNotNull(expected.put(path, Expression.eval(r.get("expression"))) == null ? "" : null,
                            file + ": " + path + " twice");
                    if (!r.get("tolerance").isBlank()) {
                        tolerance.put(path, Double.parseDouble(r.get("tolerance")));
                    }
                }
            }
        }
        derive(d.id(), root, expected);
        Map<String, Double> shipped = numbers(root);
        Set<String> unexplained = new TreeSet<>(shipped.keySet());
        unexplained.removeAll(expected.keySet());
        assertTrue(unexplained.isEmpty(), d.id() + ": values with no derivation from an extract: " + unexplained);
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(shipped.keySet());
        assertTrue(missing.isEmpty(), d.id() + ": derived values the data file does not ship: " + missing);
        for (Map.Entry<String, Double> e : shipped.entrySet()) {
            double want = expected.get(e.getKey());
            double tol = Math.max(1e-9, tolerance.getOrDefault(e.getKey(), 0.0)) * Math.max(Math.abs(want), 1e-300);
            if (Math.abs(e.getValue() - want) > tol && !(want == 0 && e.getValue() == 0)) {
                fail(d.id() + ": " + e.getKey() + " = " + e.getValue() + " but its source gives " + want);
            }
        }
    }

    /** The mechanical derivations, one per dataset built from a verbatim source extract. */
    private void derive(String dataset, JsonNode root, Map<String, Double> out) throws IOException {
        switch (dataset) {
            case "ember-2024-country-intensity" -> {
                Map<String, String> iso2 = iso2();
                Set<String> iso = Set.of(Locale.getISOCountries());
                for (CSVRecord r : csv(resource(ROOT + "sources/ember-average-intensities.csv"))) {
                    String code = r.get("country_code");
                    String key = !code.isEmpty() ? iso2.get(code) : r.get("key").equals("World") ? "WORLD"
                            : r.get("key").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
                    assertTrue(code.isEmpty() || iso.contains(key) || key.equals("XK"), code + " -> " + key + " is no ISO 3166 code");
                    put(out, "grids/" + key + "/intensity", Double.parseDouble(r.get("emissions_intensity_gco2_per_kwh")));
                    put(out, "grids/" + key + "/year", Double.parseDouble(r.get("year")));
                }
            }
            case "owid-electricity-mix-by-country" -> {
                Map<String, String> iso2 = iso2();
                Map<String, String> columns = new LinkedHashMap<>(); // the data file's source → the extract's column
                List.of("coal coal_TWh", "gas gas_TWh", "oil oil_TWh", "nuclear nuclear_TWh", "hydro hydroelectricity_TWh",
                        "wind wind_TWh", "solar solar_TWh", "bioenergy biofuel_TWh",
                        "other_renewable other_renewable_exc_biofuel_TWh").forEach(x -> columns.put(x.split(" ")[0], x.split(" ")[1]));
                for (CSVRecord r : csv(resource(ROOT + "sources/codecarbon-global-energy-mix.csv"))) {
                    String key = iso2.get(r.get("iso_code"));
                    if (key == null) {
                        assertEquals("ESH", r.get("iso_code"), "only Western Sahara is excluded (the data file says so)");
                        continue;
                    }
                    put(out, "countries/" + key + "/year", Double.parseDouble(r.get("year")));
                    double sum = 0;
                    for (var c : columns.entrySet()) {
                        put(out, "countries/" + key + "/" + c.getKey(), Double.parseDouble(r.get(c.getValue())));
                        sum += Double.parseDouble(r.get(c.getValue()));
                    }
                    // the nine sources are the whole generation: nothing of the total is left out of the shares
                    assertEquals(Double.parseDouble(r.get("total_TWh")), sum, 0.02 + 1e-3 * sum, r.get("iso_code"));
                }
            }
            case "electricitymaps-2024-zones" -> {
                for (CSVRecord r : csv(resource(ROOT + "sources/electricitymaps-2024-yearly.csv"))) {
                    if (r.get("zone").contains("-")) {
                        put(out, "grids/" + r.get("zone") + "/intensity",
                                Double.parseDouble(r.get("carbon_intensity_gco2eq_per_kwh")));
                        put(out, "grids/" + r.get("zone") + "/year", 2024); // the extract is yearly_2024.json
                    }
                }
            }
            case "egrid2023-subregions" -> {
                for (CSVRecord r : csv(resource(ROOT + "sources/epa-hub-2025-egrid2023-subregions.csv"))) {
                    String key = "grids/US-" + r.get("subregion");
                    double co2 = Double.parseDouble(r.get("co2_lb_per_mwh"));
                    double ch4 = Double.parseDouble(r.get("ch4_lb_per_mwh"));
                    double n2o = Double.parseDouble(r.get("n2o_lb_per_mwh"));
                    // CO2-eq with eGRID's AR5 GWP100 (CH4 28, N2O 265); lb/MWh x 0.45359237 kg/lb = g/kWh
                    put(out, key + "/intensity", (co2 + 28 * ch4 + 265 * n2o) * 0.45359237);
                    put(out, key + "/year", 2023); // eGRID2023: data year 2023
                    put(out, key + "/lb_per_mwh/co2", co2);
                    put(out, key + "/lb_per_mwh/ch4", ch4);
                    put(out, key + "/lb_per_mwh/n2o", n2o);
                }
            }
            case "uslci-electricity-by-source" -> {
                // per kWh as the extract gives it (recomputed from the bundled USLCI by scenarios'
                // UslciElectricityBySourceTest); GWP always, the other columns for the categories a source covers
                Map<String, String> columns = Map.of("human_toxicity_cancer", "human_toxicity_cancer_ctuh",
                        "human_toxicity_non_cancer", "human_toxicity_non_cancer_ctuh", "adp_fossil", "adp_fossil_mj");
                for (CSVRecord r : csv(resource(ROOT + "sources/uslci-electricity-by-source.csv"))) {
                    JsonNode s = root.path("sources").path(r.get("key"));
                    assertFalse(s.isMissingNode(), "source " + r.get("key") + " of the extract is not shipped");
                    assertEquals(r.get("process_id"), s.path("uslci_id").asText(), r.get("key"));
                    String key = "sources/" + r.get("key") + "/per_kwh/";
                    put(out, key + "gwp100_ar6_kg_co2e", Double.parseDouble(r.get("gwp100_ar6_kg_co2e")));
                    for (JsonNode c : s.path("covers")) {
                        String column = columns.get(c.asText());
                        assertNotNull(column, r.get("key") + " covers unknown category " + c);
                        put(out, key + column, Double.parseDouble(r.get(column)));
                    }
                }
            }
            case "mlco2-cloud-regions" -> {
                for (CSVRecord r : csv(resource(ROOT + "sources/mlco2-impact.csv"))) {
                    if (r.get("source").startsWith("100% carbon-free")) {
                        continue; // a renewable-energy claim, excluded from the grid intensities (audit 1(d))
                    }
                    // the Scaleway row has no region code, only the name 'Paris': keyed scaleway/paris
                    String region = r.get("region").isEmpty() ? r.get("regionName").toLowerCase(Locale.ROOT) : r.get("region");
                    String key = "grids/" + r.get("provider") + "/" + region;
                    put(out, key + "/intensity", Double.parseDouble(r.get("impact")));
                    if (!r.get("PUE").isBlank()) {
                        put(out, key + "/pue", Double.parseDouble(r.get("PUE")));
                    }
                }
            }
            case "water" -> {
                for (CSVRecord r : csv(resource(ROOT + "sources/aware20-nonagri-annual.csv"))) {
                    String code = r.get("ecoinvent_shortname");
                    if (code.equals("GLO")) {
                        put(out, "global_default", Double.parseDouble(r.get("Annual")));
                    } else if (r.get("conform_w_ecoinvent").equals("1") && !r.get("Annual").equals("NotDefined")
                            && Set.of("countries", "states").contains(r.get("ecoinvent_collection"))) {
                        put(out, "regions/" + code, Double.parseDouble(r.get("Annual")));
                    }
                }
            }
            case "hubblo-gpu-lca" -> {
                List<CSVRecord> rows = csv(resource(ROOT + "sources/hubblo-gpus-impact-factors.csv"));
                Map<String, String> indicators = Map.of("gwp", "GWP", "adp_elements", "ADPe", "adp_fossil", "ADPf",
                        "water_scarcity", "WU");
                root.path("cards").fields().forEachRemaining(card -> {
                    String name = card.getValue().path("source_name").asText();
                    for (String stage : List.of("manufacturing", "transport", "end_of_life")) {
                        indicators.forEach((key, column) -> {
                            double sum = 0;
                            boolean any = false;
                            for (CSVRecord r : rows) {
                                String v = r.get(stage + "_" + column);
                                if (r.get("graphics_card").equals(name) && !v.isBlank()) {
                                    sum += Double.parseDouble(v);
                                    any = true;
                                }
                            }
                            if (any) {
                                put(out, "cards/" + card.getKey() + "/" + stage + "/" + key, sum);
                            }
                        });
                    }
                });
            }
            case "gpu-card-components" -> {
                // the two factor sets verbatim from their extracts (a blank cell of the source is 0), distribution per
                // kg.km, the documented cards with masses g / 1000 = kg; the model constants come from the citations
                Map<String, String> columns = new LinkedHashMap<>();
                List.of("gwp:GWP", "adp_elements:ADPe", "adp_fossil:ADPf", "water_scarcity:WU", "tox_cancer:CTUh_c",
                        "tox_non_cancer:CTUh_nc", "pe:TPE").forEach(c -> columns.put(c.split(":")[0], c.split(":")[1]));
                Map<String, String> parts = Map.of("casing", "casing", "heatsink", "heatsink", "pcb", "printed_wiring_board",
                        "gpu_die", "graphics_processing_unit", "vram", "video_ram", "upstream_transport", "upstream_transport",
                        "end_of_life", "end_of_life");
                Map<String, String> sets = Map.of("boavizta", "sources/hubblo-gpu-card-average.csv",
                        "gpu-calculator", "sources/hubblo-gpu-card-average-model.csv");
                sets.forEach((set, file) -> {
                    try {
                        for (CSVRecord r : csv(resource(ROOT + file))) {
                            String part = parts.entrySet().stream().filter(e -> e.getValue().equals(r.get("component")))
                                    .map(Map.Entry::getKey).findFirst().orElseThrow();
                            String stage = part.equals("end_of_life") ? "end_of_life_" : "manufacturing_";
                            columns.forEach((k, c) -> {
                                String v = r.get(stage + c);
                                put(out, "factor_sets/" + set + "/" + part + "/" + k, v.isBlank() ? 0 : Double.parseDouble(v));
                            });
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                for (CSVRecord r : csv(resource(ROOT + "sources/hubblo-gpu-card-transport.csv"))) {
                    columns.forEach((k, c) -> put(out, "distribution/" + r.get("mode") + "/" + k, Double.parseDouble(r.get(c))));
                }
                for (CSVRecord r : csv(resource(ROOT + "sources/hubblo-gpu-cards.csv"))) {
                    String key = "cards/" + r.get("name").toLowerCase(Locale.ROOT).replace(' ', '-') + "/";
                    put(out, key + "mass_kg", Double.parseDouble(r.get("totalWeight")) / 1000);
                    put(out, key + "casing_mass_kg", Double.parseDouble(r.get("casingWeight")) / 1000);
                    put(out, key + "heatsink_mass_kg", Double.parseDouble(r.get("heatsinkWeight")) / 1000);
                    put(out, key + "pcb_area_cm2", Double.parseDouble(r.get("cardSurface")));
                    put(out, key + "vram_gb", Double.parseDouble(r.get("videoRamCapacity")));
                    put(out, key + "vram_dies", Double.parseDouble(r.get("videoRamDies")));
                    put(out, key + "die_area_mm2", Double.parseDouble(r.get("gpuSurface")));
                    if (!r.get("videoRamDieSurface").isBlank()) {
                        put(out, key + "vram_die_area_mm2", Double.parseDouble(r.get("videoRamDieSurface")));
                    }
                }
            }
            case "ipcc-gwp" -> {
                Map<String, CSVRecord> gases = new LinkedHashMap<>();
                csv(resource(ROOT + "sources/openclimatedata-gwp.csv")).forEach(r -> gases.put(r.get("Species"), r));
                Map<String, CSVRecord> etch = new LinkedHashMap<>();
                csv(resource(ROOT + "sources/ar6-7sm7-etch-gases.csv")).forEach(r -> etch.put(r.get("CAS"), r));
                Map<String, String> species = Map.ofEntries(Map.entry("n2o", "N2O"), Map.entry("sf6", "SF6"),
                        Map.entry("nf3", "NF3"), Map.entry("cf4", "CF4"), Map.entry("c2f6", "C2F6"), Map.entry("c3f8", "C3F8"),
                        Map.entry("c_c4f8", "cC4F8"), Map.entry("chf3", "HFC23"), Map.entry("ch2f2", "HFC32"),
                        Map.entry("ch3f", "HFC41"), Map.entry("hfc_134a", "HFC134a"));
                Map<String, String[]> methods = Map.of(
                        "ipcc-ar6-gwp100", new String[] {"climate_change", "AR6GWP100", "GWP100"},
                        "ipcc-ar6-gwp20", new String[] {"climate_change_gwp20", "AR6GWP20", "GWP20"},
                        "ipcc-ar5-gwp100", new String[] {"climate_change", "AR5GWP100", ""},
                        "ipcc-ar4-gwp100", new String[] {"climate_change", "AR4GWP100", ""});
                methods.forEach((id, m) -> {
                    String prefix = "methods/" + id + "/categories/" + m[0] + "/factors/";
                    species.forEach((flow, gas) -> {
                        String v = gases.get(gas).get(m[1]);
                        if (!v.isBlank()) {
                            put(out, prefix + flow, Double.parseDouble(v));
                        }
                    });
                    if (!m[2].isEmpty()) { // AR6 Table 7.SM.7 for the etch gases the compilation lacks
                        put(out, prefix + "c4f6", Double.parseDouble(etch.get("=\"685-63-2\"").get(m[2])));
                        put(out, prefix + "c_c5f8", Double.parseDouble(etch.get("=\"559-40-0\"").get(m[2])));
                    }
                });
                // generic methane: biogenic in AR5 (Table 8.A.1 value), both kinds in AR4 (no split)
                double ar5 = Double.parseDouble(gases.get("CH4").get("AR5GWP100"));
                double ar4 = Double.parseDouble(gases.get("CH4").get("AR4GWP100"));
                put(out, "methods/ipcc-ar5-gwp100/categories/climate_change/factors/ch4_biogenic", ar5);
                put(out, "methods/ipcc-ar4-gwp100/categories/climate_change/factors/ch4_fossil", ar4);
                put(out, "methods/ipcc-ar4-gwp100/categories/climate_change/factors/ch4_biogenic", ar4);
            }
            case "defra-2025-freight" -> {
                // DESNZ row IDs of each mode: tank-to-wheel (Freighting goods) and well-to-tank rows, kg CO2e per t.km
                Map<String, String> ttw = Map.of("air", "27_317_3156_14_1", "sea", "27_320_3235_14_1",
                        "road", "27_304_3140_14_1", "rail", "27_315_3151_14_1");
                Map<String, String> wtt = Map.of("air", "28_913_3156_14_1", "sea", "28_916_3235_14_1",
                        "road", "28_907_3140_14_1", "rail", "28_911_3151_14_1");
                Map<String, CSVRecord> rows = defra();
                ttw.forEach((mode, id) -> put(out, "modes/" + mode + "/ttw", factor(rows, id, "tonne.km")));
                wtt.forEach((mode, id) -> put(out, "modes/" + mode + "/wtt", factor(rows, id, "tonne.km")));
            }
            case "ewaste" -> {
                // WEEE - mixed, open-loop recycling and landfill, kg CO2e per tonne -> per kg
                Map<String, CSVRecord> rows = defra();
                put(out, "treatment/recycling", factor(rows, "20_503_5330_15_1", "tonnes") / 1000);
                put(out, "treatment/landfill", factor(rows, "20_503_5334_15_1", "tonnes") / 1000);
            }
            default -> { } // citation extracts only
        }
    }

    /** ISO 3166 alpha-3 → alpha-2 from co2.js's table (the one that keys Ember's countries and the generation mixes). */
    private static Map<String, String> iso2() throws IOException {
        Map<String, String> iso2 = new LinkedHashMap<>();
        csv(resource(ROOT + "sources/co2js-countries.csv"))
                // first row per alpha-3 code: the file also maps CYM (Cayman Islands) to CY (Cyprus) in a stray row
                .forEach(r -> iso2.putIfAbsent(r.get("country_code_iso_3"), r.get("country_code_iso_2")));
        return iso2;
    }

    private static Map<String, CSVRecord> defra() throws IOException {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        csv(resource(ROOT + "sources/defra-2025-extract.csv")).forEach(r -> rows.put(r.get("ID"), r));
        return rows;
    }

    private static double factor(Map<String, CSVRecord> rows, String id, String unit) {
        CSVRecord r = rows.get(id);
        assertNotNull(r, "DESNZ row " + id);
        assertEquals(unit, r.get("UOM"), id);
        assertEquals("kg CO2e", r.get("GHG/Unit"), id);
        return Double.parseDouble(r.get("GHG Conversion Factor 2025"));
    }

    private static void put(Map<String, Double> out, String path, double value) {
        if (out.put(path, value) != null) {
            fail(path + " is derived twice");
        }
    }

    /** Every number of a data file outside its header, by path (list items are named by their id). */
    static Map<String, Double> numbers(JsonNode root) {
        Map<String, Double> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (!HEADER.contains(e.getKey())) {
                walk(e.getValue(), e.getKey(), out);
            }
        });
        return out;
    }

    private static void walk(JsonNode n, String path, Map<String, Double> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), out));
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                walk(item, path + "/" + (item.has("id") ? item.get("id").asText() : "?"), out);
            }
        } else if (n.isNumber() || (n.isTextual() && NUMBER.matcher(n.asText()).matches())) {
            out.put(path, n.asDouble());
        }
    }

    private static JsonNode yaml(String resource) throws IOException {
        return YAML.readTree(resource(resource));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProvenanceTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
    }

    /** Arithmetic of source numbers in a citation row: numbers, + - * / and parentheses. */
    static final class Expression {
        private final String s;
        private int i;

        private Expression(String s) {
            this.s = s.replace(" ", "");
        }

        static double eval(String text) {
            Expression e = new Expression(text);
            double v = e.sum();
            if (e.i != e.s.length()) {
                throw new IllegalArgumentException("bad expression '" + text + "'");
            }
            return v;
        }

        private double sum() {
            double v = product();
            while (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                v = s.charAt(i++) == '+' ? v + product() : v - product();
            }
            return v;
        }

        private double product() {
            double v = atom();
            while (i < s.length() && (s.charAt(i) == '*' || s.charAt(i) == '/')) {
                v = s.charAt(i++) == '*' ? v * atom() : v / atom();
            }
            return v;
        }

        private double atom() {
            if (s.charAt(i) == '(') {
                i++;
                double v = sum();
                i++;
                return v;
            }
            var m = NUMBER.matcher(s).region(i, s.length());
            if (!m.lookingAt()) {
                throw new IllegalArgumentException("bad number at " + i + " in '" + s + "'");
            }
            i = m.end();
            return Double.parseDouble(m.group());
        }
    }
}
