package dev.cradle.scenario.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A hand-made openLCA JSON-LD database small enough to calculate by hand, written in olca-schema 1.x
 * or 2.x field names. Numbers (see the tests for the arithmetic):
 * <ul>
 * <li>grid: 1 kWh of electricity (= 3.6 MJ, the flow's reference unit) needs 0.01 kg steel (the formula
 *     0.01 * GRID_LOSS over a global parameter Grid_Loss = 1) and emits
 *     500 g CO2 (lognormal, gsd 1.2) and 1 g methane in the bare "Elementary Flows" category;</li>
 * <li>steel: 1 kg needs 2 kWh electricity, 0.1 kg diesel (two providers: ambiguous) and 5 kg
 *     "CUTOFF Water" (no provider); emits CO2 by the formula IF(mode=1; CO2_Base; 0) with CO2_Base = 1.8;</li>
 * <li>diesel A and B: 1 kg each, emitting 3 and 3.2 kg CO2;</li>
 * <li>paper: 1 kg needs 1 kWh, 0.1 kg residual fuel oil (only a co-product: no provider) and 0.4 kg
 *     coal in ground; emits -0.5 kg CO2 (a negative amount, kept);</li>
 * <li>refinery: 1 kg gasoline and 0.5 kg residual fuel oil, physical allocation factors that name no
 *     product (unusable, as in USLCI).</li>
 * </ul>
 */
public final class MiniDatabase {
    static final String GRID = "a0000000-0000-0000-0000-000000000001";
    static final String STEEL = "a0000000-0000-0000-0000-000000000002";
    static final String DIESEL_A = "a0000000-0000-0000-0000-000000000003";
    static final String DIESEL_B = "a0000000-0000-0000-0000-000000000004";
    static final String PAPER = "a0000000-0000-0000-0000-000000000005";
    static final String REFINERY = "a0000000-0000-0000-0000-000000000006";

    private MiniDatabase() {
    }

