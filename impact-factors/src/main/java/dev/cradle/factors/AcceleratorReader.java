package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.in;
import static dev.cradle.factors.LibraryAssembly.out;
import static dev.cradle.factors.LibraryAssembly.round;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.Units;
import dev.cradle.model.data.DevicePower;
import dev.cradle.model.data.ImpactCategories;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hardware}: device archetypes ({@code device:<id>}, one device, cradle-to-gate). The embodied
 * GWP default is the source's figure (a Hubblo card's manufacturing stage, a baseboard's per-GPU share,
 * or a published value), else the die-area model {@code die cm2 × carbon per cm2 of the node + memory GB ×
 * kg per GB}; the distribution is triangular between the smaller of default and model and the largest
 * published value. Multi-GPU baseboards are devices of their own. Reads after the Hubblo cards it cites.
 */
final class AcceleratorReader implements DatasetReader {
    @Override
    public String kind() {
        return "hardware";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows", "hardware_lca");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        boards(d, root, into);
        JsonNode cpa = root.path("carbon_per_area_kg_per_cm2");
        double memoryKgPerGb = root.path("memory_kg_per_gb").asDouble();
        Flow co2e = into.co2e();
        root.path("devices").fields().forEachRemaining(e -> {
            JsonNode dev = e.getValue();
            String id = e.getKey();
            Flow product = Flow.product("device_" + id.replace('-', '_'), dev.path("name").asText(), Units.of("item"));
            into.addProductFlow(product);
            List<Exchange> exchanges = new ArrayList<>();
            exchanges.add(out(product, 1, null));
            Set<String> covered = new LinkedHashSet<>();
            String summary;
            JsonNode gwp = dev.path("embodied_gwp");
            JsonNode board = root.path("boards").path(gwp.path("board").asText(""));
            String card = dev.path("hubblo_card").asText("");
            JsonNode mfg = card.isEmpty() ? null : into.hardwareLcaCards.path(card).path("manufacturing");
            if (mfg != null && mfg.isMissingNode()) {
                throw new IllegalStateException(d.file() + ": unknown Hubblo card " + card);
            }
            if (mfg == null && gwp.has("from_hubblo")) {
                throw new IllegalStateException(d.file() + ": " + id + " takes its GWP from Hubblo but names no hubblo_card");
            }
            if (gwp.isMissingNode()) {
                covered.add(ImpactCategories.COVERS_NOTHING);
                summary = "embodied emissions not covered (die area not verified)";
            } else {
                double area = dev.path("die_area_mm2").asDouble() / 100;
                JsonNode factor = cpa.path(dev.path("process_node_nm").asText());
                if (factor.isMissingNode() && dev.has("die_area_mm2")) {
                    throw new IllegalStateException(d.file() + ": no carbon per area for node of " + id);
                }
                // without a die area (a node outside the carbon-per-area table) there is no model estimate
                double model = !dev.has("die_area_mm2") ? Double.NaN
                        : area * factor.asDouble() + dev.path("memory_gb").asDouble() * memoryKgPerGb;
                double def = gwp.path("from_hubblo").asText("").equals("manufacturing") ? mfg.path("gwp").asDouble()
                        : !board.isMissingNode() ? board.path("gwp_per_gpu").asDouble() : gwp.path("default").asDouble(model);
                if (Double.isNaN(def)) {
                    throw new IllegalStateException(d.file() + ": " + id + " has neither a die area nor a published embodied figure");
                }
                if (Double.isNaN(model)) {
                    model = def;
                }
                double max = Math.max(def, gwp.path("max").asDouble(def));
                double min = Math.min(def, model);
                exchanges.add(out(co2e, def, min < max ? new Uncertainty.Triangular(min, def, max) : null));
                covered.add(ImpactCategories.CLIMATE);
                summary = round(def) + " kg CO2-eq embodied (range " + round(min) + "-" + round(max) + "; "
                        + gwp.path("basis").asText() + ")";
                if (!board.isMissingNode()) {
                    summary += "; = " + board.path("name").asText() + " " + round(def * board.path("gpus").asInt())
                            + " kg / " + board.path("gpus").asInt() + " GPUs: the baseboard's NVSwitch chips and board are "
                            + "included pro rata, so do not add the baseboard again";
                }
                if (mfg != null) {
                    JsonNode h = mfg; // the manufacturing stage: a device process is cradle-to-gate
                    exchanges.add(new Exchange(into.flow("adp_elements_sb_eq"), Direction.INPUT,
                            Amount.of(h.path("adp_elements").asDouble()), Units.of("kg"), false, "", null));
                    exchanges.add(in(into.flow("fossil_energy"), h.path("adp_fossil").asDouble()));
                    exchanges.add(in(into.flow("water_scarcity_world_eq"), h.path("water_scarcity").asDouble()));
                    covered.addAll(List.of(ImpactCategories.ADP_ELEMENTS, ImpactCategories.ADP_FOSSIL,
                            ImpactCategories.WATER_SCARCITY));
                    summary += "; ADPe " + round(h.path("adp_elements").asDouble()) + " kg Sb-eq, ADPf "
                            + round(h.path("adp_fossil").asDouble()) + " MJ, water " + round(h.path("water_scarcity").asDouble())
                            + " m3 world-eq (" + into.hardwareLcaDataset.id() + ", manufacturing stage, CC BY-SA)";
                }
            }
            if (dev.has("average_power_w")) {
                summary += "; average power " + dev.path("average_power_w").asDouble() + " W";
            }
            if (dev.has("tdp_w")) {
                summary += "; TDP " + dev.path("tdp_w").asDouble() + " W";
            }
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("dataset", d.id());
            tags.put("device_kind", dev.path("kind").asText());
            if (!board.isMissingNode()) {
                tags.put("embodied_basis", "1/" + board.path("gpus").asInt() + " of the " + board.path("name").asText()
                        + " footprint: NVSwitch chips and board included pro rata");
            } else if (mfg != null) {
                tags.put("embodied_basis", "Hubblo manufacturing stage; transport and end of life come from this rule");
            }
            Process p = new Process("device:" + id, "Manufacturing of " + dev.path("name").asText(),
                    LifecycleStage.MANUFACTURING, null, tags, exchanges, List.of(), List.of(), covered);
            into.addProcess(p, d, dev.path("name").asText(), summary);
            into.devicePower.put(id, power(dev, root.path("tdp_power_range")));
        });
    }

