package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's example: the same job in Quebec and in Estonia, with the library's grids and AWARE factors. */
class QuebecEstoniaExampleTest {
    static final Path EXAMPLE = Path.of("examples/quebec-vs-estonia.yaml");

    /**
     * By hand: 21,504 device-hours × 700 W = 15,052.8 kWh IT, × PUE 1.2 = 18,063.36 kWh per location.
     * Quebec: × 0.035 kg (Electricity Maps 2024, CA-QC) = 632.2176 kg; Estonia: × 0.34102 kg (Ember 2024,
     * EE) = 6,159.9671 kg. Embodied, each: 21,504 / (5 × 8,760 h) × 164 kg (H100 SXM, one eighth of the
     * HGX baseboard) = 80.5173 kg. On-site water 15,052.8 kWh × 0.2 L = 3.01056 m3 per location, plus off-site
     * water of the 18,063.36 kWh from the country's generation mix (below), × AWARE 2.0 non-irrigation Quebec 1.15 /
     * Estonia 1.87 m3 world-eq per m3.
     */
    @Test
    void theSameJobInQuebecAndInEstonia() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE);
        LcaResult r = Cradle.calculator().calculate(s.compiled());
        int k = r.indicatorRow("ipcc-ar6-gwp100/climate_change");
        Map<String, Double> byDatacenter = r.byTag(k, "datacenter").values();
        double facilityKwh = 21504 * 0.7 * 1.2;
        double embodied = 21504.0 / (5 * 8760) * 164;
        double quebec = facilityKwh * 0.035 + embodied;
        double estonia = facilityKwh * 0.34102 + embodied;
        assertEquals(quebec, byDatacenter.get("montreal"), 1e-6);
        assertEquals(estonia, byDatacenter.get("tallinn"), 1e-6);
        // the use phase differs by 341.02 / 35 = 9.74x; the whole job, embodied included, by 8.76x
        assertEquals(341.02 / 35, (estonia - embodied) / (quebec - embodied), 1e-9);
        assertTrue(estonia / quebec > 8.7 && estonia / quebec < 8.8, "total ratio " + estonia / quebec);
        int w = r.indicatorRow("water_scarcity");
        Map<String, Double> water = r.byTag(w, "datacenter").values();
        // off-site water from each country's generation mix (owid-electricity-mix-by-country) × Li et al. 2023 EWIF
        // (coal 450, gas 300, nuclear 600, bioenergy 475, hydro/wind/solar 0 gal/MWh; oil has none: not counted).
        // Canada 2023, TWh: coal 32.33, gas 91.16, oil 2.61, nuclear 88.91, hydro 365.39, wind 38.1, solar 7.48,
        // bioenergy 8.92; total 634.9: (32.33 × 450 + 91.16 × 300 + 88.91 × 600 + 8.92 × 475) / 634.9 = 156.685 gal/MWh.
        // Estonia 2023: gas 0.05, oil 3.56, hydro 0.02, wind 0.75, solar 0.77, bioenergy 1.33; total 6.48:
        // (0.05 × 300 + 1.33 × 475) / 6.48 = 99.807 gal/MWh (oil, Estonia's oil shale, is 55 % and not counted).
        double litresPerGallonPerMwh = 3.785411784 / 1000; // gal/MWh → L/kWh
        double caOffsite = (32.33 * 450 + 91.16 * 300 + 88.91 * 600 + 8.92 * 475) / 634.9 * litresPerGallonPerMwh;
        double eeOffsite = (0.05 * 300 + 1.33 * 475) / 6.48 * litresPerGallonPerMwh;
        assertEquals(0.593118, caOffsite, 1e-6);
        assertEquals(0.377811, eeOffsite, 1e-6);
        assertEquals((3.01056 + facilityKwh * caOffsite / 1000) * 1.15, water.get("montreal"), 1e-9);
        assertEquals((3.01056 + facilityKwh * eeOffsite / 1000) * 1.87, water.get("tallinn"), 1e-9);
        // both mixes have oil, which has no EWIF in the library: off-site water is a lower bound, not covered
        assertTrue(r.notCoveredBy(w).stream().anyMatch(p -> p.contains("train-estonia")), r.notCoveredBy(w).toString());
    }

    @Test
    void theExampleRunsFromTheCli(@org.junit.jupiter.api.io.TempDir Path dir) {
        Cli cli = Cli.run("run", EXAMPLE.toString(), "--out", dir.toString());
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("By datacenter"), cli.out());
    }

    @Test
    void factorsCommandListsTheWorldsGridsAndWaterFactorsWithVintages() {
        Cli list = Cli.run("factors");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("209 countries") && list.out().contains("AWARE 2.0: 235 countries"), list.out());
        Cli grids = Cli.run("factors", "grids");
        assertEquals(0, grids.code(), grids.err());
        // Ember: Estonia 341.02 g (2024), Cayman Islands 642.86 g (2023); Electricity Maps: Quebec 35 g (2024)
        assertTrue(grids.out().matches("(?s).*\\bEE\\s+country\\s+341.02\\s+2024\\s+ember-2024-country-intensity.*"), grids.out());
        assertTrue(grids.out().matches("(?s).*\\bKY\\s+country\\s+642.86\\s+2023\\b.*"), grids.out());
        assertTrue(grids.out().matches("(?s).*\\bCA-QC\\s+sub-national\\s+35.0\\s+2024\\b.*"), grids.out());
        Cli missing = Cli.run("factors", "grids", "US-VA");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nearest level available is the country: grid US"), missing.err());
        Cli water = Cli.run("factors", "water", "CA-QC", "EE");
        assertEquals(0, water.code(), water.err());
        assertTrue(water.out().contains("CA-QC") && water.out().contains("1.15") && water.out().contains("1.87"), water.out());
    }

    /** A grid the library lacks is an error at its position that names the nearest level available. */
    @Test
    void aMissingSubNationalGridNamesItsCountry(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("virginia.yaml");
        java.nio.file.Files.writeString(f, java.nio.file.Files.readString(EXAMPLE)
                .replace("grid: CA-QC ", "grid: US-VA "));
        Cli cli = Cli.run("validate", f.toString());
        assertEquals(2, cli.code(), cli.out());
        assertTrue(cli.err().contains("virginia.yaml:25:11:") && cli.err().contains("unknown grid 'US-VA'")
                && cli.err().contains("the nearest level available is the country: grid US (United States, 383.55"),
                cli.err());
    }
}
