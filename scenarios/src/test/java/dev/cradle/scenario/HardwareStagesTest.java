package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.LifecycleStage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An explicit inventory's transport and end-of-life stages are kept beside the declared freight legs, and an
 * explicit end of life replaces the library's default e-waste treatment (it was silently dropped before).
 */
class HardwareStagesTest {
    @TempDir
    Path dir;

    private LcaResult run(String endOfLife) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                cradle: 1
                name: stages
                methods: [ipcc-ar6-gwp100]
                datacenters:
                  - {id: dc, grid_intensity: 400 g/kWh, pue: 1.0}
                hardware:
                  - id: box
                    datacenter: dc
                    lifetime: 1000 h
                    power: 100 W
                    mass: 10 kg
                    inventory:
                      manufacturing: [{flow: co2_fossil, amount: 50 kg}]
                      transport: [{flow: co2_fossil, amount: 2 kg}]
                """ + endOfLife + """
                    transport: [{mode: road, distance: 100 km}]
                models: [{id: m}]
                workloads: [{id: w, model: m, phase: training, hardware: box, device_hours: 1000}]
                functional_unit: {kind: study}
                """);
        return Cradle.calculator().calculate(ScenarioLoader.load(f).compiled());
    }

    private static double stage(LcaResult r, LifecycleStage s) {
        return r.byStage(r.indicatorRow("climate_change")).values().get(s.title());
    }

    @Test
    void explicitStagesAreKeptBesideTheLibrarysFreightAndReplaceItsEndOfLife() throws Exception {
        // one device carried: 1,000 device-h / (1,000 h × utilisation 1)
        LcaResult r = run("      end_of_life: [{flow: co2_fossil, amount: 3 kg}]\n");
        // transport = 2 kg declared + 10 kg / 1000 × 100 km × DEFRA road 0.12522 kg/t·km (ttw 0.10163 + wtt 0.02359)
        assertEquals(2 + 0.01 * 100 * (0.10163 + 0.02359), stage(r, LifecycleStage.TRANSPORT), 1e-9);
        // end of life = the declared 3 kg; the library's e-waste treatment does not apply beside it
        assertEquals(3, stage(r, LifecycleStage.END_OF_LIFE), 1e-12);
        // without an explicit end of life, the library's: 10 kg × (22.3 % recycled × r + 77.7 % × l)
        var t = FactorLibrary.bundled().ewasteTreatment();
        double rate = FactorLibrary.bundled().recyclingRates().get("world");
        LcaResult d = run("");
        assertEquals(10 * (rate * t.recycledKgCo2ePerKg() + (1 - rate) * t.landfilledKgCo2ePerKg()),
                stage(d, LifecycleStage.END_OF_LIFE), 1e-12);
    }
}
