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

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = Runtime.getRuntime().availableProcessors();
        FormulaModel training = BloomModels.training();
        FormulaModel twenty = BloomModels.trainingAndServing();
        MonteCarlo.Result mc = null;
        double mcBest = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats + 2; r++) {
            long t0 = System.nanoTime();
            mc = MonteCarlo.run(training, training.uncertainParameters(), MonteCarlo.Settings.of(DRAWS, SEED));
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 2) {
                mcBest = Math.min(mcBest, s);
            }
        }
        double sobolBest = Double.POSITIVE_INFINITY;
        Sobol.Result sobol = null;
        for (int r = 0; r < repeats + 2; r++) {
            long t0 = System.nanoTime();
            sobol = Sobol.run(twenty, twenty.uncertainParameters(), Sobol.Settings.of(8192, SEED));
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 2) {
                sobolBest = Math.min(sobolBest, s);
            }
        }
        scenario(args.length > 1 ? Path.of(args[1]) : SCENARIO, repeats, threads);
        OutputStatistics total = mc.outputs().get(3);
        System.out.printf(Locale.ROOT, "cradle Monte Carlo: %,d draws, 10 parameters, 4 outputs, %d threads: %.3f s "
                        + "(min of %d)%n", DRAWS, threads, mcBest, repeats);
        System.out.printf(Locale.ROOT, "cradle total_kg mean %.6g sd %.6g p2.5 %.6g p97.5 %.6g%n", total.mean(),
                total.sd(), total.p2_5(), total.p97_5());
        System.out.printf(Locale.ROOT, "cradle Sobol: 20 parameters, N = 8,192, %,d evaluations, 200 bootstrap "
                + "resamples, %d threads: %.3f s (min of %d)%n", sobol.evaluations(), threads, sobolBest, repeats);
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
        StudyAnalysis mc = null;
        double mcBest = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats + 2; r++) {
            long t0 = System.nanoTime();
            mc = StudyAnalyzer.analyse(study, mcOnly);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 2) {
                mcBest = Math.min(mcBest, s);
            }
        }
        StudyAnalysis sobol = null;
        double sobolBest = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats + 2; r++) {
            long t0 = System.nanoTime();
            sobol = StudyAnalyzer.analyse(study, sobolOnly);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 2) {
                sobolBest = Math.min(sobolBest, s);
            }
        }
        System.out.printf(Locale.ROOT, "cradle scenario %s: Monte Carlo %,d draws, %d parameters, %d outputs, %d "
                        + "threads: %.3f s (min of %d)%n", file.getFileName(), DRAWS, mc.parameters().size(),
                mc.outputs().size(), threads, mcBest, repeats);
        for (int o = 0; o < mc.outputs().size(); o++) {
            OutputStatistics s = mc.monteCarlo().outputs().get(o);
            if (s.sd() == 0) {
                continue; // zero in every draw: indicators the hardware's data do not cover
            }
            System.out.printf(Locale.ROOT, "cradle scenario %s mean %.6g sd %.6g p2.5 %.6g p97.5 %.6g%n",
                    mc.outputs().get(o).name(), s.mean(), s.sd(), s.p2_5(), s.p97_5());
        }
        System.out.printf(Locale.ROOT, "cradle scenario Sobol: %d parameters, N = 8,192, %,d evaluations, %d threads: "
                        + "%.3f s (min of %d)%n", sobol.parameters().size(), sobol.sobol().evaluations(), threads,
                sobolBest, repeats);
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
            double best = Double.POSITIVE_INFINITY;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("numpy seconds ")) {
                        best = Math.min(best, Double.parseDouble(line.substring(14)));
                    } else {
                        System.out.println(line);
                    }
                }
            }
            if (proc.waitFor() != 0) {
                System.out.println("peer failed with exit code " + proc.exitValue());
                return;
            }
            System.out.printf(Locale.ROOT, label + ": %.3f s (min of %d)%n", DRAWS, best, repeats);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
