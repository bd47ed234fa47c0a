package dev.cradle.bench;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.FunctionalUnitDemands;
import dev.cradle.engine.calc.NamedFunctionalUnit;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Several functional units of one study (scenarios/examples/chat-service-functional-units.yaml, six units):
 * every unit as a demand vector on one factorisation of the compiled system ({@link FunctionalUnitDemands},
 * what {@code cradle run} does per basis), against compiling and solving a system per unit. Run from the
 * repository root with {@code java -jar benchmarks/target/benchmarks.jar FunctionalUnits}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FunctionalUnitsBenchmark {
    private static final Path EXAMPLE = Path.of("scenarios/examples/chat-service-functional-units.yaml");

    private LoadedScenario scenario;
    private FunctionalUnitDemands demands;
    private double[] parameters;

    @Setup
    public void setUp() {
        if (!Files.isRegularFile(EXAMPLE)) {
            throw new IllegalStateException("run from the repository root: " + EXAMPLE + " not found");
        }
        scenario = ScenarioLoader.load(EXAMPLE);
        demands = FunctionalUnitDemands.compile(scenario.compiled(), scenario.aiStudy().orElseThrow().functionalUnits());
        parameters = scenario.compiled().parameters().evaluate();
    }

    @Benchmark
    public List<LcaResult> everyUnitOnOneFactorisation() {
        return demands.results(Cradle.calculator().prepare(scenario.compiled(), parameters), parameters);
    }

    @Benchmark
    public List<LcaResult> aSystemCompiledAndSolvedPerUnit() {
        List<LcaResult> out = new ArrayList<>();
        for (NamedFunctionalUnit u : scenario.aiStudy().orElseThrow().functionalUnits()) {
            CompiledSystem c = Cradle.compile(scenario.system().withFunctionalUnit(u.unit()));
            out.add(Cradle.calculator().calculate(c));
        }
        return out;
    }
}
