package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.LifecycleStage;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseLinker;
import dev.cradle.scenario.io.DatabaseResults;
import dev.cradle.scenario.io.Databases;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AI declarations whose datacenter grid is a process of the bundled USLCI
 * ({@code grid: {database: uslci, process: ...}}): the use stage carries every category the database
 * covers through the flow mapping, explain shows the link, market-based equals location-based, and a
 * bad link is exit 2 at the key that is wrong.
 */
class AiBackgroundGridTest {
    static final Path EXAMPLE = Path.of("examples/ai-on-uslci.yaml");
    /** USLCI's "Electricity, at Grid, US, 2010", reference product in MJ. */
    static final String GRID_2010 = "89389d98-1ba6-30c5-9c33-92443694936b";

    static LoadedScenario scenario;
    static LcaResult result;
    static DatabaseResults db;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        scenario = ScenarioLoader.load(EXAMPLE);
        result = Cradle.calculator().calculate(scenario.compiled());
        FactorLibrary lib = FactorLibrary.bundled();
        // the other route: every USLCI process's cumulative result by adjoint solves ('cradle db calc')
        db = DatabaseCalculator.calculate(DatabaseLinker.link(Databases.read("uslci"), ImportOptions.defaults()),
                List.of(lib.method("ipcc-ar6-gwp100").orElseThrow(), lib.method("usetox-2").orElseThrow()),
                new FlowMapping(lib.flows().values()));
    }

    @Test
    void theUseStageCarriesTheLinkedProcesssCumulativeToxicityAndClimate() {
        // hand calculation: 576 device-h × 400 W / 1000 = 230.4 kWh IT; × PUE 1.2 = 276.48 kWh facility;
        // USLCI's grid process is per MJ: 276.48 kWh × 3.6 MJ/kWh = 995.328 MJ.
        // use-stage toxicity = 995.328 MJ × y(CTUh per MJ of 'Electricity, at Grid, US, 2010'), y from db calc
        double[] y = db.row(GRID_2010).values();
        double mj = 576 * 400 / 1000.0 * 1.2 * 3.6;
        assertEquals(995.328, mj, 1e-9);
        for (String indicator : List.of("climate_change", "human_toxicity_cancer", "human_toxicity_non_cancer")) {
            double expected = mj * y[db.indicator(indicator)];
            double useStage = result.byStage(result.indicatorRow(indicator)).values().get(LifecycleStage.USE.key());
            assertTrue(expected > 0, indicator);
            assertEquals(expected, useStage, 1e-9 * expected, indicator);
        }
        // magnitudes, to 4 significant figures (cradle run on the example): 185.9 kg CO2-eq, 4.406e-8 and
        // 3.687e-6 CTUh in the use stage
        double use = result.byStage(result.indicatorRow("human_toxicity_cancer")).values().get(LifecycleStage.USE.key());
        assertEquals(4.406e-8, use, 0.0005e-8);
        assertEquals(4, scenario.system().processes().size(), "the database is not joined: the use stage carries its inventory");
    }

    /** The grid's fossil fuels reach ADP fossil by the flow mapping's heating-value rule (before: not covered). */
    @Test
    void theUseStageCarriesFossilDepletionAndPrimaryEnergy() {
        // the example's methods carry ADP fossil (not primary energy): > 0 and from the linked grid process
        double use = result.byStage(result.indicatorRow("adp_fossil")).values().get(LifecycleStage.USE.key());
        assertTrue(use > 0, "adp_fossil in the use stage: " + use);
    }

    @Test
    void marketBasedEqualsLocationBasedForADatabaseGrid() {
        // a linked grid has no contractual variant: the market basis changes no parameter the use stage reads
        LcaResult market = Cradle.calculator().calculate(scenario.compiled(), scenario.aiStudy().orElseThrow()
                .marketBasedParameters(scenario.compiled()));
        assertArrayEquals(result.impacts(), market.impacts(), 0.0);
    }

    @Test
    void explainShowsTheLinkItsResultsPerKwhAndTheCoverage() {
        Cli r = Cli.run("explain", EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("datacenter 'dc-us' grid  ->  uslci: 'Electricity, at Grid, US, 2010' (" + GRID_2010
                + ")"), r.out());
        assertTrue(r.out().contains("coverage in uslci: usetox-2/human_toxicity_cancer: 72 of 2918 elementary flows"), r.out());
        // 0.1868 kg CO2-eq per MJ × 3.6 MJ/kWh
        double perKwh = db.row(GRID_2010).values()[db.indicator("climate_change")] * 3.6;
        assertEquals(0.672483, perKwh, 5e-7);
        assertTrue(r.out().contains("its cumulative result per kWh: climate_change 0.672483"), r.out());
        assertTrue(r.out().contains("market-based: the same database process"), r.out());
        assertEquals(1, r.out().split("\n  coverage in uslci: usetox-2/human_toxicity_cancer", -1).length - 1,
                "each background line once: " + r.out());
    }

    @Test
    void anUnknownProcessIsAPositionedErrorWithASuggestion() throws Exception {
        Cli r = variant("Electricity, at Grid, US, 2010\"", "Electricity, at grid, US, 2011\"");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:22:38: database 'uslci' has no process 'Electricity, at grid, US, 2011'; "
                + "did you mean"), r.err());
    }

    @Test
    void anUnknownDatabaseIsAPositionedErrorNamingTheDeclaredOnes() throws Exception {
        Cli r = variant("{database: uslci,", "{database: uslc,");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:22:22: unknown database 'uslc'; did you mean 'uslci'?\n"), r.err());
    }

    @Test
    void aProcessThatIsNotEnergyIsRefused() throws Exception {
        Cli r = variant("Electricity, at Grid, US, 2010\"", "Steel, liquid, at plant\"");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:22:38: ") && r.err().contains("which cannot be converted"), r.err());
    }

    @Test
    void anUnknownKeyAndAMarketIntensityAreRefusedAtTheirKeys() throws Exception {
        Cli r = variant("{database: uslci,", "{databse: uslci,");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:22:12: unknown key 'databse' in database link; did you mean 'database'?"), r.err());
        r = variant("    pue: 1.2\n", "    pue: 1.2\n    market_intensity: 80 g/kWh\n");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:25:23: datacenter 'dc-us': 'market_intensity' cannot apply to a grid linked "
                + "to a database process"), r.err());
    }

    private Cli variant(String from, String to) throws Exception {
        Path f = dir.resolve("s.yaml");
        String text = Files.readString(EXAMPLE);
        assertTrue(text.contains(from), from);
        Files.writeString(f, text.replace(from, to));
        return Cli.run("validate", f.toString());
    }
}
