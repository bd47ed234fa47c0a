package dev.cradle.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.data.GenerationMix;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generation mix by country (owid-electricity-mix-by-country, from CodeCarbon's copy of Our World in Data) and
 * which mix stands for which grid code.
 */
class GenerationMixTest {
    private final FactorLibrary lib = FactorLibrary.bundled();

    /**
     * France 2023 as the extract gives it (TWh): coal 2.16, gas 31.43, oil 9.71, nuclear 335.65, hydro 53.19, wind
     * 48.61, solar 23.26, bioenergy 9.5, other renewables 0.6; sum 514.11 (CodeCarbon's total_TWh 514.11), so
     * nuclear 335.65 / 514.11 = 65.288 %, oil 9.71 / 514.11 = 1.8887 %.
     */
    @Test
    void franceByHand() {
        GenerationMix fr = lib.generationMix("FR").orElseThrow();
        assertEquals("FR", fr.country());
        assertEquals(2023, fr.year());
        assertEquals(514.11, fr.totalTwh(), 1e-9);
        assertEquals(0.652875, fr.share("nuclear"), 1e-6);
        assertEquals(0.0188870, fr.share("oil"), 1e-6);
        assertEquals(List.of("coal", "gas", "oil", "nuclear", "hydro", "wind", "solar", "bioenergy", "other_renewable"),
                List.copyOf(fr.twh().keySet()));
        assertEquals(Optional.of("coal"), fr.technology("coal"));
        assertEquals(Optional.of("biomass"), fr.technology("bioenergy"));
        assertEquals(Optional.empty(), fr.technology("oil"), "oil has no generation technology in the library");
        assertEquals(Optional.empty(), fr.technology("other_renewable"));
        assertEquals("owid-electricity-mix-by-country", fr.dataset());
    }

    /** Zones, eGRID subregions and cloud regions take their country's mix; regions have none. */
    @Test
    void subNationalGridsAndCloudRegionsTakeTheirCountrysMix() {
        assertEquals("CA", lib.generationMix("CA-QC").orElseThrow().country());
        assertEquals("US", lib.generationMix("US-SRVC").orElseThrow().country());
        assertEquals("US", lib.generationMix("US-MIDA-PJM").orElseThrow().country());
        assertEquals("IE", lib.generationMix("aws/eu-west-1").orElseThrow().country()); // Dublin: grid IE
        assertEquals("IE", lib.generationMix("aws/eu-west-1@2024").orElseThrow().country());
        assertEquals("IE", lib.generationMix("aws/eu-west-1@mlco2").orElseThrow().country()); // the same place, 2019 value
        assertEquals(Optional.empty(), lib.generationMix("WORLD"));
        assertEquals(Optional.empty(), lib.generationMix("XX"));
    }

    /** Every sub-national and cloud-region grid of the library has a country mix (a real count, not a sample). */
    @Test
    void everyZoneAndCloudRegionHasAMix() {
        List<String> without = lib.grids().values().stream()
                .filter(g -> g.level().equals("sub-national") || g.level().equals("cloud region"))
                .map(GridIntensity::code).filter(c -> lib.generationMix(c).isEmpty()).toList();
        assertTrue(without.isEmpty(), "grids with no country mix: " + without);
        long countries = lib.grids().values().stream().filter(g -> g.level().equals("country"))
                .filter(g -> lib.generationMix(g.code()).isPresent()).count();
        assertEquals(208, countries, "Ember's 209 countries less Kosovo (XK), which the mix file lacks");
        assertEquals(212, lib.generationMixes().size(), "213 CodeCarbon records less Western Sahara");
    }
}
