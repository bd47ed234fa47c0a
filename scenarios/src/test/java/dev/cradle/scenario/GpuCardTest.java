package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.report.ParameterReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPU card described by its parts (the ADEME / Hubblo / Tide model, library dataset gpu-card-components), against
 * the published tools' own test values: BoaviztAPI's tests/api/test_component.py (Boavizta/boaviztapi@15878f0:
 * test_empty_gpu, test_complete_gpu_verbose) with the Table 2 factors, and the calculator's
 * src/tests/gpu/calculations.test.ts (hubblo-org/gpu-calculator@2308a62b) with its own average model. Bad input at its
 * line and column with exit code 2.
 */
class GpuCardTest {
    @TempDir
    Path dir;

    /** One year of one device 'card' whose components follow (the device's whole life: the whole card). */
    static final String HEAD = """
            name: gpu card
            datacenters:
              - {id: dc, grid_intensity: 400 g/kWh}
            models:
              - {id: m}
            workloads:
              - {id: life, model: m, phase: inference, hardware: card, device_hours: 8760, power: 300 W}
            hardware:
              - id: card
                datacenter: dc
                lifetime: 1 year
                components:
            """;
    private static final String GWP = "ipcc-ar6-gwp100/climate_change";
    private static final String ADPE = "cml-ia-adp/adp_elements";
    private static final String ADPF = "cml-ia-adp/adp_fossil";
    private static final String TOX_C = "usetox-2/human_toxicity_cancer";
    private static final String TOX_NC = "usetox-2/human_toxicity_non_cancer";

