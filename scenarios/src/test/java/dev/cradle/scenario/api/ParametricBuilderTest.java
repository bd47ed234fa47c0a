package dev.cradle.scenario.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.model.MlPhase;
import org.junit.jupiter.api.Test;

/** Builder fields given as formulas over the study's parameters, through the rules and the calculator. */
class ParametricBuilderTest {

    static Study study() {
        return Cradle.aiStudy("parametric")
                .parameter("gpu_w", 400, "W")
                .parameter("days", 10, "d")
                .datacenter(Declarations.datacenter("dc").gridIntensity(50, "g/kWh").pue(1.2))
                .hardware(Declarations.hardware("gpus").embodiedClimate(150, "kg").count(8).datacenter("dc")
                        .lifetime(5, "years").power("gpu_w", "W"))
                .model(Declarations.model("m"))
                .workload(Declarations.workload("w").model("m").phase(MlPhase.TRAINING).hardware("gpus")
                        .deviceHours("days * 24 * 8"))
                .build();
    }

    @Test
    void formulasOverParametersGiveTheLiteralStudysResult() {
        // the README's study: 1,920 device-h × 0.4 kW × 1.2 × 0.05 kg/kWh = 46.08 kg + 150 kg × 1,920 / 43,800 = 6.5753 kg
        assertEquals(46.08 + 150 * 1920 / 43800.0, Cradle.evaluate(study()).impact("climate_change"), 1e-9);
    }

    @Test
    void theCalculatorMovesTheAiResultWithoutRebuilding() {
        ParameterCalculator calc = Cradle.calculator(study());
        // gpu_w = 350 W: 1,920 × 0.35 × 1.2 × 0.05 = 40.32 kg + 6.5753 kg embodied
        assertEquals(40.32 + 150 * 1920 / 43800.0, calc.with("gpu_w", 350).result().impact("climate_change"), 1e-9);
        // days = 5: 960 device-h; 960 × 0.4 × 1.2 × 0.05 = 23.04 kg + 150 × 960 / 43,800 = 3.2877 kg
        assertEquals(23.04 + 150 * 960 / 43800.0, calc.with("days", 5).result().impact("climate_change"), 1e-9);
    }
}
