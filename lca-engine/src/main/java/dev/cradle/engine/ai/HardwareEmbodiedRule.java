package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.TransportLeg;
import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.data.EwasteTreatment;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceData;
import dev.cradle.model.data.ReferenceFlows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Embodied impacts of the hardware, amortised linearly over its busy life and allocated by
 * device-hours: a workload using {@code d} device-hours carries {@code d / (lifetime × utilisation)}
 * devices' worth of each life cycle stage (BLOOM: 150 kg / (6 × 8,760 h × 0.85) = 0.00336 kg per
 * GPU-hour). Stages, each its own process: raw material extraction and manufacturing (from an
 * explicit inventory, an archetype of the factor library, a bill of components ({@link BottomUpHardware}) or one
 * embodied figure per category),
 * transport (mass × distance × the library's freight factor per mode) and end of life (mass × e-waste
 * treatment at the declared recycling rate). Materials, freight legs and the end of life linked to background
 * database processes ({@link Declarations.BackgroundLink}) carry amount × the process's cumulative inventory per
 * unit, covering the indicators that process's cumulative result is non-zero for.
 */
public final class HardwareEmbodiedRule implements Rule {
    /** Category ids that an embodied figure may be given for, and the pre-characterised flow carrying each. */
    public static final Map<String, String> EMBODIED_FLOWS = Map.of(
            ImpactCategories.CLIMATE, ReferenceFlows.CO2E_AGGREGATED, ImpactCategories.ADP_ELEMENTS,
            ReferenceFlows.ADP_ELEMENTS_SB_EQ, ImpactCategories.ADP_FOSSIL, ReferenceFlows.FOSSIL_ENERGY,
            ImpactCategories.WATER_SCARCITY, ReferenceFlows.WATER_SCARCITY_WORLD_EQ,
            ImpactCategories.PE_NONRENEWABLE, ReferenceFlows.PRIMARY_ENERGY_NONRENEWABLE,
            ImpactCategories.PE_RENEWABLE, ReferenceFlows.PRIMARY_ENERGY_RENEWABLE,
            ImpactCategories.PE_TOTAL, ReferenceFlows.PRIMARY_ENERGY_UNSPECIFIED);

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String name() {
        return "embodied hardware, amortised by device-hours";
    }

    /** Per-device exchanges and coverage of each stage of one hardware group. */
    record Stage(List<PerDevice> exchanges, Set<String> coverage, String basis) {
    }

    /**
     * One exchange of a device: its flow, direction and (for explicit inventories) uncertainty, and its amount per
     * device in the flow's reference unit — a tree when it reads a parameter (a declared formula, or a library
     * figure with a range).
     */
    record PerDevice(Exchange exchange, Value amount) {
    }

    @Override
    public void apply(CompilationContext ctx) {
        for (WorkloadFacts wf : ctx.facts.values()) {
          for (WorkloadFacts.Usage usage : wf.usages()) {
            WorkloadFacts f = wf.on(usage.hardware());
            Hardware h = f.hardware();
            Value life = ctx.declared(h.lifetimeH());
            Value utilisation = ctx.declared(h.utilisation());
            Value devices = f.deviceHours().div(life.times(utilisation));
            if (!ctx.finite("hardware:" + h.id(), "the devices carried by workload '" + f.workload().id() + "' ("
                    + Rules.fmt(f.deviceHours().central()) + " device-h / (" + Rules.fmt(life.central()) + " h life × "
                    + Rules.fmt(utilisation.central()) + " utilisation))", devices.central())) {
                continue;
            }
            Map<LifecycleStage, Stage> stages = stagesOf(ctx, h);
            for (Map.Entry<LifecycleStage, Stage> e : stages.entrySet()) {
                LifecycleStage stage = e.getKey();
                Stage s = e.getValue();
                String id = "workload:" + f.workload().id() + "/" + h.id() + "/" + Rules.stageKey(stage);
                Flow product = Rules.product("embodied:" + f.workload().id() + "/" + h.id() + "/" + Rules.stageKey(stage),
                        h.name() + ", " + stage.title() + ", share of " + f.workload().id());
                List<Exchange> exchanges = new ArrayList<>();
                exchanges.add(Rules.output(product, 1));
                for (PerDevice d : s.exchanges()) {
                    Exchange x = d.exchange();
                    exchanges.add(new Exchange(x.flow(), x.direction(), d.amount().times(devices).amount(),
                            x.flow().referenceUnit(), false, "", x.uncertainty() == null ? null
                            : scaled(x.uncertainty(), devices.central())));
                }
                Process p = Rules.process(id, h.name() + ": " + stage.title() + " (share of " + f.workload().id() + ")",
                        stage, f.workload().phase(), Rules.tags(f.workload().model(), h.id(), h.datacenter()), exchanges,
                        s.coverage());
                ctx.add(p, new Trace(id, name(), "hardware " + h.id() + " × workload " + f.workload().id(), h.origin(),
                        List.of("devices carried = " + Rules.fmt(f.deviceHours().central()) + " device-h / ("
                                        + Rules.fmt(life.central()) + " h life × " + Rules.fmt(utilisation.central())
                                        + " utilisation) = " + Rules.fmt(devices.central()),
                                stage.title() + " per device: " + s.basis(),
                                "covers: " + String.join(", ", s.coverage()))));
                ctx.feedRun(f.workload().id(), product, 1);
            }
          }
        }
    }

