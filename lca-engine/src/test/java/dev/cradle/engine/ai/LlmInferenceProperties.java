package dev.cradle.engine.ai;

import static dev.cradle.engine.ai.Declarations.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.LlmInference;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * What must hold for every per-request inference (EcoLogits' methodology): the GPU count is the smallest power of
 * two whose memory holds the model; energy grows with the active parameters (EcoLogits' own monotonicity test,
 * tests/test_llm_impacts.py) and with the output tokens; a measured latency only ever lowers the result.
 */
class LlmInferenceProperties {
    private static LlmInferenceEnergy.Result of(double activeB, double totalB, double tokens, Double latencyS) {
        AiScenario empty = new AiScenario(List.of(), List.of(), List.of(), List.of(),
                new AiFunctionalUnit(FunctionalUnitKind.STUDY, "", number(1), "test"));
        CompilationContext ctx = new CompilationContext(empty, BundledFigures.DATA, Map.of());
        LlmInference d = new LlmInference(number(1), number(tokens), number(activeB), number(totalB), null,
                latencyS == null ? null : number(latencyS), null, null, null, null, null);
        return LlmInferenceEnergy.of(ctx, d, Value.of(1));
    }

    @Property(tries = 300)
    void theGpuCountIsTheSmallestPowerOfTwoHoldingTheModel(@ForAll @DoubleRange(min = 0.01, max = 2000) double totalB) {
        double gpus = of(totalB, totalB, 100, null).gpus().central();
        double memory = 1.2 * totalB * 16 / 8;
        int k = (int) Math.round(Math.log(gpus) / Math.log(2));
        assertEquals(Math.pow(2, k), gpus, 0, "a power of two");
        assertTrue(gpus * 80 >= memory * (1 - 1e-12), gpus + " GPUs hold " + memory + " GB");
        assertTrue(gpus == 1 || gpus / 2 * 80 < memory, "half as many GPUs would not hold " + memory + " GB");
    }

    @Property(tries = 300)
    void energyGrowsWithActiveParametersAndTokens(@ForAll @DoubleRange(min = 0.1, max = 1000) double totalB,
                                                  @ForAll @DoubleRange(min = 0.1, max = 0.9) double share,
                                                  @ForAll @IntRange(min = 1, max = 4000) int tokens) {
        double less = of(totalB * share, totalB, tokens, null).kwhPerRequest().central();
        double more = of(totalB, totalB, tokens, null).kwhPerRequest().central();
        assertTrue(more > less, "dense " + more + " > mixture of experts " + less);
        assertTrue(of(totalB, totalB, tokens + 1, null).kwhPerRequest().central() > more, "one token more costs more");
    }

    @Property(tries = 300)
    void aMeasuredLatencyNeverRaisesTheResult(@ForAll @DoubleRange(min = 0.1, max = 500) double totalB,
                                             @ForAll @DoubleRange(min = 0.01, max = 1000) double latencyS) {
        var fitted = of(totalB, totalB, 300, null);
        var bounded = of(totalB, totalB, 300, latencyS);
        assertEquals(Math.min(latencyS, fitted.latencyS().central()), bounded.latencyS().central(), 1e-12);
        assertTrue(bounded.itKwh().central() <= fitted.itKwh().central() * (1 + 1e-12));
        assertTrue(bounded.gpuHours().central() <= fitted.gpuHours().central() * (1 + 1e-12));
    }
}
