package dev.cradle.bench;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.model.MlPhase;
import dev.cradle.scenario.api.Cradle;
import dev.cradle.scenario.api.ParameterCalculator;
import dev.cradle.scenario.api.Study;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the parameter calculator saves (the call the Monte Carlo analysis makes per draw): an AI study
 * (one datacenter on a library grid, a library GPU archetype with transport and end of life, a training
 * and an inference workload) recalculated for a new value of a global parameter (the datacenter's
 * location-based grid intensity, which the AI rules declare as one) through the compiled system, against
 * building it again for a new PUE (declarations, AI rules, product system, compilation, solve).
 * {@code java -jar benchmarks/target/benchmarks.jar ParameterCalculator}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParameterCalculatorBenchmark {
    private ParameterCalculator calculator;
    private double[] values;
    private int slot;
    private String grid;
    private double draw;

    static Study study(double pue) {
        return Cradle.aiStudy("benchmark")
                .datacenter(Declarations.datacenter("dc").grid("FR").pue(pue).wueOnsite(0.5, "L/kWh"))
                .hardware(Declarations.hardware("gpus").archetype("nvidia-a100-80gb").count(16).datacenter("dc")
                        .lifetime(5, "years").utilisation(0.8).power(350, "W").mass(1.7, "kg")
                        .transport("air", 9000, "km"))
                .model(Declarations.model("m"))
                .workload(Declarations.workload("train").model("m").phase(MlPhase.TRAINING).hardware("gpus")
                        .deviceHours(16 * 24 * 14))
                .workload(Declarations.workload("serve").model("m").phase(MlPhase.INFERENCE).hardware("gpus")
                        .energyPerQuery(2, "Wh").queries(1e6).devices(2).deployment(30, "d"))
                .build();
    }

    @Setup
    public void setUp() {
        calculator = Cradle.calculator(study(1.2));
        values = calculator.values();
        grid = calculator.parameters().stream().filter(p -> p.startsWith("grid_intensity")).findFirst()
                .orElseThrow();
        slot = calculator.slot(grid);
    }

    /** One draw through the primitive layer: set a slot, re-evaluate the derived slots, refill, solve. */
    @Benchmark
    public double calculatorPrimitive() {
        draw = draw > 0.3 ? 0 : draw + 0.01;
        values[slot] = 0.03 + draw;
        return calculator.calculate(values).impacts()[0];
    }

    /** The same through {@code with(name, value).result()}: a name lookup and one array copy more. */
    @Benchmark
    public double calculatorWith() {
        draw = draw > 0.3 ? 0 : draw + 0.01;
        return calculator.with(grid, 0.03 + draw).result().impacts()[0];
    }

    /** Building the study again for the new value: declarations, rules, product system, compile, solve. */
    @Benchmark
    public double rebuild() {
        draw = draw > 0.3 ? 0 : draw + 0.01;
        return Cradle.evaluate(study(1.1 + draw)).locationBased().impacts()[0];
    }
}
