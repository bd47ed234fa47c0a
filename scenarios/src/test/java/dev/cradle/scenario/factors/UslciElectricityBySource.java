package dev.cradle.scenario.factors;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.ImpactMethod;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.io.Database;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseLinker;
import dev.cradle.scenario.io.Databases;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import dev.cradle.scenario.io.LinkedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the extract {@code sources/uslci-electricity-by-source.csv} of the impact-factors module: the
 * cumulative results of one kWh from each USLCI power-plant process, characterised with the library's
 * methods through Cradle's flow mapping, from the bundled USLCI (the same linking as {@code cradle db calc
 * uslci}: as defined, ambiguous and missing providers cut off, formulas carried). One kWh is 3.6 MJ of the
 * processes' reference product (USLCI's electricity flows have MJ as reference unit).
 *
 * <p>ADP fossil (CML-IA, MJ net calorific value) includes the fossil resource flows whose USLCI name states
 * their heating value ("Coal, bituminous, 24.8 MJ per kg"), by the flow mapping's heating-value rule
 * ({@link FlowMapping}, rule 4). USLCI states gross (higher) heating values; the net value is 5–10 % lower, so
 * ADP fossil is an upper estimate by that margin (docs/databases.md).
 *
 * <p>Regenerate: {@code mvn -o -q -B -pl scenarios -am test -Dtest=UslciElectricityBySourceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcradle.regenerate=impact-factors/src/main/resources/dev/cradle/factors/sources/uslci-electricity-by-source.csv}
 * (a relative path is resolved against the repository root).
 */
final class UslciElectricityBySource {
    /** The USLCI processes computed, by their UUID in the bundled release, with a short key. */
    static final Map<String, String> SOURCES = linked(
            "coal_bituminous", "66280f03-b26f-35c4-bda2-3d4a8652943a",
            "coal_lignite", "5b26dd62-5ab0-3822-b39c-6aa187efc9e5",
            "coal_anthracite", "01d6d9c6-6e07-3461-8336-3e88c070975b",
            "natural_gas", "879845c3-84fa-3f85-9f3d-a8510f950732",
            "residual_fuel_oil", "e391a117-69ae-3550-987a-8f28a1444eb9",
            "diesel", "4b3de918-4d30-3184-bdaa-60d8575c5af4",
            "nuclear", "2b091e0d-d0de-31a1-89db-3f51a9c5cf12",
            "biomass", "dfdb7eba-dfc4-3d24-9683-58b8b0ee1346");
    static final List<String> COLUMNS = List.of("gwp100_ar6_kg_co2e", "human_toxicity_cancer_ctuh",
            "human_toxicity_non_cancer_ctuh", "adp_elements_kg_sb_eq", "adp_fossil_mj", "water_consumption_m3");
    private static final List<String> INDICATORS = List.of("ipcc-ar6-gwp100/climate_change",
            "usetox-2/human_toxicity_cancer", "usetox-2/human_toxicity_non_cancer", "cml-ia-adp/adp_elements",
            "cml-ia-adp/adp_fossil", "water-consumption/water_consumption");
    static final double MJ_PER_KWH = 3.6;

    /** One process's results per kWh, in {@link #COLUMNS} order. */
    record Row(String key, String processId, String name, double[] perKwh) {
    }

    private UslciElectricityBySource() {
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Row> compute() {
        FactorLibrary lib = FactorLibrary.bundled();
        Database db = Databases.read("uslci");
        LinkedDatabase linked = DatabaseLinker.link(db, ImportOptions.defaults());
        List<ImpactMethod> methods = new ArrayList<>();
        for (String id : List.of("ipcc-ar6-gwp100", "usetox-2", "cml-ia-adp", "water-consumption")) {
            methods.add(lib.method(id).orElseThrow());
        }
        FlowMapping mapping = new FlowMapping(lib.flows().values());
        DatabaseCalculator.Prepared prepared = DatabaseCalculator.prepare(linked, methods, mapping);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> s : SOURCES.entrySet()) {
            Database.Process p = db.process(s.getValue()).orElseThrow();
            if (!p.referenceFlow().referenceUnit().symbol().equals("MJ")) {
                throw new IllegalStateException(p.name() + ": reference unit " + p.referenceFlow().referenceUnit());
            }
            LcaResult r = prepared.demand(Map.of(p.id(), MJ_PER_KWH));
            double[] v = new double[COLUMNS.size()];
            for (int k = 0; k < INDICATORS.size(); k++) {
                v[k] = r.impact(INDICATORS.get(k));
            }
            rows.add(new Row(s.getKey(), p.id(), p.name().trim(), v));
        }
        return rows;
    }

    /** The extract's text: a header naming the source and the method, then one row per process. */
    static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Extract of FLCAC-admin/uslci-content@91824482b335d7db1b232d18dcc259301c4e42c9:downloads/uslci_olca1_5_0_json_ld/\n")
          .append("# (the bundled scenarios/src/main/resources/databases/uslci/uslci-olca1.5-jsonld.zip, US federal data via the\n")
          .append("# Federal LCA Commons; repository MIT licence), computed by Cradle: cumulative results of 1 kWh (3.6 MJ of the\n")
          .append("# reference product) of each power-plant process, characterised with the library's methods through Cradle's\n")
          .append("# flow mapping (linking as 'cradle db calc uslci': as defined, ambiguous and missing providers cut off).\n")
          .append("# adp_fossil_mj adds the fossil resources whose USLCI name states a heating value (amount x MJ per kg).\n")
          .append("# Rebuilt and checked by scenarios' UslciElectricityBySourceTest (dev.cradle.scenario.factors).\n")
          .append("key,process_id,process,").append(String.join(",", COLUMNS)).append('\n');
        for (Row r : rows) {
            sb.append(r.key()).append(',').append(r.processId()).append(",\"").append(r.name()).append('"');
            for (double x : r.perKwh()) {
                sb.append(',').append(x);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.writeString(out, csv(compute()), StandardCharsets.UTF_8);
    }
}
