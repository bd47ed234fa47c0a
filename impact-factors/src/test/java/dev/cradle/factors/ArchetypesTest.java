package dev.cradle.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The archetypes people look for: every card of the bundled GPU LCA, the usual datacenter GPUs, CPUs per socket and
 * per core, memory and drives, 8-GPU servers with their host, cloud GPU instances; each findable by search and each
 * figure a hand calculation from the component factors (UBA 2021 as Boavizta documents them).
 */
class ArchetypesTest {
    private final FactorLibrary lib = FactorLibrary.bundled();

    private double amount(String device, String flow) {
        Process p = lib.process("device:" + device).orElseThrow(() -> new AssertionError(device));
        for (Exchange x : p.exchanges()) {
            if (x.flow().id().equals(flow)) {
                return ((Amount.Constant) x.amount()).value();
            }
        }
        return Double.NaN;
    }

    @Test
    void everyCardOfTheGpuLcaAndTheUsualGpusAreFindable() {
        // 'cradle factors search l4' found nothing before (issue 13 item 4)
        assertTrue(lib.search("l4").stream().anyMatch(e -> e.id().equals("device:nvidia-l4")));
        for (String card : List.of("nvidia-h100-pcie", "nvidia-a100-40gb", "nvidia-a100-pcie-40gb", "nvidia-gh200",
                "nvidia-l4", "nvidia-rtx-a4500", "nvidia-t4", "nvidia-p40", "nvidia-a10g")) {
            assertTrue(lib.search(card).stream().anyMatch(e -> e.id().equals("device:" + card)), card);
        }
        // the Hubblo cards carry their manufacturing stage (hubblo-gpu-lca.yaml, e.g. L4 57.4794 kg, 0.00248 kg Sb)
        assertEquals(57.4794, amount("nvidia-l4", "co2e_aggregated"), 0);
        assertEquals(0.00248167955, amount("nvidia-l4", "adp_elements_sb_eq"), 0);
        assertEquals(209.957, amount("nvidia-gh200", "co2e_aggregated"), 0);
        // T4 by the die-area model: 5.45 cm2 × 1.2 kg/cm2 (12 nm) + 16 GB × 0.4 kg/GB = 12.94 kg
        assertEquals(5.45 * 1.2 + 16 * 0.4, amount("nvidia-t4", "co2e_aggregated"), 1e-12);
        // P40: 4.71 cm2 × 1.0 (16 nm) + 24 GB × 0.4
        assertEquals(4.71 * 1.0 + 24 * 0.4, amount("nvidia-p40", "co2e_aggregated"), 1e-12);
        assertEquals(72, lib.devicePower("nvidia-l4").orElseThrow().tdpW());
        assertEquals(70, lib.devicePower("nvidia-t4").orElseThrow().tdpW());
    }

    @Test
    void cpusPerSocketAndPerCore() {
        // EPYC 7742: (8 × 74 + 416) mm2 × 0.0197 + 9.14 kg; 0.265 MJ/mm2 + 156 MJ; per core 1/64
        double socket = 1008 * 0.0197 + 9.14;
        assertEquals(socket, amount("amd-epyc-7742", "co2e_aggregated"), 1e-9);
        assertEquals(1008 * 0.265 + 156, amount("amd-epyc-7742", "primary_energy_unspecified"), 1e-9);
        assertEquals(socket / 64, amount("amd-epyc-7742-per-core", "co2e_aggregated"), 1e-12);
        assertEquals(225.0 / 64, lib.devicePower("amd-epyc-7742-per-core").orElseThrow().tdpW(), 1e-12);
        // Boavizta's average die 521 mm2, range of its documented min 41.2 and max 3640 mm2
        Exchange avg = lib.process("device:server-cpu-average").orElseThrow().exchanges().stream()
                .filter(x -> x.flow().id().equals("co2e_aggregated")).findFirst().orElseThrow();
        Uncertainty.Triangular t = (Uncertainty.Triangular) avg.uncertainty();
        assertEquals(41.2 * 0.0197 + 9.14, t.min(), 1e-9);
        assertEquals(3640 * 0.0197 + 9.14, t.max(), 1e-9);
        assertTrue(lib.search("cpu core").size() >= 2);
    }

    @Test
    void memoryAndDrives() {
        assertEquals(64 / 1.2443636 * 2.20 + 5.22, amount("dram-rdimm-64gb", "co2e_aggregated"), 1e-9);
        assertEquals(3840 / 54.884211 * 2.20 + 6.34, amount("ssd-3.84tb", "co2e_aggregated"), 1e-9);
        assertEquals(3840 / 54.884211 * 27.3 + 73.98, amount("ssd-3.84tb", "primary_energy_unspecified"), 1e-9);
    }

    @Test
    void gpuServersCarryTheirHostAndSayItsShare() {
        double cpu = 1008 * 0.0197 + 9.14;
        double host = 2 * cpu + 2048.0 / 64 * (64 / 1.2443636 * 2.20 + 5.22) + 8 * (3840 / 54.884211 * 2.20 + 6.34)
                + 2 * (1920 / 54.884211 * 2.20 + 6.34) + 6 * 2.99 * 24.30 + 66.10 + 150 + 6.68;
        assertEquals(host, amount("nvidia-dgx-a100-host", "co2e_aggregated"), 1e-9);
        assertEquals(host + 8 * 150, amount("nvidia-dgx-a100", "co2e_aggregated"), 1e-9); // 8 A100 80 GB at 150 kg
        assertTrue(lib.search("dgx a100").stream().anyMatch(e -> e.summary().contains("% of the server's GWP")));
        // GPUs without primary energy: the server reports it as not covered, its host covers it
        assertFalse(lib.process("device:nvidia-dgx-h100").orElseThrow().coverage().contains(SystemReader.PE_CATEGORY));
        assertTrue(lib.process("device:nvidia-dgx-h100-host").orElseThrow().coverage().contains(SystemReader.PE_CATEGORY));
        assertEquals(6500, lib.devicePower("nvidia-dgx-a100").orElseThrow().tdpW());
    }

    @Test
    void cloudInstancesAreTheirGpusAndTheirShareOfTheHost() {
        for (String id : List.of("aws-p4d-24xlarge", "aws-p5-48xlarge", "aws-g5-xlarge", "aws-g6-xlarge",
                "gcp-a2-highgpu-8g", "gcp-a3-highgpu-8g", "gcp-g2-standard-4", "azure-nd96asr-v4", "azure-nd96isr-h100-v5")) {
            assertTrue(lib.process("device:" + id).isPresent(), id);
        }
        // g2-standard-4: one L4 + 4/96 of a host of 2 average sockets, 384 GB as 64 GB modules, 2 power supplies
        double host = 2 * (521 * 0.0197 + 9.14) + 384.0 / 64 * (64 / 1.2443636 * 2.20 + 5.22) + 2 * 2.99 * 24.30
                + 66.10 + 150 + 6.68;
        assertEquals(57.4794 + 4.0 / 96 * host, amount("gcp-g2-standard-4", "co2e_aggregated"), 1e-9);
        // the A10G has no published embodied figure: g5's GWP is not covered rather than counted as the host alone
        assertTrue(Double.isNaN(amount("aws-g5-xlarge", "co2e_aggregated")));
        assertTrue(lib.search("p4d").stream().anyMatch(e -> e.id().equals("device:aws-p4d-24xlarge")));
    }
}
