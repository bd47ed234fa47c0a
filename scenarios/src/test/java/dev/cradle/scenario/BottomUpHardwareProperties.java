package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * What must hold for every bill of components: a device's embodied figure is the sum of its lines, each line
 * {@code units ×} one component (Boavizta's server model is linear in units and in capacity / density).
 */
class BottomUpHardwareProperties {
    private static double manufacturing(String components) throws Exception {
        Path f = Files.createTempDirectory("bottom-up").resolve("s.yaml");
        Files.writeString(f, BottomUpHardwareTest.HEAD + components);
        return BottomUpHardwareTest.manufacturing(ScenarioLoader.load(f), "ipcc-ar6-gwp100/climate_change");
    }

    @Property(tries = 12)
    void aServerIsTheSumOfUnitsTimesItsComponents(@ForAll @IntRange(min = 1, max = 64) int modules,
                                                  @ForAll @DoubleRange(min = 1, max = 256) double capacityGb,
                                                  @ForAll @DoubleRange(min = 0.6, max = 2.4) double density,
                                                  @ForAll @IntRange(min = 1, max = 4) int sockets) throws Exception {
        String cpu = "      - {type: cpu, units: " + sockets + ", die_area: 300 mm2}\n";
        String ram = "      - {type: ram, units: " + modules + ", capacity: " + capacityGb + " GB, density: " + density + "}\n";
        double without = manufacturing(cpu);
        double with = manufacturing(cpu + ram);
        // one module: capacity / density cm2 × 2.20 kg + 5.22 kg (UBA 2021 as Boavizta documents it)
        assertEquals(modules * (capacityGb / density * 2.20 + 5.22), with - without, 1e-9 * with);
        // the CPU line alone: sockets × (300 × 0.0197 + 9.14) + motherboard 66.1 + rack 150 + assembly 6.68
        assertEquals(sockets * (300 * 0.0197 + 9.14) + 66.10 + 150 + 6.68, without, 1e-9 * without);
    }
}
