package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.DeviceHours;
import dev.cradle.engine.ai.Declarations.Flops;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Measured;
import dev.cradle.engine.ai.Declarations.PerQuery;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.model.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use-phase electricity of each workload: its IT energy from device-hours × average power, from
 * FLOPs (LLMCarbon: {@code hours = FLOPs / (devices × peak × utilisation) / 3600}), from a
 * measurement (CodeCarbon), or queries × energy per query; times the runs multiplier. The run's
 * facility energy is IT energy × PUE; its emissions are facility energy × the datacenter's intensity
 * parameter; on-site water is IT energy × WUE, off-site water facility energy × off-site L/kWh (Li et
 * al. 2023). These exchanges sit on the workload's own process, tagged with model, device,
 * datacenter and phase.
 */
public final class WorkloadEnergyRule implements Rule {
    @Override
    public int order() {
        return 20;
    }

    @Override
    public String name() {
        return "use-phase electricity";
    }

    @Override
    public void apply(CompilationContext ctx) {
        for (Workload w : ctx.scenario().workloads()) {
            String path = "workload:" + w.id();
            Optional<Hardware> hw = ctx.scenario().hardware().stream().filter(h -> h.id().equals(w.hardware())).findFirst();
            if (hw.isEmpty()) {
                ctx.problem(path, "workload '" + w.id() + "' runs on hardware '" + w.hardware() + "', which is not declared");
                continue;
            }
            Hardware h = hw.get();
            var dc = ctx.scenario().datacenters().stream().filter(d -> d.id().equals(h.datacenter())).findFirst();
            var dcFacts = ctx.datacenters.get(h.datacenter());
            if (dc.isEmpty() || dcFacts == null) {
                continue; // reported by the datacenter rule or the reader
            }
            double power = !Double.isNaN(Declarations.literal(w.powerW())) ? Declarations.literal(w.powerW()) : devicePower(ctx, h);
            List<String> lines = new ArrayList<>();
            double deviceHours;
            double kwh;
            double flops = Double.NaN;
            if (w.energy() instanceof DeviceHours d) {
                requirePower(ctx, path, power, w);
                deviceHours = Declarations.literal(d.deviceHours()) * Declarations.literal(w.runs());
                kwh = deviceHours * power / 1000;
                lines.add("IT energy = " + Rules.fmt(Declarations.literal(d.deviceHours())) + " device-h × " + Rules.fmt(Declarations.literal(w.runs())) + " run(s) × "
                        + Rules.fmt(power) + " W / 1000 = " + Rules.fmt(kwh) + " kWh");
            } else if (w.energy() instanceof Flops f) {
                requirePower(ctx, path, power, w);
                double hours = Declarations.literal(f.flops()) / (Declarations.literal(f.devices()) * Declarations.literal(f.peakFlopsPerDevice()) * Declarations.literal(f.utilisation())) / 3600;
                deviceHours = hours * Declarations.literal(f.devices()) * Declarations.literal(w.runs());
                kwh = deviceHours * power / 1000;
                flops = Declarations.literal(f.flops()) * Declarations.literal(w.runs());
                lines.add("hours = " + Rules.fmt(Declarations.literal(f.flops())) + " FLOP / (" + Declarations.literal(f.devices()) + " devices × "
                        + Rules.fmt(Declarations.literal(f.peakFlopsPerDevice())) + " FLOP/s × " + Rules.fmt(Declarations.literal(f.utilisation())) + ") / 3600 = "
                        + Rules.fmt(hours) + " h");
                lines.add("IT energy = " + Rules.fmt(hours) + " h × " + Declarations.literal(f.devices()) + " devices × " + Rules.fmt(Declarations.literal(w.runs()))
                        + " run(s) × " + Rules.fmt(power) + " W / 1000 = " + Rules.fmt(kwh) + " kWh");
            } else if (w.energy() instanceof Measured m) {
                deviceHours = Declarations.literal(m.deviceHours()) * Declarations.literal(w.runs());
                kwh = Declarations.literal(m.kwh()) * Declarations.literal(w.runs());
                if (m.detail() != null) {
                    m.detail().notes().forEach(n -> lines.add(m.detail().file() + ": " + n));
                }
                lines.add("IT energy = " + Rules.fmt(Declarations.literal(m.kwh())) + " kWh measured (" + m.evidence() + ") × "
                        + Rules.fmt(Declarations.literal(w.runs())) + " run(s) = " + Rules.fmt(kwh) + " kWh");
            } else if (w.energy() instanceof Declarations.PerToken t) {
                deviceHours = Declarations.literal(t.deviceHours());
                kwh = Declarations.literal(w.tokens()) * Declarations.literal(t.kwhPerToken()) * Declarations.literal(w.runs());
                lines.add("IT energy = " + Rules.fmt(Declarations.literal(w.tokens())) + " tokens × " + Rules.fmt(Declarations.literal(t.kwhPerToken()) * 1000)
                        + " Wh / 1000 = " + Rules.fmt(kwh) + " kWh");
            } else {
                PerQuery q = (PerQuery) w.energy();
                deviceHours = Declarations.literal(q.deviceHours());
                kwh = Declarations.literal(w.queries()) * Declarations.literal(q.kwhPerQuery()) * Declarations.literal(w.runs());
                lines.add("IT energy = " + Rules.fmt(Declarations.literal(w.queries())) + " queries × " + Rules.fmt(Declarations.literal(q.kwhPerQuery()) * 1000)
                        + " Wh / 1000 = " + Rules.fmt(kwh) + " kWh");
            }
            if (!ctx.finite(path, "the IT energy of workload '" + w.id() + "' (" + lines.get(lines.size() - 1) + ")",
                    deviceHours, kwh, kwh * Declarations.literal(dc.get().pue()), kwh * Declarations.literal(dc.get().wueOnsite()))) {
                continue;
            }
            double tdp = ctx.library().devicePower(h.archetype()).map(p -> p.tdpW()).filter(v -> !Double.isNaN(v)).orElse(power);
            double reserved = deviceHours * (Double.isNaN(tdp) ? 0 : tdp) / 1e6;
            List<WorkloadFacts.Usage> secondary = new ArrayList<>();
            for (String other : w.alsoUses()) {
                Optional<Hardware> oh = ctx.scenario().hardware().stream().filter(x -> x.id().equals(other)).findFirst();
                if (oh.isEmpty()) {
                    ctx.problem(path, "workload '" + w.id() + "' also uses hardware '" + other + "', which is not declared");
                    continue;
                }
                double dh2 = deviceHours * Declarations.literal(oh.get().count()) / Declarations.literal(h.count());
                secondary.add(new WorkloadFacts.Usage(oh.get(), dh2));
                lines.add("also occupies " + other + ": " + Rules.fmt(deviceHours) + " device-h × " + Declarations.literal(oh.get().count()) + " / "
                        + Declarations.literal(h.count()) + " = " + Rules.fmt(dh2) + " device-h");
            }
            ctx.facts.put(w.id(), new WorkloadFacts(w, h, dc.get(), deviceHours, kwh, flops, reserved, secondary));
            double pue = Declarations.literal(dc.get().pue());
            double facility = kwh * pue;
            String intensityParameter = dcFacts.intensityParameter();
            double location = dcFacts.locationKgPerKwh();
            String grid = dcFacts.gridDescription();
            if (w.energy() instanceof Measured m) {
                if (m.detail() != null && m.detail().gridFromFile()) {
                    var fileGrid = m.detail().gridCodes().stream().map(c -> ctx.library().gridElectricity(c))
                            .flatMap(Optional::stream).findFirst();
                    if (fileGrid.isEmpty()) {
                        ctx.problem(path, "'grid: from_file' needs a place the factor library knows, but " + m.detail().file()
                                + " names " + (m.detail().places().isEmpty() ? "no place"
                                : String.join(", ", m.detail().places())) + "; see 'cradle factors search grid'");
                    } else {
                        location = DatacenterRule.constant(fileGrid.get(), "co2e_aggregated");
                        grid = fileGrid.get().id() + " (from " + m.detail().file() + ")";
                        intensityParameter = Rules.parameterName("grid_intensity_measured", w.id());
                        ctx.parameters.add(new dev.cradle.model.Parameter(intensityParameter,
                                dev.cradle.model.Amount.of(location), "kg CO2-eq/kWh", null,
                                "location-based grid intensity where workload " + w.id() + " was measured"));
                        ctx.marketOverrides.put(intensityParameter, location);
                        lines.add("grid from the measurement file: " + grid + ", " + Rules.fmt(location)
                                + " kg CO2-eq/kWh (the datacenter's renewable contracts do not apply to it)");
                    }
                }
                ctx.measurements.add(MeasurementChecks.check(ctx, w, h, dc.get(), m, power, location, grid, lines));
            }
            List<Exchange> use = new ArrayList<>();
            use.addAll(Rules.electricity(ctx, intensityParameter.equals(dcFacts.intensityParameter()) ? dc.get().grid()
                    : null, facility, intensityParameter));
            double onsite = kwh * Declarations.literal(dc.get().wueOnsite()) / 1000;
            double offsite = Double.isNaN(dcFacts.offsiteLPerKwh()) ? 0 : facility * dcFacts.offsiteLPerKwh() / 1000;
            if (onsite + offsite > 0) {
                use.add(Rules.elementary(dcFacts.water(), onsite + offsite));
            }
            if (dc.get().grid() instanceof Declarations.DatabaseGrid d && intensityParameter.equals(dcFacts.intensityParameter())) {
                lines.add("facility energy = " + Rules.fmt(kwh) + " kWh × PUE " + Rules.fmt(pue) + " = " + Rules.fmt(facility)
                        + " kWh × the cumulative inventory per kWh of " + d.database() + ": '" + d.processName() + "' ("
                        + Rules.fmt(facility * location) + " kg CO2-eq, the same location- and market-based)");
            } else {
                lines.add("facility energy = " + Rules.fmt(kwh) + " kWh × PUE " + Rules.fmt(pue) + " = " + Rules.fmt(facility)
                        + " kWh; emissions = facility energy × " + intensityParameter + " (location "
                        + Rules.fmt(location) + ", market " + Rules.fmt(ctx.marketOverrides.get(intensityParameter))
                        + " kg CO2-eq/kWh) = " + Rules.fmt(facility * location) + " kg location-based");
            }
            lines.add("water = " + Rules.fmt(kwh) + " kWh × " + Rules.fmt(Declarations.literal(dc.get().wueOnsite())) + " L on-site"
                    + (Double.isNaN(dcFacts.offsiteLPerKwh()) ? " (off-site not covered)"
                    : " + " + Rules.fmt(facility) + " kWh × " + Rules.fmt(dcFacts.offsiteLPerKwh()) + " L off-site")
                    + " = " + Rules.fmt((onsite + offsite) * 1000) + " L of " + dcFacts.water().id());
            lines.add("device-hours " + Rules.fmt(deviceHours) + ", reserved capacity " + Rules.fmt(reserved) + " MW·h");
            ctx.runUse.put(w.id(), new CompilationContext.RunUse(use, dcFacts.coverage(), lines));
            ctx.energy.add(new WorkloadEnergy(w.id(), w.model(), w.phase(), deviceHours, kwh, facility, onsite * 1000,
                    offsite * 1000, Declarations.literal(w.queries()), Declarations.literal(w.tokens())));
        }
    }

    private static double devicePower(CompilationContext ctx, Hardware h) {
        if (!Double.isNaN(Declarations.literal(h.powerW()))) {
            return Declarations.literal(h.powerW());
        }
        return ctx.library().devicePower(h.archetype()).map(p -> p.typicalW()).orElse(Double.NaN);
    }

    private static void requirePower(CompilationContext ctx, String path, double power, Workload w) {
        if (Double.isNaN(power)) {
            ctx.problem(path, "workload '" + w.id() + "' needs the devices' average power: give 'power' on the workload "
                    + "or the hardware, or use an archetype with a known power");
        }
    }
}
