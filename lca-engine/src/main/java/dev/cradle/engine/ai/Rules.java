package dev.cradle.engine.ai;

import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Process;
import dev.cradle.model.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small helpers shared by the rules: naming, tags, exchanges and number formatting for traces. */
final class Rules {
    private Rules() {
    }

    static String fmt(double v) {
        if (v == 0 || Double.isNaN(v)) {
            return String.valueOf(v);
        }
        if (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-6) {
            return String.format(java.util.Locale.ROOT, "%.6g", v);
        }
        return dev.cradle.model.SignificantFigures.of(v, 6);
    }

    static String parameterName(String prefix, String id) {
        return prefix + "_" + id.replaceAll("[^A-Za-z0-9_]", "_");
    }

    static Map<String, String> tags(String model, String device, String datacenter) {
        Map<String, String> t = new LinkedHashMap<>();
        if (model != null) {
            t.put("model", model);
        }
        if (device != null) {
            t.put("device", device);
        }
        if (datacenter != null) {
            t.put("datacenter", datacenter);
        }
        return t;
    }

    static Flow product(String id, String name) {
        return Flow.product(id, name, Units.of("item"));
    }

    static Exchange output(Flow f, double amount) {
        return Exchange.output(f, amount, f.referenceUnit());
    }

    static Exchange input(Flow f, double amount) {
        return Exchange.input(f, amount, f.referenceUnit());
    }

    /** An elementary exchange in its flow's natural direction (emissions out, resources and water in). */
    static Exchange elementary(Flow f, double amount) {
        return f.isInputByNature() ? input(f, amount) : output(f, amount);
    }

    /** An exchange of {@code amount} (a constant or a tree over the global parameters) in the flow's reference unit. */
    static Exchange exchange(Flow f, Direction direction, Value amount) {
        return new Exchange(f, direction, amount.amount(), f.referenceUnit(), false, "", null);
    }

    /** An elementary exchange of {@code amount} in its flow's natural direction. */
    static Exchange elementary(Flow f, Value amount) {
        boolean in = f.compartment() == dev.cradle.model.Compartment.RESOURCE
                || f.compartment() == dev.cradle.model.Compartment.WATER_CONSUMED;
        return exchange(f, in ? Direction.INPUT : Direction.OUTPUT, amount);
    }

    /**
     * The exchanges of {@code facilityKwh} of a datacenter's electricity: with a {@link Declarations.DatabaseGrid},
     * facility kWh × the linked process's cumulative inventory per kWh (every elementary flow of its supply
     * chain); else kg CO2-eq = facility kWh × {@code intensity}, the global parameter holding the grid intensity
     * (so that the market basis is the same system with that parameter set to the market-based value).
     */
    static List<Exchange> electricity(CompilationContext ctx, Declarations.Grid grid, Value facilityKwh, Value intensity) {
        if (grid instanceof Declarations.DatabaseGrid d) {
            List<Exchange> out = new java.util.ArrayList<>();
            d.inventoryPerKwh().forEach((flow, perKwh) -> out.add(elementary(flow, facilityKwh.times(perKwh))));
            return out;
        }
        List<Exchange> out = new java.util.ArrayList<>(List.of(exchange(ctx.library().aggregatedCo2e(), Direction.OUTPUT,
                facilityKwh.times(intensity))));
        if (grid instanceof Declarations.MixGrid m) {
            out.addAll(mixBurdens(ctx, m, facilityKwh));
        }
        if (grid instanceof Declarations.RegionGrid r && ctx.countryMixes.containsKey(r.code())) {
            ctx.countryMixes.get(r.code()).perKwh().forEach((flowId, perKwh) -> {
                if (MIX_FLOWS.contains(flowId)) {
                    out.add(elementary(ctx.library().flow(flowId).orElseThrow(), facilityKwh.times(perKwh)));
                }
            });
        }
        return out;
    }

    /** The pre-characterised flows a mix's technologies carry besides CO2-eq and water (the USLCI proxy: CTUh, MJ fossil). */
    static final List<String> MIX_FLOWS = List.of(dev.cradle.model.data.ReferenceFlows.TOX_CANCER_CTUH,
            dev.cradle.model.data.ReferenceFlows.TOX_NON_CANCER_CTUH, dev.cradle.model.data.ReferenceFlows.FOSSIL_ENERGY);

    /**
     * Facility kWh × Σ share × each technology's amount per kWh of the {@link #MIX_FLOWS} (docs/factors.md, the
     * USLCI proxy); a flow no technology of the mix carries is left out. Coverage is decided by DatacenterRule.
     */
    static List<Exchange> mixBurdens(CompilationContext ctx, Declarations.MixGrid m, Value facilityKwh) {
        List<Exchange> out = new java.util.ArrayList<>();
        for (String flowId : MIX_FLOWS) {
            Value perKwh = Value.of(0);
            Flow flow = null;
            for (var e : m.shares().entrySet()) {
                var p = ctx.library().generationTechnology(e.getKey());
                var x = p.flatMap(q -> DatacenterRule.exchange(q, flowId));
                if (x.isPresent()) {
                    flow = x.get().flow();
                    perKwh = perKwh.plus(ctx.declared(e.getValue()).times(DatacenterRule.constant(p.get(), flowId)));
                }
            }
            if (flow != null) {
                out.add(elementary(flow, facilityKwh.times(perKwh)));
            }
        }
        return out;
    }

    /**
     * {@code id} as one segment of a dotted parameter name ({@code hardware.<segment>.embodied_gwp}): characters
     * other than letters, digits, '_' and '-' become '_', and so do all hyphens when they are not inner ones.
     */
    static String nameSegment(String id) {
        String s = id.replaceAll("[^A-Za-z0-9_-]", "_");
        if (s.isEmpty()) {
            return "_";
        }
        return s.matches("[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*") ? s : s.replace('-', '_');
    }

    static Process process(String id, String name, LifecycleStage stage, MlPhase phase, Map<String, String> tags,
                           List<Exchange> exchanges, java.util.Set<String> coverage) {
        return new Process(id, name, stage, phase, tags, exchanges, List.of(), List.of(), coverage);
    }

    static String stageKey(LifecycleStage s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
