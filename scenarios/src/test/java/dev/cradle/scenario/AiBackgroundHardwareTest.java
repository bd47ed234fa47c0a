package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseLinker;
import dev.cradle.scenario.io.DatabaseResults;
import dev.cradle.scenario.io.Databases;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device's materials, freight legs and end of life linked to USLCI processes
 * ({@code scenarios/examples/ai-hardware-on-uslci.yaml}): each stage equals the linked amounts × the
 * processes' cumulative results per unit from {@code cradle db calc} (adjoint solves of the whole database,
 * a different route from the demand solve the scenario uses), it covers what the background covers, explain
 * shows each link, and a bad link is exit 2 at its position.
 */
class AiBackgroundHardwareTest {
    static final Path EXAMPLE = Path.of("examples/ai-hardware-on-uslci.yaml");
    static final String STEEL = "c378e883-97fc-3714-b923-d7271b8fcbac"; // Cold rolled sheet, steel, at plant (kg)
    static final String ALUMINIUM = "a8eb9a6a-e8e6-3da6-a3ab-20dcf68e883a"; // Aluminum ingot, production mix, at plant (kg)
    static final String HDPE = "d7c36a39-fdcc-3eb8-a8cd-c6c2b5a11c9a"; // Polyethylene, high density, resin, at plant (kg)
    static final String AIR = "61ff7eba-1846-30cb-9840-33939ee0dc26"; // Transport, aircraft, freight (t*km)
    static final String TRUCK = "34156f3c-28ef-33db-9ad0-6293a2aa0d52"; // Transport, combination truck, diesel powered (t*km)
    static final String MRF = "b5c35450-2b29-3f72-b6bf-1836a9d55100"; // Mixed recyclables, sorted at MRF (kg)
    /** Devices one workload carries: 200 device-h / (5 years × 8,760 h × 0.8 utilisation) = 200 / 35,040. */
    static final double DEVICES = 200 / (5 * 8760 * 0.8);

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
        db = DatabaseCalculator.calculate(DatabaseLinker.link(Databases.read("uslci"), ImportOptions.defaults()),
                List.of(lib.method("ipcc-ar6-gwp100").orElseThrow(), lib.method("usetox-2").orElseThrow()),
                new FlowMapping(lib.flows().values()));
    }

    private double y(String process, String indicator) {
        return db.row(process).values()[db.indicator(indicator)];
    }

    private double stage(LifecycleStage stage, String indicator) {
        return result.byStage(result.indicatorRow(indicator)).values().get(stage.title());
    }

    @Test
    void eachStageIsTheLinkedAmountsTimesTheProcessesCumulativeResults() {
        for (String k : List.of("climate_change", "human_toxicity_cancer", "human_toxicity_non_cancer")) {
            // manufacturing, per device: 20 kg steel + 6 kg aluminium + 2 kg HDPE, each × its cumulative result per kg
            double manufacturing = DEVICES * (20 * y(STEEL, k) + 6 * y(ALUMINIUM, k) + 2 * y(HDPE, k));
            // transport, per device: 30 kg / 1000 × 11,000 km = 330 t*km by air, 30 / 1000 × 1,500 = 45 t*km by truck
            double transport = DEVICES * (330 * y(AIR, k) + 45 * y(TRUCK, k));
            // end of life, per device: the 30 kg of the device sorted at a materials recovery facility
            double endOfLife = DEVICES * 30 * y(MRF, k);
            assertEquals(manufacturing, stage(LifecycleStage.MANUFACTURING, k), 1e-9 * Math.abs(manufacturing), k);
            assertEquals(transport, stage(LifecycleStage.TRANSPORT, k), 1e-9 * Math.abs(transport) + 1e-30, k);
            assertEquals(endOfLife, stage(LifecycleStage.END_OF_LIFE, k), 1e-9 * Math.abs(endOfLife), k);
        }
        // the figures, by hand from 'cradle db calc uslci' (kg CO2-eq per unit): steel 2.62419, aluminium 4.39449,
        // HDPE 1.82602 per kg; air 1.05285, truck 0.0804585 per t*km; MRF 0.0893623 per kg.
        // manufacturing (20 × 2.62419 + 6 × 4.39449 + 2 × 1.82602) × 200/35,040 = 82.5028 × 0.00570776 = 0.470906
        // transport (330 × 1.05285 + 45 × 0.0804585) × 0.00570776 = 351.061 × 0.00570776 = 2.00377
        // end of life 30 × 0.0893623 × 0.00570776 = 0.0153017
        assertEquals(0.470906, stage(LifecycleStage.MANUFACTURING, "climate_change"), 5e-6);
        assertEquals(2.00377, stage(LifecycleStage.TRANSPORT, "climate_change"), 5e-5);
        assertEquals(0.0153017, stage(LifecycleStage.END_OF_LIFE, "climate_change"), 5e-7);
        // toxicity now reaches the embodied stages: steel's cancer toxicity 3.70890e-10 CTUh/kg, etc.
        assertTrue(stage(LifecycleStage.MANUFACTURING, "human_toxicity_cancer") > 0);
        assertTrue(stage(LifecycleStage.END_OF_LIFE, "human_toxicity_non_cancer") > 0);
    }

    @Test
    void eachStageCoversWhatItsLinkedProcessesCover() {
        Map<String, Process> byId = new java.util.HashMap<>();
        scenario.system().processes().forEach(p -> byId.put(p.id(), p));
        Process manufacturing = byId.get("workload:fine-tuning/servers/manufacturing");
        Process transport = byId.get("workload:fine-tuning/servers/transport");
        Process eol = byId.get("workload:fine-tuning/servers/end_of_life");
        // steel, aluminium and HDPE all have non-zero climate and toxicity results; only aluminium has ADP elements;
        // all three have primary energy in total through the flow mapping's heating-value rule (pe_total; their
        // fossil and renewable energy flows are not in all three, so the split and ADP fossil are not covered by all)
        assertEquals(java.util.Set.of("climate_change", "human_toxicity_cancer", "human_toxicity_non_cancer", "pe_total"),
                manufacturing.coverage());
        // USLCI's freight processes characterise to greenhouse gases only (their diesel is an ambiguous provider, cut off)
        assertEquals(java.util.Set.of("climate_change"), transport.coverage());
        // end of life's processes burn fossil fuels: ADP fossil and non-renewable primary energy by heating value
        assertEquals(java.util.Set.of("climate_change", "human_toxicity_cancer", "human_toxicity_non_cancer", "adp_fossil",
                "pe_nonrenewable", "pe_total"), eol.coverage());
        assertFalse(transport.covers("human_toxicity_cancer"));
        assertEquals(6, scenario.system().processes().size(), "the database is not joined: the stages carry its inventory");
    }

    @Test
    void explainShowsEachLinkAndWhatItCovers() {
        Cli r = Cli.run("explain", EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hardware 'servers' manufacturing  ->  uslci: 'Cold rolled sheet, steel, at plant' ("
                + STEEL + ")"), r.out());
        assertTrue(r.out().contains("hardware 'servers' transport  ->  uslci: 'Transport, aircraft, freight' (" + AIR + ")"),
                r.out());
        assertTrue(r.out().contains("hardware 'servers' end_of_life  ->  uslci: 'Mixed recyclables, sorted at MRF' (" + MRF
                + ")"), r.out());
        assertTrue(r.out().contains("freight leg: mass / 1000 × distance = 330 t*km of uslci: 'Transport, aircraft, "
                + "freight'"), r.out());
        assertTrue(r.out().contains("cumulative per kg: climate_change 2.62419"), r.out());
        assertTrue(r.out().contains("link covers: climate_change, human_toxicity_cancer, human_toxicity_non_cancer, "
                + "adp_elements"), r.out());
    }

    @Test
    void aMissingProcessIsExitTwoAtItsPositionWithASuggestion() throws Exception {
        Cli r = variant("Cold rolled sheet, steel, at plant\"", "Cold rolled sheet, steel, at plnt\"");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:41:38: database 'uslci' has no process 'Cold rolled sheet, steel, at plnt'; "
                + "did you mean 'Cold rolled sheet, steel, at plant'?"), r.err());
        r = variant("\"Transport, aircraft, freight\"", "\"Transport, aircraft freight\"");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:45:36: database 'uslci' has no process 'Transport, aircraft freight'; "
                + "did you mean 'Transport, aircraft, freight'?"), r.err());
        r = variant("{database: uslci, process: \"Mixed", "{database: uslcj, process: \"Mixed");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:47:29: unknown database 'uslcj'; did you mean 'uslci'?"), r.err());
    }

    @Test
    void linksOfTheWrongKindAreRefusedAtTheirKeys() throws Exception {
        // a freight leg must be in t*km, an end of life in kg
        Cli r = variant("\"Transport, aircraft, freight\"", "\"Cold rolled sheet, steel, at plant\"");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:45:36: 'Cold rolled sheet, steel, at plant' in database 'uslci' provides "
                + "'Cold rolled sheet, steel, at plant' in kg, which cannot be converted from this input's 'freight' (t*km)"),
                r.err());
        r = variant("process: \"Mixed recyclables, sorted at MRF\"", "process: \"Transport, aircraft, freight\"");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:47:45: ") && r.err().contains("which cannot be converted from this input's "
                + "'device_waste' (kg)"), r.err());
        r = variant("{database: uslci, process: \"Transport, aircraft", "{mode: air, database: uslci, process: \"Transport, aircraft");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:45:16: a transport leg names a library 'mode' or a background 'database' and "
                + "'process', not both"), r.err());
        r = variant("    mass: 30 kg\n", "    mass: 30 kg\n    recycling_rate: 0.5\n");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:39:21: hardware 'servers': 'recycling_rate' applies to the library's e-waste "
                + "treatment"), r.err());
        r = variant("    mass: 30 kg\n", "");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("hardware 'servers': transport needs the device 'mass'"), r.err());
        assertTrue(r.err().contains("hardware 'servers': a linked 'end_of_life' needs the device 'mass'"), r.err());
        r = variant("amount: 2 kg}", "amount: 2 kWh}");
        assertEquals(2, r.code(), r.err());
        r = variant(", amount: 2 kg}", "}");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("a linked inventory exchange needs 'amount'"), r.err());
        r = variant("{database: uslci, process: \"Polyethylene", "{database: uslci, proces: \"Polyethylene");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown key 'proces'"), r.err());
    }

    private Cli variant(String from, String to) throws Exception {
        Path f = dir.resolve("s.yaml");
        String text = Files.readString(EXAMPLE);
        assertTrue(text.contains(from), from);
        Files.writeString(f, text.replace(from, to));
        return Cli.run("validate", f.toString());
    }
}
