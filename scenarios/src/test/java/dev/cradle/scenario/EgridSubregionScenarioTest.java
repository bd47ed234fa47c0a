package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * US eGRID subregions as scenario grids: the Quebec/Estonia job moved to a datacenter in Ashburn, Virginia
 * ({@code grid: US-SRVC}, eGRID2023 SERC Virginia/Carolina; water: AWARE 2.0 Virginia, {@code country: US-VA}).
 */
class EgridSubregionScenarioTest {

    /**
     * By hand: 21,504 device-hours × 700 W × PUE 1.2 = 18,063.36 kWh. eGRID2023 SRVC total output rates
     * (EPA GHG Emission Factors Hub 2025, Table 6): CO2 590.229, CH4 0.045, N2O 0.006 lb/MWh; CO2-eq with
     * eGRID's AR5 GWPs = 590.229 + 28 × 0.045 + 265 × 0.006 = 593.079 lb/MWh × 0.45359237 = 269.0161 g/kWh,
     * so 18,063.36 × 0.2690161 = 4,859.34 kg. Embodied as in the Quebec example: 21,504 / 43,800 h × 164 kg
     * = 80.5173 kg. Water: 18,063.36 / 1.2 × 0.2 L = 3.01056 m3 on site, plus off-site water (below), × AWARE 2.0
     * Virginia 1.62.
     */
    @Test
    void aJobInAshburnOnTheSrvcSubregion(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ashburn.yaml");
        Files.writeString(f, Files.readString(QuebecEstoniaExampleTest.EXAMPLE)
                .replace("grid: CA-QC ", "grid: US-SRVC ").replace("country: CA-QC ", "country: US-VA "));
        LoadedScenario s = ScenarioLoader.load(f);
        LcaResult r = Cradle.calculator().calculate(s.compiled());
        Map<String, Double> co2 = r.byTag(r.indicatorRow("ipcc-ar6-gwp100/climate_change"), "datacenter").values();
        double srvcKgPerKwh = 593.079 * 0.45359237 / 1000;
        assertEquals(0.2690161, srvcKgPerKwh, 1e-7);
        double embodied = 21504.0 / (5 * 8760) * 164;
        assertEquals(18063.36 * srvcKgPerKwh + embodied, co2.get("montreal"), 1e-6);
        assertEquals(4939.86, co2.get("montreal"), 0.01); // 4,859.34 + 80.52
        Map<String, Double> water = r.byTag(r.indicatorRow("water_scarcity"), "datacenter").values();
        // off-site water from the US generation mix 2023 (the country's mix stands in for the subregion), TWh: coal
        // 675.26, gas 1,802.06, nuclear 775.35, bioenergy 47.46 (oil 33 and other renewables 18.61 not counted; hydro,
        // wind, solar 0) of 4,249.05, × Li et al. 2023 EWIF 450/300/600/475 gal/MWh = 313.535 gal/MWh = 1.186870 L/kWh
        double offsite = (675.26 * 450 + 1802.06 * 300 + 775.35 * 600 + 47.46 * 475) / 4249.05 * 3.785411784 / 1000;
        assertEquals(1.186870, offsite, 1e-6);
        assertEquals((3.01056 + 18063.36 * offsite / 1000) * 1.62, water.get("montreal"), 1e-9);
    }

    /** 'cradle factors grids US-SRVC' prints the subregion with its vintage; a state still names the nearest levels. */
    @Test
    void theFactorsCommandPrintsASubregionWithItsVintage() {
        Cli cli = Cli.run("factors", "grids", "US-SRVC", "US-CAMX");
        assertEquals(0, cli.code(), cli.err());
        // CAMX: (436.655 + 28 × 0.025 + 265 × 0.003) × 0.45359237 = 198.7415 g/kWh
        assertTrue(cli.out().matches("(?s).*\\bUS-SRVC\\s+sub-national\\s+269\\.016\\d*\\s+2023\\s+egrid2023-subregions\\s+"
                + "SERC Virginia/Carolina \\(eGRID subregion\\), United States.*"), cli.out());
        assertTrue(cli.out().matches("(?s).*\\bUS-CAMX\\s+sub-national\\s+198\\.741\\d*\\s+2023\\b.*"), cli.out());
        Cli state = Cli.run("factors", "grids", "US-VA");
        assertEquals(2, state.code());
        assertTrue(state.err().contains("nearest level available is the country: grid US")
                && state.err().contains("in egrid2023-subregions: US-AKGD") && state.err().contains("US-SRVC"), state.err());
    }
}
