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
            boolean fromDeviceHours = w.energy() instanceof DeviceHours || w.energy() instanceof Flops;
            DevicePowers.Choice choice = w.powerW() != null
                    ? new DevicePowers.Choice(ctx.value(w.powerW()), "declared on workload '" + w.id() + "'")
                    : fromDeviceHours ? DevicePowers.of(ctx, h) : legacyPower(ctx, h);
            Value power = choice.watts();
            double powerW = power.central();
            Value runs = ctx.declared(w.runs());
            List<String> lines = new ArrayList<>();
            Value deviceHours;
            Value kwh;
            Value flops = null;
            if (w.energy() instanceof DeviceHours d) {
                requirePower(ctx, path, powerW, w);
                Value dh = ctx.declared(d.deviceHours());
                deviceHours = dh.times(runs);
                kwh = deviceHours.times(power).div(1000);
                lines.add("IT energy = " + Rules.fmt(dh.central()) + " device-h × " + Rules.fmt(runs.central()) + " run(s) × "
                        + Rules.fmt(powerW) + " W / 1000 = " + Rules.fmt(kwh.central()) + " kWh (power: " + choice.basis() + ")");
            } else if (w.energy() instanceof Flops f) {
                requirePower(ctx, path, powerW, w);
                Value total = ctx.declared(f.flops());
                Value devices = ctx.declared(f.devices());
                Value peak = ctx.declared(f.peakFlopsPerDevice());
                Value utilisation = ctx.declared(f.utilisation());
                Value hours = total.div(devices.times(peak).times(utilisation)).div(3600);
                deviceHours = hours.times(devices).times(runs);
                kwh = deviceHours.times(power).div(1000);
                flops = total.times(runs);
                lines.add("hours = " + Rules.fmt(total.central()) + " FLOP / (" + devices.central() + " devices × "
                        + Rules.fmt(peak.central()) + " FLOP/s × " + Rules.fmt(utilisation.central()) + ") / 3600 = "
                        + Rules.fmt(hours.central()) + " h");
                lines.add("IT energy = " + Rules.fmt(hours.central()) + " h × " + devices.central() + " devices × "
                        + Rules.fmt(runs.central()) + " run(s) × " + Rules.fmt(powerW) + " W / 1000 = "
                        + Rules.fmt(kwh.central()) + " kWh (power: " + choice.basis() + ")");
            } else if (w.energy() instanceof Measured m) {
                Value measured = ctx.declared(m.kwh());
                deviceHours = ctx.declared(m.deviceHours()).times(runs);
                kwh = measured.times(runs);
                if (m.detail() != null) {
                    m.detail().notes().forEach(n -> lines.add(m.detail().file() + ": " + n));
                }
                lines.add("IT energy = " + Rules.fmt(measured.central()) + " kWh measured (" + m.evidence() + ") × "
                        + Rules.fmt(runs.central()) + " run(s) = " + Rules.fmt(kwh.central()) + " kWh");
            } else if (w.energy() instanceof Declarations.LlmInference llm) {
                var r = LlmInferenceEnergy.of(ctx, llm, runs);
                deviceHours = r.gpuHours();
                kwh = r.itKwh();
                lines.addAll(r.lines());
            } else {
                // served volume × energy per unit: tokens × kWh per token, or queries × kWh per query
                boolean tokens = w.energy() instanceof Declarations.PerToken;
                Value volume = ctx.declared(tokens ? w.tokens() : w.queries());
                Value perUnit = ctx.declared(tokens ? ((Declarations.PerToken) w.energy()).kwhPerToken()
                        : ((PerQuery) w.energy()).kwhPerQuery());
                deviceHours = ctx.declared(tokens ? ((Declarations.PerToken) w.energy()).deviceHours()
                        : ((PerQuery) w.energy()).deviceHours());
                kwh = volume.times(perUnit).times(runs);
                lines.add("IT energy = " + Rules.fmt(volume.central()) + (tokens ? " tokens × " : " queries × ")
                        + Rules.fmt(perUnit.central() * 1000) + " Wh / 1000 = " + Rules.fmt(kwh.central()) + " kWh");
            }
            Value pue = ctx.declared(dc.get().pue());
            Value wue = ctx.declared(dc.get().wueOnsite());
            if (!ctx.finite(path, "the IT energy of workload '" + w.id() + "' (" + lines.get(lines.size() - 1) + ")",
                    deviceHours.central(), kwh.central(), kwh.central() * pue.central(), kwh.central() * wue.central())) {
                continue;
            }
            // reserved capacity at the archetype's TDP, else at the average power (0 when neither is known)
            Value tdp = ctx.library().devicePower(h.archetype()).map(p -> p.tdpW()).filter(v -> !Double.isNaN(v))
                    .map(Value::of).orElse(Double.isNaN(powerW) ? Value.of(0) : power);
            Value reserved = deviceHours.times(tdp).div(1e6);
            List<WorkloadFacts.Usage> secondary = new ArrayList<>();
            for (String other : w.alsoUses()) {
                Optional<Hardware> oh = ctx.scenario().hardware().stream().filter(x -> x.id().equals(other)).findFirst();
                if (oh.isEmpty()) {
                    ctx.problem(path, "workload '" + w.id() + "' also uses hardware '" + other + "', which is not declared");
                    continue;
                }
                Value count = ctx.declared(oh.get().count());
                Value primary = ctx.declared(h.count());
                Value dh2 = deviceHours.times(count).div(primary);
                secondary.add(new WorkloadFacts.Usage(oh.get(), dh2));
                lines.add("also occupies " + other + ": " + Rules.fmt(deviceHours.central()) + " device-h × " + count.central()
                        + " / " + primary.central() + " = " + Rules.fmt(dh2.central()) + " device-h");
                if (!fromDeviceHours) {
                    continue; // a measured or per-unit energy is the whole workload's: its further hardware adds none
                }
                DevicePowers.Choice p2 = DevicePowers.of(ctx, oh.get());
                if (!p2.known()) {
                    ctx.warnings.add(new Warning(w.origin(), path, "hardware '" + other + "' has no power (none declared, "
                            + "none in the library for its archetype): it adds embodied and idle shares to workload '" + w.id()
                            + "' but draws no energy; give its average 'power' to count its electricity"));
                    continue;
                }
                Value kwh2 = dh2.times(p2.watts()).div(1000);
                kwh = kwh.plus(kwh2);
                lines.add("IT energy of " + other + " = " + Rules.fmt(dh2.central()) + " device-h × "
                        + Rules.fmt(p2.watts().central()) + " W / 1000 = " + Rules.fmt(kwh2.central()) + " kWh (power: "
                        + p2.basis() + ")");
            }
            if (fromDeviceHours && secondary.size() > 0) {
                lines.add("IT energy of the workload, all its hardware = " + Rules.fmt(kwh.central()) + " kWh");
            }
            ctx.facts.put(w.id(), new WorkloadFacts(w, h, dc.get(), deviceHours, kwh, flops, reserved, secondary));
            Value facility = kwh.times(pue);
            String intensityParameter = dcFacts.intensityParameter();
            Value intensity = dcFacts.intensity();
            double location = dcFacts.location().central();
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
                        intensity = Value.parameter(intensityParameter, location);
                        ctx.parameters.add(new dev.cradle.model.Parameter(intensityParameter,
                                dev.cradle.model.Amount.of(location), "kg CO2-eq/kWh", null,
                                "location-based grid intensity where workload " + w.id() + " was measured"));
                        ctx.marketBasis.put(intensityParameter, Value.of(location));
                        lines.add("grid from the measurement file: " + grid + ", " + Rules.fmt(location)
                                + " kg CO2-eq/kWh (the datacenter's renewable contracts do not apply to it)");
                    }
                }
                ctx.measurements.add(MeasurementChecks.check(ctx, w, h, dc.get(), m, powerW, location, grid, lines));
            }
            List<Exchange> use = new ArrayList<>();
            use.addAll(Rules.electricity(ctx, intensityParameter.equals(dcFacts.intensityParameter()) ? dc.get().grid()
                    : null, facility, intensity));
            java.util.Set<String> coverage = new java.util.LinkedHashSet<>(dcFacts.coverage());
            if (!(dc.get().grid() instanceof Declarations.DatabaseGrid) && intensityParameter.equals(dcFacts.intensityParameter())) {
                ElectricityPrimaryEnergy.addTo(ctx, dc.get(), facility, use, coverage, lines);
            }
            Value onsite = kwh.times(wue).div(1000);
            Value offsite = dcFacts.offsiteLPerKwh() == null ? Value.of(0)
                    : facility.times(dcFacts.offsiteLPerKwh()).div(1000);
            Value water = onsite.plus(offsite);
            // a water flow that is zero only at the central values stays, with its tree, so parameters can move it
            if (!water.isConstant() || water.central() > 0) {
                use.add(Rules.elementary(dcFacts.water(), water));
            }
            if (dc.get().grid() instanceof Declarations.DatabaseGrid d && intensityParameter.equals(dcFacts.intensityParameter())) {
                lines.add("facility energy = " + Rules.fmt(kwh.central()) + " kWh × PUE " + Rules.fmt(pue.central()) + " = "
                        + Rules.fmt(facility.central()) + " kWh × the cumulative inventory per kWh of " + d.database() + ": '"
                        + d.processName() + "' (" + Rules.fmt(facility.central() * location)
                        + " kg CO2-eq, the same location- and market-based)");
            } else {
                lines.add("facility energy = " + Rules.fmt(kwh.central()) + " kWh × PUE " + Rules.fmt(pue.central()) + " = "
                        + Rules.fmt(facility.central()) + " kWh; emissions = facility energy × " + intensityParameter
                        + " (location " + Rules.fmt(location) + ", market "
                        + Rules.fmt(ctx.marketBasis.get(intensityParameter).central())
                        + " kg CO2-eq/kWh) = " + Rules.fmt(facility.central() * location) + " kg location-based");
            }
            lines.add("water = " + Rules.fmt(kwh.central()) + " kWh × " + Rules.fmt(wue.central()) + " L on-site"
                    + (dcFacts.offsiteLPerKwh() == null ? " (off-site not covered)"
                    : " + " + Rules.fmt(facility.central()) + " kWh × " + Rules.fmt(dcFacts.offsiteLPerKwh().central())
                    + " L off-site")
                    + " = " + Rules.fmt(water.central() * 1000) + " L of " + dcFacts.water().id());
            lines.add("device-hours " + Rules.fmt(deviceHours.central()) + ", reserved capacity "
                    + Rules.fmt(reserved.central()) + " MW·h");
            ctx.runUse.put(w.id(), new CompilationContext.RunUse(use, java.util.Set.copyOf(coverage), lines));
            ctx.energy.add(new WorkloadEnergy(w.id(), w.model(), w.phase(), deviceHours.central(), kwh.central(),
                    facility.central(), onsite.central() * 1000, offsite.central() * 1000, ctx.central(w.queries()),
                    ctx.central(w.tokens())));
        }
    }

    /**
     * The devices' average power where the energy is known otherwise (measured, per query or token): only
     * the measurement cross-checks read it, so it stays a constant, W; NaN when not known.
     */
    private static DevicePowers.Choice legacyPower(CompilationContext ctx, Hardware h) {
        if (h.powerW() != null) {
            return new DevicePowers.Choice(ctx.value(h.powerW()), "declared on hardware '" + h.id() + "'");
        }
        return new DevicePowers.Choice(Value.of(ctx.library().devicePower(h.archetype()).map(p -> p.typicalW())
                .orElse(Double.NaN)), "library default for " + h.archetype());
    }

    private static void requirePower(CompilationContext ctx, String path, double power, Workload w) {
        if (Double.isNaN(power)) {
            ctx.problem(path, "workload '" + w.id() + "' needs the devices' average power: give 'power' on the workload "
                    + "or the hardware, or use an archetype with a known power");
        }
    }
}
