package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.DatabaseGrid;
import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.ExplicitGrid;
import dev.cradle.engine.ai.Declarations.MixGrid;
import dev.cradle.engine.ai.Declarations.RegionGrid;
import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Datacenter electricity: resolves the grid (a library region, an explicit mix of generation
 * technologies, or an explicit intensity) to a location-based intensity in kg CO2-eq/kWh, and the
 * market-based one (explicit, or location × (1 − renewable share)); derives off-site water from the
 * mix when not given. The intensity becomes a global parameter so market-based results are the same
 * compiled system evaluated with the market value.
 */
public final class DatacenterRule implements Rule {
    @Override
    public int order() {
        return 10;
    }

    @Override
    public String name() {
        return "datacenter electricity";
    }

    @Override
    public void apply(CompilationContext ctx) {
        ReferenceData lib = ctx.library();
        for (Datacenter dc : ctx.scenario().datacenters()) {
            String path = "datacenter:" + dc.id();
            double location;
            double offsite = Declarations.literal(dc.offsiteWater());
            Set<String> coverage = new LinkedHashSet<>(List.of(ImpactCategories.CLIMATE));
            List<String> lines = new ArrayList<>();
            String grid;
            if (dc.grid() instanceof RegionGrid r) {
                Optional<Process> p = lib.gridElectricity(r.code());
                if (p.isEmpty()) {
                    ctx.problem(path, lib.missingGridAdvice(r.code()) + " (countries by ISO code such as FR, sub-national "
                            + "zones such as CA-QC, cloud regions such as gcp/us-central1; see 'cradle factors grids')");
                    continue;
                }
                location = constant(p.get(), "co2e_aggregated");
                grid = "grid:" + r.code() + " (" + lib.sourceOf(p.get().id()).orElse("?") + ")";
                lines.add("location-based intensity " + Rules.fmt(location) + " kg CO2-eq/kWh from " + grid);
            } else if (dc.grid() instanceof MixGrid m) {
                location = 0;
                double water = 0;
                StringBuilder sb = new StringBuilder();
                for (var e : m.shares().entrySet()) {
                    Optional<Process> p = lib.generationTechnology(e.getKey());
                    if (p.isEmpty()) {
                        ctx.problem(path, "unknown generation technology '" + e.getKey() + "' in the mix; known: "
                                + String.join(", ", lib.generationTechnologies()));
                        continue;
                    }
                    location += Declarations.literal(e.getValue()) * constant(p.get(), "co2e_aggregated");
                    water += Declarations.literal(e.getValue()) * constant(p.get(), "water_consumed") * 1000;
                    sb.append(sb.length() == 0 ? "" : " + ").append(Rules.fmt(Declarations.literal(e.getValue()))).append(" × ")
                            .append(e.getKey());
                }
                grid = "mix " + sb;
                lines.add("location-based intensity " + Rules.fmt(location) + " kg CO2-eq/kWh = Σ share × IPCC AR5 median ("
                        + sb + ")");
                if (Double.isNaN(offsite)) {
                    offsite = water;
                    lines.add("off-site water " + Rules.fmt(water) + " L/kWh = Σ share × EWIF (Li et al. 2023)");
                }
            } else if (dc.grid() instanceof DatabaseGrid d) {
                location = d.cumulativePerKwh().getOrDefault(ImpactCategories.CLIMATE, 0.0);
                grid = d.database() + ": '" + d.processName() + "' (" + d.processId() + ")";
                coverage.clear();
                d.cumulativePerKwh().forEach((indicator, v) -> {
                    if (v != 0) {
                        coverage.add(indicator);
                    }
                });
                lines.add("electricity from background database " + grid + ": each kWh of facility energy carries its "
                        + "cumulative inventory per kWh (" + d.inventoryPerKwh().size() + " elementary flows, the database "
                        + "solved for one kWh of its reference product), in the use stage");
                d.cumulativePerKwh().forEach((indicator, v) -> lines.add("  its cumulative result per kWh: " + indicator + " "
                        + Rules.fmt(v)));
                lines.add("  covers: " + String.join(", ", coverage) + " (indicators with a non-zero cumulative result "
                        + "through the flow mapping; coverage per indicator in the background lines below)");
            } else {
                location = Declarations.literal(((ExplicitGrid) dc.grid()).kgPerKwh());
                grid = "explicit intensity";
                lines.add("location-based intensity " + Rules.fmt(location) + " kg CO2-eq/kWh, as declared");
            }
            if (!Double.isNaN(offsite)) {
                coverage.add(ImpactCategories.WATER);
                coverage.add(ImpactCategories.WATER_SCARCITY);
            } else {
                lines.add("off-site water not known: water categories are not covered for this datacenter's electricity");
            }
            double market;
            if (dc.grid() instanceof DatabaseGrid) {
                market = location;
                lines.add("market-based: the same database process (a linked grid has no contractual variant; "
                        + "market-based results equal location-based for this datacenter's electricity)");
            } else if (!Double.isNaN(Declarations.literal(dc.marketKgPerKwh()))) {
                market = Declarations.literal(dc.marketKgPerKwh());
                lines.add("market-based intensity " + Rules.fmt(market) + " kg CO2-eq/kWh, as declared");
            } else if (!Double.isNaN(Declarations.literal(dc.renewableShare()))) {
                market = location * (1 - Declarations.literal(dc.renewableShare()));
                lines.add("market-based intensity = " + Rules.fmt(location) + " × (1 − " + Rules.fmt(Declarations.literal(dc.renewableShare()))
                        + " renewable share) = " + Rules.fmt(market) + " kg CO2-eq/kWh");
            } else {
                market = location;
                lines.add("market-based intensity " + Rules.fmt(market) + " kg CO2-eq/kWh (no renewable contracts "
                        + "declared: same as location-based)");
            }
            String param = Rules.parameterName("grid_intensity", dc.id());
            ctx.parameters.add(new Parameter(param, Amount.of(location), "kg CO2-eq/kWh", null,
                    "location-based grid intensity of datacenter " + dc.id() + (dc.grid() instanceof DatabaseGrid
                    ? " (for measurement checks only: its use stage carries the database process's inventory)" : "")));
            ctx.marketOverrides.put(param, market);
            var waterAt = ctx.library().waterLocation(dc.country());
            var water = waterAt.flow();
            lines.add("PUE " + Rules.fmt(Declarations.literal(dc.pue())) + ", on-site water " + Rules.fmt(Declarations.literal(dc.wueOnsite())) + " L per IT kWh, water flow "
                    + water.id() + " (AWARE 2.0 " + waterAt.level() + " factor " + Rules.fmt(waterAt.awareFactor())
                    + " m3 world-eq/m3" + (waterAt.note().isEmpty() ? "" : "; " + waterAt.note()) + ")");
            ctx.datacenters.put(dc.id(), new CompilationContext.DatacenterFacts(location, market, offsite, water, param,
                    Set.copyOf(coverage), grid));
            ctx.traces.add(new Trace("(parameter " + param + ")", name(), "datacenter " + dc.id(), dc.origin(), lines));
        }
    }

    static double constant(Process p, String flowId) {
        for (Exchange e : p.exchanges()) {
            if (e.flow().id().equals(flowId) && e.amount() instanceof Amount.Constant c) {
                return c.value();
            }
        }
        return 0;
    }
}