    /** The files of the database, path → JSON text. */
    public static Map<String, String> files(boolean v2) {
        Map<String, String> f = new LinkedHashMap<>();
        String ref = v2 ? "isRefUnit" : "referenceUnit";
        f.put("unit_groups/mass.json", "{\"@type\":\"UnitGroup\",\"@id\":\"ug-mass\",\"name\":\"Units of mass\",\"units\":["
                + "{\"@id\":\"u-kg\",\"name\":\"kg\",\"conversionFactor\":1.0,\"" + ref + "\":true},"
                + "{\"@id\":\"u-g\",\"name\":\"g\",\"conversionFactor\":0.001}]}");
        f.put("unit_groups/energy.json", "{\"@type\":\"UnitGroup\",\"@id\":\"ug-energy\",\"name\":\"Units of energy\",\"units\":["
                + "{\"@id\":\"u-mj\",\"name\":\"MJ\",\"conversionFactor\":1.0,\"" + ref + "\":true},"
                + "{\"@id\":\"u-kwh\",\"name\":\"kWh\",\"conversionFactor\":3.6}]}");
        f.put("flow_properties/mass.json", "{\"@type\":\"FlowProperty\",\"@id\":\"fp-mass\",\"name\":\"Mass\","
                + "\"unitGroup\":{\"@id\":\"ug-mass\"}}");
        f.put("flow_properties/energy.json", "{\"@type\":\"FlowProperty\",\"@id\":\"fp-energy\",\"name\":\"Energy\","
                + "\"unitGroup\":{\"@id\":\"ug-energy\"}}");
        if (!v2) {
            f.put("categories/air.json", "{\"@type\":\"Category\",\"@id\":\"c-air\",\"name\":\"air\"}");
            f.put("categories/air-unspecified.json", "{\"@type\":\"Category\",\"@id\":\"c-air-u\",\"name\":\"unspecified\","
                    + "\"category\":{\"@id\":\"c-air\"}}");
            f.put("categories/resource.json", "{\"@type\":\"Category\",\"@id\":\"c-res\",\"name\":\"resource\"}");
            f.put("categories/in-ground.json", "{\"@type\":\"Category\",\"@id\":\"c-res-g\",\"name\":\"in ground\","
                    + "\"category\":{\"@id\":\"c-res\"}}");
            f.put("categories/elementary.json", "{\"@type\":\"Category\",\"@id\":\"c-elem\",\"name\":\"Elementary Flows\"}");
        }
        f.put("parameters/loss.json", "{\"@type\":\"Parameter\",\"@id\":\"p-loss\",\"name\":\"Grid_Loss\","
                + "\"parameterScope\":\"GLOBAL_SCOPE\",\"" + (v2 ? "isInputParameter" : "inputParameter") + "\":true,"
                + "\"value\":1.0}");
        flow(f, v2, "co2", "Carbon dioxide, fossil", "ELEMENTARY_FLOW", v2 ? "\"air/unspecified\"" : "{\"@id\":\"c-air-u\"}", "fp-mass");
        flow(f, v2, "ch4", "Methane", "ELEMENTARY_FLOW", v2 ? "\"Elementary Flows\"" : "{\"@id\":\"c-elem\"}", "fp-mass");
        flow(f, v2, "coal", "Coal, hard, unspecified, in ground", "ELEMENTARY_FLOW",
                v2 ? "\"resource/in ground\"" : "{\"@id\":\"c-res-g\"}", "fp-mass");
        flow(f, v2, "electricity", "Electricity", "PRODUCT_FLOW", null, "fp-energy");
        flow(f, v2, "steel", "Steel", "PRODUCT_FLOW", null, "fp-mass");
        flow(f, v2, "diesel", "Diesel, at refinery", "PRODUCT_FLOW", null, "fp-mass");
        flow(f, v2, "water", "CUTOFF Water, at user", "PRODUCT_FLOW", null, "fp-mass");
        flow(f, v2, "paper", "Paper", "PRODUCT_FLOW", null, "fp-mass");
        flow(f, v2, "gasoline", "Gasoline, at refinery", "PRODUCT_FLOW", null, "fp-mass");
        flow(f, v2, "residual", "Residual fuel oil, at refinery", "PRODUCT_FLOW", null, "fp-mass");

        process(f, v2, GRID, "Electricity, at grid", "",
                ex(v2, "electricity", false, 1, "u-kwh", "fp-energy", true, ""),
                ex(v2, "steel", true, 0.01, "u-kg", "fp-mass", false, ",\"amountFormula\":\"0.01 * GRID_LOSS\""),
                ex(v2, "co2", false, 500, "u-g", "fp-mass", false, ",\"uncertainty\":{\"distributionType\":"
                        + "\"LOG_NORMAL_DISTRIBUTION\",\"geomMean\":500,\"geomSd\":1.2}"),
                ex(v2, "ch4", false, 1, "u-g", "fp-mass", false, ""));
        process(f, v2, STEEL, "Steel, at plant",
                ",\"parameters\":[{\"@type\":\"Parameter\",\"name\":\"CO2_Base\",\"parameterScope\":\"PROCESS_SCOPE\",\""
                        + (v2 ? "isInputParameter" : "inputParameter") + "\":true,\"value\":1.8},"
                        + "{\"@type\":\"Parameter\",\"name\":\"mode\",\"parameterScope\":\"PROCESS_SCOPE\",\""
                        + (v2 ? "isInputParameter" : "inputParameter") + "\":true,\"value\":1}]",
                ex(v2, "steel", false, 1, "u-kg", "fp-mass", true, ""),
                ex(v2, "electricity", true, 2, "u-kwh", "fp-energy", false, ""),
                ex(v2, "diesel", true, 0.1, "u-kg", "fp-mass", false, ""),
                ex(v2, "water", true, 5, "u-kg", "fp-mass", false, ""),
                ex(v2, "co2", false, 1.8, "u-kg", "fp-mass", false, ",\"amountFormula\":\"IF(mode=1; co2_base; 0)\""));
        process(f, v2, DIESEL_A, "Diesel, at refinery A", "",
                ex(v2, "diesel", false, 1, "u-kg", "fp-mass", true, ""),
                ex(v2, "co2", false, 3, "u-kg", "fp-mass", false, ""));
        process(f, v2, DIESEL_B, "Diesel, at refinery B", "",
                ex(v2, "diesel", false, 1, "u-kg", "fp-mass", true, ""),
                ex(v2, "co2", false, 3.2, "u-kg", "fp-mass", false, ""));
        process(f, v2, PAPER, "Paper, at mill", "",
                ex(v2, "paper", false, 1, "u-kg", "fp-mass", true, ""),
                ex(v2, "electricity", true, 1, "u-kwh", "fp-energy", false, ""),
                ex(v2, "residual", true, 0.1, "u-kg", "fp-mass", false, ""),
                ex(v2, "coal", true, 0.4, "u-kg", "fp-mass", false, ""),
                ex(v2, "co2", false, -0.5, "u-kg", "fp-mass", false, ""));
        process(f, v2, REFINERY, "Refinery", ",\"allocationFactors\":[{\"@type\":\"AllocationFactor\","
                        + "\"allocationType\":\"PHYSICAL_ALLOCATION\",\"value\":0.0}]",
                ex(v2, "gasoline", false, 1, "u-kg", "fp-mass", true, ""),
                ex(v2, "residual", false, 0.5, "u-kg", "fp-mass", false, ""),
                ex(v2, "co2", false, 0.2, "u-kg", "fp-mass", false, ""));
        return f;
    }

