package dev.cradle.bench;

import dev.cradle.engine.solve.BlockTriangularSolver;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SparseLuSolver;
import dev.cradle.engine.solve.UslciMatrix;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixSparseCSC;
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
 * The solver on real data: USLCI's technosphere (766 processes, 4,103 non-zeros, a 21-process and a
 * 2-process loop; lca-engine/src/test/resources/uslci). Factorising; one demand on a kept
 * factorisation; factorising and solving every process as functional unit (766 demands); and every
 * process's cumulative results for 10 indicators from one factorisation (10 adjoint solves). The
 * whole-system Ruiz-scaled LU is timed beside the block solver the engine uses. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar Uslci}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UslciBenchmark {
    private static final int INDICATORS = 10;

    private DMatrixSparseCSC a;
    private Factorization factorization;
    private double[] demand;
    private double[][] perRun;

    @Setup
    public void setUp() {
        a = UslciMatrix.technosphere();
        factorization = new BlockTriangularSolver().factorize(a);
        demand = new double[a.numCols];
        demand[0] = 1;
        Random rnd = new Random(42);
        perRun = new double[INDICATORS][a.numCols];
        for (double[] row : perRun) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextDouble() < 0.3 ? rnd.nextDouble() : 0;
            }
        }
    }

    @Benchmark
    public Factorization factoriseByBlocks() {
        return new BlockTriangularSolver().factorize(a);
    }

    @Benchmark
    public Factorization factoriseWholeSystem() {
        return new SparseLuSolver().factorize(a);
    }

    @Benchmark
    public double[] solveOneDemandOnAKeptFactorisation() {
        return factorization.solve(demand);
    }

    @Benchmark
    public double everyProcessAsFunctionalUnit() {
        Factorization f = new BlockTriangularSolver().factorize(a);
        double sum = 0;
        double[] e = new double[a.numCols];
        for (int j = 0; j < a.numCols; j++) {
            e[j] = 1;
            sum += f.solve(e)[j];
            e[j] = 0;
        }
        return sum;
    }

    @Benchmark
    public double[][] allProcessIntensities() {
        return new BlockTriangularSolver().factorize(a).solveTransposed(perRun);
    }
}
