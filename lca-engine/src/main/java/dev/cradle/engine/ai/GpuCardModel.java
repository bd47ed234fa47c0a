package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.GpuCardSpec;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.EffectiveDieArea.Variant;
import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Expression;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One GPU card from its parts, after the ADEME / Hubblo / Tide parametric model (hubblo-org/gpu-calculator@2308a62b,
 * docs/doc-en.md; Falk et al. 2025, arXiv:2509.00093), as BoaviztAPI applies it (docs/Explanations/components/gpu.md).
 * Per card, for every indicator of the library's {@code gpu-card-components} factors (GWP, ADPe, ADP fossil, water
 * scarcity, human toxicity cancer and non-cancer, total primary energy):
 * <ul>
 * <li>manufacturing = casing kg × f + heatsink kg × f + PCB cm2 × f + A_eff(GPU die) mm2 × f
 *     + VRAM dies × A_eff(VRAM die) mm2 × f + card kg × f(upstream transport);</li>
 * <li>transport (distribution) = card kg × (boat km × f + truck km × f + plane km × f), f per kg·km;</li>
 * <li>end of life = card kg × f (its water use is not booked: anomalous in the source).</li>
 * </ul>
 * {@code A_eff} is the {@link EffectiveDieArea} (wafer edge, kerf and yield losses); a VRAM die not declared is
 * {@code vram GB × 15.5 mm2/GB / dies} (the mean of the documented cards; the calculator rounds it to a whole mm2).
 * Factor set {@code boavizta}: Table 2's averages and BoaviztAPI's arithmetic and distances (boat 19,000 km, truck
 * 1,000 km); {@code gpu-calculator}: the calculator's own average model, its arithmetic and distances (plane 9,908
 * km, truck 1,000 km). Sizes the scenario left out come from a documented card, as parameters named
 * {@code hardware.<id>.<card>.<size>}; a distance left out is the parameter {@code hardware.<id>.gpu_card_<set>.distance_<mode>}.
 */
final class GpuCardModel {
    private GpuCardModel() {
    }

    /** One part of the card: its amount per card in the unit of its factors' process. */
    record Part(String label, LifecycleStage stage, Value amount, Process factors) {
    }

    /** The card's parts, and a one-line account of its sizes for the trace. */
    record Card(List<Part> parts, String sizes) {
        /** Per card: stage → elementary flow → amount (flow's reference unit). */
        Map<LifecycleStage, Map<Flow, Value>> flows() {
            Map<LifecycleStage, Map<Flow, Value>> out = new EnumMap<>(LifecycleStage.class);
            for (Part p : parts) {
                Map<Flow, Value> stage = out.computeIfAbsent(p.stage(), k -> new LinkedHashMap<>());
                for (Exchange ex : p.factors().exchanges()) {
                    if (ex.flow().isElementary()) {
                        double f = ((Amount.Constant) ex.amount()).value() * ex.unit().conversionFactorTo(ex.flow().referenceUnit());
                        stage.merge(ex.flow(), p.amount().times(f), Value::plus);
                    }
                }
            }
            return out;
        }
    }

