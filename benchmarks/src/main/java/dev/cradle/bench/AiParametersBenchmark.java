package dev.cradle.bench;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ai.AiStudy;
import dev.cradle.engine.ai.MarketBasis;
import dev.cradle.engine.ai.ParametricStudyProperties;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.Parameter;
import dev.cradle.model.ProductSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A parametric AI study (the property test's: a mix grid, an H100 archetype, idle capacity and a building, every
 * rule reading parameters) evaluated at a new parameter vector — set a slot, evaluate the parameter table, solve,
 * location- and market-based — versus running the rules and compiling the system again with that value, which
 * is what a new parameter value cost before the rules built trees. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar AiParametersBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AiParametersBenchmark {
    private CompiledSystem system;
    private MarketBasis market;
    private int slot;
    private double value;

    @Setup
    public void setUp() {
        AiStudy ai = Cradle.aiCompiler(FactorLibrary.bundled()).compile(ParametricStudyProperties.study(), ParametricStudyProperties.CENTRAL);
        system = Cradle.compile(system(ai, ParametricStudyProperties.CENTRAL));
        market = ai.marketBasis(system);
        slot = system.parameters().globalSlot("dh");
        value = 75;
    }

    private static ProductSystem system(AiStudy ai, Map<String, Double> parameters) {
        List<Parameter> globals = new ArrayList<>();
        parameters.forEach((k, v) -> globals.add(Parameter.of(k, v)));
        globals.addAll(ai.parameters());
        return new ProductSystem("ai", ai.processes(), ai.functionalUnit(), globals,
                FactorLibrary.bundled().defaultMethods(), null);
    }

    @Benchmark
    public double newParameterVector() {
        double[] p = system.parameters().constants();
        p[slot] = value;
        system.parameters().evaluateInto(p);
        return Cradle.calculator().calculate(system, p).impacts()[0]
                + Cradle.calculator().calculate(system, market.apply(p)).impacts()[0];
    }

    @Benchmark
    public double rerunRulesAndRecompile() {
        Map<String, Double> changed = new LinkedHashMap<>(ParametricStudyProperties.CENTRAL);
        changed.put("dh", value);
        AiStudy ai = Cradle.aiCompiler(FactorLibrary.bundled()).compile(ParametricStudyProperties.study(), changed);
        CompiledSystem again = Cradle.compile(system(ai, changed));
        double[] p = again.parameters().constants();
        again.parameters().evaluateInto(p);
        return Cradle.calculator().calculate(again, p).impacts()[0]
                + Cradle.calculator().calculate(again, ai.marketBasedParameters(again, p)).impacts()[0];
    }
}
