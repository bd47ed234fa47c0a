package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.api.Cradle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed allocation shares are numeric fields like any other: a share may be a parameter or a formula, its
 * tree carries into the allocated exchanges, and moving the parameter through the calculator equals
 * re-loading the study with the share written as a literal.
 */
class ParametricFixedSharesTest {
    @TempDir
    Path dir;

    /**
     * Two workloads on one GPU group; the building (1,000 t CO2-eq, 10 MW, 20 years; the tenancy holds 1 MW for
     * 8,760 h) is split by fixed shares. The tenancy's building burden is 1e6 kg × 1/10 × 8,760/175,200 = 5,000 kg,
     * of which 'train' carries {@code share} and 'serve' the rest; the totals do not depend on the split, so the
     * test compares per-model contributions through whole-study results and the trained-model unit.
     */
    private static String study(String train, String serve, String parameters) {
        return """
                name: fixed shares
                parameters:
                %s
                datacenters:
                  - id: dc
                    grid_intensity: 0.4 kg/kWh
                    pue: 1.2
                    tenancy: {it_power: 1 MW, period: 8760 h}
                    infrastructure:
                      - {id: building, embodied: 1000 t, capacity: 10 MW, lifetime: 20 years,
                         allocation: {fixed: {train: %s, serve: %s}}}
                hardware:
                  - {id: gpus, embodied: {climate_change: 100 kg}, count: 8, datacenter: dc, lifetime: 5 years, power: 400 W}
                models:
                  - {id: m1}
                  - {id: m2}
                workloads:
                  - {id: train, model: m1, phase: training, hardware: gpus, device_hours: 1000}
                  - {id: serve, model: m2, phase: inference, hardware: gpus, device_hours: 3000}
                functional_unit: {kind: trained_model, model: m1}
                """.formatted(parameters, train, serve);
    }

    private Path write(String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void aParametricShareGivesTheLiteralsResultAndMovesWithItsParameter() throws Exception {
        LoadedScenario literal = ScenarioLoader.load(write("literal.yaml", study("0.3", "0.7", "  unused: 1")));
        LoadedScenario parametric = ScenarioLoader.load(write("parametric.yaml",
                study("share", "1 - share", "  share: 0.3")));
        same(literal.result(), parametric.result(), "share 0.3");

        // per trained model m1: use 1,000 device-h × 0.4 kW × 1.2 × 0.4 kg/kWh = 192 kg; embodied 100 kg × 8 devices ×
        // 1,000 / (8 × 43,800) device-h = 2.28311 kg; building 0.3 × 5,000 = 1,500 kg
        LoadedScenario literal6 = ScenarioLoader.load(write("literal6.yaml", study("0.6", "0.4", "  unused: 1")));
        LcaResult moved = Cradle.calculator(parametric).with("share", 0.6).result();
        same(literal6.result(), moved, "share 0.6 through the calculator");
        int k = literal.result().impactIndex().indexOf("climate_change").orElseThrow();
        double difference = literal6.result().impacts()[k] - literal.result().impacts()[k];
        // moving the share from 0.3 to 0.6 moves the trained model's building burden by 0.3 × 5,000 kg = 1,500 kg
        assertEquals(1500, difference, 1e-9);
    }

    @Test
    void parametricSharesThatDoNotSumToOneAreRefusedAtTheirPosition() throws Exception {
        Cli cli = Cli.run("validate", write("bad.yaml", study("share", "0.9", "  share: 0.3")).toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("fixed shares sum to 1.2, not 1 at the parameters' central values"), cli.err());
        assertTrue(cli.err().contains("bad.yaml:11:"), cli.err());
    }

    private static void same(LcaResult a, LcaResult b, String what) {
        for (int k = 0; k < a.impactIndex().size(); k++) {
            double x = a.impacts()[k];
            double y = b.impacts()[k];
            assertEquals(x, y, 1e-12 * Math.max(Math.abs(x), Math.abs(y)), what + " " + a.impactIndex().at(k).key());
        }
    }
}
