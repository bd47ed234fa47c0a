package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.MixGrid;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The primary energy of a datacenter's electricity, MJ per kWh of facility energy, non-renewable and renewable:
 * for a declared generation mix, Σ share × the library's primary energy of each technology (conversion at the
 * plant: EIA heat rates for fuels, the IEA physical energy content convention otherwise); for any other grid,
 * the study's own global parameters {@code datacenter.<id>.primary_energy_nonrenewable},
 * {@code ..._renewable} and {@code ..._unspecified} (MJ/kWh; unspecified = a total whose source gives no split)
 * when it declares any; for a library grid without them, Σ share × technology over its country's generation mix
 * ({@link CountryMixBurdens}: covered only when every source of the mix has a factor, else a lower bound reported
 * not covered). Otherwise primary energy is not covered for that electricity, and the trace says so.
 */
final class ElectricityPrimaryEnergy {
    private static final List<String> FLOWS = List.of(ReferenceFlows.PRIMARY_ENERGY_NONRENEWABLE,
            ReferenceFlows.PRIMARY_ENERGY_RENEWABLE, ReferenceFlows.PRIMARY_ENERGY_UNSPECIFIED);
    private static final List<String> SUFFIX = List.of("nonrenewable", "renewable", "unspecified");

    private ElectricityPrimaryEnergy() {
    }

    /**
     * Adds to {@code use} the primary energy of {@code facilityKwh} of {@code dc}'s electricity, and the primary
     * energy categories to {@code coverage}, when it is known; says in {@code lines} what was done.
     */
    static void addTo(CompilationContext ctx, Datacenter dc, Value facilityKwh, List<Exchange> use, Set<String> coverage,
                      List<String> lines) {
        Optional<Map<String, Value>> perKwh = perKwh(ctx, dc, lines);
        if (perKwh.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        perKwh.get().forEach((flowId, mj) -> {
            if (mj.isConstant() && mj.central() == 0) {
                return;
            }
            Flow f = ctx.library().flow(flowId).orElseThrow(() -> new IllegalStateException("no flow " + flowId));
            use.add(Rules.elementary(f, facilityKwh.times(mj)));
            sb.append(sb.length() == 0 ? "" : ", ").append(Rules.fmt(facilityKwh.central() * mj.central())).append(" MJ ")
                    .append(flowId.substring("primary_energy_".length()));
        });
        CountryMixBurdens mix = fromCountryMix(ctx, dc);
        boolean declared = FLOWS.stream().anyMatch(f -> ctx.parameterValues().containsKey("datacenter."
                + Rules.nameSegment(dc.id()) + "." + f));
        if (mix == null || declared || mix.covered().contains(ImpactCategories.PE_TOTAL)) {
            coverage.addAll(List.of(ImpactCategories.PE_NONRENEWABLE, ImpactCategories.PE_RENEWABLE, ImpactCategories.PE_TOTAL));
        }
        lines.add("primary energy = " + Rules.fmt(facilityKwh.central()) + " kWh facility energy × MJ/kWh = "
                + (sb.length() == 0 ? "0 MJ" : sb.toString()));
    }

    /** The country-mix burdens of a library grid's datacenter, or null for any other grid. */
    private static CountryMixBurdens fromCountryMix(CompilationContext ctx, Datacenter dc) {
        return dc.grid() instanceof Declarations.RegionGrid r ? ctx.countryMixes.get(r.code()) : null;
    }

    /** Flow id → MJ per kWh, or empty when the grid's primary energy is not known. */
    static Optional<Map<String, Value>> perKwh(CompilationContext ctx, Datacenter dc, List<String> lines) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (dc.grid() instanceof MixGrid m) {
            FLOWS.forEach(f -> out.put(f, Value.of(0)));
            for (var e : m.shares().entrySet()) {
                Optional<Process> p = ctx.library().generationTechnology(e.getKey());
                if (p.isEmpty() || !p.get().coverage().contains(ImpactCategories.PE_TOTAL)) {
                    lines.add("primary energy not covered: the library gives none for '" + e.getKey() + "' in the mix");
                    return Optional.empty();
                }
                Value share = ctx.declared(e.getValue());
                for (String f : FLOWS) {
                    out.put(f, out.get(f).plus(share.times(DatacenterRule.constant(p.get(), f))));
                }
            }
            lines.add("primary energy per kWh = Σ share × technology (EIA 2022 heat rates; IEA physical energy content): "
                    + Rules.fmt(out.get(FLOWS.get(0)).central()) + " MJ non-renewable + "
                    + Rules.fmt(out.get(FLOWS.get(1)).central()) + " MJ renewable");
            return Optional.of(out);
        }
        String prefix = "datacenter." + Rules.nameSegment(dc.id()) + ".primary_energy_";
        boolean any = false;
        for (int i = 0; i < FLOWS.size(); i++) {
            Double declared = ctx.parameterValues().get(prefix + SUFFIX.get(i));
            any |= declared != null;
            out.put(FLOWS.get(i), declared == null ? Value.of(0) : Value.parameter(prefix + SUFFIX.get(i), declared));
        }
        if (!any && fromCountryMix(ctx, dc) != null) {
            CountryMixBurdens mix = fromCountryMix(ctx, dc);
            out.put(FLOWS.get(0), Value.of(mix.perKwh().getOrDefault(FLOWS.get(0), 0.0)));
            out.put(FLOWS.get(1), Value.of(mix.perKwh().getOrDefault(FLOWS.get(1), 0.0)));
            lines.add("primary energy per kWh from the generation mix of " + mix.mix().country() + " " + mix.mix().year()
                    + " (Σ share × technology, EIA 2022 heat rates; IEA physical energy content): "
                    + Rules.fmt(out.get(FLOWS.get(0)).central()) + " MJ non-renewable + "
                    + Rules.fmt(out.get(FLOWS.get(1)).central()) + " MJ renewable" + (mix.covered().contains(
                    ImpactCategories.PE_TOTAL) ? "" : ", counting " + Rules.fmt(100 * mix.coveredShare().get(
                    ImpactCategories.PE_TOTAL)) + " % of generation: a lower bound, primary energy not covered"));
            return Optional.of(out);
        }
        if (!any) {
            lines.add("primary energy not covered for this grid: declare a 'grid_mix', or the global parameters "
                    + prefix + "nonrenewable / _renewable / _unspecified (MJ per kWh)");
            return Optional.empty();
        }
        lines.add("primary energy per kWh from the study's parameters " + prefix + "*: "
                + String.join(", ", out.entrySet().stream().map(e -> Rules.fmt(e.getValue().central()) + " MJ "
                + e.getKey().substring("primary_energy_".length())).toList()));
        return Optional.of(out);
    }
}
