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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AI declarations through the loader and the runner: the bundled example, CodeCarbon input, bad input. */
class AiScenarioTest {
    static final Path EXAMPLE = Path.of("examples/two-models-shared-cluster.yaml");

    @TempDir
    Path dir;

    /**
     * Use phase by hand from the example: chat-training 8.4e21 FLOP / (64 × 312e12 × 0.4) / 3600 = 292.134 h
     * × 64 × 1.5 runs × 400 W = 11,217.95 kWh; chat-serving 2e6 × 3 Wh = 6,000 kWh; code-training
     * 10,000 dh × 400 W = 4,000 kWh; total 21,217.95 kWh × PUE 1.11 × 0.5663 kg = 13,337.4 kg location-based.
     */
    @Test
    void twoModelExampleByHand() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE);
        LcaResult r = Cradle.calculator().calculate(s.compiled());
        double chatKwh = 8.4e21 / (64 * 312e12 * 0.4) / 3600 * 64 * 1.5 * 0.4;
        double itKwh = chatKwh + 6000 + 4000;
        int k = r.indicatorRow("ipcc-ar6-gwp100/climate_change");
        double runs = 0;
        for (String w : new String[] {"workload:chat-training", "workload:chat-serving", "workload:code-training"}) {
            runs += r.byProcess(k).values().get(w);
        }
        assertEquals(itKwh * 1.11 * 0.5663, runs, 1e-6);
        // market-based: the same electricity at 0.080 kg/kWh
        LcaResult market = Cradle.calculator().calculate(s.compiled(), s.aiStudy().orElseThrow()
                .marketBasedParameters(s.compiled()));
        double electricityShare = r.impacts()[k] - market.impacts()[k];
        double idleKwh = (64 * 720 - (itKwh - 6000) / 0.4 - 5760) * 50 / 1000; // busy device-hours: training at 400 W
        assertEquals((itKwh + idleKwh) * 1.11 * (0.5663 - 0.080), electricityShare, 1e-6);
        // by model sums to the study
        var byModel = r.byTag(k, "model").values();
        assertEquals(r.impacts()[k], byModel.get("chat-7b") + byModel.get("code-3b"), 1e-6);
    }

    @Test
    void runShowsEveryBreakdownAndBothBases() throws Exception {
        Cli cli = Cli.run("run", EXAMPLE.toString(), "--out", dir.toString());
        assertEquals(0, cli.code(), cli.err());
        for (String section : new String[] {"By life cycle stage", "By ML phase", "By model", "By device", "By datacenter",
                "Location-based and market-based", "Allocation of shared costs"}) {
            assertTrue(cli.out().contains(section), section + "\n" + cli.out());
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertTrue(json.has("impacts_market_based"));
        String csv = Files.readString(dir.resolve("results.csv"));
        assertTrue(csv.contains("ipcc-ar6-gwp100/climate_change,kg CO2-eq,model,chat-7b,"), csv);
        assertTrue(csv.contains("ipcc-ar6-gwp100/climate_change,kg CO2-eq,device,a100-cluster,"), csv);
        for (JsonNode a : json.get("allocations")) {
            double sum = 0;
            for (JsonNode share : a.get("shares")) {
                sum += share.asDouble();
            }
            assertEquals(1, sum, 1e-9, a.get("cost").asText());
        }
    }

    @Test
    void explainShowsRulesAndAllocations() {
        Cli cli = Cli.run("explain", EXAMPLE.toString());
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("workload:chat-training  <-  workload chat-training"), cli.out());
        assertTrue(cli.out().contains("two-models-shared-cluster.yaml:54:5"), cli.out());
        assertTrue(cli.out().contains("dc-iowa/building: Building and shell of dc-iowa"), cli.out());
        assertTrue(cli.out().contains("by_reserved_capacity"), cli.out());
        assertTrue(cli.out().contains("idle:a100-cluster"), cli.out());
    }

    private static final String BASE = """
            datacenters:
              - {id: dc, grid: FR, pue: 1.2}
            hardware:
              - {id: gpus, archetype: nvidia-a100-80gb, count: 4, datacenter: dc, lifetime: 5 years, utilisation: 0.8}
            models:
              - {id: m}
            workloads:
              - {id: w, model: m, phase: training, hardware: gpus, device_hours: 100}
            """;

    private Cli check(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        Cli cli = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertFalse(cli.err().contains("\tat ") || cli.err().contains("internal error"), cli.err());
        if (cli.code() != 0) {
            assertFalse(Files.exists(dir.resolve("out")), "nothing is written for bad input");
        }
        return cli;
    }

    @Test
    void theBaseIsValidAndMatchesTheLibrary() throws Exception {
        Cli cli = check(BASE);
        assertEquals(0, cli.code(), cli.err());
        // 100 dh × 400 W (A100 TDP) = 40 kWh × 1.2 × 0.04418 (Ember FR 2024, 44.18 g) = 2.12064 kg; + 100 / (43,800 h × 0.8) × 150 kg
        double expected = 40 * 1.2 * 0.04418 + 100 / (5 * 8760 * 0.8) * 150;
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertEquals(expected, json.get("impacts").get(0).get("value").asDouble(), 1e-9);
    }

    @Test
    void deviceInAnUndeclaredDatacenter() throws Exception {
        Cli cli = check(BASE.replace("datacenter: dc,", "datacenter: dc2,"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:4:67: hardware 'gpus' sits in datacenter 'dc2', which is not declared; "
                + "did you mean 'dc'?"), cli.err());
    }

    @Test
    void workloadOnUndeclaredHardware() throws Exception {
        Cli cli = check(BASE.replace("hardware: gpus,", "hardware: gpu,"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("workload 'w' runs on hardware 'gpu', which is not declared; did you mean 'gpus'?"),
                cli.err());
        assertTrue(cli.err().contains("s.yaml:8:50:"), cli.err());
    }

    @Test
    void utilisationOutsideTheUnitInterval() throws Exception {
        Cli cli = check(BASE.replace("utilisation: 0.8", "utilisation: 1.5"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("'utilisation' of hardware 'gpus' is 1.5; it must be greater than 0 and at most 1"), cli.err());
        assertEquals(2, check(BASE.replace("utilisation: 0.8", "utilisation: 0")).code());
    }

    @Test
    void zeroLifetime() throws Exception {
        Cli cli = check(BASE.replace("lifetime: 5 years", "lifetime: 0 years"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("'lifetime' of hardware 'gpus' is 0 years; it must be greater than 0"), cli.err());
    }

    @Test
    void quantityOfTheWrongDimension() throws Exception {
        Cli cli = check(BASE.replace("lifetime: 5 years", "lifetime: 5 kWh"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("'lifetime' of hardware 'gpus' is energy (kWh) but must be time, e.g. '6 years'"), cli.err());
    }

    @Test
    void fixedSharesThatDoNotSumToOne() throws Exception {
        Cli cli = check(BASE.replace("{id: dc, grid: FR, pue: 1.2}", """
                id: dc
                    grid: FR
                    tenancy: {it_power: 0.1 MW, period: 30 days}
                    infrastructure:
                      - {id: building, capacity: 1 MW, allocation: {fixed: {w: 0.7}}}""".replace("\n    ", "\n    ")));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("fixed shares sum to 0.7, not 1"), cli.err());
    }

    /**
     * An explicit inventory per device walks the stages from materials: 0.05 kg copper and 0.0003 kg gold
     * extracted (CML-IA: 0.00136592 and 52.0425 kg Sb-eq/kg), 0.0001 kg NF3 and 0.00002 kg SF6 released in
     * the fab (AR6: 17,400 and 25,200) and 60 kg CO2 of fab energy. One device-hour of a 1,000 h life is
     * 1/1000 of a device: ADPe = (0.05 × 0.00136592 + 0.0003 × 52.0425) / 1000 = 1.5681e-5 kg Sb-eq per
     * device-hour; GWP embodied = (60 + 0.0001 × 17,400 + 0.00002 × 25,200) / 1000 = 0.062244 kg.
     */
    /**
     * Inventory amounts take parameters and formulas like every numeric field: the fab's CO2 as
     * {@code fab_kwh * ci kg} with fab_kwh = 150 and ci = 0.4 (= 60 kg, the literal of the test above), gold as a
     * parameter in g. Same inventory, so the same GWP per device-hour: (60 + 0.0001 × 17,400 + 0.00002 × 25,200) /
     * 1000 = 0.062244 kg; and moving ci to 0.8 through the calculator doubles the fab's share: + 60 / 1000 kg.
     */
    @Test
    void inventoryAmountsTakeParametersAndFormulas() throws Exception {
        Cli cli = check("""
                parameters:
                  fab_kwh: 150
                  ci: 0.4
                  gold_g: 0.3 g
                datacenters:
                  - {id: dc, grid_intensity: 0 g/kWh}
                hardware:
                  - id: asic
                    datacenter: dc
                    lifetime: 1000 h
                    inventory:
                      raw_material_extraction:
                        - {flow: copper_in_ground, amount: 50 g}
                        - {flow: gold_in_ground, amount: gold_g}
                      manufacturing:
                        - {flow: nf3, amount: 0.1 g}
                        - {flow: sf6, amount: 0.02 g}
                        - {flow: co2_fossil, amount: fab_kwh * ci kg}
                models:
                  - {id: m}
                workloads:
                  - {id: w, model: m, phase: training, hardware: asic, device_hours: 1, power: 100 W}
                """);
        assertEquals(0, cli.code(), cli.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        double gwp = Double.NaN;
        double adp = Double.NaN;
        for (JsonNode i : json.get("impacts")) {
            if (i.get("indicator").asText().equals("ipcc-ar6-gwp100/climate_change")) {
                gwp = i.get("value").asDouble();
            }
            if (i.get("indicator").asText().equals("cml-ia-adp/adp_elements")) {
                adp = i.get("value").asDouble();
            }
        }
        assertEquals((60 + 0.0001 * 17400 + 0.00002 * 25200) / 1000, gwp, 1e-12);
        assertEquals((0.05 * 0.00136592 + 0.0003 * 52.0425) / 1000, adp, 1e-15);
        LoadedScenario loaded = ScenarioLoader.load(dir.resolve("s.yaml"));
        var moved = dev.cradle.scenario.api.Cradle.calculator(loaded).with("ci", 0.8).result();
        int k = moved.impactIndex().indexOf("ipcc-ar6-gwp100/climate_change").orElseThrow();
        assertEquals((120 + 0.0001 * 17400 + 0.00002 * 25200) / 1000, moved.impacts()[k], 1e-12);
    }

    @Test
    void explicitInventoryComputesDepletionFromMaterials() throws Exception {
        Cli cli = check("""
                datacenters:
                  - {id: dc, grid_intensity: 0 g/kWh}
                hardware:
                  - id: asic
                    datacenter: dc
                    lifetime: 1000 h
                    inventory:
                      raw_material_extraction:
                        - {flow: copper_in_ground, amount: 50 g}
                        - {flow: gold_in_ground, amount: 0.3 g}
                      manufacturing:
                        - {flow: nf3, amount: 0.1 g}
                        - {flow: sf6, amount: 0.02 g}
                        - {flow: co2_fossil, amount: 60 kg}
                models:
                  - {id: m}
                workloads:
                  - {id: w, model: m, phase: training, hardware: asic, device_hours: 1, power: 100 W}
                """);
        assertEquals(0, cli.code(), cli.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        double gwp = Double.NaN;
        double adp = Double.NaN;
        for (JsonNode i : json.get("impacts")) {
            if (i.get("indicator").asText().equals("ipcc-ar6-gwp100/climate_change")) {
                gwp = i.get("value").asDouble();
            }
            if (i.get("indicator").asText().equals("cml-ia-adp/adp_elements")) {
                adp = i.get("value").asDouble();
            }
        }
        assertEquals((60 + 0.0001 * 17400 + 0.00002 * 25200) / 1000, gwp, 1e-12);
        assertEquals((0.05 * 0.00136592 + 0.0003 * 52.0425) / 1000, adp, 1e-15);
        assertEquals((0.05 * 0.00136592 + 0.0003 * 52.0425) / 1000,
                json.get("contributions").get("by_stage").get("cml-ia-adp/adp_elements").get("raw material extraction")
                        .asDouble(), 1e-15);
    }

    /**
     * Storage as capacity × time: 50 TB for 30 days on SSDs (library: 0.040 kg CO2-eq per GB, 5-year life)
     * drawing 0.002 W per GB: 50,000 GB × 720 h = 3.6e7 GB-h; energy 3.6e7 × 0.002 / 1000 = 72 kWh × 0.04418
     * (FR) = 3.1824 kg; embodied 3.6e7 / 43,800 h × 0.040 = 32.877 kg.
     */
    @Test
    void storageAsCapacityTimesTime() throws Exception {
        Cli cli = check("""
                datacenters:
                  - {id: dc, grid: FR}
                hardware:
                  - {id: ssd, archetype: ssd_per_gb, count: 50000, datacenter: dc, lifetime: 5 years, power: 0.002 W}
                models:
                  - {id: m}
                workloads:
                  - {id: corpus, model: m, phase: data, hardware: ssd, storage: {capacity: 50 TB, duration: 30 days}}
                """);
        assertEquals(0, cli.code(), cli.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertEquals(72 * 0.04418 + 3.6e7 / 43800 * 0.040, json.get("impacts").get(0).get("value").asDouble(), 1e-9);
        assertEquals(3.6e7, json.get("workloads").get(0).get("device_hours").asDouble(), 1e-6);
    }

    /** 2e8 tokens × 0.0003 Wh = 60 kWh × 1.2 × 0.04418 = 3.18096 kg, plus embodied for 4 GPUs × 24 h = 96 device-hours. */
    @Test
    void energyPerToken() throws Exception {
        Cli cli = check(BASE.replace("{id: w, model: m, phase: training, hardware: gpus, device_hours: 100}",
                "{id: w, model: m, phase: inference, hardware: gpus, energy_per_token: 0.0003 Wh, tokens: 200000000, "
                        + "deployment: {devices: 4, period: 1 d}}"));
        assertEquals(0, cli.code(), cli.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        double expected = 60 * 1.2 * 0.04418 + 96 / (5 * 8760 * 0.8) * 150;
        assertEquals(expected, json.get("impacts").get(0).get("value").asDouble(), 1e-9);
    }

    @Test
    void codeCarbonMeasurementsAreRead() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("examples/data/codecarbon-emissions.csv"), dir.resolve("data/emissions.csv"));
        Cli cli = check(BASE.replace("device_hours: 100", "codecarbon: data/emissions.csv"));
        assertEquals(0, cli.code(), cli.err());
        // energy_consumed 1.5815 + 3.163 = 4.7445 kWh × 1.2 × 0.04418; duration 3 h × 4 devices = 12 dh of embodied
        double expected = 4.7445 * 1.2 * 0.04418 + 12 / (5 * 8760 * 0.8) * 150;
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertEquals(expected, json.get("impacts").get(0).get("value").asDouble(), 1e-9);
    }

    @Test
    void codeCarbonFileWithMissingColumns() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "timestamp,duration,emissions\n2026-01-01,10,0.1\n");
        Cli cli = check(BASE.replace("device_hours: 100", "codecarbon: bad.csv"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:8:68: CodeCarbon file bad.csv lacks the column(s) energy_consumed, "
                + "country_iso_code, region"), cli.err());
    }
}