    /**
     * A device's power and its range: a measured average (Patterson et al. 2021 Table 3) spread by its published
     * ± share, else the TDP spread by the measured-average-to-TDP ratios of published runs ({@code tdp_power_range}).
     */
    static DevicePower power(JsonNode dev, JsonNode tdpRange) {
        double tdp = dev.path("tdp_w").asDouble(Double.NaN);
        double avg = dev.path("average_power_w").asDouble(Double.NaN);
        if (!Double.isNaN(avg)) {
            double x = dev.path("average_power_spread").asDouble(Double.NaN);
            return new DevicePower(tdp, avg, Double.isNaN(x) ? null : new Uncertainty.Triangular(avg * (1 - x), avg, avg * (1 + x)),
                    "measured average " + round(avg) + " W (Patterson et al. 2021 Table 3"
                            + (Double.isNaN(x) ? ")" : ", ±" + round(x * 100) + " %: range " + round(avg * (1 - x)) + "-"
                            + round(avg * (1 + x)) + " W)"));
        }
        if (Double.isNaN(tdp)) {
            return new DevicePower(tdp, avg);
        }
        double lo = tdpRange.path("min_fraction").asDouble(1);
        double hi = tdpRange.path("max_fraction").asDouble(1);
        return new DevicePower(tdp, avg, lo < hi ? new Uncertainty.Triangular(tdp * lo, tdp, tdp * hi) : null,
                "TDP " + round(tdp) + " W: no measured average is published for this device; range " + round(tdp * lo) + "-"
                        + round(tdp * hi) + " W (" + round(lo) + "-" + round(hi) + " x TDP, the measured averages of "
                        + "Patterson et al. 2021 Table 4)");
    }

    /** A multi-GPU baseboard as a device of its own: the per-GPU footprint times the GPUs it carries. */
    private static void boards(Dataset d, JsonNode root, LibraryAssembly into) {
        Flow co2e = into.co2e();
        root.path("boards").fields().forEachRemaining(e -> {
            JsonNode b = e.getValue();
            double kg = b.path("gwp_per_gpu").asDouble() * b.path("gpus").asInt();
            Flow product = Flow.product("device_" + e.getKey().replace('-', '_'), b.path("name").asText(), Units.of("item"));
            into.addProductFlow(product);
            Process p = new Process("device:" + e.getKey(), "Manufacturing of " + b.path("name").asText(),
                    LifecycleStage.MANUFACTURING, null, Map.of("dataset", d.id(), "device_kind", "gpu_baseboard"),
                    List.of(out(product, 1, null), out(co2e, kg, null)), List.of(), List.of(), Set.of(ImpactCategories.CLIMATE));
            into.addProcess(p, d, b.path("name").asText(), round(kg) + " kg CO2-eq embodied = " + b.path("gpus").asInt()
                    + " x " + b.path("gwp_per_gpu").asDouble() + " kg per GPU (NVIDIA HGX H100 PCF); includes the GPUs: "
                    + "use it instead of, not with, the per-GPU archetype");
        });
    }
}
