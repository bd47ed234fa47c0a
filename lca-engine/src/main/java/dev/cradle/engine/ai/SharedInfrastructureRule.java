package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceData;
import dev.cradle.model.LifecycleStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The datacenter's building and shared infrastructure (cooling plant, network, ...): embodied
 * emissions amortised linearly over their life, of which the study's tenancy carries
 * {@code embodied × tenant MW / capacity MW × tenancy hours / lifetime hours}; that amount is split
 * among the workloads hosted there by the declared rule (by reserved capacity unless declared).
 * Without an embodied figure the library's per-MW building figure is used.
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
                double embodied = Declarations.literal(infra.embodiedKg());
                Set<String> coverage = Set.of(ImpactCategories.CLIMATE);
                if (Double.isNaN(embodied) && lib.datacenterBuilding().isEmpty()) {
                    ctx.problem("datacenter:" + dc.id(), "infrastructure '" + infra.id() + "' gives no embodied emissions "
                            + "and the reference data has no datacenter building figure per MW: give its 'embodied'");
                    continue;
                }
                if (Double.isNaN(embodied)) {
                    double perMw = DatacenterRule.constant(lib.datacenterBuilding().get(), "co2e_aggregated");
                    embodied = perMw * Declarations.literal(infra.capacityMw());
                    basis.add("embodied = " + Rules.fmt(perMw) + " kg CO2-eq per MW (datacenter-building) × "
                            + Rules.fmt(Declarations.literal(infra.capacityMw())) + " MW = " + Rules.fmt(embodied) + " kg");
                } else {
                    basis.add("embodied " + Rules.fmt(embodied) + " kg CO2-eq, as declared");
                }
                if (Double.isNaN(Declarations.literal(dc.tenantMw())) || Double.isNaN(Declarations.literal(dc.tenancyH()))) {
                    ctx.problem("datacenter:" + dc.id(), "datacenter '" + dc.id() + "' declares shared infrastructure; give "
                            + "its 'tenancy' (the IT power the study holds and for how long) so its share can be computed");
                    continue;
                }
                double amount = embodied * Declarations.literal(dc.tenantMw()) / Declarations.literal(infra.capacityMw()) * Declarations.literal(dc.tenancyH()) / Declarations.literal(infra.lifetimeH());
                basis.add("tenancy share = " + Rules.fmt(embodied) + " kg × " + Rules.fmt(Declarations.literal(dc.tenantMw())) + " MW / "
                        + Rules.fmt(Declarations.literal(infra.capacityMw())) + " MW × " + Rules.fmt(Declarations.literal(dc.tenancyH())) + " h / "
                        + Rules.fmt(Declarations.literal(infra.lifetimeH())) + " h = " + Rules.fmt(amount) + " kg CO2-eq");
                SharedCosts.allocate(ctx, name(), "datacenter:" + dc.id(), dc.id() + "/" + infra.id(), infra.name() + " of " + dc.id(), amount,
                        "kg CO2-eq", infra.rule(), sharing,
                        List.of(Rules.elementary(lib.aggregatedCo2e(), amount)),
                        LifecycleStage.MANUFACTURING, coverage, infra.origin(), basis);
            }
        }
    }
}
