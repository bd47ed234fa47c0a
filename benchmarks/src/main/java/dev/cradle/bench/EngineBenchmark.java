package dev.cradle.bench;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.solve.SparseLuSolver;
import dev.cradle.engine.solve.TopologicalSolver;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine speed: compiled formula evaluation versus parsing every time (what openLCA's interpreter
 * does), and solving random supply chains of n processes by topological substitution and by sparse
 * LU. Run with {@code java -jar benchmarks/target/benchmarks.jar}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    private static final String FORMULA = "if(utilisation > 0, gpus * power_w * hours / 1000 * pue / utilisation, 0)";
    private static final List<String> NAMES = List.of("gpus", "power_w", "hours", "pue", "utilisation");

    @Param({"100", "2000"})
    int processes;

    private double[] values;
    private CompiledFormula compiled;
    private MatrixData matrices;
    private CompiledSystem system;

    @Setup
    public void setUp() {
        values = new double[] {8, 400, 72, 1.2, 0.85};
        compiled = FormulaCompiler.compile(FORMULA, FormulaParser.parse(FORMULA), NAMES::indexOf);
        system = Cradle.compile(chain(processes, new Random(42)));
        matrices = system.matrices();
    }

    /** A random acyclic supply chain: process i buys from up to three processes after it. */
    static ProductSystem chain(int n, Random rnd) {
        Flow co2 = Flow.elementary("co2", "CO2", Units.of("kg"), Compartment.AIR);
        Flow[] p = new Flow[n];
        for (int i = 0; i < n; i++) {
            p[i] = Flow.product("p" + i, "p" + i, Units.of("kg"));
        }
        ProductSystem.Builder b = ProductSystem.builder("chain");
        for (int i = 0; i < n; i++) {
            Process.Builder pb = Process.builder("proc" + i).output(p[i], 1).output(co2, rnd.nextDouble());
            for (int k = 0; k < 3 && i + 1 < n; k++) {
                pb.input(p[i + 1 + rnd.nextInt(n - i - 1)], rnd.nextDouble() * 0.3);
            }
            b.process(pb.build());
        }
        return b.functionalUnit(p[0], 1, "").build();
    }

    @Benchmark
    public double formulaCompiledOnce() {
        return compiled.evaluate(values);
    }

    @Benchmark
    public double formulaParsedEveryTime() {
        return FormulaCompiler.compile(FORMULA, FormulaParser.parse(FORMULA), NAMES::indexOf).evaluate(values);
    }

    @Benchmark
    public double[] solveTopological() {
        return new TopologicalSolver().factorize(matrices.technosphere()).solve(matrices.demand());
    }

    @Benchmark
    public double[] solveSparseLu() {
        return new SparseLuSolver().factorize(matrices.technosphere()).solve(matrices.demand());
    }

    @Benchmark
    public MatrixData rebuildMatrices() {
        return system.matrices(system.parameters().evaluate());
    }
}
