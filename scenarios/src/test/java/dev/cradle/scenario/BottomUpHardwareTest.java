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
 * A device described by its components (Boavizta's bottom-up server model): hand-calculated sums with the UBA 2021
 * factors as Boavizta documents them (docs/Explanations/components/*.md), the library defaults as parameters with
 * ranges, and bad input at its line and column with exit code 2.
 */
class BottomUpHardwareTest {
    @TempDir
    Path dir;

    /** A study of one year of one device 'srv' whose components follow. */
    static final String HEAD = """
            name: bottom-up
            datacenters:
              - {id: dc, grid_intensity: 400 g/kWh}
            models:
              - {id: m}
            workloads:
              - {id: life, model: m, phase: inference, hardware: srv, device_hours: 8760, power: 300 W}
            hardware:
              - id: srv
                datacenter: dc
                lifetime: 1 year
                components:
            """;

    /** A blade server with default RAM density and power-supply mass, two HDDs; motherboard and assembly implied. */
    private static final String BLADE = HEAD + """
                  - {type: cpu, die_area: 400 mm2}
                  - {type: ram, units: 4, capacity: 16 GB}
                  - {type: hdd, units: 2}
                  - {type: power_supply}
                  - {type: case, enclosure: blade}
            """;

    private LoadedScenario load(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return ScenarioLoader.load(f);
    }

    static double manufacturing(LoadedScenario s, String indicator) {
        LcaResult r = s.result();
        int k = r.indicatorRow(indicator);
        double v = 0;
        for (int j = 0; j < r.techIndex().size(); j++) {
            if (r.techIndex().at(j).process().id().equals("workload:life/srv/manufacturing")) {
                v += r.directImpact(k, j);
            }
        }
        return v;
    }

    private static double primaryEnergy(LoadedScenario s) {
        LcaResult r = s.result();
        int i = r.flowIndex().indexOf("primary_energy_unspecified").orElseThrow();
        double v = 0;
        for (int j = 0; j < r.techIndex().size(); j++) {
            v += r.directInventory(i, j);
        }
        return v;
    }

    @Test
    void aBladeServerIsTheSumOfItsComponents() throws Exception {
        LoadedScenario s = load(BLADE);
        double ramDensity = 1.2443636; // Boavizta's crowdsourced mean, GB/cm2
        double gwp = (400 * 0.0197 + 9.14) // cpu
                + 4 * (16 / ramDensity * 2.20 + 5.22) // ram
                + 2 * 31.11 // hdd
                + 2.99 * 24.30 // power supply of the default mass
                + 30.90 + 880.0 / 16 // blade and a sixteenth of its enclosure
                + 66.10 + 6.68; // motherboard and assembly, implied as in Boavizta's server
        double adp = (400 * 5.87e-9 + 2.04e-2) + 4 * (16 / ramDensity * 6.30e-5 + 1.69e-3) + 2 * 2.50e-4 + 2.99 * 8.30e-3
                + 6.72e-4 + 4.32e-1 / 16 + 3.69e-3 + 1.41e-6;
        double pe = (400 * 0.265 + 156) + 4 * (16 / ramDensity * 27.3 + 74) + 2 * 276 + 2.99 * 352 + 435 + 12700.0 / 16
                + 836 + 68.6;
        assertEquals(gwp, manufacturing(s, "ipcc-ar6-gwp100/climate_change"), gwp * 1e-9);
        assertEquals(adp, manufacturing(s, "cml-ia-adp/adp_elements"), adp * 1e-9);
        assertEquals(pe, primaryEnergy(s), pe * 1e-9);
    }

    @Test
    void defaultsAreParametersWithTheLibrarysRanges() throws Exception {
        LoadedScenario s = load(BLADE);
        ParameterReport.Row density = s.parameters().stream().filter(p -> p.name().equals("hardware.srv.ram_density"))
                .findFirst().orElseThrow();
        assertEquals(1.2443636, density.value(), 0);
        assertEquals("triangular", density.distribution().get("distribution"));
        assertEquals(0.625, ((Number) density.distribution().get("min")).doubleValue(), 0);
        assertEquals(2.375, ((Number) density.distribution().get("max")).doubleValue(), 0);
        ParameterReport.Row psu = s.parameters().stream().filter(p -> p.name().equals("hardware.srv.power_supply_mass"))
                .findFirst().orElseThrow();
        assertEquals(2.99, psu.value(), 0);
        assertEquals(5.0, ((Number) psu.distribution().get("max")).doubleValue(), 0);
    }

    @Test
    void aDeclaredParameterOverridesTheLibraryDensity() throws Exception {
        // the user's global parameter of the same name replaces the library's mean: 4 × 16 GB / 2.0 GB/cm2 × 2.20 kg
        String yaml = BLADE.replace("name: bottom-up\n", "name: bottom-up\nparameters:\n  - {name: hardware.srv.ram_density, value: 2.0}\n");
        double base = manufacturing(load(BLADE), "ipcc-ar6-gwp100/climate_change");
        double with = manufacturing(load(yaml), "ipcc-ar6-gwp100/climate_change");
        assertEquals(4 * 16 * 2.20 * (1 / 2.0 - 1 / 1.2443636), with - base, 1e-9);
    }

    @Test
    void aGpuArchetypeWithoutPrimaryEnergyLeavesItUncovered() throws Exception {
        LoadedScenario s = load(HEAD + "      - {type: cpu, core_units: 24, die_area_per_core: 24.5 mm2}\n"
                + "      - {type: gpu, units: 4, archetype: nvidia-l4}\n");
        // cpu 588 mm2 + motherboard + rack case + assembly + 4 L4 (ADEME/Hubblo manufacturing stage, 57.4794 kg each)
        double gwp = 588 * 0.0197 + 9.14 + 66.10 + 150 + 6.68 + 4 * 57.4794;
        assertEquals(gwp, manufacturing(s, "ipcc-ar6-gwp100/climate_change"), 1e-9 * gwp);
        // the L4 card has ADPe (Hubblo) but no primary energy: ADPe is complete for the device
        double adp = 588 * 5.87e-9 + 2.04e-2 + 3.69e-3 + 2.02e-2 + 1.41e-6 + 4 * 0.00248167955;
        assertEquals(adp, manufacturing(s, "cml-ia-adp/adp_elements"), 1e-9 * adp);
        var manufacturing = s.compiled().system().processes().stream()
                .filter(p -> p.id().equals("workload:life/srv/manufacturing")).findFirst().orElseThrow();
        assertTrue(manufacturing.coverage().contains("adp_elements"), manufacturing.coverage().toString());
        assertFalse(manufacturing.coverage().contains("pe_total"), manufacturing.coverage().toString());
    }

    private Cli run(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        Cli cli = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("\tat "), cli.err());
        assertEquals(2, cli.code(), cli.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written for bad input");
        return cli;
    }

    private void expect(String yaml, String message) throws Exception {
        String err = run(yaml).err();
        assertTrue(err.contains(message), err);
    }

    @Test
    void badComponentsAreRefusedAtTheirPosition() throws Exception {
        expect(HEAD + "      - {type: cpus, die_area: 400 mm2}\n", "s.yaml:13:16: unknown component type 'cpus'");
        expect(HEAD + "      - {type: cpu, die_area: 400 mm2, core_units: 8}\n", "s.yaml:13:9: the cpu of hardware 'srv' needs its 'die_area'");
        expect(HEAD + "      - {type: cpu, die_area: 400 kg}\n", "s.yaml:13:");
        expect(HEAD + "      - {type: ram, units: 4}\n", "s.yaml:13:9: the ram of hardware 'srv' needs its 'capacity' per module");
        expect(HEAD + "      - {type: ram, capacity: 16 GB, density: 0}\n", "s.yaml:13:");
        expect(HEAD + "      - {type: ram, capacity: 16 GB, units: 1.5}\n", "s.yaml:13:");
        expect(HEAD + "      - {type: gpu, archetype: nvidia-h200}\n", "s.yaml:13:32: unknown device archetype 'nvidia-h200'");
        expect(HEAD + "      - {type: hdd, mass: 1 kg}\n", "s.yaml:13:21: 'mass' does not apply to a hdd component");
        expect(HEAD + "      - {type: case, enclosure: tower}\n", "s.yaml:13:33: a case 'enclosure' is rack or blade");
    }
}
