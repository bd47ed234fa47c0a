package dev.cradle.factors;

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
 * {@code hardware_systems}: archetypes assembled from the library's server components and device archetypes
 * ({@code device:<id>}, cradle-to-gate, one device): server CPUs per socket and per core ({@code <id>-per-core}),
 * memory modules and drives, 8-GPU servers with their host alone ({@code <id>-host}) and cloud instances (own GPUs
 * plus the vCPU share of the host's other components). Formulas as Boavizta's server model: CPU die mm2 × per-mm2
 * + base; RAM and SSD capacity / mean density × per-cm2 + base; power supplies at the default mass; one
 * motherboard, rack case and assembly per host. GWP carries a triangular range from the GPU archetypes' ranges and
 * an average CPU die's published min-max; ADPe and primary energy are given where every part covers them.
 */
final class SystemReader implements DatasetReader {
    static final String PE_CATEGORY = "pe_nonrenewable";

    @Override
    public String kind() {
        return "hardware_systems";
    }

    @Override
    public Set<String> after() {
        return Set.of("hardware", "hardware_components");
    }

    /** Per-device totals of a bill: GWP (central, min, max), ADPe, primary energy; and which of them are covered. */
    private static final class Bill {
        double gwp;
        double min;
        double max;
        double adp;
        double pe;
        boolean gwpCovered = true;
        boolean adpCovered = true;
        boolean peCovered = true;

        void add(Bill b, double k) {
            gwp += k * b.gwp;
            min += k * b.min;
            max += k * b.max;
            adp += k * b.adp;
            pe += k * b.pe;
            gwpCovered &= b.gwpCovered;
            adpCovered &= b.adpCovered;
            peCovered &= b.peCovered;
        }

        /** {@code amount} units of a library component (its GWP, ADPe and PE per unit, no range). */
        void add(LibraryAssembly into, String component, double amount) {
            Process p = into.processes.get("component:" + component);
            if (p == null) {
                throw new IllegalStateException("hardware-systems: no server component " + component);
            }
            double g = amount(p, "co2e_aggregated");
            gwp += amount * g;
            min += amount * g;
            max += amount * g;
            adp += amount * amount(p, "adp_elements_sb_eq");
            pe += amount * amount(p, "primary_energy_unspecified");
        }
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        Map<String, Bill> parts = new LinkedHashMap<>();
        root.path("cpus").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            Bill socket = cpu(into, c.path("die_area_mm2").asDouble());
            if (c.has("die_min_mm2")) {
                socket.min = cpu(into, c.path("die_min_mm2").asDouble()).gwp;
                socket.max = cpu(into, c.path("die_max_mm2").asDouble()).gwp;
            }
            int cores = c.path("cores").asInt();
            parts.put(e.getKey(), socket);
            double tdp = c.path("tdp_w").asDouble(Double.NaN);
            add(d, into, e.getKey(), c.path("name").asText(), socket, "cpu_socket", round(c.path("die_area_mm2").asDouble())
                    + " mm2 die, " + cores + " cores", tdp);
            Bill core = new Bill();
            core.add(socket, 1.0 / cores);
            add(d, into, e.getKey() + "-per-core", c.path("name").asText() + ", one core (1/" + cores + " of the socket)",
                    core, "cpu_core", "1/" + cores + " of " + e.getKey(), tdp / cores);
        });
        modules(d, into, root.path("memory"), "dram", "dram_module", parts);
        modules(d, into, root.path("storage"), "ssd", "ssd", parts);
        double moduleGb = root.path("modules_gb").asDouble();
        root.path("servers").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            Bill host = host(into, parts, s.path("cpu").asText(), s.path("sockets").asDouble(),
                    s.path("memory_gb").asDouble() / moduleGb, s.path("ssd"), s.path("power_supplies").asDouble(), d);
            Bill server = new Bill();
            server.add(host, 1);
            server.add(gpu(into, s.path("gpu").asText(), d), s.path("gpus").asDouble());
            String share = "host " + round(host.gwp) + " kg = " + round(100 * host.gwp / server.gwp) + " % of the server's GWP";
            double power = s.path("max_power_w").asDouble(Double.NaN);
            add(d, into, e.getKey() + "-host", s.path("name").asText() + ", host without GPUs", host, "server_host",
                    "CPUs, memory, storage, power supplies, motherboard, case, assembly", Double.NaN);
            add(d, into, e.getKey(), s.path("name").asText(), server, "gpu_server", s.path("gpus").asInt() + " x "
                    + s.path("gpu").asText() + " + " + share + "; max power " + round(power) + " W", power);
        });
        root.path("instances").fields().forEachRemaining(e -> {
            JsonNode i = e.getValue();
            double memoryGb = i.has("host_memory_gib") ? i.path("host_memory_gib").asDouble() * 1.073741824
                    : i.path("host_memory_gb").asDouble();
            Bill host = host(into, parts, "server-cpu-average", 2, memoryGb / moduleGb, i.path("host_ssd"), 2, d);
            double share = i.path("vcpus").asDouble() / i.path("host_vcpus").asDouble();
            Bill instance = new Bill();
            instance.add(host, share);
            instance.add(gpu(into, i.path("gpu").asText(), d), i.path("gpus").asDouble());
            add(d, into, e.getKey(), i.path("name").asText(), instance, "cloud_instance", i.path("gpus").asInt() + " x "
                    + i.path("gpu").asText() + " + " + round(100 * share) + " % (" + i.path("vcpus").asInt() + "/"
                    + i.path("host_vcpus").asInt() + " vCPU) of a host of 2 average sockets, " + round(memoryGb)
                    + " GB memory and its local SSDs: host share " + round(share * host.gwp) + " kg", Double.NaN);
        });
    }

    /** Memory modules or drives: capacity / the mean die density × per-cm2 + base, each a part and a device. */
    private static void modules(Dataset d, LibraryAssembly into, JsonNode items, String component, String kind,
                                Map<String, Bill> parts) {
        double density = tag(into, component + "_die_per_cm2", "density_gb_per_cm2_mean");
        items.fields().forEachRemaining(e -> {
            Bill b = new Bill();
            double gb = e.getValue().path("capacity_gb").asDouble();
            b.add(into, component + "_die_per_cm2", gb / density);
            b.add(into, component, 1);
            parts.put(e.getKey(), b);
            add(d, into, e.getKey(), e.getValue().path("name").asText(), b, kind, round(gb) + " GB at " + round(density)
                    + " GB/cm2", Double.NaN);
        });
    }

    /** One CPU socket: die mm2 × per-mm2 + base. */
    private static Bill cpu(LibraryAssembly into, double dieMm2) {
        Bill b = new Bill();
        b.add(into, "cpu_per_mm2", dieMm2);
        b.add(into, "cpu", 1);
        return b;
    }

    private static Bill host(LibraryAssembly into, Map<String, Bill> parts, String cpu, double sockets, double modules,
                             JsonNode ssd, double powerSupplies, Dataset d) {
        Bill host = new Bill();
        host.add(part(parts, cpu, d), sockets);
        host.add(part(parts, "dram-rdimm-64gb", d), modules);
        ssd.fields().forEachRemaining(x -> host.add(part(parts, x.getKey(), d), x.getValue().asDouble()));
        host.add(into, "power_supply_per_kg", powerSupplies * tag(into, "power_supply_per_kg", "default_mass_kg"));
        host.add(into, "mainboard", 1);
        host.add(into, "rack_chassis", 1);
        host.add(into, "assembly", 1);
        return host;
    }

    private static Bill part(Map<String, Bill> parts, String id, Dataset d) {
        Bill b = parts.get(id);
        if (b == null) {
            throw new IllegalStateException(d.file() + ": no part " + id);
        }
        return b;
    }

    /** One GPU from its archetype: GWP and its range, ADPe if the source covers it; no primary energy. */
    private static Bill gpu(LibraryAssembly into, String archetype, Dataset d) {
        Process p = into.processes.get("device:" + archetype);
        if (p == null) {
            throw new IllegalStateException(d.file() + ": unknown GPU archetype " + archetype);
        }
        Bill b = new Bill();
        b.gwpCovered = p.coverage().contains(ImpactCategories.CLIMATE);
        b.adpCovered = p.coverage().contains(ImpactCategories.ADP_ELEMENTS);
        b.peCovered = false;
        for (Exchange x : p.exchanges()) {
            if (x.flow().id().equals("co2e_aggregated")) {
                b.gwp = ((Amount.Constant) x.amount()).value();
                b.min = x.uncertainty() instanceof Uncertainty.Triangular t ? t.min() : b.gwp;
                b.max = x.uncertainty() instanceof Uncertainty.Triangular t ? t.max() : b.gwp;
            } else if (x.flow().id().equals("adp_elements_sb_eq")) {
                b.adp = ((Amount.Constant) x.amount()).value();
            }
        }
        return b;
    }

    private static void add(Dataset d, LibraryAssembly into, String id, String name, Bill b, String kind, String basis,
                            double powerW) {
        Flow product = Flow.product("device_" + id.replace('-', '_').replace('.', '_'), name, Units.of("item"));
        into.addProductFlow(product);
        List<Exchange> exchanges = new ArrayList<>();
        exchanges.add(out(product, 1, null));
        Set<String> covered = new LinkedHashSet<>();
        String summary;
        if (b.gwpCovered) {
            exchanges.add(out(into.co2e(), b.gwp, b.min < b.max ? new Uncertainty.Triangular(b.min, b.gwp, b.max) : null));
            covered.add(ImpactCategories.CLIMATE);
            summary = round(b.gwp) + " kg CO2-eq" + (b.min < b.max ? " (range " + round(b.min) + "-" + round(b.max) + ")" : "");
        } else {
            summary = "embodied emissions not covered (a part has no published figure)";
        }
        if (b.adpCovered && b.gwpCovered) {
            exchanges.add(new Exchange(into.flow("adp_elements_sb_eq"), Direction.INPUT, Amount.of(b.adp), Units.of("kg"),
                    false, "", null));
            covered.add(ImpactCategories.ADP_ELEMENTS);
            summary += ", " + round(b.adp) + " kg Sb-eq";
        }
        if (b.peCovered) {
            exchanges.add(new Exchange(into.flow("primary_energy_unspecified"), Direction.INPUT, Amount.of(b.pe),
                    Units.of("MJ"), false, "", null));
            covered.add(PE_CATEGORY);
            summary += ", " + round(b.pe) + " MJ primary energy";
        }
        if (covered.isEmpty()) {
            covered.add(ImpactCategories.COVERS_NOTHING);
        }
        summary += "; " + basis;
        Process p = new Process("device:" + id, "Manufacturing of " + name, LifecycleStage.MANUFACTURING, null,
                Map.of("dataset", d.id(), "device_kind", kind), exchanges, List.of(), List.of(), covered);
        into.addProcess(p, d, name, summary);
        if (!Double.isNaN(powerW)) {
            into.devicePower.put(id, new DevicePower(powerW, Double.NaN));
        }
    }

    private static double tag(LibraryAssembly into, String component, String key) {
        Process p = into.processes.get("component:" + component);
        if (p == null || !p.tags().containsKey(key)) {
            throw new IllegalStateException("hardware-systems: component " + component + " lacks " + key);
        }
        return Double.parseDouble(p.tags().get(key));
    }

    private static double amount(Process p, String flowId) {
        for (Exchange x : p.exchanges()) {
            if (x.flow().id().equals(flowId)) {
                return ((Amount.Constant) x.amount()).value();
            }
        }
        return 0;
    }
}
