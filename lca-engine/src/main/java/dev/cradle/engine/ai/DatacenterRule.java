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
 * mix when not given. The intensity becomes a global parameter {@code grid_intensity_<id>} (a tree over the
 * scenario's parameters when the grid is parametric) so market-based results are the same compiled system
 * evaluated with that parameter set to the market value (see {@link AiStudy#marketBasis()}). In a declared
 * mix each technology's intensity is the library parameter {@code datacenter.<id>.mix.<technology>_gwp}.
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
            Value location;
            Value offsite = ctx.value(dc.offsiteWater());
            Set<String> coverage = new LinkedHashSet<>(List.of(ImpactCategories.CLIMATE));
            List<String> lines = new ArrayList<>();
            boolean offsitePartial = false;
            String grid;
            if (dc.grid() instanceof RegionGrid r) {
                Optional<Process> p = lib.gridElectricity(r.code());
                if (p.isEmpty()) {
                    ctx.problem(path, lib.missingGridAdvice(r.code()) + " (countries by ISO code such as FR, sub-national "
                            + "zones such as CA-QC, cloud regions such as gcp/us-central1; see 'cradle factors grids')");
                    continue;
                }
                location = Value.of(constant(p.get(), "co2e_aggregated"));
                // the process name states the place and the vintage ('... on grid IE (2024)')
                grid = "grid:" + r.code() + " (" + lib.sourceOf(p.get().id()).orElse("?") + "), " + p.get().name();
                lines.add("location-based intensity " + Rules.fmt(location.central()) + " kg CO2-eq/kWh from " + grid);
                Optional<CountryMixBurdens> mix = ctx.countryMixes.containsKey(r.code())
                        ? Optional.of(ctx.countryMixes.get(r.code())) : CountryMixBurdens.of(lib, r.code());
                if (mix.isPresent()) {
                    ctx.countryMixes.put(r.code(), mix.get());
                    lines.add("categories other than climate change from a generation mix (climate change stays the grid's "
                            + "own intensity above; the mix has its own year):");
                    lines.addAll(mix.get().lines());
                    coverage.addAll(mix.get().covered().stream().filter(c -> !c.equals(ImpactCategories.WATER)
                            && !c.equals(ImpactCategories.WATER_SCARCITY)).toList());
                    if (offsite == null) {
                        offsite = Value.of(mix.get().waterLPerKwh());
                        offsitePartial = !mix.get().covered().contains(ImpactCategories.WATER);
                        lines.add("off-site water " + Rules.fmt(mix.get().waterLPerKwh()) + " L/kWh = Σ share × EWIF (Li et al. "
                                + "2023, US cooling mix)" + (offsitePartial ? ": a lower bound, water categories not covered" : ""));
                    }
                } else {
                    lines.add("no generation mix for grid " + r.code() + ": human toxicity, ADP fossil, primary energy and "
                            + "off-site water are not covered for its electricity");
                }
            } else if (dc.grid() instanceof MixGrid m) {
                location = Value.of(0);
                Value water = Value.of(0);
                StringBuilder sb = new StringBuilder();
                List<String> named = new ArrayList<>();
                for (var e : m.shares().entrySet()) {
                    Optional<Process> p = lib.generationTechnology(e.getKey());
                    if (p.isEmpty()) {
                        ctx.problem(path, "unknown generation technology '" + e.getKey() + "' in the mix; known: "
                                + String.join(", ", lib.generationTechnologies()));
                        continue;
                    }
                    Value share = ctx.declared(e.getValue());
                    location = location.plus(share.times(technology(ctx, dc, e.getKey(), p.get(), named)));
                    water = water.plus(share.times(constant(p.get(), "water_consumed")).times(1000));
                    sb.append(sb.length() == 0 ? "" : " + ").append(Rules.fmt(share.central())).append(" × ")
                            .append(e.getKey());
                }
                grid = "mix " + sb;
                lines.add("location-based intensity " + Rules.fmt(location.central()) + " kg CO2-eq/kWh = Σ share × IPCC AR5 median ("
                        + sb + ")");
                if (!named.isEmpty()) {
                    lines.add("  each technology's intensity is a library parameter with the IPCC AR5 range (triangular "
                            + "min/median/max): " + String.join(", ", named));
                }
                mixCoverage(lib, m, coverage, lines);
                if (offsite == null) {
                    offsite = water;
                    lines.add("off-site water " + Rules.fmt(water.central()) + " L/kWh = Σ share × EWIF (Li et al. 2023)");
                }
            } else if (dc.grid() instanceof DatabaseGrid d) {
                location = Value.of(d.cumulativePerKwh().getOrDefault(ImpactCategories.CLIMATE, 0.0));
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
                location = ctx.declared(((ExplicitGrid) dc.grid()).kgPerKwh());
                grid = "explicit intensity";
                lines.add("location-based intensity " + Rules.fmt(location.central()) + " kg CO2-eq/kWh, as declared");
            }
            if (offsite != null && !offsitePartial) {
                coverage.add(ImpactCategories.WATER);
                coverage.add(ImpactCategories.WATER_SCARCITY);
            } else if (offsite == null) {
                lines.add("off-site water not known: water categories are not covered for this datacenter's electricity");
            }
            Value market;
            if (dc.grid() instanceof DatabaseGrid) {
                market = location;
                lines.add("market-based: the same database process (a linked grid has no contractual variant; "
                        + "market-based results equal location-based for this datacenter's electricity)");
            } else if (dc.marketKgPerKwh() != null) {
                market = ctx.value(dc.marketKgPerKwh());
                lines.add("market-based intensity " + Rules.fmt(market.central()) + " kg CO2-eq/kWh, as declared");
            } else if (dc.renewableShare() != null) {
                Value share = ctx.value(dc.renewableShare());
                market = location.times(Value.of(1).minus(share));
                lines.add("market-based intensity = " + Rules.fmt(location.central()) + " × (1 − " + Rules.fmt(share.central())
                        + " renewable share) = " + Rules.fmt(market.central()) + " kg CO2-eq/kWh");
            } else {
                market = location;
                lines.add("market-based intensity " + Rules.fmt(market.central()) + " kg CO2-eq/kWh (no renewable contracts "
                        + "declared: same as location-based)");
            }
            String param = Rules.parameterName("grid_intensity", dc.id());
            ctx.parameters.add(new Parameter(param, location.amount(), "kg CO2-eq/kWh", null,
                    "location-based grid intensity of datacenter " + dc.id() + (dc.grid() instanceof RegionGrid ? ", " + grid
                    : "") + (dc.grid() instanceof DatabaseGrid
                    ? " (for measurement checks only: its use stage carries the database process's inventory)" : "")));
            ctx.marketBasis.put(param, market);
            var waterAt = ctx.library().waterLocation(dc.country());
            var water = waterAt.flow();
            lines.add("PUE " + Rules.fmt(ctx.central(dc.pue())) + ", on-site water " + Rules.fmt(ctx.central(dc.wueOnsite())) + " L per IT kWh, water flow "
                    + water.id() + " (AWARE 2.0 " + waterAt.level() + " factor " + Rules.fmt(waterAt.awareFactor())
                    + " m3 world-eq/m3" + (waterAt.note().isEmpty() ? "" : "; " + waterAt.note()) + ")");
            ctx.datacenters.put(dc.id(), new CompilationContext.DatacenterFacts(location, market, offsite, water, param,
                    Set.copyOf(coverage), grid));
            ctx.traces.add(new Trace("(parameter " + param + ")", name(), "datacenter " + dc.id(), dc.origin(), lines));
        }
    }

    /**
     * Toxicity and ADP fossil of a mix (the USLCI proxy, docs/factors.md): covered when every technology of the
     * mix covers them; otherwise the use stage's value counts only the technologies that carry them and the
     * category is reported not covered (a lower bound).
     */
    private static void mixCoverage(ReferenceData lib, Declarations.MixGrid m, Set<String> coverage, List<String> lines) {
        List<String> carried = new ArrayList<>();
        for (String c : List.of(ImpactCategories.TOX_CANCER, ImpactCategories.TOX_NON_CANCER, ImpactCategories.ADP_FOSSIL)) {
            List<String> with = m.shares().keySet().stream().filter(t -> lib.generationTechnology(t).map(p -> !p.coverage()
                    .isEmpty() && p.covers(c)).orElse(false)).toList();
            if (!with.isEmpty() && with.size() == m.shares().size()) {
                coverage.add(c);
            }
            if (!with.isEmpty()) {
                carried.add(c + " from " + String.join(", ", with) + (with.size() == m.shares().size() ? ""
                        : " only (not covered: the others have no data)"));
            }
        }
        if (!carried.isEmpty()) {
            lines.add("toxicity and fossil depletion per kWh = Σ share × the USLCI proxy (US power plants, "
                    + "uslci-electricity-by-source): " + String.join("; ", carried));
        }
    }

    /**
     * The intensity of generation technology {@code key} in a declared mix: the library parameter
     * {@code datacenter.<id>.mix.<technology>_gwp} (kg CO2-eq/kWh, the IPCC AR5 median with its min/median/max
     * as a triangular distribution), or the library's constant when it gives no range.
     */
    private static Value technology(CompilationContext ctx, Datacenter dc, String key, Process p, List<String> named) {
        Optional<Exchange> x = exchange(p, "co2e_aggregated");
        if (x.isEmpty() || x.get().uncertainty() == null) {
            return Value.of(constant(p, "co2e_aggregated"));
        }
        String name = "datacenter." + Rules.nameSegment(dc.id()) + ".mix." + Rules.nameSegment(key) + "_gwp";
        named.add(name);
        return ctx.libraryParameter(name, constant(p, "co2e_aggregated"), "kg CO2-eq/kWh", x.get().uncertainty(),
                "life-cycle intensity of " + p.name().replace("Electricity from ", "") + " in the mix of datacenter "
                        + dc.id() + ": IPCC AR5 WGIII Annex III (2014) median, triangular over its min/median/max ("
                        + ctx.library().sourceOf(p.id()).orElse("factor library") + ")");
    }

    /** The first exchange of {@code flowId} in {@code p} with a constant amount. */
    static Optional<Exchange> exchange(Process p, String flowId) {
        return p.exchanges().stream().filter(e -> e.flow().id().equals(flowId) && e.amount() instanceof Amount.Constant)
                .findFirst();
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
