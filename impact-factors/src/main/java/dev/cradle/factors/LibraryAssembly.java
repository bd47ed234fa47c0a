package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.data.DevicePower;
import dev.cradle.model.data.ReferenceFlows;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the {@link DatasetReader}s produce, collected while the bundled files are read: flows, methods,
 * background processes and their origin, the catalogue entries, and the typed figures (grids, AWARE
 * factors, device power, e-waste, building life). Mutable and confined to {@link FactorLibrary#load};
 * the library copies it into immutable maps.
 */
final class LibraryAssembly {
    final Map<String, Flow> flows = new LinkedHashMap<>();
    final Map<String, ImpactMethod> methods = new LinkedHashMap<>();
    final Map<String, Process> processes = new LinkedHashMap<>();
    final Map<String, Dataset> origin = new LinkedHashMap<>();
    final Map<String, LibraryEntry> entries = new LinkedHashMap<>();
    /** AWARE location code → its water-consumed flow id. */
    final Map<String, String> waterRegions = new LinkedHashMap<>();
    /** AWARE location code → factor, m3 world-eq per m3. */
    final Map<String, Double> awareFactors = new LinkedHashMap<>();
    double awareGlobal = Double.NaN;
    final Map<String, GridIntensity> grids = new LinkedHashMap<>();
    final Map<String, DevicePower> devicePower = new LinkedHashMap<>();
    final Map<String, Double> recyclingRates = new LinkedHashMap<>();
    double ewasteRecycling;
    double ewasteLandfill;
    double datacenterLifetimeYears;
    /** The hardware LCA cards (Hubblo) that device archetypes cite, and their dataset. */
    JsonNode hardwareLcaCards = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    Dataset hardwareLcaDataset;
    /** The GPU cards documented by the GPU card model's dataset, by key. */
    final Map<String, GpuCard> gpuCards = new LinkedHashMap<>();
    /** Characterised per-kWh results by generation technology id (the USLCI proxy), read before the technologies. */
    final Map<String, SourceResult> sourceResults = new LinkedHashMap<>();
    /** Country (ISO 3166-1 alpha-2) → its electricity generation mix by source. */
    final Map<String, dev.cradle.model.data.GenerationMix> generationMixes = new LinkedHashMap<>();
    /** Cloud-region grid code (with and without its vintage suffix) → the library grid it takes its values from. */
    final Map<String, String> gridTargets = new LinkedHashMap<>();

    /**
     * One generation source's characterised results per kWh.
     *
     * @param key    the source's key in its dataset ({@code coal_bituminous})
     * @param name   the source's process name
     * @param perKwh the values by column ({@code human_toxicity_cancer_ctuh}, {@code adp_fossil_mj}, ...)
     * @param covers the impact categories these values cover
     */
    record SourceResult(Dataset dataset, String key, String name, JsonNode perKwh, java.util.Set<String> covers) {
        /** Category id → the column holding its value per kWh. */
        static final Map<String, String> COLUMNS = Map.of(
                dev.cradle.model.data.ImpactCategories.TOX_CANCER, "human_toxicity_cancer_ctuh",
                dev.cradle.model.data.ImpactCategories.TOX_NON_CANCER, "human_toxicity_non_cancer_ctuh",
                dev.cradle.model.data.ImpactCategories.ADP_FOSSIL, "adp_fossil_mj");

        double value(String category) {
            return perKwh.path(COLUMNS.get(category)).asDouble();
        }
    }

    Flow flow(String id) {
        return flows.get(id);
    }

    /** The aggregated CO2-eq flow, declared by the elementary-flows dataset. */
    Flow co2e() {
        return flows.get(ReferenceFlows.CO2E_AGGREGATED);
    }

    Flow flowOrFail(String id, String where) {
        Flow f = flows.get(id);
        if (f == null) {
            throw new IllegalStateException(where + ": unknown flow '" + id + "'");
        }
        return f;
    }

    /** A flow a scenario can name (listed in the catalogue). */
    void addFlow(Flow f, Dataset d) {
        if (flows.put(f.id(), f) != null) {
            throw new IllegalStateException(d.file() + ": flow '" + f.id() + "' declared twice");
        }
        entries.put("flow:" + f.id(), new LibraryEntry(f.id(), "flow", f.name(),
                (f.compartment() == null ? f.type().name().toLowerCase(Locale.ROOT) : f.compartment().label())
                        + ", " + f.referenceUnit(), d));
    }

    /** A product flow of a background process (not listed in the catalogue). */
    void addProductFlow(Flow f) {
        flows.put(f.id(), f);
    }

    void addProcess(Process p, Dataset d, String name, String summary) {
        if (processes.put(p.id(), p) != null) {
            throw new IllegalStateException(d.file() + ": process " + p.id() + " declared twice");
        }
        origin.put(p.id(), d);
        entries.put("process:" + p.id(), new LibraryEntry(p.id(), "process", name, summary, d));
    }

    static Exchange out(Flow f, double amount, Uncertainty u) {
        return new Exchange(f, Direction.OUTPUT, Amount.of(amount), f.referenceUnit(), false, "", u);
    }

    static Exchange in(Flow f, double amount) {
        return new Exchange(f, Direction.INPUT, Amount.of(amount), f.referenceUnit(), false, "", null);
    }

    /** Four significant figures, for catalogue summaries. */
    static String round(double v) {
        return dev.cradle.model.SignificantFigures.of(v, 4);
    }
}
