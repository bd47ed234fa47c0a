package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.model.Exchange;
import dev.cradle.model.LifecycleStage;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle capacity as a shared cost: the energy hardware draws while no workload uses it — measured
 * ({@code idle energy}) or {@code (count × period − Σ workload device-hours) × idle power} — is
 * split among the workloads on that hardware by its idle allocation rule (by device-hours unless
 * declared), and burdened like use-phase electricity (× PUE × grid intensity, plus water).
 */
public final class IdleRule implements Rule {
    @Override
    public int order() {
        return 40;
    }

    @Override
    public String name() {
        return "idle capacity";
    }

    @Override
    public void apply(CompilationContext ctx) {
        for (Hardware h : ctx.scenario().hardware()) {
            double kwh;
            List<String> basis = new ArrayList<>();
            List<WorkloadFacts> sharing = ctx.facts.values().stream().filter(f -> f.uses(h)).map(f -> f.on(h)).toList();
            if (!Double.isNaN(Declarations.literal(h.idleEnergyKwh()))) {
                kwh = Declarations.literal(h.idleEnergyKwh());
                basis.add("idle energy " + Rules.fmt(kwh) + " kWh, as declared");
            } else if (!Double.isNaN(Declarations.literal(h.idlePowerW())) && !Double.isNaN(Declarations.literal(h.periodH()))) {
                double busy = sharing.stream().mapToDouble(WorkloadFacts::deviceHours).sum();
                double idleHours = Declarations.literal(h.count()) * Declarations.literal(h.periodH()) - busy;
                if (idleHours < 0) {
                    ctx.problem("hardware:" + h.id(), "the workloads on '" + h.id() + "' use " + Rules.fmt(busy)
                            + " device-hours, more than its " + Declarations.literal(h.count()) + " devices × " + Rules.fmt(Declarations.literal(h.periodH()))
                            + " h period holds");
                    continue;
                }
                kwh = idleHours * Declarations.literal(h.idlePowerW()) / 1000;
                basis.add("idle energy = (" + Declarations.literal(h.count()) + " devices × " + Rules.fmt(Declarations.literal(h.periodH())) + " h − " + Rules.fmt(busy)
                        + " busy device-h) × " + Rules.fmt(Declarations.literal(h.idlePowerW())) + " W / 1000 = " + Rules.fmt(kwh) + " kWh");
            } else {
                continue;
            }
            var dc = ctx.datacenters.get(h.datacenter());
            var dcDecl = ctx.scenario().datacenters().stream().filter(d -> d.id().equals(h.datacenter())).findFirst();
            if (dc == null || dcDecl.isEmpty()) {
                continue;
            }
            double facility = kwh * Declarations.literal(dcDecl.get().pue());
            double water = (kwh * Declarations.literal(dcDecl.get().wueOnsite()) + (Double.isNaN(dc.offsiteLPerKwh()) ? 0
                    : facility * dc.offsiteLPerKwh())) / 1000;
            if (!ctx.finite("hardware:" + h.id(), "the idle energy of hardware '" + h.id() + "' (" + basis.get(0) + ")",
                    kwh, facility, water)) {
                continue;
            }
            List<Exchange> whole = new ArrayList<>();
            whole.addAll(Rules.electricity(ctx, dcDecl.get().grid(), facility, dc.intensityParameter()));
            if (water > 0) {
                whole.add(Rules.elementary(dc.water(), water));
            }
            basis.add("facility energy = " + Rules.fmt(kwh) + " kWh × PUE " + Rules.fmt(Declarations.literal(dcDecl.get().pue())) + " = "
                    + Rules.fmt(facility) + " kWh × " + dc.intensityParameter());
            SharedCosts.allocate(ctx, name(), "hardware:" + h.id(), "idle:" + h.id(), "Idle energy of " + h.name(), kwh, "kWh", h.idleRule(),
                    sharing, whole, LifecycleStage.USE, dc.coverage(), h.origin(), basis);
        }
    }
}
