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
 * declared), and burdened like use-phase electricity (× PUE × grid intensity, plus water). Every amount is a
 * {@link Value}, so idle energy follows the parameters (count, period, idle power, the workloads' device-hours).
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
            Value kwh;
            List<String> basis = new ArrayList<>();
            List<WorkloadFacts> sharing = ctx.facts.values().stream().filter(f -> f.uses(h)).map(f -> f.on(h)).toList();
            if (h.idleEnergyKwh() != null) {
                kwh = ctx.value(h.idleEnergyKwh());
                basis.add("idle energy " + Rules.fmt(kwh.central()) + " kWh, as declared");
            } else if (h.idlePowerW() != null && h.periodH() != null) {
                Value busy = Value.sum(sharing.stream().map(WorkloadFacts::deviceHours).toList());
                Value count = ctx.declared(h.count());
                Value period = ctx.value(h.periodH());
                Value idlePower = ctx.value(h.idlePowerW());
                Value idleHours = count.times(period).minus(busy);
                if (idleHours.central() < 0) {
                    ctx.problem("hardware:" + h.id(), "the workloads on '" + h.id() + "' use " + Rules.fmt(busy.central())
                            + " device-hours, more than its " + count.central() + " devices × " + Rules.fmt(period.central())
                            + " h period holds");
                    continue;
                }
                kwh = idleHours.times(idlePower).div(1000);
                basis.add("idle energy = (" + count.central() + " devices × " + Rules.fmt(period.central()) + " h − "
                        + Rules.fmt(busy.central()) + " busy device-h) × " + Rules.fmt(idlePower.central()) + " W / 1000 = "
                        + Rules.fmt(kwh.central()) + " kWh");
            } else {
                continue;
            }
            var dc = ctx.datacenters.get(h.datacenter());
            var dcDecl = ctx.scenario().datacenters().stream().filter(d -> d.id().equals(h.datacenter())).findFirst();
            if (dc == null || dcDecl.isEmpty()) {
                continue;
            }
            Value pue = ctx.declared(dcDecl.get().pue());
            Value facility = kwh.times(pue);
            Value water = kwh.times(ctx.declared(dcDecl.get().wueOnsite())).plus(dc.offsiteLPerKwh() == null ? Value.of(0)
                    : facility.times(dc.offsiteLPerKwh())).div(1000);
            if (!ctx.finite("hardware:" + h.id(), "the idle energy of hardware '" + h.id() + "' (" + basis.get(0) + ")",
                    kwh.central(), facility.central(), water.central())) {
                continue;
            }
            List<Exchange> whole = new ArrayList<>();
            whole.addAll(Rules.electricity(ctx, dcDecl.get().grid(), facility, dc.intensity()));
            // idle electricity carries the same primary energy per kWh as the runs' (a database grid's comes with its
            // cumulative inventory above)
            java.util.Set<String> coverage = new java.util.LinkedHashSet<>(dc.coverage());
            if (!(dcDecl.get().grid() instanceof Declarations.DatabaseGrid)) {
                ElectricityPrimaryEnergy.addTo(ctx, dcDecl.get(), facility, whole, coverage, basis);
            }
            // a water flow that is zero only at the central values stays, with its tree, so parameters can move it
            if (!water.isConstant() || water.central() > 0) {
                whole.add(Rules.elementary(dc.water(), water));
            }
            basis.add("facility energy = " + Rules.fmt(kwh.central()) + " kWh × PUE " + Rules.fmt(pue.central()) + " = "
                    + Rules.fmt(facility.central()) + " kWh × " + dc.intensityParameter());
            SharedCosts.allocate(ctx, name(), "hardware:" + h.id(), "idle:" + h.id(), "Idle energy of " + h.name(),
                    kwh.central(), "kWh", h.idleRule(), sharing, whole, LifecycleStage.USE, java.util.Set.copyOf(coverage), h.origin(),
                    basis);
        }
    }
}
