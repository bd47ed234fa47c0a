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
    private dev.cradle.scenario.LoadedScenario bloom;

    @Setup
    public void setUp() {
        training = BloomModels.training();
        twenty = BloomModels.trainingAndServing();
        bloom = dev.cradle.scenario.ScenarioLoader.load(AnalysisBench.SCENARIO);
    }

    /** The bundled BLOOM example with ten uncertain inputs through its compiled model, every output (run from the repository root). */
    @Benchmark
    public dev.cradle.scenario.analysis.StudyAnalysis monteCarloBloomScenarioMillionDraws() {
        return dev.cradle.scenario.analysis.StudyAnalyzer.analyse(bloom, new dev.cradle.scenario.analysis.AnalysisOptions(
                java.util.EnumSet.of(dev.cradle.scenario.analysis.AnalysisOptions.Analysis.MONTE_CARLO), 1_000_000, 42,
                Runtime.getRuntime().availableProcessors(), 2, 2, true, null));
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
