package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A country grid ({@code grid: FR}) carries, besides its own climate intensity, human toxicity, ADP fossil, primary
 * energy and off-site water from its country's generation mix (owid-electricity-mix-by-country) × the library's
 * per-source factors; a category some source has no factor for is a lower bound, reported not covered with the
 * share of generation it counts. The Quebec example's Montreal datacenter is moved to France: 21,504 device-hours ×
 * 700 W × PUE 1.2 = 18,063.36 kWh of facility energy; Tallinn's grid is written as Estonia's explicit intensity so
 * that the use stage holds France's electricity alone.
 */
class CountryMixScenarioTest {
    private static final double KWH = 18063.36;
    // France 2023 (sources/codecarbon-global-energy-mix.csv, TWh): coal 2.16, gas 31.43, oil 9.71, nuclear 335.65,
    // hydro 53.19, wind 48.61, solar 23.26, bioenergy 9.5, other renewables 0.6; total 514.11
    private static final double TOTAL = 514.11;
    private static final double COAL = 2.16 / TOTAL;
    private static final double GAS = 31.43 / TOTAL;
    private static final double NUCLEAR = 335.65 / TOTAL;
    private static final double RENEWABLE_AT_3_6 = (53.19 + 48.61 + 23.26) / TOTAL; // hydro, wind, solar PV

    static Path france(Path dir, String extra) throws Exception {
        Path f = dir.resolve("france.yaml");
        Files.writeString(f, Files.readString(QuebecEstoniaExampleTest.EXAMPLE)
                .replace("grid: CA-QC ", "grid: FR ").replace("country: CA-QC ", "country: FR " + extra)
                .replace("grid: EE ", "grid_intensity: 341.02 g/kWh "));
        return f;
    }

    private static double use(LcaResult r, String indicator) {
        return r.byStage(r.indicatorRow(indicator)).values().getOrDefault("use", 0.0);
    }

    private static boolean notCovered(LcaResult r, String indicator) {
        // the French run's use-stage process (its hardware's manufacturing has its own coverage)
        return r.notCoveredBy(r.indicatorRow(indicator)).contains("workload:train-quebec");
    }

