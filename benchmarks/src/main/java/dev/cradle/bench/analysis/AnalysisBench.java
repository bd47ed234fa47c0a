package dev.cradle.bench.analysis;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.Sobol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.analysis.AnalysisOptions;
import dev.cradle.scenario.analysis.StudyAnalysis;
import dev.cradle.scenario.analysis.StudyAnalyzer;

/**
 * Issue 10's benchmark with its NumPy peer, in one run: 1,000,000 Monte Carlo draws of the BLOOM training model
 * (Cradle on all processors, then {@code numpy_peer.py}: the same distributions and formulas, vectorised, the
 * same statistics), and Sobol with twenty parameters at N = 8,192. Cradle's figure is the minimum of
 * {@code REPEATS} timed runs after two untimed ones; NumPy's the minimum of its repeats.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.cradle.bench.analysis.AnalysisBench [REPEATS]}
 */
public final class AnalysisBench {
    private static final int DRAWS = 1_000_000;
    private static final long SEED = 42;

    private AnalysisBench() {
    }

    /**
     * Wall-clock and CPU seconds of the timed runs (after the untimed warm-up runs). CPU time is the whole
     * process's (every thread: the workers and the merging thread, plus the JIT and the collector), read from
     * {@code OperatingSystemMXBean#getProcessCpuTime}; on a shared machine it shows the work done when the wall
     * clock shows the waiting too.
     */
    record Timings(double[] wall, double[] cpu) {
        static Timings of(int repeats, int warmUp, Runnable run) {
            double[] wall = new double[repeats];
            double[] cpu = new double[repeats];
            for (int r = 0; r < repeats + warmUp; r++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                run.run();
                long t1 = System.nanoTime();
                long c1 = processCpuNanos();
                if (r >= warmUp) {
                    wall[r - warmUp] = (t1 - t0) / 1e9;
                    cpu[r - warmUp] = (c1 - c0) / 1e9;
                }
            }
            return new Timings(wall, cpu);
        }

        double bestWall() {
            return Arrays.stream(wall).min().orElse(Double.NaN);
        }

        /** "wall 0.123 s (min; median 0.130, max 0.150), CPU 0.240 s (min; median 0.250, max 0.260), n runs". */
        String describe() {
            return String.format(Locale.ROOT, "wall %.3f s (min; median %.3f, max %.3f), CPU %.3f s (min; median %.3f, "
                    + "max %.3f), %d runs", min(wall), median(wall), max(wall), min(cpu), median(cpu), max(cpu),
                    wall.length);
        }

        private static double min(double[] x) {
            return Arrays.stream(x).min().orElse(Double.NaN);
        }

        private static double max(double[] x) {
            return Arrays.stream(x).max().orElse(Double.NaN);
        }

        private static double median(double[] x) {
            double[] s = x.clone();
            Arrays.sort(s);
            return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2]
                    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = Runtime.getRuntime().availableProcessors();
        FormulaModel training = BloomModels.training();
        FormulaModel twenty = BloomModels.trainingAndServing();
        MonteCarlo.Result[] mc = new MonteCarlo.Result[1];
        Timings mcTimes = Timings.of(repeats, 2, () -> mc[0] = MonteCarlo.run(training, training.uncertainParameters(),
                MonteCarlo.Settings.of(DRAWS, SEED)));
        Sobol.Result[] sobol = new Sobol.Result[1];
        Timings sobolTimes = Timings.of(repeats, 2, () -> sobol[0] = Sobol.run(twenty, twenty.uncertainParameters(),
                Sobol.Settings.of(8192, SEED)));
        scenario(args.length > 1 ? Path.of(args[1]) : SCENARIO, repeats, threads);
        OutputStatistics total = mc[0].outputs().get(3);
        System.out.printf(Locale.ROOT, "cradle Monte Carlo: %,d draws, 10 parameters, 4 outputs, %d threads: %.3f s "
                + "(min of %d); %s%n", DRAWS, threads, mcTimes.bestWall(), repeats, mcTimes.describe());
        System.out.printf(Locale.ROOT, "cradle total_kg mean %.6g sd %.6g p2.5 %.6g p97.5 %.6g%n", total.mean(),
                total.sd(), total.p2_5(), total.p97_5());
        System.out.printf(Locale.ROOT, "cradle Sobol: 20 parameters, N = 8,192, %,d evaluations, 200 bootstrap "
                        + "resamples, %d threads: %.3f s (min of %d); %s%n", sobol[0].evaluations(), threads,
                sobolTimes.bestWall(), repeats, sobolTimes.describe());
        peer("numpy_peer.py", "numpy Monte Carlo: %,d draws, same formulas and statistics", repeats);
        peer("numpy_scenario_peer.py", "numpy scenario Monte Carlo: %,d draws, the scenario's formulas, statistics of "
                + "its 5 distinct outputs", repeats);
    }

    /** The bundled BLOOM training example with ten uncertain inputs, run from the repository's root. */
    static final Path SCENARIO = Path.of("scenarios/examples/analysis/bloom-training-uncertain.yaml");

