package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.in;
import static dev.cradle.factors.LibraryAssembly.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.Units;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gpu_card_components}: the GPU card bottom-up model's factors, one process per part and factor set,
 * {@code component:gpu_card_<set>_<part>} (set {@code boavizta} or {@code gpu_calculator}; part casing,
 * heatsink, pcb, gpu_die, vram, upstream_transport, end_of_life) per kg, cm2 or mm2, and
 * {@code component:gpu_card_distribution_<mode>} per kg·km; each with GWP, ADPe, ADP fossil, water scarcity,
 * human toxicity (cancer, non-cancer) and total primary energy (booked as {@code primary_energy_unspecified}).
 * The model constants travel as tags (die parts: defect density, kerf, wafer diameter, VRAM die mm2 per GB;
 * distribution: the default distance of each factor set); the documented cards become {@link GpuCard}s. The
 * end-of-life water use is not booked (the dataset's data_quality says why).
 */
final class GpuCardReader implements DatasetReader {
    /** Indicator key of the data file → the pre-characterised flow it is booked as, and whether it is an input. */
    private static final Map<String, String> FLOWS = Map.of("gwp", ReferenceFlows.CO2E_AGGREGATED,
            "adp_elements", ReferenceFlows.ADP_ELEMENTS_SB_EQ, "adp_fossil", ReferenceFlows.FOSSIL_ENERGY,
            "water_scarcity", ReferenceFlows.WATER_SCARCITY_WORLD_EQ, "tox_cancer", ReferenceFlows.TOX_CANCER_CTUH,
            "tox_non_cancer", ReferenceFlows.TOX_NON_CANCER_CTUH, "pe", ReferenceFlows.PRIMARY_ENERGY_UNSPECIFIED);
    private static final List<String> KEYS = List.of("gwp", "adp_elements", "adp_fossil", "water_scarcity", "tox_cancer",
            "tox_non_cancer", "pe");
    private static final Map<String, String> CATEGORY = Map.of("gwp", ImpactCategories.CLIMATE,
            "adp_elements", ImpactCategories.ADP_ELEMENTS, "adp_fossil", ImpactCategories.ADP_FOSSIL,
            "water_scarcity", ImpactCategories.WATER_SCARCITY, "tox_cancer", ImpactCategories.TOX_CANCER,
            "tox_non_cancer", ImpactCategories.TOX_NON_CANCER, "pe", ImpactCategories.PE_TOTAL);

    @Override
    public String kind() {
        return "gpu_card_components";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        JsonNode model = root.path("model");
        Map<String, String> dieTags = new LinkedHashMap<>();
        for (String k : List.of("defect_density_per_cm2", "kerf_width_mm", "wafer_diameter_mm", "vram_die_area_mm2_per_gb")) {
            dieTags.put(k, require(d, model, k).asText());
        }
        root.path("factor_sets").fields().forEachRemaining(set -> set.getValue().fields().forEachRemaining(part -> {
            boolean die = part.getKey().equals("gpu_die") || part.getKey().equals("vram");
            add(d, into, "gpu_card_" + key(set.getKey()) + "_" + part.getKey(), part.getValue(),
                    "GPU card " + part.getKey().replace('_', ' ') + " (" + set.getKey() + " factors)",
                    part.getKey().equals("end_of_life"), die ? dieTags : Map.of());
        }));
        root.path("distribution").fields().forEachRemaining(mode -> {
            Map<String, String> tags = new LinkedHashMap<>();
            model.path("distances_km").fields().forEachRemaining(s -> tags.put("default_km_" + key(s.getKey()),
                    require(d, s.getValue(), mode.getKey()).asText()));
            add(d, into, "gpu_card_distribution_" + mode.getKey(), mode.getValue(), "GPU card distribution by "
                    + mode.getKey(), false, tags);
        });
        root.path("cards").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            GpuCard card = new GpuCard(e.getKey(), c.path("source_name").asText(), num(d, c, "mass_kg"),
                    num(d, c, "casing_mass_kg"), num(d, c, "heatsink_mass_kg"), num(d, c, "pcb_area_cm2"),
                    num(d, c, "vram_gb"), num(d, c, "vram_dies"), num(d, c, "die_area_mm2"),
                    c.path("vram_die_area_mm2").asDouble(Double.NaN));
            if (into.gpuCards.put(card.key(), card) != null) {
                throw new IllegalStateException(d.file() + ": GPU card " + card.key() + " twice");
            }
            into.entries.put("gpu_card:" + card.key(), new LibraryEntry(card.key(), "gpu card", card.name(),
                    "card " + LibraryAssembly.round(card.massKg()) + " kg, die " + LibraryAssembly.round(card.dieAreaMm2())
                            + " mm2, " + LibraryAssembly.round(card.vramGb()) + " GB VRAM in "
                            + LibraryAssembly.round(card.vramDies()) + " dies, PCB " + LibraryAssembly.round(card.pcbAreaCm2())
                            + " cm2 (components: {type: gpu, card: " + card.key() + "})", d));
        });
    }

    private static void add(Dataset d, LibraryAssembly into, String id, JsonNode f, String name, boolean endOfLife,
                            Map<String, String> extraTags) {
        String per = require(d, f, "per").asText();
        Flow product = Flow.product("component_" + id, name + " (per " + per + ")", Units.of(per));
        into.addProductFlow(product);
        List<Exchange> exchanges = new ArrayList<>(List.of(out(product, 1, null)));
        Set<String> covered = new LinkedHashSet<>();
        for (String k : KEYS) {
            if (endOfLife && k.equals("water_scarcity")) {
                continue; // anomalous in the source (data_quality)
            }
            double v = require(d, f, k).asDouble();
            Flow flow = into.flowOrFail(FLOWS.get(k), d.file());
            boolean emission = k.equals("gwp") || k.startsWith("tox");
            exchanges.add(emission ? out(flow, v, null) : in(flow, v));
            covered.add(CATEGORY.get(k));
        }
        Map<String, String> tags = new LinkedHashMap<>(extraTags);
        tags.put("dataset", d.id());
        Process p = new Process("component:" + id, name + ", per " + per, LifecycleStage.MANUFACTURING, null, tags,
                exchanges, List.of(), List.of(), covered);
        into.addProcess(p, d, p.name(), f.path("gwp").asDouble() + " kg CO2-eq, " + f.path("adp_elements").asDouble()
                + " kg Sb-eq, " + f.path("pe").asDouble() + " MJ primary energy per " + per);
    }

    /** A factor set's or card's key as it appears in a process id ({@code gpu-calculator} → {@code gpu_calculator}). */
    static String key(String name) {
        return name.replace('-', '_');
    }

    private static JsonNode require(Dataset d, JsonNode n, String key) {
        if (!n.has(key)) {
            throw new IllegalStateException(d.file() + ": missing '" + key + "'");
        }
        return n.get(key);
    }

    private static double num(Dataset d, JsonNode n, String key) {
        return require(d, n, key).asDouble();
    }
}
