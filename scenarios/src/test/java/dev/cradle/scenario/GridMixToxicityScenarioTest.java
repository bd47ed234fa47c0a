package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A datacenter on a declared generation mix gets human toxicity and fossil depletion for its electricity from
 * the library's USLCI proxy (uslci-electricity-by-source, per kWh of coal, gas and nuclear power), without a
 * background database. The Quebec example's Montreal datacenter is put on a mix; 21,504 device-hours × 700 W ×
 * PUE 1.2 = 18,063.36 kWh of facility energy (QuebecEstoniaExampleTest). Tallinn's grid is written as Estonia's
 * explicit intensity (341.02 g/kWh, the same climate change), so that the use stage's toxicity is the mix's alone
 * (a country grid such as EE carries its own from its country mix: CountryMixScenarioTest).
 */
class GridMixToxicityScenarioTest {
    private static final double KWH = 18063.36;
    private static final String TALLINN = "grid_intensity: 341.02 g/kWh ";
    // per kWh, from sources/uslci-electricity-by-source.csv (rows coal_bituminous, natural_gas, nuclear)
    private static final double[] CANCER = {3.1869920362025046E-10, 3.561902278784823E-11, 7.303097137798636E-12};
    private static final double[] NON_CANCER = {2.7911754520263313E-8, 2.6224167445610107E-9, 6.134898259307889E-10};
    private static final double[] FOSSIL_MJ = {13.772236123401811, 12.365446472202033, 0.15239404309215823};

    private static LcaResult run(Path dir, String mix) throws Exception {
        Path f = dir.resolve("mix.yaml");
        Files.writeString(f, Files.readString(QuebecEstoniaExampleTest.EXAMPLE).replace("grid: CA-QC ", "grid_mix: " + mix + " ").replace("grid: EE ", TALLINN)
                );
        LoadedScenario s = ScenarioLoader.load(f);
        return Cradle.calculator().calculate(s.compiled());
    }

    private static double use(LcaResult r, String indicator) {
        return r.byStage(r.indicatorRow(indicator)).values().get("use");
    }

    /** Coal 0.5, gas 0.3, nuclear 0.2: every technology has the proxy, so the use stage is covered. */
    @Test
    void aFossilAndNuclearMixCarriesToxicityAndFossilDepletion(@TempDir Path dir) throws Exception {
        LcaResult r = run(dir, "{coal: 0.5, gas: 0.3, nuclear: 0.2}");
        double cancer = KWH * (0.5 * CANCER[0] + 0.3 * CANCER[1] + 0.2 * CANCER[2]);
        assertEquals(3.09779e-6, cancer, 1e-11); // 18,063.36 × 1.714959e-10 CTUh/kWh
        assertEquals(cancer, use(r, "human_toxicity_cancer"), 1e-9 * cancer);
        double nonCancer = KWH * (0.5 * NON_CANCER[0] + 0.3 * NON_CANCER[1] + 0.2 * NON_CANCER[2]);
        assertEquals(nonCancer, use(r, "human_toxicity_non_cancer"), 1e-9 * nonCancer);
        double fossil = KWH * (0.5 * FOSSIL_MJ[0] + 0.3 * FOSSIL_MJ[1] + 0.2 * FOSSIL_MJ[2]);
        assertEquals(191_945.4, fossil, 0.1); // 18,063.36 × 10.62623 MJ/kWh
        assertEquals(fossil, use(r, "adp_fossil"), 1e-9 * fossil);
        for (String k : List.of("human_toxicity_cancer", "human_toxicity_non_cancer", "adp_fossil")) {
            assertFalse(r.notCoveredBy(r.indicatorRow(k)).stream().anyMatch(p -> p.contains("run:train-quebec")
                    || p.contains("use")), k + " not covered by " + r.notCoveredBy(r.indicatorRow(k)));
        }
    }

    /**
     * The mix's toxicity is a tree over the shares: moving a share parameter through the calculator equals
     * re-loading the file with the value written in (coal 0.3, gas 0.7 here).
     */
    @Test
    void theSharesStayParameters(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("shares.yaml");
        Files.writeString(f, Files.readString(QuebecEstoniaExampleTest.EXAMPLE)
                .replace("grid: CA-QC ", "grid_mix: {coal: coal_share, gas: 1 - coal_share} ").replace("grid: EE ", TALLINN)
                .replace("datacenters:", "parameters:\n  coal_share: 0.5\n\ndatacenters:"));
        LoadedScenario loaded = dev.cradle.scenario.api.Cradle.load(f);
        LcaResult moved = dev.cradle.scenario.api.Cradle.calculator(loaded).with("coal_share", 0.3).result();
        LcaResult literal = run(dir, "{coal: 0.3, gas: 0.7}");
        for (String k : List.of("human_toxicity_cancer", "human_toxicity_non_cancer", "adp_fossil", "climate_change")) {
            assertEquals(literal.impact(k), moved.impact(k), 1e-12 * Math.abs(literal.impact(k)), k);
        }
        double cancer = KWH * (0.3 * CANCER[0] + 0.7 * CANCER[1]);
        assertEquals(cancer, use(moved, "human_toxicity_cancer"), 1e-9 * cancer);
    }

    /** With wind in the mix only coal's share is counted, and the use stage is reported not covered: a lower bound. */
    @Test
    void aMixWithWindIsALowerBoundAndSaysSo(@TempDir Path dir) throws Exception {
        LcaResult r = run(dir, "{coal: 0.4, wind_onshore: 0.6}");
        double cancer = KWH * 0.4 * CANCER[0];
        assertEquals(cancer, use(r, "human_toxicity_cancer"), 1e-9 * cancer);
        List<String> notCovered = r.notCoveredBy(r.indicatorRow("human_toxicity_cancer"));
        assertTrue(notCovered.contains("workload:train-quebec"), notCovered.toString()); // the run itself, not only its GPUs
    }
}