    private static dev.cradle.model.Uncertainty scaled(dev.cradle.model.Uncertainty u, double k) {
        if (u instanceof dev.cradle.model.Uncertainty.Triangular t) {
            return new dev.cradle.model.Uncertainty.Triangular(t.min() * k, t.mode() * k, t.max() * k);
        }
        if (u instanceof dev.cradle.model.Uncertainty.Uniform un) {
            return new dev.cradle.model.Uncertainty.Uniform(un.min() * k, un.max() * k);
        }
        if (u instanceof dev.cradle.model.Uncertainty.Normal n) {
            return new dev.cradle.model.Uncertainty.Normal(n.mean() * k, n.sd() * k);
        }
        var l = (dev.cradle.model.Uncertainty.LogNormal) u;
        return new dev.cradle.model.Uncertainty.LogNormal(l.geometricMean() * k, l.geometricSd());
    }

    static Map<LifecycleStage, Stage> stagesOf(CompilationContext ctx, Hardware h) {
        ReferenceData lib = ctx.library();
        Map<LifecycleStage, Stage> out = new EnumMap<>(LifecycleStage.class);
        for (Map.Entry<LifecycleStage, List<Exchange>> e : h.inventory().entrySet()) {
            List<PerDevice> x = new ArrayList<>();
            for (Exchange ex : e.getValue()) {
                double factor = ex.unit().conversionFactorTo(ex.flow().referenceUnit());
                Value amount = ex.amount() instanceof Amount.Tree t ? ctx.value(t.expression())
                        : Value.of(((Amount.Constant) ex.amount()).value());
                x.add(new PerDevice(ex, amount.times(factor)));
            }
            out.put(e.getKey(), new Stage(x, Set.of(), "explicit inventory of " + e.getValue().size()
                    + " exchanges"));
        }
        if (!h.archetype().isEmpty()) {
            Optional<Process> p = lib.deviceArchetype(h.archetype());
            if (p.isEmpty()) {
                ctx.problem("hardware:" + h.id(), "no device archetype '" + h.archetype()
                        + "' in the factor library (see 'cradle factors search device')");
            } else {
                List<PerDevice> x = new ArrayList<>();
                List<String> named = new ArrayList<>();
                for (Exchange ex : p.get().exchanges()) {
                    if (ex.flow().isElementary()) {
                        x.add(archetypeExchange(ctx, h, p.get(), ex, named));
                    }
                }
                String basis = p.get().tags().getOrDefault("embodied_basis", "");
                out.merge(LifecycleStage.MANUFACTURING, new Stage(x, p.get().coverage(), "archetype " + p.get().id()
                        + " (cradle-to-gate, " + lib.sourceOf(p.get().id()).orElse("?")
                        + (basis.isEmpty() ? "" : "; " + basis) + ")"
                        + (named.isEmpty() ? "" : "; library parameter " + String.join(", ", named))),
                        HardwareEmbodiedRule::merge);
            }
        }
        if (!h.components().isEmpty()) {
            BottomUpHardware.stages(ctx, h).forEach((stage, s) -> out.merge(stage, s, HardwareEmbodiedRule::merge));
        }
        if (!h.embodied().isEmpty()) {
            List<PerDevice> x = new ArrayList<>();
            Set<String> coverage = new LinkedHashSet<>();
            StringBuilder basis = new StringBuilder("declared embodied figures:");
            for (Map.Entry<String, dev.cradle.model.Expression> e : h.embodied().entrySet()) {
                Flow flow = lib.flow(EMBODIED_FLOWS.get(e.getKey())).orElseThrow();
                Value amount = ctx.declared(e.getValue());
                x.add(new PerDevice(Rules.elementary(flow, amount), amount));
                coverage.add(e.getKey());
                basis.append(' ').append(e.getKey()).append(' ').append(Rules.fmt(amount.central())).append(' ')
                        .append(flow.referenceUnit());
            }
            out.merge(LifecycleStage.MANUFACTURING, new Stage(x, coverage, basis.toString()), HardwareEmbodiedRule::merge);
        }
        Flow co2e = lib.aggregatedCo2e();
        if (h.massKg() != null && !h.transport().isEmpty()) {
            Value mass = ctx.value(h.massKg());
            Value kg = Value.of(0);
            StringBuilder basis = new StringBuilder();
            for (TransportLeg leg : h.transport()) {
                Optional<Process> mode = lib.freight(leg.mode());
                if (mode.isEmpty()) {
                    ctx.problem("hardware:" + h.id(), "unknown transport mode '" + leg.mode() + "'; use air, sea, road or rail");
                    continue;
                }
                double factor = DatacenterRule.constant(mode.get(), "co2e_aggregated");
                Value km = ctx.declared(leg.km());
                kg = kg.plus(mass.div(1000).times(km).times(factor));
                basis.append(basis.length() == 0 ? "" : " + ").append(Rules.fmt(mass.central() / 1000)).append(" t × ")
                        .append(Rules.fmt(km.central())).append(" km × ").append(Rules.fmt(factor)).append(" (")
                        .append(leg.mode()).append(')');
            }
            // beside an explicit inventory's transport stage, never replacing it
            out.merge(LifecycleStage.TRANSPORT, new Stage(List.of(new PerDevice(Rules.elementary(co2e, kg), kg)),
                    Set.of(ImpactCategories.CLIMATE), basis + " = " + Rules.fmt(kg.central()) + " kg CO2-eq (defra-2025-freight)"),
                    HardwareEmbodiedRule::merge);
        }
        // the library's e-waste treatment is the default end of life: an explicit or linked one replaces it
        if (h.massKg() != null && !h.inventory().containsKey(LifecycleStage.END_OF_LIFE)
                && h.background().stream().noneMatch(l -> l.stage() == LifecycleStage.END_OF_LIFE)) {
            Value mass = ctx.value(h.massKg());
            Value rate = h.recyclingRate() == null ? Value.of(lib.recyclingRates().get("world")) : ctx.value(h.recyclingRate());
            EwasteTreatment treatment = lib.ewasteTreatment();
            double[] t = {treatment.recycledKgCo2ePerKg(), treatment.landfilledKgCo2ePerKg()};
            Value kg = mass.times(rate.times(t[0]).plus(Value.of(1).minus(rate).times(t[1])));
            out.merge(LifecycleStage.END_OF_LIFE, new Stage(List.of(new PerDevice(Rules.elementary(co2e, kg), kg)),
                    Set.of(ImpactCategories.CLIMATE), Rules.fmt(mass.central()) + " kg × (" + Rules.fmt(rate.central()) + " × "
                    + t[0] + " + " + Rules.fmt(1 - rate.central()) + " × " + t[1] + ") = " + Rules.fmt(kg.central())
                    + " kg CO2-eq (ewaste)"), HardwareEmbodiedRule::merge);
        }
        for (Declarations.BackgroundLink link : h.background()) {
            out.merge(link.stage(), backgroundStage(ctx, link), HardwareEmbodiedRule::merge);
        }
        return out;
    }