    /** The parts of the card of {@code spec}, a GPU line of hardware {@code h}; empty after a problem. */
    static Optional<Card> of(CompilationContext ctx, Hardware h, GpuCardSpec spec) {
        String set = spec.factors().replace('-', '_');
        Variant variant = set.equals("gpu_calculator") ? Variant.GPU_CALCULATOR : Variant.BOAVIZTA;
        Optional<Process> die = ctx.library().deviceArchetype("gpu_card_" + set + "_gpu_die");
        if (die.isEmpty()) {
            ctx.problem("hardware:" + h.id(), "the factor library has no GPU card factors '" + spec.factors()
                    + "' (the bundled library has boavizta and gpu-calculator)");
            return Optional.empty();
        }
        Map<String, String> tags = die.get().tags();
        EffectiveDieArea area = new EffectiveDieArea(Double.parseDouble(tags.get("defect_density_per_cm2")),
                Double.parseDouble(tags.get("kerf_width_mm")), Double.parseDouble(tags.get("wafer_diameter_mm")));
        Value dieMm2 = size(ctx, h, spec, spec.dieAreaMm2(), "die_area", "mm2");
        Value gb = size(ctx, h, spec, spec.vramGb(), "vram", "GB");
        Value dies = size(ctx, h, spec, spec.vramDies(), "vram_dies", "");
        Value vramDie = size(ctx, h, spec, spec.vramDieAreaMm2(), "vram_die_area", "mm2");
        String vramBasis;
        if (vramDie == null) {
            double perGb = Double.parseDouble(tags.get("vram_die_area_mm2_per_gb"));
            vramDie = gb.times(perGb).div(dies);
            if (variant == Variant.GPU_CALCULATOR) {
                vramDie = Value.call("round", vramDie);
            }
            vramBasis = Rules.fmt(gb.central()) + " GB × " + Rules.fmt(perGb) + " mm2/GB / " + Rules.fmt(dies.central())
                    + (variant == Variant.GPU_CALCULATOR ? ", rounded" : "") + " = " + Rules.fmt(vramDie.central()) + " mm2";
        } else {
            vramBasis = Rules.fmt(vramDie.central()) + " mm2";
        }
        double largest = area.largestDieMm2();
        for (Map.Entry<String, Double> d : Map.of("GPU die", dieMm2.central(), "VRAM die", vramDie.central()).entrySet()) {
            if (!(area.diesPerWafer(d.getValue()) >= 1)) {
                ctx.problem("hardware:" + h.id(), "the " + d.getKey() + " of a GPU card of hardware " + h.id() + " is "
                        + Rules.fmt(d.getValue()) + " mm2, but a " + Rules.fmt(area.waferDiameterMm()) + " mm wafer holds "
                        + "no whole die of that size in the card model: one die's area must be at most "
                        + Rules.fmt(largest) + " mm2 (one lithography field is 858 mm2; give one die's area, not a total)");
                return Optional.empty();
            }
        }
        Value dieEff = area.of(dieMm2, variant);
        Value vramEff = area.of(vramDie, variant);
        Value mass = size(ctx, h, spec, spec.massKg(), "mass", "kg");
        Value casing = size(ctx, h, spec, spec.casingMassKg(), "casing_mass", "kg");
        Value heatsink = size(ctx, h, spec, spec.heatsinkMassKg(), "heatsink_mass", "kg");
        Value pcb = size(ctx, h, spec, spec.pcbAreaCm2(), "pcb_area", "cm2");
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("casing", LifecycleStage.MANUFACTURING, casing, factors(ctx, set, "casing")));
        parts.add(new Part("heatsink", LifecycleStage.MANUFACTURING, heatsink, factors(ctx, set, "heatsink")));
        parts.add(new Part("pcb", LifecycleStage.MANUFACTURING, pcb, factors(ctx, set, "pcb")));
        parts.add(new Part("gpu die", LifecycleStage.MANUFACTURING, dieEff, factors(ctx, set, "gpu_die")));
        parts.add(new Part("vram", LifecycleStage.MANUFACTURING, vramEff.times(dies), factors(ctx, set, "vram")));
        parts.add(new Part("upstream transport", LifecycleStage.MANUFACTURING, mass, factors(ctx, set, "upstream_transport")));
        StringBuilder legs = new StringBuilder();
        Map<String, Expression> declared = new LinkedHashMap<>();
        declared.put("boat", spec.boatKm());
        declared.put("truck", spec.truckKm());
        declared.put("plane", spec.planeKm());
        for (Map.Entry<String, Expression> leg : declared.entrySet()) {
            Process p = factors(ctx, "distribution", leg.getKey());
            Value km = leg.getValue() != null ? ctx.value(leg.getValue()) : ctx.libraryParameter("hardware."
                            + Rules.nameSegment(h.id()) + ".gpu_card_" + set + ".distance_" + leg.getKey(),
                    Double.parseDouble(p.tags().get("default_km_" + set)), "km", null, "distribution of a GPU card of hardware "
                            + h.id() + " by " + leg.getKey() + ", the default of the " + spec.factors() + " factor set ("
                            + (variant == Variant.BOAVIZTA ? "BoaviztAPI components/gpu.md" : "gpu-calculator docs/doc-en.md Table 1")
                            + ")");
            parts.add(new Part(leg.getKey(), LifecycleStage.TRANSPORT, mass.times(km), p));
            legs.append(legs.length() == 0 ? "" : ", ").append(Rules.fmt(km.central())).append(" km ").append(leg.getKey());
        }
        parts.add(new Part("end of life", LifecycleStage.END_OF_LIFE, mass, factors(ctx, set, "end_of_life")));
        if (!ctx.finite("hardware:" + h.id(), "the effective die areas of a GPU card of hardware " + h.id(),
                dieEff.central(), vramEff.central())) {
            return Optional.empty();
        }
        String sizes = "GPU die " + Rules.fmt(dieMm2.central()) + " mm2 → " + Rules.fmt(dieEff.central())
                + " mm2 with losses; VRAM " + Rules.fmt(dies.central()) + " × (" + vramBasis + " → " + Rules.fmt(vramEff.central())
                + " mm2 with losses); PCB " + Rules.fmt(pcb.central()) + " cm2; casing " + Rules.fmt(casing.central())
                + " kg, heatsink " + Rules.fmt(heatsink.central()) + " kg, card " + Rules.fmt(mass.central()) + " kg; "
                + legs + (spec.completedFrom().isEmpty() ? "" : "; sizes not declared from " + spec.completedFrom());
        return Optional.of(new Card(parts, sizes));
    }

    /** A declared size, or the documented card's value as a parameter; null when neither (VRAM die area only). */
    private static Value size(CompilationContext ctx, Hardware h, GpuCardSpec spec, Expression declared, String field,
                              String unit) {
        if (declared != null) {
            return ctx.value(declared);
        }
        Double v = spec.completed().get(field);
        if (v == null) {
            return null;
        }
        return ctx.libraryParameter("hardware." + Rules.nameSegment(h.id()) + "." + Rules.nameSegment(spec.completedKey())
                + "." + field, v, unit, null, field.replace('_', ' ') + " of a GPU card of hardware " + h.id() + ", from "
                + spec.completedFrom() + " (gpu-card-components, CC BY-SA 4.0)");
    }

    private static Process factors(CompilationContext ctx, String set, String part) {
        String id = set.equals("distribution") ? "gpu_card_distribution_" + part : "gpu_card_" + set + "_" + part;
        return ctx.library().deviceArchetype(id).orElseThrow(() -> new IllegalStateException(
                "the factor library has no GPU card part '" + id + "'"));
    }
}
