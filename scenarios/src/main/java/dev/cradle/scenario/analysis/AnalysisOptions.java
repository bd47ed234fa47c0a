package dev.cradle.scenario.analysis;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an uncertainty and sensitivity analysis of a study runs, and with which settings.
 *
 * @param analyses            the analyses to run (Monte Carlo, tornado, Morris, Sobol)
 * @param draws               Monte Carlo draws, ≥ 1
 * @param seed                the one seed of the whole analysis: same seed and options, same numbers, bit for bit
 * @param threads             worker threads, ≥ 1 (does not change the numbers)
 * @param sobolN              Sobol base sample size N (evaluations = N·(k + 2) for k parameters), ≥ 2
 * @param morrisTrajectories  Morris trajectories r, ≥ 2
 * @param libraryRanges       true: the library's ranges (hardware embodied, generation technologies, building per MW)
 *                            are sampled as distributions unless the scenario fixes them; false: they stay at their
 *                            central values
 * @param rawDraws            file to write every Monte Carlo draw to (CSV), or null for streamed statistics only
 */
public record AnalysisOptions(Set<Analysis> analyses, long draws, long seed, int threads, int sobolN,
                              int morrisTrajectories, boolean libraryRanges, Path rawDraws) {

    /** The analyses a report can run. */
    public enum Analysis { MONTE_CARLO, TORNADO, MORRIS, SOBOL }

    public AnalysisOptions {
        analyses = analyses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(analyses));
        if (draws < 1) {
            throw new IllegalArgumentException("the number of draws must be >= 1, got " + draws);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (sobolN < 2) {
            throw new IllegalArgumentException("the Sobol sample size N must be >= 2, got " + sobolN);
        }
        if (morrisTrajectories < 2) {
            throw new IllegalArgumentException("Morris needs >= 2 trajectories, got " + morrisTrajectories);
        }
    }

    /** Every analysis; 10,000 draws, Sobol N = 1,024, 20 Morris trajectories, library ranges sampled, all cores. */
    public static AnalysisOptions defaults(long seed) {
        return new AnalysisOptions(EnumSet.allOf(Analysis.class), 10_000, seed,
                Runtime.getRuntime().availableProcessors(), 1024, 20, true, null);
    }

    public boolean runs(Analysis analysis) {
        return analyses.contains(Objects.requireNonNull(analysis));
    }
}
