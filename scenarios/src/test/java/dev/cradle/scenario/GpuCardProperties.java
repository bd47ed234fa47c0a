package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * What must hold for every GPU card described by its parts: its embodied GWP (manufacturing, distribution, end of
 * life) is the sum of its parts × Table 2's factors, with the die areas as BoaviztAPI computes them (written out
 * again here from components/gpu.py's _calculate_effective_area_on_circular_wafer, not from Cradle's class), and a
 * line of n cards is n times one card.
 */
class GpuCardProperties {
    private static LoadedScenario load(String components) throws Exception {
        Path f = Files.createTempDirectory("gpu-card").resolve("s.yaml");
        Files.writeString(f, GpuCardTest.HEAD + components);
        return ScenarioLoader.load(f);
    }

    private static double embodied(LoadedScenario s) {
        var r = s.result();
        int k = r.indicatorRow("ipcc-ar6-gwp100/climate_change");
        double v = 0;
        for (int j = 0; j < r.techIndex().size(); j++) {
            String id = r.techIndex().at(j).process().id();
            if (id.equals("workload:life/card/manufacturing") || id.equals("workload:life/card/transport")
                    || id.equals("workload:life/card/end_of_life")) {
                v += r.directImpact(k, j);
            }
        }
        return v;
    }

    /** BoaviztAPI's effective die area, mm2: 300 mm wafer, 0.2 mm kerf, 0.1 defects per cm2. */
    private static double effective(double die) {
        double wafer = Math.PI * 150 * 150;
        double actual = Math.pow(Math.sqrt(die) + 0.2, 2);
        double n = wafer / actual - Math.PI * 300 / Math.sqrt(2 * actual);
        return actual * (wafer / (n * actual)) / Math.exp(-Math.sqrt(actual / 100 * 0.1));
    }

    @Property(tries = 12)
    void aCardIsTheSumOfItsParts(@ForAll @DoubleRange(min = 50, max = 900) double die,
                                 @ForAll @IntRange(min = 4, max = 192) int vram,
                                 @ForAll @IntRange(min = 1, max = 16) int dies,
                                 @ForAll @DoubleRange(min = 50, max = 400) double pcb,
                                 @ForAll @DoubleRange(min = 0.1, max = 3) double mass,
                                 @ForAll @IntRange(min = 1, max = 8) int units) throws Exception {
        String line = "{type: gpu, die_area: " + die + " mm2, vram: " + vram + " GB, vram_dies: " + dies + ", pcb_area: "
                + pcb + " cm2, mass: " + mass + " kg, heatsink_mass: " + (0.53 * mass) + " kg, casing_mass: " + (0.2 * mass)
                + " kg, distance_boat: 19000 km, distance_truck: 1000 km, distance_plane: 500 km";
        double one = embodied(load("      - " + line + "}\n"));
        // Table 2 (kg CO2-eq): casing 8.25/kg, heatsink 5.74/kg, PCB 0.0325/cm2, GPU 0.0426/mm2, VRAM 0.184/mm2,
        // upstream transport 0.26/kg, end of life 1.51/kg; boat 1.33e-5, truck 5.04e-5, plane 2.11e-3 per kg.km
        double hand = 0.2 * mass * 8.25 + 0.53 * mass * 5.74 + pcb * 0.0325 + effective(die) * 0.0426
                + dies * effective(vram * 15.5 / dies) * 0.184 + mass * 0.26 + mass * 1.51
                + mass * (19000 * 1.33e-5 + 1000 * 5.04e-5 + 500 * 2.11e-3);
        assertEquals(hand, one, 1e-9 * hand);
        double many = embodied(load("      - " + line + ", units: " + units + "}\n"));
        assertEquals(units * one, many, 1e-9 * many);
    }
}
