package dev.cradle.bench.analysis;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.Sobol;
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
 * Issue 10's speed targets: 1,000,000 Monte Carlo draws of the BLOOM training model (ten uncertain parameters,
 * four outputs, full statistics) and Sobol indices of the twenty-parameter model at N = 8,192 (180,224
 * evaluations, 200 bootstrap resamples), on all processors. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar AnalysisBenchmark}; the NumPy comparison is {@link AnalysisBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisBenchmark {
    private FormulaModel training;
    private FormulaModel twenty;

    @Setup
    public void setUp() {
        training = BloomModels.training();
        twenty = BloomModels.trainingAndServing();
    }

    @Benchmark
    public MonteCarlo.Result monteCarloBloomTrainingMillionDraws() {
        return MonteCarlo.run(training, training.uncertainParameters(), MonteCarlo.Settings.of(1_000_000, 42));
    }

    @Benchmark
    public Sobol.Result sobolTwentyParametersN8192() {
        return Sobol.run(twenty, twenty.uncertainParameters(), Sobol.Settings.of(8192, 42));
    }
}
