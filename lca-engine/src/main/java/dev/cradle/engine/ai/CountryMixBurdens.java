package dev.cradle.engine.ai;

import dev.cradle.model.Process;
import dev.cradle.model.data.GenerationMix;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceData;
import dev.cradle.model.data.ReferenceFlows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The categories other than climate change of one kWh from a library grid ({@code grid: FR}, a zone, an eGRID
 * subregion, a cloud region), from the generation mix of its country (docs/factors.md): per kWh,
 * Σ<sub>source</sub> share × the per-source factor of the generation technology standing in for that source —
 * human toxicity and ADP fossil from the USLCI proxy, primary energy (non-renewable, renewable) from EIA heat
 * rates and the IEA physical energy content method, off-site water from Li et al. 2023's EWIF by fuel. Climate
 * change stays the grid's own intensity.
 *
 * <p>Coverage, as for a declared {@code grid_mix}: a category is <b>covered</b> only when every source with
 * generation has a factor for it; otherwise the value counts the sources that have one (a lower bound), the
 * category is reported not covered, and {@link #coveredShare()} says which share of generation was counted.
 *
 * @param grid         the grid code the burdens are for
 * @param gridProcess  the grid's own process name, which states its place and the vintage of its climate intensity
 *                     ({@code Electricity, grid, France (2024)}), beside the mix's year
 * @param mix          the country mix used (its {@code country} differs from the grid's code for a zone, subregion
 *                     or cloud region: the country's mix stands in)
 * @param perKwh       flow id → amount per kWh of facility energy (CTUh, MJ) of the toxicity, ADP fossil and primary
 *                     energy flows, summed over the sources that carry it
 * @param waterLPerKwh off-site water consumed, L per kWh, over the sources with a technology
 * @param coveredShare impact category → the share of generation whose source has a factor for it, [0, 1]
 * @param covered      the categories whose covered share is 1
 * @param lines        the arithmetic, for the trace
 */
public record CountryMixBurdens(String grid, String gridProcess, GenerationMix mix, Map<String, Double> perKwh, double waterLPerKwh,
                                Map<String, Double> coveredShare, Set<String> covered, List<String> lines) {
    /** The flows a technology carries for each group of categories, and the categories each group reports. */
    private static final List<Group> GROUPS = List.of(
            new Group(List.of(ImpactCategories.TOX_CANCER), List.of(ReferenceFlows.TOX_CANCER_CTUH), "human toxicity, cancer"),
            new Group(List.of(ImpactCategories.TOX_NON_CANCER), List.of(ReferenceFlows.TOX_NON_CANCER_CTUH),
                    "human toxicity, non-cancer"),
            new Group(List.of(ImpactCategories.ADP_FOSSIL), List.of(ReferenceFlows.FOSSIL_ENERGY), "ADP fossil"),
            new Group(List.of(ImpactCategories.PE_NONRENEWABLE, ImpactCategories.PE_RENEWABLE, ImpactCategories.PE_TOTAL),
                    List.of(ReferenceFlows.PRIMARY_ENERGY_NONRENEWABLE, ReferenceFlows.PRIMARY_ENERGY_RENEWABLE),
                    "primary energy"),
            new Group(List.of(ImpactCategories.WATER, ImpactCategories.WATER_SCARCITY), List.of(ReferenceFlows.WATER_CONSUMED),
                    "off-site water"));

    private static final Map<String, String> UNITS = Map.of(ReferenceFlows.TOX_CANCER_CTUH, "CTUh",
            ReferenceFlows.TOX_NON_CANCER_CTUH, "CTUh", ReferenceFlows.FOSSIL_ENERGY, "MJ",
            ReferenceFlows.PRIMARY_ENERGY_NONRENEWABLE, "MJ non-renewable", ReferenceFlows.PRIMARY_ENERGY_RENEWABLE,
            "MJ renewable");

    private record Group(List<String> categories, List<String> flows, String label) {
    }

    public CountryMixBurdens {
        perKwh = Collections.unmodifiableMap(new LinkedHashMap<>(perKwh));
        coveredShare = Collections.unmodifiableMap(new LinkedHashMap<>(coveredShare));
        covered = Collections.unmodifiableSet(new LinkedHashSet<>(covered));
        lines = List.copyOf(lines);
    }

    /** The burdens of grid {@code code}, or empty when the library has no generation mix for it (e.g. WORLD). */
    public static Optional<CountryMixBurdens> of(ReferenceData lib, String code) {
        Optional<GenerationMix> found = lib.generationMix(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        GenerationMix mix = found.get();
        Map<String, Double> perKwh = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        Set<String> covered = new LinkedHashSet<>();
        double water = 0;
        List<String> lines = new ArrayList<>();
        lines.add("generation mix " + mix.country() + " " + mix.year() + " (" + mix.dataset() + ")"
                + (mix.country().equals(code) ? "" : ", the country's mix standing in for grid " + code) + ": "
                + String.join(" + ", mix.twh().keySet().stream().filter(s -> mix.share(s) > 0).map(s -> Rules.fmt(100 * mix.share(s))
                + " % " + s + mix.technology(s).map(t -> t.equals(s) ? "" : " (as " + t + ")").orElse(" (no technology)")).toList()));
        for (Group g : GROUPS) {
            double share = 0;
            List<String> missing = new ArrayList<>();
            for (String source : mix.twh().keySet()) {
                double s = mix.share(source);
                if (s == 0) {
                    continue;
                }
                Optional<Process> p = mix.technology(source).flatMap(lib::generationTechnology);
                if (p.isEmpty() || !carries(p.get(), g)) {
                    missing.add(source);
                    continue;
                }
                share += s;
                for (String flow : g.flows()) {
                    double v = s * DatacenterRule.constant(p.get(), flow);
                    if (flow.equals(ReferenceFlows.WATER_CONSUMED)) {
                        water += v * 1000; // m3 → L
                    } else {
                        perKwh.merge(flow, v, Double::sum);
                    }
                }
            }
            boolean complete = missing.isEmpty();
            for (String c : g.categories()) {
                shares.put(c, complete ? 1.0 : share);
                if (complete) {
                    covered.add(c);
                }
            }
            String amount = g.flows().contains(ReferenceFlows.WATER_CONSUMED) ? Rules.fmt(water) + " L"
                    : String.join(" + ", g.flows().stream().map(f -> Rules.fmt(perKwh.getOrDefault(f, 0.0)) + " "
                    + UNITS.get(f)).toList());
            lines.add("  " + g.label() + " per kWh = Σ share × technology = " + amount + (complete ? " (covered)"
                    : " (NOT covered: counts " + Rules.fmt(100 * share) + " % of generation, a lower bound; no factor for "
                    + String.join(", ", missing) + ")"));
        }
        String gridProcess = lib.gridElectricity(code).map(Process::name).orElse("grid:" + code);
        return Optional.of(new CountryMixBurdens(code, gridProcess, mix, perKwh, water, shares, covered, lines));
    }

    private static boolean carries(Process p, Group g) {
        if (g.flows().contains(ReferenceFlows.WATER_CONSUMED)) {
            return true; // every generation technology has its EWIF (0 for hydro, wind and PV)
        }
        if (g.categories().contains(ImpactCategories.PE_TOTAL)) {
            return p.coverage().contains(ImpactCategories.PE_TOTAL);
        }
        return !p.coverage().isEmpty() && p.covers(g.categories().get(0));
    }
}
