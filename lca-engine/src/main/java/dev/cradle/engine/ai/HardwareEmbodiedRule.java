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
 * explicit inventory, an archetype of the factor library, or one embodied figure per category),
 * transport (mass × distance × the library's freight factor per mode) and end of life (mass × e-waste
 * treatment at the declared recycling rate).
 */
public final class HardwareEmbodiedRule implements Rule {
    /** Category ids that an embodied figure may be given for, and the pre-characterised flow carrying each. */
    public static final Map<String, String> EMBODIED_FLOWS = Map.of(
            ImpactCategories.CLIMATE, ReferenceFlows.CO2E_AGGREGATED, ImpactCategories.ADP_ELEMENTS,
            ReferenceFlows.ADP_ELEMENTS_SB_EQ, ImpactCategories.ADP_FOSSIL, ReferenceFlows.FOSSIL_ENERGY,
            ImpactCategories.WATER_SCARCITY, ReferenceFlows.WATER_SCARCITY_WORLD_EQ);

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String name() {
        return "embodied hardware, amortised by device-hours";
    }

    /** Per-device exchanges and coverage of each stage of one hardware group. */
    record Stage(List<Exchange> exchanges, Set<String> coverage, String basis) {
    }

    @Override
    public void apply(CompilationContext ctx) {
        for (WorkloadFacts wf : ctx.facts.values()) {
          for (WorkloadFacts.Usage usage : wf.usages()) {
            WorkloadFacts f = wf.on(usage.hardware());
            Hardware h = f.hardware();
            double devices = f.deviceHours() / (Declarations.literal(h.lifetimeH()) * Declarations.literal(h.utilisation()));
            if (!ctx.finite("hardware:" + h.id(), "the devices carried by workload '" + f.workload().id() + "' ("
                    + Rules.fmt(f.deviceHours()) + " device-h / (" + Rules.fmt(Declarations.literal(h.lifetimeH())) + " h life × "
                    + Rules.fmt(Declarations.literal(h.utilisation())) + " utilisation))", devices)) {
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
                for (Exchange x : s.exchanges()) {
                    double per = ((Amount.Constant) x.amount()).value() * x.unit().conversionFactorTo(x.flow().referenceUnit());
                    exchanges.add(new Exchange(x.flow(), x.direction(), Amount.of(per * devices), x.flow().referenceUnit(),
                            false, "", x.uncertainty() == null ? null : scaled(x.uncertainty(), devices)));
                }
                Process p = Rules.process(id, h.name() + ": " + stage.title() + " (share of " + f.workload().id() + ")",
                        stage, f.workload().phase(), Rules.tags(f.workload().model(), h.id(), h.datacenter()), exchanges,
                        s.coverage());
                ctx.add(p, new Trace(id, name(), "hardware " + h.id() + " × workload " + f.workload().id(), h.origin(),
                        List.of("devices carried = " + Rules.fmt(f.deviceHours()) + " device-h / (" + Rules.fmt(Declarations.literal(h.lifetimeH()))
                                        + " h life × " + Rules.fmt(Declarations.literal(h.utilisation())) + " utilisation) = " + Rules.fmt(devices),
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
            out.put(e.getKey(), new Stage(e.getValue(), Set.of(), "explicit inventory of " + e.getValue().size()
                    + " exchanges"));
        }
        if (!h.archetype().isEmpty()) {
            Optional<Process> p = lib.deviceArchetype(h.archetype());
            if (p.isEmpty()) {
                ctx.problem("hardware:" + h.id(), "no device archetype '" + h.archetype()
                        + "' in the factor library (see 'cradle factors search device')");
            } else {
                List<Exchange> x = p.get().exchanges().stream().filter(ex -> ex.flow().isElementary()).toList();
                String basis = p.get().tags().getOrDefault("embodied_basis", "");
                out.merge(LifecycleStage.MANUFACTURING, new Stage(x, p.get().coverage(), "archetype " + p.get().id()
                        + " (cradle-to-gate, " + lib.sourceOf(p.get().id()).orElse("?")
                        + (basis.isEmpty() ? "" : "; " + basis) + ")"),
                        HardwareEmbodiedRule::merge);
            }
        }
        if (!h.embodied().isEmpty()) {
            List<Exchange> x = new ArrayList<>();
            Set<String> coverage = new LinkedHashSet<>();
            StringBuilder basis = new StringBuilder("declared embodied figures:");
            for (Map.Entry<String, dev.cradle.model.Expression> e : h.embodied().entrySet()) {
                Flow flow = lib.flow(EMBODIED_FLOWS.get(e.getKey())).orElseThrow();
                x.add(Rules.elementary(flow, Declarations.literal(e.getValue())));
                coverage.add(e.getKey());
                basis.append(' ').append(e.getKey()).append(' ').append(Rules.fmt(Declarations.literal(e.getValue()))).append(' ')
                        .append(flow.referenceUnit());
            }
            out.merge(LifecycleStage.MANUFACTURING, new Stage(x, coverage, basis.toString()), HardwareEmbodiedRule::merge);
        }
        if (!Double.isNaN(Declarations.literal(h.massKg())) && !h.transport().isEmpty()) {
            double kg = 0;
            StringBuilder basis = new StringBuilder();
            for (TransportLeg leg : h.transport()) {
                Optional<Process> mode = lib.freight(leg.mode());
                if (mode.isEmpty()) {
                    ctx.problem("hardware:" + h.id(), "unknown transport mode '" + leg.mode() + "'; use air, sea, road or rail");
                    continue;
                }
                double factor = DatacenterRule.constant(mode.get(), "co2e_aggregated");
                kg += Declarations.literal(h.massKg()) / 1000 * Declarations.literal(leg.km()) * factor;
                basis.append(basis.length() == 0 ? "" : " + ").append(Rules.fmt(Declarations.literal(h.massKg()) / 1000)).append(" t × ")
                        .append(Rules.fmt(Declarations.literal(leg.km()))).append(" km × ").append(Rules.fmt(factor)).append(" (")
                        .append(leg.mode()).append(')');
            }
            out.put(LifecycleStage.TRANSPORT, new Stage(List.of(Rules.elementary(lib.aggregatedCo2e(),
                    kg)), Set.of(ImpactCategories.CLIMATE), basis + " = " + Rules.fmt(kg) + " kg CO2-eq (defra-2025-freight)"));
        }
        if (!Double.isNaN(Declarations.literal(h.massKg()))) {
            double rate = Double.isNaN(Declarations.literal(h.recyclingRate())) ? lib.recyclingRates().get("world") : Declarations.literal(h.recyclingRate());
            EwasteTreatment treatment = lib.ewasteTreatment();
            double[] t = {treatment.recycledKgCo2ePerKg(), treatment.landfilledKgCo2ePerKg()};
            double kg = Declarations.literal(h.massKg()) * (rate * t[0] + (1 - rate) * t[1]);
            out.put(LifecycleStage.END_OF_LIFE, new Stage(List.of(Rules.elementary(lib.aggregatedCo2e(),
                    kg)), Set.of(ImpactCategories.CLIMATE), Rules.fmt(Declarations.literal(h.massKg())) + " kg × (" + Rules.fmt(rate) + " × "
                    + t[0] + " + " + Rules.fmt(1 - rate) + " × " + t[1] + ") = " + Rules.fmt(kg) + " kg CO2-eq (ewaste)"));
        }
        return out;
    }

    private static Stage merge(Stage a, Stage b) {
        List<Exchange> x = new ArrayList<>(a.exchanges());
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