    /**
     * The same targets through the compiled scenario: {@link StudyAnalyzer#analyse} with Monte Carlo only (every
     * output of the study: total, stages, phase, model, devices) and with Sobol only (N = 8,192).
     */
    private static void scenario(Path file, int repeats, int threads) {
        LoadedScenario study = ScenarioLoader.load(file);
        AnalysisOptions mcOnly = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), DRAWS, SEED,
                threads, 2, 2, true, null);
        AnalysisOptions sobolOnly = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.SOBOL), 1, SEED, threads,
                8192, 2, true, null);
        StudyAnalysis[] analysis = new StudyAnalysis[2];
        // the location-based pass alone (what the NumPy scenario peer computes) ends when its Monte Carlo ("Monte
        // Carlo", not "Monte Carlo (market basis)") reports its last block; a market-based pass (a study with
        // contracts) runs after it
        double[] locationWall = new double[repeats];
        double[] locationCpu = new double[repeats];
        int[] run = {-2};
        boolean[] marketPass = {false};
        Timings mcTimes = Timings.of(repeats, 2, () -> {
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            int r = run[0]++;
            analysis[0] = StudyAnalyzer.analyse(study, mcOnly, (name, unit) -> {
                if ("Monte Carlo (market basis)".equals(name)) {
                    marketPass[0] = true;
                }
                return !"Monte Carlo".equals(name) ? null : (done, total) -> {
                    if (done == total && r >= 0) {
                        locationWall[r] = (System.nanoTime() - t0) / 1e9;
                        locationCpu[r] = (processCpuNanos() - c0) / 1e9;
                    }
                };
            });
        });
        Timings location = new Timings(locationWall, locationCpu);
        Timings sobolTimes = Timings.of(repeats, 2, () -> analysis[1] = StudyAnalyzer.analyse(study, sobolOnly));
        StudyAnalysis mc = analysis[0];
        StudyAnalysis sobol = analysis[1];
        double mcBest = mcTimes.bestWall();
        double sobolBest = sobolTimes.bestWall();
        System.out.printf(Locale.ROOT, "cradle scenario %s: Monte Carlo %,d draws, %d parameters, %d outputs%s, %d "
                        + "threads: %.3f s (min of %d); %s%n", file.getFileName(), DRAWS, mc.parameters().size(),
                mc.outputs().size(), mc.market() == null ? "" : marketPass[0]
                        ? " + " + mc.market().outputs().size() + " market-based outputs (a second pass)"
                        : " (market basis = location basis: no contract, no second pass)",
                threads, mcBest, repeats, mcTimes.describe());
        System.out.printf(Locale.ROOT, "cradle scenario %s: location-based pass alone (study compiled, %,d draws, %d "
                        + "outputs; the work of the NumPy scenario peer): %.3f s (min of %d); %s%n", file.getFileName(),
                DRAWS, mc.outputs().size(), location.bestWall(), repeats, location.describe());
        for (int o = 0; o < mc.outputs().size(); o++) {
            OutputStatistics s = mc.monteCarlo().outputs().get(o);
            if (s.sd() == 0) {
                continue; // zero in every draw: indicators the hardware's data do not cover
            }
            System.out.printf(Locale.ROOT, "cradle scenario %s mean %.6g sd %.6g p2.5 %.6g p97.5 %.6g%n",
                    mc.outputs().get(o).name(), s.mean(), s.sd(), s.p2_5(), s.p97_5());
        }
        System.out.printf(Locale.ROOT, "cradle scenario Sobol: %d parameters, N = 8,192, %,d evaluations, %d threads: "
                        + "%.3f s (min of %d); %s%n", sobol.parameters().size(), sobol.sobol().evaluations(), threads,
                sobolBest, repeats, sobolTimes.describe());
    }

    private static void peer(String resource, String label, int repeats) throws IOException, InterruptedException {
        Path script = Files.createTempFile("numpy_peer", ".py");
        try (InputStream in = AnalysisBench.class.getResourceAsStream(resource)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Process probe;
            try {
                probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.println("peer skipped: python3 not found");
                return;
            }
            if (probe.waitFor() != 0) {
                System.out.println("peer skipped: python3 cannot import numpy");
                return;
            }
            Process proc = new ProcessBuilder("python3", script.toString(), String.valueOf(DRAWS),
                    String.valueOf(repeats), String.valueOf(SEED)).redirectErrorStream(true).start();
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("numpy seconds ")) {
                        // "numpy seconds WALL cpu CPU" (process time: NumPy's own threads included)
                        String[] f = line.substring(14).trim().split("\\s+");
                        wall.add(Double.parseDouble(f[0]));
                        cpu.add(f.length > 2 ? Double.parseDouble(f[2]) : Double.NaN);
                    } else {
                        System.out.println(line);
                    }
                }
            }
            if (proc.waitFor() != 0) {
                System.out.println("peer failed with exit code " + proc.exitValue());
                return;
            }
            Timings t = new Timings(wall.stream().mapToDouble(Double::doubleValue).toArray(),
                    cpu.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(Locale.ROOT, label + ": %.3f s (min of %d); %s%n", DRAWS, t.bestWall(), repeats,
                    t.describe());
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
