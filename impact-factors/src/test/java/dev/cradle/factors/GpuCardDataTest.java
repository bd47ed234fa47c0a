package dev.cradle.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.Amount;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GPU card model's data (gpu-card-components): parts, constants and cards as the calculator gives them. */
class GpuCardDataTest {
    private final FactorLibrary lib = FactorLibrary.bundled();

    private double amount(String process, String flow) {
        Process p = lib.process(process).orElseThrow(() -> new AssertionError("no process " + process));
        return p.exchanges().stream().filter(e -> e.flow().id().equals(flow))
                .mapToDouble(e -> ((Amount.Constant) e.amount()).value()).findFirst().orElseThrow();
    }

    @Test
    void bothFactorSetsCarryEveryPartWithTable2Values() {
        for (String set : List.of("boavizta", "gpu_calculator")) {
            for (String part : List.of("casing", "heatsink", "pcb", "gpu_die", "vram", "upstream_transport", "end_of_life")) {
                assertTrue(lib.process("component:gpu_card_" + set + "_" + part).isPresent(), set + " " + part);
            }
        }
        // docs/doc-en.md Table 2: casing 8.25 kg CO2-eq/kg, VRAM 1.84E-01 per mm2, plane 2.11E-03 per kg.km
        assertEquals(8.25, amount("component:gpu_card_boavizta_casing", "co2e_aggregated"));
        assertEquals(0.184, amount("component:gpu_card_boavizta_vram", "co2e_aggregated"));
        assertEquals(2.11e-3, amount("component:gpu_card_distribution_plane", "co2e_aggregated"));
        // the calculator's own average model (average_model.json): VRAM 0.0344 per mm2
        assertEquals(0.034407164830967465, amount("component:gpu_card_gpu_calculator_vram", "co2e_aggregated"));
        // end-of-life water is anomalous in the source and not booked: no water scarcity in the end-of-life part
        Process eol = lib.process("component:gpu_card_boavizta_end_of_life").orElseThrow();
        assertFalse(eol.coverage().contains(ImpactCategories.WATER_SCARCITY));
        assertTrue(eol.coverage().contains(ImpactCategories.CLIMATE));
        assertEquals("9908", lib.process("component:gpu_card_distribution_plane").orElseThrow().tags()
                .get("default_km_gpu_calculator"));
    }

    @Test
    void theVramDieAreaPerGbIsTheMeanOfTheDocumentedCards() {
        // calculations.ts averageVramDieSurface: cards with a documented VRAM die surface, GH200 excluded,
        // die surface x dies / GB: A100 PCIe and SXM4 86.25 x 6 / 40 = 12.9375, P100 82.5 x 4 / 16 = 20.625
        double sum = 0;
        int n = 0;
        for (String key : lib.gpuCards()) {
            GpuCard c = lib.gpuCard(key).orElseThrow();
            if (!Double.isNaN(c.vramDieAreaMm2()) && !key.equals("nvidia-gh200")) {
                sum += c.vramDieAreaMm2() * c.vramDies() / c.vramGb();
                n++;
            }
        }
        assertEquals(3, n);
        double perGb = Double.parseDouble(lib.process("component:gpu_card_boavizta_vram").orElseThrow().tags()
                .get("vram_die_area_mm2_per_gb"));
        assertEquals(sum / n, perGb, 1e-12);
        assertEquals(15.5, perGb, 1e-12);
    }

    @Test
    void theCardsAreTheCalculatorsNine() {
        assertEquals(9, lib.gpuCards().size());
        GpuCard h100 = lib.gpuCard("nvidia-h100-pcie-80gb").orElseThrow();
        // gpus.json: 1690 g, casing 790 g, heatsink 900 g, 296 cm2, 80 GB in 6 dies, die 814 mm2
        assertEquals(List.of(1.69, 0.79, 0.9, 296.0, 80.0, 6.0, 814.0), List.of(h100.massKg(), h100.casingMassKg(),
                h100.heatsinkMassKg(), h100.pcbAreaCm2(), h100.vramGb(), h100.vramDies(), h100.dieAreaMm2()));
        assertTrue(Double.isNaN(h100.vramDieAreaMm2()));
        assertTrue(lib.search("h100").stream().anyMatch(e -> e.kind().equals("gpu card")));
    }
}
