package dev.cradle.scenario.cli;

import dev.cradle.scenario.analysis.AnalysisOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code cradle report} and {@code cradle compare} that choose and size the analyses. */
final class AnalysisCommandOptions {
    /** Draws at most; more would take hours on a laptop and is almost surely a typing slip. */
    static final long MAX_DRAWS = 100_000_000L;
    static final int MAX_SOBOL_N = 1 << 20;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "10000",
            description = "Monte Carlo draws, 1 to 100,000,000 (default: ${DEFAULT-VALUE})")
    long draws;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "the seed: the same seed and options repeat every number, bit for bit (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--analyses", paramLabel = "LIST", defaultValue = "mc,tornado,morris,sobol", split = ",",
            description = "which analyses to run, comma-separated: mc, tornado, morris, sobol (default: ${DEFAULT-VALUE})")
    java.util.List<String> analyses;

    @Option(names = "--sobol-n", paramLabel = "N", defaultValue = "1024",
            description = "Sobol base sample size N, 2 to 1,048,576; evaluations = N × (parameters + 2) (default: ${DEFAULT-VALUE})")
    int sobolN;

    @Option(names = "--morris-r", paramLabel = "R", defaultValue = "20",
            description = "Morris trajectories, 2 to 10,000 (default: ${DEFAULT-VALUE})")
    int morrisR;

    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads (default: all processors); the numbers do not depend on it")
    Integer threads;

    @Option(names = "--no-library-ranges",
            description = "keep the library's ranges (hardware embodied, generation technologies, building per MW) at their central values instead of sampling them")
    boolean noLibraryRanges;

    @Option(names = "--raw-draws", paramLabel = "FILE",
            description = "also write every Monte Carlo draw (parameters and outputs) to this CSV file; with "
                    + "electricity contracts, the market-based outputs to FILE with .market before its extension")
    Path rawDraws;

    /** Checks the values and builds the analysis options; a bad value is a {@link CommandLine.ParameterException}. */
    AnalysisOptions toOptions(CommandLine cl) {
        if (draws < 1 || draws > MAX_DRAWS) {
            throw new CommandLine.ParameterException(cl, "--draws must be between 1 and 100,000,000, got " + draws);
        }
        if (sobolN < 2 || sobolN > MAX_SOBOL_N) {
            throw new CommandLine.ParameterException(cl, "--sobol-n must be between 2 and 1,048,576, got " + sobolN);
        }
        if (morrisR < 2 || morrisR > 10_000) {
            throw new CommandLine.ParameterException(cl, "--morris-r must be between 2 and 10,000, got " + morrisR);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new CommandLine.ParameterException(cl, "--threads must be between 1 and 1024, got " + t);
        }
        Set<AnalysisOptions.Analysis> chosen = EnumSet.noneOf(AnalysisOptions.Analysis.class);
        for (String a : analyses) {
            switch (a.trim().toLowerCase(Locale.ROOT)) {
                case "mc", "monte-carlo", "montecarlo" -> chosen.add(AnalysisOptions.Analysis.MONTE_CARLO);
                case "tornado", "oat" -> chosen.add(AnalysisOptions.Analysis.TORNADO);
                case "morris" -> chosen.add(AnalysisOptions.Analysis.MORRIS);
                case "sobol" -> chosen.add(AnalysisOptions.Analysis.SOBOL);
                case "none" -> {
                }
                default -> throw new CommandLine.ParameterException(cl, "--analyses: unknown analysis '" + a
                        + "'; choose from mc, tornado, morris, sobol (comma-separated), or none");
            }
        }
        if (rawDraws != null) {
            if (rawDraws.toString().isEmpty() || Files.isDirectory(rawDraws)) {
                throw new CommandLine.ParameterException(cl, "--raw-draws must name a file, got '" + rawDraws + "'");
            }
            Path parent = rawDraws.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                throw new CommandLine.ParameterException(cl, "--raw-draws: the folder " + parent
                        + " does not exist or is not writable");
            }
        }
        return new AnalysisOptions(chosen, draws, seed, t, sobolN, morrisR, !noLibraryRanges, rawDraws);
    }
}
