package dev.cradle.bench.scale;

import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.Solver;
import dev.cradle.engine.solve.SolverSelector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The scale benchmark: for each benchmark system (benchmarks/README.md) Cradle's solver
 * ({@link SolverSelector}) and, in the same run on the same exported MatrixMarket files, SciPy's SuperLU
 * (the bundled scipy_peer.py; "peer skipped" when python3 with SciPy is missing), side by side with the
 * ratios of issue 12's targets.
 *
 * <p>Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.cradle.bench.scale.ScaleBench
 * [--repeat R] [--peer-repeat R] [--peer-timeout S] [--no-peer] [--out DIR] [SYSTEM ...]} with SYSTEM one of {@code uslci} (the bundled database),
 * {@code uslci-matrix} (the engine's test resource), {@code regional:N}, {@code harsh:N[:MARKET_SHARE]}. Every time is the minimum over R repeats (default 3)
 * of a cold call (a new factorisation each time), after one warm-up.
 */
public final class ScaleBench {
    private static final long SEED = 12;
    private static final int DEMANDS = 100;

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int repeat = 3;
        int peerTimeout = 600;
        int peerRepeat = 0;
        boolean peer = true;
        Path out = Path.of("target", "scale-bench");
        List<String> systems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--peer-timeout" -> peerTimeout = Integer.parseInt(args[++i]);
                case "--peer-repeat" -> peerRepeat = Integer.parseInt(args[++i]);
                case "--no-peer" -> peer = false;
                case "--out" -> out = Path.of(args[++i]);
                default -> systems.add(args[i]);
            }
        }
        if (systems.isEmpty()) {
            systems = List.of("uslci", "regional:1000", "regional:5000", "regional:20000", "harsh:1000", "harsh:5000",
                    "harsh:20000");
        }
        if (peerRepeat == 0) {
            peerRepeat = repeat;
        }
        Path script = peer ? peerScript(out) : null;
        List<String> verdicts = new ArrayList<>();
        List<String> monteCarlo = new ArrayList<>();
        List<String> cpuRows = new ArrayList<>();
        String peerName = script == null ? "peer skipped" : "SciPy (" + script + ")";
        System.out.printf(Locale.ROOT, "Cradle scale benchmark; %s; max heap %d MB; %d cores; load average %.2f%n",
                peerName, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("times in seconds, minimum of " + repeat + "; ratio = Cradle / SciPy (target ≤ 1.0)");
        System.out.printf(Locale.ROOT, "%-22s %7s %8s | %9s %9s %6s | %9s %9s %6s | %8s %8s %6s | %8s %6s  %s%n",
                "system", "n", "nnz", "single", "spsolve", "ratio", "every", "splu(Aᵀ)", "ratio",
                "100 dem.", "100 ind.", "gain", "|r|∞", "peakMB", "method");
        for (String spec : systems) {
            BenchmarkSystem system = build(spec);
            Path aFile = system.export(out);
            Row row = measure(system, repeat);
            Peer p = script == null ? null : runPeer(script, system, aFile, out, peerRepeat, peerTimeout);
            System.out.println(row.format(system, p));
            cpuRows.add(row.formatCpu(system, p));
            verdicts.addAll(row.targets(spec, system, p));
            if (spec.startsWith("regional") && system.processes() >= 20_000) {
                monteCarlo.add(MonteCarloBench.run(system, row.single()));
            }
        }
        System.out.println("* 100 independent solves estimated as 100 × one single evaluation (over 30 s to run)");
        System.out.println("the same in CPU time (Cradle: the solving thread's; SciPy: time.process_time)");
        System.out.printf(Locale.ROOT, "%-22s %7s | %9s %9s %6s | %9s %9s %6s | %8s %8s %6s%n", "system", "n", "single",
                "spsolve", "ratio", "every", "splu(Aᵀ)", "ratio", "100 dem.", "100 ind.", "gain");
        cpuRows.forEach(System.out::println);
        monteCarlo.forEach(System.out::println);
        System.out.println("targets (issue 12):");
        verdicts.forEach(v -> System.out.println("  " + v));
    }

    static BenchmarkSystem build(String spec) {
        String[] parts = spec.split(":");
        return switch (parts[0]) {
            case "uslci" -> BenchmarkFamilies.uslciDatabase();
            case "uslci-matrix" -> BenchmarkFamilies.uslci(SEED);
            case "regional" -> BenchmarkFamilies.regional(Integer.parseInt(parts[1]), SEED);
            case "harsh" -> BenchmarkFamilies.harsh(Integer.parseInt(parts[1]),
                    parts.length > 2 ? Double.parseDouble(parts[2]) : 0.01, SEED);
            default -> throw new IllegalArgumentException("unknown system " + spec
                    + " (uslci, uslci-matrix, regional:N, harsh:N[:MARKET_SHARE])");
        };
    }

    /** Cradle's figures for one system. */
    record Row(Time singleTime, Time everyTime, Time kDemandsTime, Time kIndependentTime, boolean estimated,
               double residual, long heapMb, String method) {
        double single() {
            return singleTime.wall();
        }

        /** The same figures in process CPU time ({@link Time}). */
        String formatCpu(BenchmarkSystem s, Peer p) {
            double spsolve = p == null ? Double.NaN : p.spsolveCpu;
            double adjoint = p == null ? Double.NaN : p.adjointCpu;
            return String.format(Locale.ROOT, "%-22s %7d | %9.4f %9s %6s | %9.4f %9s %6s | %8.4f %7.3f%s %5.0f×",
                    s.name(), s.processes(), singleTime.cpu(), p(spsolve), ratio(singleTime.cpu(), spsolve),
                    everyTime.cpu(), p(adjoint), ratio(everyTime.cpu(), adjoint), kDemandsTime.cpu(),
                    kIndependentTime.cpu(), estimated ? "*" : " ", kIndependentTime.cpu() / kDemandsTime.cpu());
        }

        String format(BenchmarkSystem s, Peer p) {
            double single = singleTime.wall();
            double every = everyTime.wall();
            double kDemands = kDemandsTime.wall();
            double kIndependent = kIndependentTime.wall();
            String spsolve = p == null ? p(Double.NaN) : p(p.spsolve);
            String adjoint = p == null ? p(Double.NaN) : p(p.adjoint);
            return String.format(Locale.ROOT, "%-22s %7d %8d | %9.4f %9s %6s | %9.4f %9s %6s | %8.4f %7.3f%s %5.0f× | %8.1e %6d  %s%s",
                    s.name(), s.processes(), s.a().col_idx[s.processes()], single, spsolve,
                    ratio(single, p == null ? Double.NaN : p.spsolve), every, adjoint,
                    ratio(every, p == null ? Double.NaN : p.adjoint), kDemands, kIndependent, estimated ? "*" : " ",
                    kIndependent / kDemands, residual, heapMb, method, p == null ? "" : p.note);
        }

        /** This row's verdicts on the targets. */
        List<String> targets(String spec, BenchmarkSystem s, Peer p) {
            List<String> out = new ArrayList<>();
            String name = s.name();
            double single = singleTime.wall();
            double every = everyTime.wall();
            boolean realFamily = spec.startsWith("uslci") || spec.startsWith("regional");
            if (realFamily && p != null && s.processes() <= 21_000) {
                out.add(verdict(name + ": single evaluation ≤ 1.0× spsolve", single / p.spsolve,
                        singleTime.cpu() / p.spsolveCpu, 1.0, true));
                out.add(verdict(name + ": every-process intensities ≤ 1.0× splu(Aᵀ)+solves", every / p.adjoint,
                        everyTime.cpu() / p.adjointCpu, 1.0, true));
            }
            if (spec.startsWith("harsh") && s.processes() >= 20_000) {
                out.add(verdict(name + ": residual-checked answer under 10 s", single, singleTime.cpu(), 10, true));
            }
            out.add(verdict(name + ": 100 demands on one factorisation ≥ 10× faster than 100 independent solves",
                    kIndependentTime.wall() / kDemandsTime.wall(), kIndependentTime.cpu() / kDemandsTime.cpu(), 10,
                    false));
            return out;
        }

        /** "MET" or "NOT" by the wall clock, then by CPU time (figures in that order). */
        private static String verdict(String what, double wall, double cpu, double bound, boolean atMost) {
            return String.format(Locale.ROOT, "%-4s (CPU: %-3s) %s (wall %.3g; CPU %.3g)", met(wall, bound, atMost),
                    met(cpu, bound, atMost), what, wall, cpu);
        }

        private static String met(double figure, double bound, boolean atMost) {
            return (atMost ? figure <= bound : figure >= bound) ? "MET" : "NOT";
        }

        private static String p(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%9.4f", v);
        }

        private static String ratio(double mine, double theirs) {
            return Double.isNaN(theirs) ? "-" : String.format(Locale.ROOT, "%6.2f", mine / theirs);
        }
    }

    static Row measure(BenchmarkSystem s, int repeat) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Solver solver = new SolverSelector();
        DMatrixSparseCSC a = s.a();
        int n = a.numCols;
        double[] e0 = new double[n];
        e0[0] = 1;
        double[][] cb = dev.cradle.engine.matrix.CharacterisedInterventions.of(s.b(), s.c());
        Factorization warm = solver.factorize(a);
        double[] x0 = warm.solve(e0);
        Time single = best(repeat, () -> solver.factorize(a).solve(e0));
        Time every = best(repeat, () -> solver.factorize(a).solveTransposed(cb));
        Random rnd = new Random(SEED);
        int[] cols = new int[DEMANDS];
        for (int k = 0; k < DEMANDS; k++) {
            cols[k] = rnd.nextInt(n);
        }
        Time kDemands = best(repeat, () -> {
            Factorization f = solver.factorize(a);
            double[] d = new double[n];
            double sum = 0;
            for (int c : cols) {
                d[c] = 1;
                sum += f.solve(d)[c];
                d[c] = 0;
            }
            return sum;
        });
        boolean estimated = single.wall() * DEMANDS > 30;
        Time kIndependent = estimated ? single.times(DEMANDS) : best(1, () -> {
            double sum = 0;
            double[] d = new double[n];
            for (int c : cols) {
                d[c] = 1;
                sum += solver.factorize(a).solve(d)[c];
                d[c] = 0;
            }
            return sum;
        });
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        heap >>= 20;
        return new Row(single, every, kDemands, kIndependent, estimated, maxResidual(a, x0, e0), heap,
                warm.method());
    }

    private static double maxResidual(DMatrixSparseCSC a, double[] x, double[] b) {
        double[] r = b.clone();
        for (int j = 0; j < a.numCols; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                r[a.nz_rows[p]] -= a.nz_values[p] * x[j];
            }
        }
        double m = 0;
        for (double v : r) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * The minimum time of {@code repeat} calls (more, up to one second, when calls are fast), after
     * warm-up calls for up to two seconds (at least one): the JIT compiles the solver first, as in a
     * long-running analysis; a cold JVM's first call is slower (docs/performance.md).
     */
    private static Time best(int repeat, Supplier<Object> task) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        for (int w = 0; w < 200 && (w == 0 || System.nanoTime() < warmUntil); w++) {
            check(task.get());
        }
        double min = Double.POSITIVE_INFINITY;
        double minCpu = Double.POSITIVE_INFINITY;
        long until = System.nanoTime() + 1_000_000_000L;
        for (int r = 0; r < repeat || (r < 200 && System.nanoTime() < until); r++) {
            long c = processCpuNanos();
            long t = System.nanoTime();
            check(task.get());
            min = Math.min(min, (System.nanoTime() - t) / 1e9);
            minCpu = Math.min(minCpu, (processCpuNanos() - c) / 1e9);
        }
        return new Time(min, minCpu);
    }

    /**
     * A task's wall-clock time and the CPU time of the thread that ran it, each the minimum over the repeats. On a machine loaded by other
     * processes the wall clock counts their time slices too; the CPU time is what an idle machine would show
     * (within cache effects), and the SciPy peer reports the same (time.process_time).
     */
    record Time(double wall, double cpu) {
        Time times(double k) {
            return new Time(wall * k, cpu * k);
        }
    }

    /**
     * CPU time of this, the solving thread, in nanoseconds (the JVM's process CPU time is counted in 10 ms
     * ticks on Linux, too coarse for solves of a millisecond; the collectors' pauses, which the wall clock
     * includes, are left out).
     */
    private static long processCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void check(Object result) {
        if (result == null) {
            throw new IllegalStateException("no result");
        }
    }

    record Peer(double spsolve, double adjoint, double spsolveCpu, double adjointCpu, String note) {
    }

    /** The bundled peer script written to {@code dir}, or null (with the reason printed) without SciPy. */
    static Path peerScript(Path dir) throws IOException, InterruptedException {
        Process probe;
        try {
            probe = new ProcessBuilder("python3", "-c", "import scipy, numpy").redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("peer skipped: python3 not found");
            return null;
        }
        probe.getInputStream().readAllBytes();
        if (probe.waitFor() != 0) {
            System.out.println("peer skipped: python3 cannot import scipy and numpy");
            return null;
        }
        Files.createDirectories(dir);
        Path script = dir.resolve("scipy_peer.py");
        try (InputStream in = ScaleBench.class.getResourceAsStream("scipy_peer.py")) {
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    static Peer runPeer(Path script, BenchmarkSystem s, Path aFile, Path dir, int repeat, int timeout)
            throws IOException, InterruptedException {
        Process proc = new ProcessBuilder("python3", script.toString(), aFile.toString(),
                dir.resolve(s.name() + "-B.mtx").toString(), dir.resolve(s.name() + "-C.mtx").toString(),
                "--demands", String.valueOf(DEMANDS), "--repeat", String.valueOf(repeat))
                .redirectErrorStream(true).start();
        if (!proc.waitFor(timeout, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            return new Peer(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, "  (SciPy stopped after " + timeout + " s: ratios are upper bounds)");
        }
        String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Peer(field(text, "spsolve_s"), field(text, "adjoint_s"), field(text, "spsolve_cpu_s"),
                field(text, "adjoint_cpu_s"), "");
    }

    private static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": ([0-9.eE+-]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