    private LoadedScenario load(String components) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, HEAD + components);
        return ScenarioLoader.load(f);
    }

    /** The direct result of indicator {@code id} in stage {@code stage} of the device, per study. */
    private static double stage(LoadedScenario s, String id, String stage) {
        LcaResult r = s.result();
        int k = r.indicatorRow(id);
        double v = 0;
        for (int j = 0; j < r.techIndex().size(); j++) {
            if (r.techIndex().at(j).process().id().equals("workload:life/card/" + stage)) {
                v += r.directImpact(k, j);
            }
        }
        return v;
    }

    private static double total(LoadedScenario s, String id) {
        return stage(s, id, "manufacturing") + stage(s, id, "transport") + stage(s, id, "end_of_life");
    }

    private static double primaryEnergy(LoadedScenario s) {
        LcaResult r = s.result();
        int i = r.flowIndex().indexOf("primary_energy_unspecified").orElseThrow();
        double v = 0;
        for (int j = 0; j < r.techIndex().size(); j++) {
            if (r.techIndex().at(j).process().id().startsWith("workload:life/card/")) {
                v += r.directInventory(i, j);
            }
        }
        return v;
    }

    @Test
    void boaviztasDefaultGpuFromItsParts() throws Exception {
        // BoaviztAPI's empty GPU is its default archetype, the H100 PCIe card: 0.79 kg casing, 0.90 kg heatsink,
        // 296 cm2 PCB, 814 mm2 die -> 2808.445 mm2 with losses, 80 GB in 6 dies -> 6 x A_eff(206.67 mm2) = 2343.172 mm2,
        // 1.69 kg; 19,000 km by boat and 1,000 km by truck. Table 2 (gpus_impact_factors.csv "Average"):
        // GWP = 0.79x8.25 + 0.9x5.74 + 296x0.0325 + 2808.445x0.0426 + 2343.172x0.184 + 1.69x0.26 (manufacturing)
        //     + 1.69x(19000x1.33e-5 + 1000x5.04e-5) (transport) + 1.69x1.51 (end of life) = 575.5904 kg CO2-eq
        LoadedScenario s = load("      - {type: gpu, card: nvidia-h100-pcie-80gb}\n");
        double gwp = total(s, GWP);
        double adp = total(s, ADPE);
        double pe = primaryEnergy(s);
        assertEquals(575.5903603754325, gwp, 1e-9 * gwp);
        assertEquals(0.005826236097730368, adp, 1e-9 * adp);
        assertEquals(7906.509201497211, pe, 1e-9 * pe);
        // BoaviztAPI test_empty_gpu: 575.1 kg CO2-eq, 0.005826 kg Sb-eq, 7912 MJ, from factors it keys to five figures.
        // Table 2 prints three: the difference stays within sum(amount x half a unit of each factor's third figure)
        // = 1.346 kg, 1.99e-5 kg Sb-eq, 13.82 MJ, plus half a unit of BoaviztAPI's own last figure.
        assertEquals(575.1, gwp, 1.346 + 0.05);
        assertEquals(0.005826, adp, 1.99e-5 + 5e-7);
        assertEquals(7912, pe, 13.82 + 0.5);
        // the transport and end-of-life stages are ADEME's own H100 PCIe rows (hubblo-gpu-lca: 0.5122 and 2.55 kg)
        assertEquals(1.69 * (19000 * 1.33e-5 + 1000 * 5.04e-5), stage(s, GWP, "transport"), 1e-12);
        assertEquals(1.69 * 1.51, stage(s, GWP, "end_of_life"), 1e-12);
        // the card model also gives ADP fossil and human toxicity: 1.69 kg x 19.5 MJ/kg at end of life, for one
        assertEquals(1.69 * 19.5, stage(s, ADPF, "end_of_life"), 1e-9);
        assertTrue(stage(s, TOX_C, "manufacturing") > 0 && stage(s, TOX_NC, "manufacturing") > 0);
    }

    @Test
    void boaviztasCompletedGpu() throws Exception {
        // BoaviztAPI test_complete_gpu_verbose: 2 cards of 2.2 kg with 24 GB in 12 VRAM dies, the rest the default:
        // 477.2 kg CO2-eq, 0.01164 kg Sb-eq, 6848 MJ for the two. Cradle with Table 2: 477.4482, 0.011637655, 6844.302;
        // rounding bound as above: 0.863 kg, 3.97e-5 kg Sb-eq, 9.34 MJ.
        LoadedScenario s = load("      - {type: gpu, units: 2, mass: 2.2 kg, vram: 24 GB, vram_dies: 12}\n");
        assertEquals(477.4481783020447, total(s, GWP), 1e-9 * 477.4);
        assertEquals(477.2, total(s, GWP), 0.863 + 0.05);
        assertEquals(0.01164, total(s, ADPE), 3.97e-5 + 5e-6);
        assertEquals(6848, primaryEnergy(s), 9.34 + 0.5);
        // sizes left out are the default card's, as parameters naming their source
        ParameterReport.Row die = s.parameters().stream().filter(p -> p.name().equals(
                "hardware.card.nvidia-h100-pcie-80gb.die_area")).findFirst().orElseThrow();
        assertEquals(814, die.value(), 0);
        assertTrue(s.parameters().stream().noneMatch(p -> p.name().endsWith(".vram")), "vram is declared");
        ParameterReport.Row boat = s.parameters().stream().filter(p -> p.name().equals(
                "hardware.card.gpu_card_boavizta.distance_boat")).findFirst().orElseThrow();
        assertEquals(19000, boat.value(), 0);
    }

    @Test
    void theCalculatorsH100WithItsOwnAverageModel() throws Exception {
        LoadedScenario s = load("      - {type: gpu, card: nvidia-h100-pcie-80gb, factors: gpu-calculator}\n");
        // calculations.test.ts "computes a graphics card impact factors": heatsink 5.17, casing 6.17 (+-0.05), VRAM 80.4
        // (+-0.05), PCB 21.6 (+-0.05), GPU 122 (rounded), upstream transport 0.441 kg CO2-eq: the manufacturing stage
        // is their sum within the sum of the test's tolerances (0.66). Cradle: 5.1678 + 6.1782 + 80.4190 + 21.6186
        // + 121.6982 + 0.4412 = 235.5229 (VRAM: round(15.5 x 80 / 6) = 207 mm2 -> 389.55 mm2 x 6 x 0.0344072)
        double mfg = stage(s, GWP, "manufacturing");
        assertEquals(235.5229325861498, mfg, 1e-9 * mfg);
        assertEquals(5.17 + 6.17 + 80.4 + 21.6 + 122 + 0.441, mfg, 0.66);
        // "computes the total for each life cycle step": transport ADPf round 495 (truck 1.19 + plane 494), end of
        // life ADPf round 32, manufacturing ADPf >= 3190, manufacturing CTUh-c 2.28e-5, transport ADPe 1.39e-6
        assertEquals(495, Math.round(stage(s, ADPF, "transport")));
        assertEquals(32, Math.round(stage(s, ADPF, "end_of_life")));
        assertTrue(stage(s, ADPF, "manufacturing") >= 3190);
        assertEquals(2.28e-5, stage(s, TOX_C, "manufacturing"), 0.005e-5);
        assertEquals(1.39e-6, stage(s, ADPE, "transport"), 0.005e-6);
        // "computes the planet boundaries factors": total / (boundary / 8e9 people), printed to three figures:
        // GWP 0.321 (6.81e12), ADPe 0.327 (2.19e8), ADPf 0.133 (2.24e14), CTUh-c 0.190 (9.62e5), CTUh-nc 0.0144 (4.1e6)
        assertEquals(0.321, total(s, GWP) / (6.81e12 / 8e9), 0.0005);
        assertEquals(0.327, total(s, ADPE) / (2.19e8 / 8e9), 0.0005);
        assertEquals(0.133, total(s, ADPF) / (2.24e14 / 8e9), 0.0005);
        assertEquals(0.190, total(s, TOX_C) / (9.62e5 / 8e9), 0.0005);
        assertEquals(0.0144, total(s, TOX_NC) / (4.1e6 / 8e9), 0.00005);
        // water (0.0564 of its boundary) is not compared: 1,187 of the calculator's 1,283 m3 world-eq are end-of-life
        // water, anomalous in the source and not booked by Cradle (that stage reports water as not covered)
        var eol = s.compiled().system().processes().stream().filter(p -> p.id().equals("workload:life/card/end_of_life"))
                .findFirst().orElseThrow();
        assertFalse(eol.coverage().contains("water_scarcity"), eol.coverage().toString());
        assertTrue(eol.coverage().contains("adp_fossil"), eol.coverage().toString());
    }

    @Test
    void aServerWithCardsKeepsItsOwnPartsAndTheCardsStages() throws Exception {
        // a host (cpu, implied motherboard, rack case, assembly) with 8 A100 SXM4 cards from their parts
        LoadedScenario s = load("      - {type: cpu, die_area: 400 mm2}\n"
                + "      - {type: gpu, units: 8, card: nvidia-a100-sxm4-40gb}\n");
        LoadedScenario card = load("      - {type: gpu, card: nvidia-a100-sxm4-40gb}\n");
        double host = 400 * 0.0197 + 9.14 + 66.10 + 150 + 6.68;
        assertEquals(host + 8 * stage(card, GWP, "manufacturing"), stage(s, GWP, "manufacturing"), 1e-9);
        assertEquals(8 * stage(card, GWP, "transport"), stage(s, GWP, "transport"), 1e-9);
        assertEquals(8 * stage(card, GWP, "end_of_life"), stage(s, GWP, "end_of_life"), 1e-9);
        // the A100's documented VRAM die (86.25 mm2) is used, not the per-GB rule: 6 x A_eff(86.25) = 6 x 133.43 mm2
        assertTrue(s.parameters().stream().anyMatch(p -> p.name().equals("hardware.card.nvidia-a100-sxm4-40gb.vram_die_area")
                && p.value() == 86.25));
    }

    private Cli run(String components) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, HEAD + components);
        Cli cli = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("\tat "), cli.err());
        assertEquals(2, cli.code(), cli.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written for bad input");
        return cli;
    }

    private void expect(String components, String message) throws Exception {
        String err = run(components).err();
        assertTrue(err.contains(message), err);
    }

    @Test
    void badCardsAreRefusedAtTheirPosition() throws Exception {
        expect("      - {type: gpu, card: nvidia-h100}\n", "s.yaml:13:27: unknown gpu card 'nvidia-h100'");
        expect("      - {type: gpu, card: nvidia-h100}\n", "nvidia-h100-pcie-80gb");
        expect("      - {type: gpu, die_area: 814 mm2, factors: ademe}\n", "s.yaml:13:49: the 'factors' of a gpu card are");
        expect("      - {type: gpu, archetype: nvidia-l4, die_area: 294 mm2}\n", "s.yaml:13:32: the gpu of hardware 'card' is an 'archetype' or a card");
        expect("      - {type: gpu, vram_dies: 1.5}\n", "s.yaml:13:");
        expect("      - {type: gpu, pcb_area: 0 cm2}\n", "s.yaml:13:");
        expect("      - {type: gpu, heatsink_mass: 2 GB}\n", "s.yaml:13:");
        expect("      - {type: gpu, distance_plane: -5 km}\n", "s.yaml:13:");
        expect("      - {type: gpu, enclosure: rack}\n", "'enclosure' does not apply to a gpu component");
        // a die larger than the wafer can hold once (n = W/s - pi d/sqrt(2 s) < 1 above ~8,625 mm2 on 300 mm)
        // used to give a negative effective area and a negative embodied footprint (-27.8 t CO2-eq)
        expect("      - {type: gpu, die_area: 90000 mm2}\n", "s.yaml:9:5: the GPU die of a GPU card of hardware card is 90000 mm2");
        expect("      - {type: gpu, die_area: 90000 mm2}\n", "must be at most 8624.61 mm2");
        expect("      - {type: gpu, vram_die_area: 9000 mm2}\n", "the VRAM die of a GPU card of hardware card is 9000 mm2");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, HEAD.replace("lifetime: 1 year\n", "lifetime: 1 year\n    mass: 1.69 kg\n")
                + "      - {type: gpu, card: nvidia-l4}\n");
        Cli cli = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, cli.code(), cli.err());
        assertTrue(cli.err().contains("remove its 'mass'"), cli.err());
    }
}