    /**
     * By hand, per kWh, Σ share × per-source factor:
     * <ul>
     * <li>cancer CTUh: coal 0.0042014 × 3.18699e-10 + gas 0.0611348 × 3.56190e-11 + nuclear 0.652875 × 7.30310e-12
     *     = 1.3390e-12 + 2.1776e-12 + 4.7680e-12 = 8.2846e-12 (USLCI proxy, uslci-electricity-by-source.csv);</li>
     * <li>ADP fossil: 0.0042014 × 13.7722 + 0.0611348 × 12.3654 + 0.652875 × 0.152394 = 0.05786 + 0.75596 + 0.09949
     *     = 0.91331 MJ;</li>
     * <li>primary energy: non-renewable 0.0042014 × 11.2775 + 0.0611348 × 8.16613 + 0.652875 × 10.9091 = 0.04738 + 0.49923
     *     + 7.12228 = 7.66890 MJ,
     *     renewable (hydro + wind + solar 0.243255) × 3.6 = 0.87572 MJ (EIA heat rates, IEA physical energy content);</li>
     * <li>off-site water: (2.16 × 450 + 31.43 × 300 + 335.65 × 600 + 9.5 × 475) / 514.11 gal/MWh = 420.734 gal/MWh
     *     × 3.785411784 / 1000 = 1.59265 L (Li et al. 2023 EWIF; bioenergy as dedicated biomass, 475).</li>
     * </ul>
     * Counted shares: toxicity and ADP fossil coal + gas + nuclear = 369.24 / 514.11 = 71.82 %; primary energy all but
     * oil, bioenergy and other renewables = 494.3 / 514.11 = 96.15 %; water all but oil and other
     * renewables = 503.8 / 514.11 = 97.99 %.
     */
    @Test
    void franceByHand(@TempDir Path dir) throws Exception {
        LcaResult r = Cradle.calculator().calculate(ScenarioLoader.load(france(dir, "")).compiled());
        double cancerPerKwh = COAL * 3.1869920362025046E-10 + GAS * 3.561902278784823E-11 + NUCLEAR * 7.303097137798636E-12;
        assertEquals(8.2846e-12, cancerPerKwh, 1e-16);
        assertEquals(KWH * cancerPerKwh, use(r, "human_toxicity_cancer"), 1e-9 * KWH * cancerPerKwh);
        double nonCancerPerKwh = COAL * 2.7911754520263313E-8 + GAS * 2.6224167445610107E-9 + NUCLEAR * 6.134898259307889E-10;
        assertEquals(KWH * nonCancerPerKwh, use(r, "human_toxicity_non_cancer"), 1e-9 * KWH * nonCancerPerKwh);
        double fossilPerKwh = COAL * 13.772236123401811 + GAS * 12.365446472202033 + NUCLEAR * 0.15239404309215823;
        assertEquals(0.91331, fossilPerKwh, 1e-5);
        assertEquals(KWH * fossilPerKwh, use(r, "adp_fossil"), 1e-9 * KWH * fossilPerKwh);
        double nonRenewable = COAL * 11.277493584 + GAS * 8.16613344 + NUCLEAR * 10.9090909091;
        assertEquals(7.66890, nonRenewable, 1e-5);
        assertEquals(KWH * nonRenewable, use(r, "pe_nonrenewable"), 1e-9 * KWH * nonRenewable);
        double renewable = RENEWABLE_AT_3_6 * 3.6;
        assertEquals(0.87572, renewable, 1e-5);
        assertEquals(KWH * renewable, use(r, "pe_renewable"), 1e-9 * KWH * renewable);
        double offsite = (2.16 * 450 + 31.43 * 300 + 335.65 * 600 + 9.5 * 475) / TOTAL * 3.785411784 / 1000;
        assertEquals(1.59265, offsite, 1e-5);
        double onsite = KWH / 1.2 * 0.2 / 1000; // m3
        double water = r.byTag(r.indicatorRow("water-consumption/water_consumption"), "datacenter").values().get("montreal");
        assertEquals(onsite + KWH * offsite / 1000, water, 1e-9);
        // climate change stays Ember's 44.18 g/kWh for France; the mix does not move it
        double co2 = r.byTag(r.indicatorRow("ipcc-ar6-gwp100/climate_change"), "datacenter").values().get("montreal");
        assertEquals(KWH * 0.04418 + 21504.0 / (5 * 8760) * 164, co2, 1e-6);
        // every one of them is partial: a lower bound, reported not covered by the French run
        for (String k : List.of("human_toxicity_cancer", "human_toxicity_non_cancer", "adp_fossil", "pe_nonrenewable",
                "pe_renewable", "pe_total", "water_consumption", "water_scarcity")) {
            assertTrue(notCovered(r, k), k + ": " + r.notCoveredBy(r.indicatorRow(k)));
        }
        assertFalse(notCovered(r, "climate_change"));
    }

