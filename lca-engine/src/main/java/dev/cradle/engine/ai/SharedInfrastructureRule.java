package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceData;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The datacenter's building and shared infrastructure (cooling plant, network, ...): embodied
 * emissions amortised linearly over their life, of which the study's tenancy carries
 * {@code embodied × tenant MW / capacity MW × tenancy hours / lifetime hours}; that amount is split
 * among the workloads hosted there by the declared rule (by reserved capacity unless declared).
 * Without an embodied figure the library's per-MW building figure is used, as the library parameter
 * {@code datacenter.<id>.building_gwp_per_mw} with its range.
 */
public final class SharedInfrastructureRule implements Rule {
    @Override
    public int order() {
        return 50;
    }

    @Override
    public String name() {
        return "shared datacenter infrastructure";
    }

    @Override
    public void apply(CompilationContext ctx) {
        ReferenceData lib = ctx.library();
        for (Datacenter dc : ctx.scenario().datacenters()) {
            List<WorkloadFacts> sharing = ctx.facts.values().stream()
                    .filter(f -> f.hardware().datacenter().equals(dc.id())).toList();
            for (Infrastructure infra : dc.infrastructure()) {
                List<String> basis = new ArrayList<>();
                Value embodied;
                Value capacity = ctx.declared(infra.capacityMw());
                Set<String> coverage = Set.of(ImpactCategories.CLIMATE);
                if (infra.embodiedKg() == null && lib.datacenterBuilding().isEmpty()) {
                    ctx.problem("datacenter:" + dc.id(), "infrastructure '" + infra.id() + "' gives no embodied emissions "
                            + "and the reference data has no datacenter building figure per MW: give its 'embodied'");
                    continue;
                }
                if (infra.embodiedKg() == null) {
                    Value perMw = buildingPerMw(ctx, dc);
                    embodied = perMw.times(capacity);
                    basis.add("embodied = " + Rules.fmt(perMw.central()) + " kg CO2-eq per MW (datacenter-building) × "
                            + Rules.fmt(capacity.central()) + " MW = " + Rules.fmt(embodied.central()) + " kg");
                    perMw.tree().variables().forEach(v -> basis.add("  per MW: parameter " + v));
                } else {
                    embodied = ctx.value(infra.embodiedKg());
                    basis.add("embodied " + Rules.fmt(embodied.central()) + " kg CO2-eq, as declared");
                }
                if (dc.tenantMw() == null || dc.tenancyH() == null) {
                    ctx.problem("datacenter:" + dc.id(), "datacenter '" + dc.id() + "' declares shared infrastructure; give "
                            + "its 'tenancy' (the IT power the study holds and for how long) so its share can be computed");
                    continue;
                }
                Value tenant = ctx.value(dc.tenantMw());
                Value tenancy = ctx.value(dc.tenancyH());
                Value lifetime = ctx.declared(infra.lifetimeH());
                Value amount = embodied.times(tenant).div(capacity).times(tenancy).div(lifetime);
                basis.add("tenancy share = " + Rules.fmt(embodied.central()) + " kg × " + Rules.fmt(tenant.central()) + " MW / "
                        + Rules.fmt(capacity.central()) + " MW × " + Rules.fmt(tenancy.central()) + " h / "
                        + Rules.fmt(lifetime.central()) + " h = " + Rules.fmt(amount.central()) + " kg CO2-eq");
                SharedCosts.allocate(ctx, name(), "datacenter:" + dc.id(), dc.id() + "/" + infra.id(), infra.name() + " of " + dc.id(),
                        amount.central(), "kg CO2-eq", infra.rule(), sharing,
                        List.of(Rules.elementary(lib.aggregatedCo2e(), amount)),
                        LifecycleStage.MANUFACTURING, coverage, infra.origin(), basis);
            }
        }
    }

    /**
     * The library's embodied building figure per MW of IT capacity as the parameter
     * {@code datacenter.<id>.building_gwp_per_mw} (kg CO2-eq/MW, uniform over the library's range), or its
     * constant when the library gives no range.
     */
    private static Value buildingPerMw(CompilationContext ctx, Datacenter dc) {
        Process p = ctx.library().datacenterBuilding().orElseThrow();
        double central = DatacenterRule.constant(p, "co2e_aggregated");
        var x = DatacenterRule.exchange(p, "co2e_aggregated");
        if (x.isEmpty() || x.get().uncertainty() == null) {
            return Value.of(central);
        }
        return ctx.libraryParameter("datacenter." + Rules.nameSegment(dc.id()) + ".building_gwp_per_mw", central,
                "kg CO2-eq/MW", x.get().uncertainty(), "embodied building and infrastructure of datacenter " + dc.id()
                        + " per MW of IT capacity: the library's upper estimate, uniform over its range ("
                        + ctx.library().sourceOf(p.id()).orElse("factor library") + ")");
    }
}