    /**
     * A link to a background process, per device: {@code amount × g} for every elementary flow of the process's
     * cumulative inventory per unit {@code g}. It covers the indicators its cumulative result is non-zero for.
     */
    private static Stage backgroundStage(CompilationContext ctx, Declarations.BackgroundLink link) {
        Declarations.BackgroundProcess p = link.process();
        Value amount = ctx.value(link.amount());
        List<PerDevice> x = new ArrayList<>();
        p.inventoryPerUnit().forEach((flow, perUnit) -> {
            Value v = amount.times(perUnit);
            x.add(new PerDevice(Rules.elementary(flow, v), v));
        });
        Set<String> coverage = new LinkedHashSet<>();
        StringBuilder perUnit = new StringBuilder();
        p.cumulativePerUnit().forEach((indicator, v) -> {
            if (v != 0) {
                coverage.add(indicator);
            }
            perUnit.append(perUnit.length() == 0 ? "" : ", ").append(indicator).append(' ').append(Rules.fmt(v));
        });
        return new Stage(x, coverage.isEmpty() ? Set.of(ImpactCategories.COVERS_NOTHING) : coverage, link.basis() + " = "
                + Rules.fmt(amount.central()) + " " + p.unit() + " of " + p.database() + ": '" + p.processName() + "' ("
                + p.processId() + "), " + p.inventoryPerUnit().size() + " elementary flows of its supply chain; cumulative per "
                + p.unit() + ": " + perUnit + "; link covers: " + (coverage.isEmpty() ? "nothing (every cumulative result "
                + "is 0 through the flow mapping)" : String.join(", ", coverage)));
    }