    /** results.json states the mix, its year and source, and each category's share of generation covered. */
    @Test
    void resultsJsonStatesTheMixAndTheCoveredShares(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("run", france(dir, "").toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, cli.code(), cli.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        // the lower bound is reported as such, with its value: partial, not unknown (the GPUs carry no toxicity, Tallinn's
        // explicit intensity none: the total is the French electricity's, 18,063.36 kWh × 8.2846e-12 CTUh)
        int rows = 0;
        for (JsonNode row : json.path("impacts")) {
            if (row.path("indicator").asText().endsWith("human_toxicity_cancer")) {
                rows++;
                assertEquals("partial", row.path("coverage").asText(), row.toString());
                assertEquals(1.49648e-7, row.path("value").asDouble(), 1e-11);
            }
        }
        assertEquals(1, rows);
        assertTrue(cli.out().matches("(?s).*Human toxicity, cancer \\(USEtox 2\\)\\s+[0-9.e-]+\\s+CTUh\\s+partial.*"), cli.out());
        JsonNode mixes = json.path("electricity_mixes");
        assertEquals(1, mixes.size(), mixes.toString());
        JsonNode fr = mixes.get(0);
        assertEquals("FR", fr.path("grid").asText());
        assertEquals("FR", fr.path("country").asText());
        assertEquals(2023, fr.path("year").asInt());
        assertEquals("Electricity, grid, France (2024)", fr.path("grid_process").asText()); // the intensity's vintage
        assertEquals("owid-electricity-mix-by-country", fr.path("dataset").asText());
        assertEquals(335.65 / TOTAL, fr.path("sources").path("nuclear").path("share").asDouble(), 1e-12);
        assertTrue(fr.path("sources").path("oil").path("technology").isNull());
        JsonNode c = fr.path("categories");
        assertEquals((2.16 + 31.43 + 335.65) / TOTAL, c.path("human_toxicity_cancer").path("covered_share").asDouble(), 1e-12);
        assertEquals(0.718212, c.path("adp_fossil").path("covered_share").asDouble(), 1e-6);
        assertEquals((TOTAL - 9.71 - 9.5 - 0.6) / TOTAL, c.path("pe_total").path("covered_share").asDouble(), 1e-12);
        assertEquals((TOTAL - 9.71 - 0.6) / TOTAL, c.path("water_consumption").path("covered_share").asDouble(), 1e-12);
        assertFalse(c.path("pe_total").path("covered").asBoolean());
        Cli explain = Cli.run("explain", france(dir, "").toString());
        assertTrue(explain.out().contains("generation mix FR 2023 (owid-electricity-mix-by-country)")
                && explain.out().contains("NOT covered: counts 71.8212 % of generation"), explain.out());
    }

    /** A zone takes its country's mix (a proxy, said so); a cloud region its mapped grid's country. */
    @Test
    void zonesAndCloudRegionsTakeTheirCountrysMix(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("zone.yaml");
        Files.writeString(f, Files.readString(QuebecEstoniaExampleTest.EXAMPLE)
                .replace("grid: EE ", "grid: aws/eu-west-1 ").replace("country: EE ", "country: IE "));
        Cli cli = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, cli.code(), cli.err());
        JsonNode mixes = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).path("electricity_mixes");
        assertEquals(List.of("CA-QC CA", "aws/eu-west-1 IE"), List.of(mixes.get(0).path("grid").asText() + " "
                + mixes.get(0).path("country").asText(), mixes.get(1).path("grid").asText() + " "
                + mixes.get(1).path("country").asText()));
        assertTrue(mixes.get(1).path("basis").asText().contains("standing in"), mixes.toString());
        Cli explain = Cli.run("explain", f.toString());
        assertTrue(explain.out().contains("generation mix IE 2023 (owid-electricity-mix-by-country), the country's mix "
                + "standing in for grid aws/eu-west-1"), explain.out());
    }

    /** What the study declares wins: its off-site water and its primary energy parameters replace the mix's. */
    @Test
    void declaredOffsiteWaterAndPrimaryEnergyWin(@TempDir Path dir) throws Exception {
        Path f = france(dir, "\n    offsite_water: 2 L/kWh ");
        Files.writeString(f, Files.readString(f).replace("datacenters:", "parameters:\n"
                + "  datacenter.montreal.primary_energy_nonrenewable: 9\n\ndatacenters:"));
        LcaResult r = Cradle.calculator().calculate(ScenarioLoader.load(f).compiled());
        double water = r.byTag(r.indicatorRow("water-consumption/water_consumption"), "datacenter").values().get("montreal");
        assertEquals(KWH / 1.2 * 0.2 / 1000 + KWH * 2 / 1000, water, 1e-9);
        assertFalse(notCovered(r, "water_consumption"));
        assertEquals(KWH * 9, use(r, "pe_nonrenewable"), 1e-9 * KWH * 9);
        assertFalse(notCovered(r, "pe_total"));
        // toxicity still comes from the mix
        assertTrue(notCovered(r, "human_toxicity_cancer"));
    }

    /** A region without a mix (WORLD) stays climate-only, and the trace says so. */
    @Test
    void aRegionWithoutAMixSaysSo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("world.yaml");
        Files.writeString(f, Files.readString(france(dir, "")).replace("grid: FR ", "grid: WORLD "));
        LcaResult r = Cradle.calculator().calculate(ScenarioLoader.load(f).compiled());
        assertEquals(0, use(r, "human_toxicity_cancer"));
        assertTrue(notCovered(r, "human_toxicity_cancer"));
        Cli explain = Cli.run("explain", f.toString());
        assertTrue(explain.out().contains("no generation mix for grid WORLD"), explain.out());
    }
}
