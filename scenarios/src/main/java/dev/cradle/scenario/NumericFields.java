package dev.cradle.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The domain of every numeric field of a scenario file, keyed {@code kind.key} with the kinds of
 * {@link ScenarioReader#KEYS} ({@code hardware.lifetime}); for a map of numbers
 * ({@code grid_mix}, {@code embodied}, {@code fixed} shares, allocation factors) the domain holds for
 * each value. The readers check every number against this table; a test keeps it, the JSON Schema
 * and docs/scenario-reference.md in agreement.
 */
final class NumericFields {
    private NumericFields() {
    }

    static final Map<String, Domain> DOMAINS = build();

    private static Map<String, Domain> build() {
        Map<String, Domain> d = new LinkedHashMap<>();
        // the generic format
        d.put("parameter.value", Domain.ANY);
        d.put("exchange.amount", Domain.ANY);
        d.put("allocation.physical", Domain.SHARE);
        d.put("allocation.economic", Domain.SHARE);
        d.put("causal.factors", Domain.SHARE);
        d.put("factor.value", Domain.ANY);
        d.put("functional_unit.amount", Domain.POSITIVE);
        d.put("uncertainty.mean", Domain.ANY);
        d.put("uncertainty.sd", Domain.NON_NEGATIVE);
        d.put("uncertainty.geometric_mean", Domain.POSITIVE);
        d.put("uncertainty.geometric_sd", Domain.AT_LEAST_ONE);
        d.put("uncertainty.min", Domain.ANY);
        d.put("uncertainty.mode", Domain.ANY);
        d.put("uncertainty.max", Domain.ANY);
        d.put("uncertainty.values", Domain.ANY);
        d.put("uncertainty.probabilities", Domain.SHARE);
        d.put("uncertainty.value", Domain.ANY);
        d.put("uncertainty.basic_variance", Domain.NON_NEGATIVE);
        // datacenters
        d.put("datacenter.grid_mix", Domain.SHARE);
        d.put("datacenter.grid_intensity", Domain.NON_NEGATIVE);
        d.put("datacenter.pue", Domain.AT_LEAST_ONE);
        d.put("datacenter.wue_onsite", Domain.NON_NEGATIVE);
        d.put("datacenter.offsite_water", Domain.NON_NEGATIVE);
        d.put("datacenter.market_intensity", Domain.NON_NEGATIVE);
        d.put("datacenter.renewable_share", Domain.SHARE);
        d.put("tenancy.it_power", Domain.POSITIVE);
        d.put("tenancy.period", Domain.POSITIVE);
        d.put("infrastructure.embodied", Domain.NON_NEGATIVE);
        d.put("infrastructure.capacity", Domain.POSITIVE);
        d.put("infrastructure.lifetime", Domain.POSITIVE);
        // hardware
        d.put("hardware.embodied", Domain.NON_NEGATIVE);
        d.put("hardware.count", Domain.COUNT);
        d.put("hardware.lifetime", Domain.POSITIVE);
        d.put("hardware.utilisation", Domain.FRACTION);
        d.put("hardware.power", Domain.POSITIVE);
        d.put("hardware.idle_power", Domain.NON_NEGATIVE);
        d.put("hardware.idle_energy", Domain.NON_NEGATIVE);
        d.put("hardware.period", Domain.POSITIVE);
        d.put("hardware.mass", Domain.POSITIVE);
        d.put("hardware.recycling_rate", Domain.SHARE);
        d.put("transport_leg.distance", Domain.NON_NEGATIVE);
        d.put("component.units", Domain.COUNT);
        d.put("component.die_area", Domain.POSITIVE);
        d.put("component.core_units", Domain.COUNT);
        d.put("component.die_area_per_core", Domain.POSITIVE);
        d.put("component.capacity", Domain.POSITIVE);
        d.put("component.density", Domain.POSITIVE);
        d.put("component.mass", Domain.POSITIVE);
        d.put("component.vram", Domain.POSITIVE);
        d.put("component.vram_dies", Domain.COUNT);
        d.put("component.vram_die_area", Domain.POSITIVE);
        d.put("component.pcb_area", Domain.POSITIVE);
        d.put("component.heatsink_mass", Domain.NON_NEGATIVE);
        d.put("component.casing_mass", Domain.NON_NEGATIVE);
        d.put("component.distance_boat", Domain.NON_NEGATIVE);
        d.put("component.distance_truck", Domain.NON_NEGATIVE);
        d.put("component.distance_plane", Domain.NON_NEGATIVE);
        // models
        d.put("amortisation.queries", Domain.POSITIVE);
        d.put("amortisation.tokens", Domain.POSITIVE);
        d.put("model.service_life", Domain.POSITIVE);
        d.put("model.downstream_tasks", Domain.AT_LEAST_ONE);
        // workloads
        d.put("workload.device_hours", Domain.POSITIVE);
        d.put("workload.energy", Domain.POSITIVE);
        d.put("workload.energy_per_query", Domain.POSITIVE);
        d.put("workload.energy_per_token", Domain.POSITIVE);
        d.put("workload.power", Domain.POSITIVE);
        d.put("workload.runs", Domain.POSITIVE);
        d.put("workload.queries", Domain.NON_NEGATIVE);
        d.put("workload.tokens", Domain.NON_NEGATIVE);
        d.put("workload.period", Domain.POSITIVE);
        d.put("flops.total", Domain.POSITIVE);
        d.put("flops.peak_per_device", Domain.POSITIVE);
        d.put("flops.utilisation", Domain.FRACTION);
        d.put("flops.devices", Domain.COUNT);
        d.put("deployment.devices", Domain.COUNT);
        d.put("deployment.period", Domain.POSITIVE);
        d.put("storage.capacity", Domain.POSITIVE);
        d.put("storage.duration", Domain.POSITIVE);
        // per-request LLM inference (EcoLogits)
        d.put("model.total_parameters", Domain.POSITIVE);
        d.put("model.active_parameters", Domain.POSITIVE);
        d.put("model.quantisation_bits", Domain.POSITIVE);
        d.put("llm_inference.requests", Domain.POSITIVE);
        d.put("llm_inference.output_tokens", Domain.POSITIVE);
        d.put("llm_inference.latency", Domain.POSITIVE);
        d.put("llm_inference.throughput", Domain.POSITIVE);
        d.put("llm_inference.batch_size", Domain.POSITIVE);
        d.put("llm_inference.gpu_memory", Domain.POSITIVE);
        d.put("llm_inference.server_power", Domain.NON_NEGATIVE);
        d.put("llm_inference.gpus_per_server", Domain.COUNT);
        d.put("allocation_rule.fixed", Domain.SHARE);
        d.put("carbontracker.pue", Domain.AT_LEAST_ONE);
        return java.util.Collections.unmodifiableMap(d);
    }

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("datacenter.pue", " (PUE = facility energy / IT energy; 1 is a facility with no overhead)"),
            Map.entry("hardware.count", " (the number of devices in the group)"),
            Map.entry("flops.devices", " (the number of devices running the job)"),
            Map.entry("deployment.devices", " (the number of devices serving)"),
            Map.entry("hardware.utilisation", " (the busy share of the devices' life, e.g. 0.85)"),
            Map.entry("flops.utilisation", " (the model FLOPs utilisation, e.g. 0.4)"),
            Map.entry("model.downstream_tasks", " (the number of models or tasks sharing the training)"),
            Map.entry("functional_unit.amount", " (the study is about a positive quantity of its reference flow)"),
            Map.entry("hardware.embodied", " (emissions of making one device)"),
            Map.entry("component.density", " (GB per cm2 of memory die, e.g. 1.79 for DRAM, 50.6 for NAND)"),
            Map.entry("infrastructure.embodied", " (emissions of building it)"),
            Map.entry("workload.energy", " (measured IT energy)"));

    /** A short explanation of a field for messages, with a leading space, or "". */
    static String hint(String kind, String key) {
        return HINTS.getOrDefault(kind + "." + key, "");
    }

    /** The domain of {@code kind.key}; a missing entry is a bug (every numeric field has one). */
    static Domain of(String kind, String key) {
        Domain d = DOMAINS.get(kind + "." + key);
        if (d == null) {
            throw new IllegalStateException("no domain for numeric field " + kind + "." + key);
        }
        return d;
    }
}
