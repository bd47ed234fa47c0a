package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.ai.CountryMixBurdens;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.factors.GridIntensity;
import dev.cradle.model.Amount;
import dev.cradle.model.Process;
import dev.cradle.model.data.GenerationMix;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What must hold for every country's generation mix and every grid that takes one (the library's own data, all of
 * it: the 208 countries with a grid and the
 * zones, subregions and cloud regions).
 */
class CountryMixProperties {
    private static final FactorLibrary LIB = FactorLibrary.bundled();

    @Provide
    Arbitrary<String> countries() {
        // the countries a scenario can name as a grid (Bermuda, Gibraltar, Saint Helena and Timor-Leste have a mix but
        // no Ember grid, so no grid takes their mix)
        return Arbitraries.of(LIB.generationMixes().keySet().stream().filter(c -> LIB.grid(c).isPresent()).toList());
    }

    @Provide
    Arbitrary<String> subNationalGrids() {
        return Arbitraries.of(LIB.grids().values().stream().filter(g -> !g.level().equals("country")
                && !g.level().equals("region")).map(GridIntensity::code).toList());
    }

    /**
     * Each category's value is Σ share × factor over the sources whose technology has a factor (recomputed here from
     * the mix and the technologies); its covered share is the sum of those sources' shares, in [0, 1]; it is covered
     * exactly when that share is 1. Water leaves out exactly oil and other renewables.
     */
    @Property(tries = 300)
    void everyCategoryIsTheSumOverTheSourcesItCovers(@ForAll("countries") String country) {
        CountryMixBurdens b = CountryMixBurdens.of(LIB, country).orElseThrow();
        GenerationMix mix = b.mix();
        for (String flow : List.of(ReferenceFlows.TOX_CANCER_CTUH, ReferenceFlows.TOX_NON_CANCER_CTUH,
                ReferenceFlows.FOSSIL_ENERGY, ReferenceFlows.PRIMARY_ENERGY_NONRENEWABLE, ReferenceFlows.PRIMARY_ENERGY_RENEWABLE)) {
            double expected = 0;
            for (String source : mix.twh().keySet()) {
                Process p = mix.technology(source).flatMap(LIB::generationTechnology).orElse(null);
                expected += p == null ? 0 : mix.share(source) * amount(p, flow);
            }
            assertEquals(expected, b.perKwh().getOrDefault(flow, 0.0), 1e-12 * Math.max(1, Math.abs(expected)), flow);
        }
        b.coveredShare().forEach((category, share) -> {
            assertTrue(share >= 0 && share <= 1 + 1e-12, category + " " + share);
            assertEquals(b.covered().contains(category), share == 1.0, category + " covered share " + share);
        });
        double oilAndOther = mix.share("oil") + mix.share("other_renewable");
        assertEquals(1 - oilAndOther, b.coveredShare().get(ImpactCategories.WATER), 1e-12);
        assertEquals(b.coveredShare().get(ImpactCategories.PE_NONRENEWABLE), b.coveredShare().get(ImpactCategories.PE_TOTAL));
    }

    /**
     * Physical floor: every technology that is counted needs at least the 3.6 MJ of the kWh it delivers (the IEA
     * physical energy content method gives exactly 3.6 for hydro, wind and PV; fuels and nuclear more), so primary
     * energy per kWh is at least 3.6 MJ × the share of generation it counts.
     */
    @Property(tries = 300)
    void primaryEnergyIsAtLeastTheElectricityItCounts(@ForAll("countries") String country) {
        CountryMixBurdens b = CountryMixBurdens.of(LIB, country).orElseThrow();
        double pe = b.perKwh().getOrDefault(ReferenceFlows.PRIMARY_ENERGY_NONRENEWABLE, 0.0)
                + b.perKwh().getOrDefault(ReferenceFlows.PRIMARY_ENERGY_RENEWABLE, 0.0);
        assertTrue(pe >= 3.6 * b.coveredShare().get(ImpactCategories.PE_TOTAL) - 1e-9, country + ": " + pe + " MJ");
    }

    /** A zone, eGRID subregion or cloud region carries exactly its country's burdens. */
    @Property(tries = 300)
    void aSubNationalGridCarriesItsCountrysBurdens(@ForAll("subNationalGrids") String code) {
        CountryMixBurdens zone = CountryMixBurdens.of(LIB, code).orElseThrow();
        CountryMixBurdens country = CountryMixBurdens.of(LIB, zone.mix().country()).orElseThrow();
        assertEquals(country.perKwh(), zone.perKwh());
        assertEquals(country.waterLPerKwh(), zone.waterLPerKwh());
        assertEquals(country.coveredShare(), zone.coveredShare());
    }

    private static double amount(Process p, String flow) {
        return p.exchanges().stream().filter(e -> e.flow().id().equals(flow) && e.amount() instanceof Amount.Constant)
                .mapToDouble(e -> ((Amount.Constant) e.amount()).value()).findFirst().orElse(0);
    }
}