    /**
     * An elementary exchange of an archetype, per device: a constant, or — when the library gives it a range — the
     * parameter {@code hardware.<hardware id>.embodied_gwp} (CO2-eq; {@code embodied_<flow id>} for another flow) in
     * the exchange's unit, with the library's distribution (triangular over the model estimate, the default and the
     * maximum). The exchange keeps no uncertainty of its own then: the parameter carries it.
     */
    private static PerDevice archetypeExchange(CompilationContext ctx, Hardware h, Process archetype, Exchange ex,
                                               List<String> named) {
        double factor = ex.unit().conversionFactorTo(ex.flow().referenceUnit());
        double central = ((Amount.Constant) ex.amount()).value();
        if (ex.uncertainty() == null) {
            return new PerDevice(ex, Value.of(central * factor));
        }
        String what = ex.flow().id().equals("co2e_aggregated") ? "embodied_gwp" : "embodied_" + ex.flow().id();
        String name = "hardware." + Rules.nameSegment(h.id()) + "." + what;
        named.add(name);
        String unit = ex.unit().symbol() + (ex.flow().id().equals("co2e_aggregated") ? " CO2-eq" : "");
        Value perDevice = ctx.libraryParameter(name, central, unit, ex.uncertainty(),
                "embodied " + (what.equals("embodied_gwp") ? "greenhouse gases" : ex.flow().name()) + " of one device of hardware "
                        + h.id() + " (archetype " + archetype.id()
                        + ", " + ctx.library().sourceOf(archetype.id()).orElse("factor library")
                        + "; range from the library)");
        return new PerDevice(new Exchange(ex.flow(), ex.direction(), ex.amount(), ex.unit(), false, "", null),
                perDevice.times(factor));
    }

    private static Stage merge(Stage a, Stage b) {
        List<PerDevice> x = new ArrayList<>(a.exchanges());
        x.addAll(b.exchanges());
        Set<String> coverage = a.coverage().isEmpty() || b.coverage().isEmpty() ? Set.of()
                : intersection(a.coverage(), b.coverage());
        return new Stage(x, coverage, a.basis() + "; " + b.basis());
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out.isEmpty() ? Set.of(ImpactCategories.COVERS_NOTHING) : out;
    }
}
