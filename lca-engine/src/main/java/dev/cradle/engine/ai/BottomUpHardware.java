package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Component;
import dev.cradle.engine.ai.Declarations.ComponentKind;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.HardwareEmbodiedRule.PerDevice;
import dev.cradle.engine.ai.HardwareEmbodiedRule.Stage;
import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The manufacturing stage of one device described by its components, after the Boavizta methodology
 * (BoaviztAPI documentation, docs/Explanations/components/*.md and devices/server.md; factors from
 * Groeger et al. 2021, UBA Texte 94/2021, in the library's {@code server-components} dataset). Per device,
 * for each of GWP (kg CO2-eq), ADPe (kg Sb-eq) and primary energy (MJ):
 * <ul>
 * <li>CPU: {@code units × (die mm2 × per-mm2 + base)}, die = {@code die_area} or {@code core_units × die_area_per_core};</li>
 * <li>RAM, SSD: {@code units × (capacity GB / density GB per cm2 × per-cm2 + base)};</li>
 * <li>HDD, motherboard, assembly: {@code units × constant}; power supply: {@code units × mass kg × per-kg};</li>
 * <li>case: rack, or blade plus one sixteenth of a blade enclosure;</li>
 * <li>GPU: {@code units ×} a device archetype of the library (its own coverage), or {@code units ×} a card described
 * by its parts ({@link GpuCardModel}: casing, heatsink, PCB, GPU die and VRAM with wafer and yield losses, upstream
 * transport in manufacturing; distribution in the transport stage; end of life), with GWP, ADPe, ADP fossil, water
 * scarcity, human toxicity and primary energy.</li>
 * </ul>
 * As in Boavizta's server, a device without a motherboard, assembly or case line gets one motherboard, one
 * assembly and a rack case (said in the trace). A density or power-supply mass left out takes the library's
 * mean as the parameter {@code hardware.<id>.ram_density}, {@code .ssd_density} or {@code .power_supply_mass}
 * with the library's min-max range as a triangular distribution. Primary energy is booked as
 * {@code primary_energy_unspecified} (the source's total is not split by renewability, so it counts in
 * {@code pe_total} only).
 */
final class BottomUpHardware {
    /** The primary-energy category a total not split by renewability counts in (method {@code primary-energy}). */
    static final String PE_CATEGORY = "pe_total";
    private static final String PE_FLOW = "primary_energy_unspecified";

    private BottomUpHardware() {
    }

    /** The three indicators of a component, per device. */
    private record Impacts(Value gwp, Value adp, Value pe) {
        Impacts plus(Impacts o) {
            return new Impacts(gwp.plus(o.gwp), adp.plus(o.adp), pe.plus(o.pe));
        }

        Impacts times(Value k) {
            return new Impacts(gwp.times(k), adp.times(k), pe.times(k));
        }

        static Impacts of(Process p, Value amount) {
            return new Impacts(amount.times(factor(p, ReferenceFlows.CO2E_AGGREGATED)),
                    amount.times(factor(p, ReferenceFlows.ADP_ELEMENTS_SB_EQ)), amount.times(factor(p, PE_FLOW)));
        }
    }

    /** The indicators a GPU card of the card model covers (its end of life: all but water, see {@link GpuCardModel}). */
    private static final Set<String> CARD_COVERAGE = Set.of(ImpactCategories.CLIMATE, ImpactCategories.ADP_ELEMENTS,
            ImpactCategories.ADP_FOSSIL, ImpactCategories.WATER_SCARCITY, ImpactCategories.TOX_CANCER,
            ImpactCategories.TOX_NON_CANCER, PE_CATEGORY);

    /**
     * The stages of {@code h} from its components: manufacturing, and for GPU cards of the card model their
     * distribution (transport) and end of life; empty after a problem. A device whose every component is such a
     * card is the card(s) alone, as BoaviztAPI's GPU component: no server parts are implied.
     */
    static Map<LifecycleStage, Stage> stages(CompilationContext ctx, Hardware h) {
        List<String> lines = new ArrayList<>();
        Impacts total = new Impacts(Value.of(0), Value.of(0), Value.of(0));
        Map<Flow, Value> other = new LinkedHashMap<>();
        boolean cardsOnly = h.components().stream().allMatch(c -> c.kind() == ComponentKind.GPU && c.card() != null);
        Set<String> coverage = new LinkedHashSet<>(cardsOnly ? CARD_COVERAGE : List.of(ImpactCategories.CLIMATE,
                ImpactCategories.ADP_ELEMENTS, PE_CATEGORY));
        Map<LifecycleStage, Map<Flow, Value>> later = new EnumMap<>(LifecycleStage.class);
        List<String> laterLines = new ArrayList<>();
        Set<ComponentKind> present = EnumSet.noneOf(ComponentKind.class);
        boolean ok = true;
        if (cardsOnly && h.massKg() != null) {
            ctx.problem("hardware:" + h.id(), "hardware " + h.id() + " is made of GPU cards described by their parts, whose "
                    + "distribution and end of life come from the card model; remove its 'mass' (it would add the library's "
                    + "freight and e-waste treatment a second time)");
            return Map.of();
        }
        for (Component c : h.components()) {
            present.add(c.kind());
            Value units = ctx.declared(c.units());
            Optional<Impacts> one = c.kind() == ComponentKind.GPU && c.card() != null
                    ? card(ctx, h, c, units, lines, other, later, laterLines)
                    : c.kind() == ComponentKind.GPU ? gpu(ctx, h, c, units, lines, other, coverage)
                    : component(ctx, h, c, lines);
            if (one.isEmpty()) {
                ok = false;
                continue;
            }
            total = total.plus(one.get().times(units));
        }
        for (ComponentKind implicit : cardsOnly ? List.<ComponentKind>of()
                : List.of(ComponentKind.MOTHERBOARD, ComponentKind.ASSEMBLY, ComponentKind.CASE)) {
            if (!present.contains(implicit)) {
                Component c = new Component(implicit, null, null, null, null, null, null, null, "", "rack", h.origin(), null);
                Optional<Impacts> one = component(ctx, h, c, lines);
                if (one.isEmpty()) {
                    return Map.of();
                }
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " (not declared: one, as in Boavizta's server)");
                total = total.plus(one.get());
            }
        }
        if (!ok || !ctx.finite("hardware:" + h.id(), "the embodied greenhouse gases of one device of hardware " + h.id()
                + " from its components", total.gwp().central())) {
            return Map.of();
        }
        List<PerDevice> x = new ArrayList<>();
        var lib = ctx.library();
        x.add(new PerDevice(Rules.elementary(lib.aggregatedCo2e(), total.gwp()), total.gwp()));
        x.add(new PerDevice(Rules.elementary(lib.flow(ReferenceFlows.ADP_ELEMENTS_SB_EQ).orElseThrow(), total.adp()), total.adp()));
        Optional<Flow> peFlow = lib.flow(PE_FLOW);
        if (peFlow.isPresent()) {
            x.add(new PerDevice(Rules.elementary(peFlow.get(), total.pe()), total.pe()));
        } else {
            coverage.remove(PE_CATEGORY);
        }
        other.forEach((f, v) -> x.add(new PerDevice(Rules.elementary(f, v), v)));
        String basis = (cardsOnly ? "bottom-up GPU card (ADEME/Hubblo/Tide model, as BoaviztAPI applies it): "
                : "bottom-up (Boavizta methodology, UBA 2021 factors): ") + String.join("; ", lines) + " = "
                + Rules.fmt(total.gwp().central()) + " kg CO2-eq, " + Rules.fmt(total.adp().central()) + " kg Sb-eq, "
                + Rules.fmt(total.pe().central()) + " MJ primary energy per device";
        Map<LifecycleStage, Stage> out = new EnumMap<>(LifecycleStage.class);
        out.put(LifecycleStage.MANUFACTURING, new Stage(x, coverage.isEmpty() ? Set.of(ImpactCategories.COVERS_NOTHING)
                : coverage, basis));
        later.forEach((stage, flows) -> {
            List<PerDevice> y = new ArrayList<>();
            flows.forEach((f, v) -> y.add(new PerDevice(Rules.elementary(f, v), v)));
            Set<String> covered = new LinkedHashSet<>(CARD_COVERAGE);
            if (stage == LifecycleStage.END_OF_LIFE) {
                covered.remove(ImpactCategories.WATER_SCARCITY);
            }
            Value gwp = flows.getOrDefault(lib.aggregatedCo2e(), Value.of(0));
            out.put(stage, new Stage(y, covered, "GPU card model, " + (stage == LifecycleStage.TRANSPORT
                    ? "distribution" : "end of life (water use not booked: anomalous in the source)") + ": "
                    + String.join("; ", laterLines.stream().filter(l -> l.startsWith(stage.name())).map(l -> l.substring(
                            stage.name().length() + 1)).toList()) + " = " + Rules.fmt(gwp.central()) + " kg CO2-eq per device"));
        });
        return out;
    }

    /**
     * One card of a GPU line described by its parts ({@link GpuCardModel}): returns its manufacturing GWP, ADPe and
     * primary energy per card, adds its other manufacturing flows for all units to {@code other} and its
     * distribution and end-of-life flows for all units to {@code later}. Empty after a problem.
     */
    private static Optional<Impacts> card(CompilationContext ctx, Hardware h, Component c, Value units, List<String> lines,
                                          Map<Flow, Value> other, Map<LifecycleStage, Map<Flow, Value>> later,
                                          List<String> laterLines) {
        Optional<GpuCardModel.Card> card = GpuCardModel.of(ctx, h, c.card());
        if (card.isEmpty()) {
            return Optional.empty();
        }
        Map<LifecycleStage, Map<Flow, Value>> flows = card.get().flows();
        Map<Flow, Value> mfg = flows.getOrDefault(LifecycleStage.MANUFACTURING, Map.of());
        Value zero = Value.of(0);
        Value gwp = zero;
        Value adp = zero;
        Value pe = zero;
        for (Map.Entry<Flow, Value> e : mfg.entrySet()) {
            switch (e.getKey().id()) {
                case ReferenceFlows.CO2E_AGGREGATED -> gwp = e.getValue();
                case ReferenceFlows.ADP_ELEMENTS_SB_EQ -> adp = e.getValue();
                case PE_FLOW -> pe = e.getValue();
                default -> other.merge(e.getKey(), e.getValue().times(units), Value::plus);
            }
        }
        for (Map.Entry<LifecycleStage, Map<Flow, Value>> s : flows.entrySet()) {
            if (s.getKey() == LifecycleStage.MANUFACTURING) {
                continue;
            }
            Map<Flow, Value> into = later.computeIfAbsent(s.getKey(), k -> new LinkedHashMap<>());
            s.getValue().forEach((f, v) -> into.merge(f, v.times(units), Value::plus));
            Value g = s.getValue().getOrDefault(ctx.library().aggregatedCo2e(), zero);
            laterLines.add(s.getKey().name() + " " + Rules.fmt(units.central()) + " × " + Rules.fmt(g.central())
                    + " kg CO2-eq per card");
        }
        StringBuilder byPart = new StringBuilder();
        for (GpuCardModel.Part p : card.get().parts()) {
            if (p.stage() == LifecycleStage.MANUFACTURING) {
                double a = p.amount().central();
                byPart.append(byPart.length() == 0 ? "" : ", ").append(p.label()).append(" ")
                        .append(Rules.fmt(a * factor(p.factors(), ReferenceFlows.CO2E_AGGREGATED))).append(" kg / ")
                        .append(Rules.fmt(a * factor(p.factors(), ReferenceFlows.ADP_ELEMENTS_SB_EQ))).append(" kg Sb / ")
                        .append(Rules.fmt(a * factor(p.factors(), PE_FLOW))).append(" MJ");
            }
        }
        lines.add(Rules.fmt(units.central()) + " × gpu card (" + c.card().factors() + " factors; " + card.get().sizes()
                + "): manufacturing " + Rules.fmt(gwp.central()) + " kg CO2-eq (by part: " + byPart + "), " + Rules.fmt(adp.central())
                + " kg Sb-eq, " + Rules.fmt(pe.central()) + " MJ each");
        return Optional.of(new Impacts(gwp, adp, pe));
    }

    /** Impacts of one unit of a non-GPU component, per device; empty after a problem. */
    private static Optional<Impacts> component(CompilationContext ctx, Hardware h, Component c, List<String> lines) {
        String name = c.kind().name().toLowerCase(java.util.Locale.ROOT);
        switch (c.kind()) {
            case CPU -> {
                Value die = c.dieAreaMm2() != null ? ctx.value(c.dieAreaMm2())
                        : ctx.declared(c.coreUnits()).times(ctx.declared(c.dieAreaPerCoreMm2()));
                Impacts i = Impacts.of(process(ctx, "cpu_per_mm2"), die).plus(Impacts.of(process(ctx, "cpu"), Value.of(1)));
                lines.add(line(ctx, c, name + " (" + Rules.fmt(die.central()) + " mm2 die)", i));
                return Optional.of(i);
            }
            case RAM, SSD -> {
                String key = c.kind() == ComponentKind.RAM ? "dram" : "ssd";
                Process die = process(ctx, key + "_die_per_cm2");
                Value density = c.densityGbPerCm2() != null ? ctx.value(c.densityGbPerCm2()) : ctx.libraryParameter(
                        "hardware." + Rules.nameSegment(h.id()) + "." + name + "_density",
                        tag(die, "density_gb_per_cm2_mean"), "", new Uncertainty.Triangular(tag(die, "density_gb_per_cm2_min"),
                                tag(die, "density_gb_per_cm2_mean"), tag(die, "density_gb_per_cm2_max")),
                        name.toUpperCase(java.util.Locale.ROOT) + " density of hardware " + h.id()
                                + ", GB per cm2 of die (the mean of Boavizta's crowdsourced table; range its min-max)");
                Value cm2 = ctx.declared(c.capacityGb()).div(density);
                Impacts i = Impacts.of(die, cm2).plus(Impacts.of(process(ctx, key), Value.of(1)));
                lines.add(line(ctx, c, name + " (" + Rules.fmt(ctx.declared(c.capacityGb()).central()) + " GB / "
                        + Rules.fmt(density.central()) + " GB per cm2)", i));
                return Optional.of(i);
            }
            case POWER_SUPPLY -> {
                Process psu = process(ctx, "power_supply_per_kg");
                Value kg = c.massKg() != null ? ctx.value(c.massKg()) : ctx.libraryParameter(
                        "hardware." + Rules.nameSegment(h.id()) + ".power_supply_mass", tag(psu, "default_mass_kg"), "kg",
                        new Uncertainty.Triangular(tag(psu, "mass_kg_min"), tag(psu, "default_mass_kg"), tag(psu, "mass_kg_max")),
                        "mass of one power supply of hardware " + h.id() + " (Boavizta's default; range its min-max)");
                Impacts i = Impacts.of(psu, kg);
                lines.add(line(ctx, c, name + " (" + Rules.fmt(kg.central()) + " kg)", i));
                return Optional.of(i);
            }
            case CASE -> {
                Impacts i;
                if ("blade".equals(c.enclosure())) {
                    Process enclosure = process(ctx, "blade_enclosure");
                    i = Impacts.of(process(ctx, "blade_chassis"), Value.of(1))
                            .plus(Impacts.of(enclosure, Value.of(1 / tag(enclosure, "blades"))));
                } else {
                    i = Impacts.of(process(ctx, "rack_chassis"), Value.of(1));
                }
                lines.add(line(ctx, c, name + " (" + c.enclosure() + ")", i));
                return Optional.of(i);
            }
            default -> {
                String key = switch (c.kind()) {
                    case HDD -> "hdd";
                    case MOTHERBOARD -> "mainboard";
                    default -> "assembly";
                };
                Impacts i = Impacts.of(process(ctx, key), Value.of(1));
                lines.add(line(ctx, c, name, i));
                return Optional.of(i);
            }
        }
    }

    /**
     * One GPU of a GPU line, from its archetype; adds the archetype's other flows (water, fossil energy) for all
     * units to {@code other} and narrows the coverage to the archetype's. Empty after a problem.
     */
    private static Optional<Impacts> gpu(CompilationContext ctx, Hardware h, Component c, Value units, List<String> lines,
                                         Map<Flow, Value> other, Set<String> coverage) {
        Optional<Process> p = ctx.library().deviceArchetype(c.archetype());
        if (p.isEmpty()) {
            ctx.problem("hardware:" + h.id(), "no device archetype '" + c.archetype()
                    + "' in the factor library for a GPU of hardware " + h.id() + " (see 'cradle factors search gpu')");
            return Optional.empty();
        }
        Set<String> covered = new LinkedHashSet<>(p.get().coverage());
        if (flowAmount(p.get(), PE_FLOW).isPresent()) {
            covered.add(PE_CATEGORY);
        }
        coverage.retainAll(covered);
        for (Exchange ex : p.get().exchanges()) {
            String id = ex.flow().id();
            if (ex.flow().isElementary() && !id.equals(ReferenceFlows.CO2E_AGGREGATED)
                    && !id.equals(ReferenceFlows.ADP_ELEMENTS_SB_EQ) && !id.equals(PE_FLOW)) {
                Value v = units.times(constant(ex));
                other.merge(ex.flow(), v, Value::plus);
            }
        }
        Value gwp = gpuAmount(ctx, h, c, p.get(), ReferenceFlows.CO2E_AGGREGATED);
        lines.add(Rules.fmt(units.central()) + " × gpu (archetype " + c.archetype() + ", "
                + ctx.library().sourceOf(p.get().id()).orElse("factor library") + "): " + Rules.fmt(gwp.central())
                + " kg CO2-eq each; covers " + String.join(", ", covered));
        return Optional.of(new Impacts(gwp, Value.of(factor(p.get(), ReferenceFlows.ADP_ELEMENTS_SB_EQ)),
                Value.of(factor(p.get(), PE_FLOW))));
    }

    /**
     * One GPU's amount of {@code flowId}: the archetype's constant, or — when the library gives it a range — the
     * parameter {@code hardware.<id>.<archetype>.embodied_gwp} with the library's distribution.
     */
    private static Value gpuAmount(CompilationContext ctx, Hardware h, Component c, Process p, String flowId) {
        for (Exchange ex : p.exchanges()) {
            if (!ex.flow().id().equals(flowId)) {
                continue;
            }
            double central = constant(ex);
            if (ex.uncertainty() == null || !flowId.equals(ReferenceFlows.CO2E_AGGREGATED)) {
                return Value.of(central);
            }
            double k = ex.unit().conversionFactorTo(ex.flow().referenceUnit());
            return ctx.libraryParameter("hardware." + Rules.nameSegment(h.id()) + "." + Rules.nameSegment(c.archetype())
                            + ".embodied_gwp", ((Amount.Constant) ex.amount()).value(), ex.unit().symbol() + " CO2-eq",
                    ex.uncertainty(), "embodied greenhouse gases of one GPU (archetype " + c.archetype() + ") of hardware "
                            + h.id() + ", " + ctx.library().sourceOf(p.id()).orElse("factor library") + "; range from the library")
                    .times(k);
        }
        return Value.of(0);
    }

    private static String line(CompilationContext ctx, Component c, String what, Impacts one) {
        Value units = ctx.declared(c.units() == null ? Declarations.number(1) : c.units());
        return Rules.fmt(units.central()) + " × " + what + ": " + Rules.fmt(one.gwp().central()) + " kg CO2-eq, "
                + Rules.fmt(one.adp().central()) + " kg Sb-eq, " + Rules.fmt(one.pe().central()) + " MJ each";
    }

    private static Process process(CompilationContext ctx, String component) {
        return ctx.library().deviceArchetype(component).orElseThrow(() -> new IllegalStateException(
                "the factor library has no server component '" + component + "'"));
    }

    private static double tag(Process p, String key) {
        String v = p.tags().get(key);
        if (v == null) {
            throw new IllegalStateException("server component " + p.id() + " lacks the tag " + key);
        }
        return Double.parseDouble(v);
    }

    /** The amount of {@code flowId} per unit of the component, in the flow's reference unit; 0 when absent. */
    private static double factor(Process p, String flowId) {
        return flowAmount(p, flowId).orElse(0.0);
    }

    private static Optional<Double> flowAmount(Process p, String flowId) {
        for (Exchange ex : p.exchanges()) {
            if (ex.flow().id().equals(flowId)) {
                return Optional.of(constant(ex));
            }
        }
        return Optional.empty();
    }

    private static double constant(Exchange ex) {
        return ((Amount.Constant) ex.amount()).value() * ex.unit().conversionFactorTo(ex.flow().referenceUnit());
    }
}
