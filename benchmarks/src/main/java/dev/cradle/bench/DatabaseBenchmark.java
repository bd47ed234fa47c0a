package dev.cradle.bench;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseLinker;
import dev.cradle.scenario.io.DatabaseResults;
import dev.cradle.scenario.io.Databases;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code cradle db calc uslci} without the CLI: read the bundled USLCI (JSON-LD, 766 processes), link,
 * characterise with the library's default methods, one factorisation and one adjoint solve per
 * indicator. Single-shot in fresh forks, so each measurement is a cold start (class loading, JIT)
 * minus the JVM's own launch. Run: {@code java -jar benchmarks/target/benchmarks.jar DatabaseBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class DatabaseBenchmark {

    @Benchmark
    public DatabaseResults uslciEveryProcessColdStart() {
        FactorLibrary lib = FactorLibrary.bundled();
        return DatabaseCalculator.calculate(DatabaseLinker.link(Databases.read("uslci"), ImportOptions.defaults()),
                lib.defaultMethods(), new FlowMapping(lib.flows().values()));
    }
}