    private static void flow(Map<String, String> f, boolean v2, String id, String name, String type, String category,
                             String property) {
        f.put("flows/" + id + ".json", "{\"@type\":\"Flow\",\"@id\":\"" + id + "\",\"name\":\"" + name + "\",\"flowType\":\""
                + type + "\"" + (category == null ? "" : ",\"category\":" + category)
                + ",\"flowProperties\":[{\"@type\":\"FlowPropertyFactor\",\"" + (v2 ? "isRefFlowProperty" : "referenceFlowProperty")
                + "\":true,\"flowProperty\":{\"@id\":\"" + property + "\"},\"conversionFactor\":1.0}]}");
    }

    private static String ex(boolean v2, String flow, boolean input, double amount, String unit, String property,
                             boolean reference, String extra) {
        return "{\"@type\":\"Exchange\",\"" + (v2 ? "isInput" : "input") + "\":" + input + ",\"amount\":" + amount
                + ",\"flow\":{\"@id\":\"" + flow + "\"},\"unit\":{\"@id\":\"" + unit + "\"},\"flowProperty\":{\"@id\":\""
                + property + "\"}" + (reference ? ",\"" + (v2 ? "isQuantitativeReference" : "quantitativeReference")
                + "\":true" : "") + extra + "}";
    }

    private static void process(Map<String, String> f, boolean v2, String id, String name, String extra, String... exchanges) {
        f.put("processes/" + id + ".json", "{\"@type\":\"Process\",\"@id\":\"" + id + "\",\"name\":\"" + name + "\""
                + ",\"location\":{\"@id\":\"loc-us\",\"name\":\"US\"}" + extra + ",\"exchanges\":["
                + String.join(",", exchanges) + "]}");
    }

    /** Writes {@code files}, changed by {@code edit}, as a zip under {@code dir}. */
    public static Path zip(Path dir, String name, Map<String, String> files, UnaryOperator<Map<String, String>> edit) {
        Map<String, String> content = edit.apply(new LinkedHashMap<>(files));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : content.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path p = dir.resolve(name);
        try {
            Files.write(p, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
