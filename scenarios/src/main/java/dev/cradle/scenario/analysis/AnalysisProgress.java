package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.MonteCarlo;

/**
 * Tells how each analysis of a study goes, one callback per analysis (e.g. one progress bar each on a terminal):
 * {@link StudyAnalyzer} and {@link ScenarioComparer} call {@link #start} before each analysis they run, then the
 * returned callback, on the calling thread, with what is done of the total.
 */
@FunctionalInterface
public interface AnalysisProgress {
    /** No progress reporting. */
    AnalysisProgress NONE = (analysis, unit) -> null;

    /**
     * An analysis is about to run.
     *
     * @param analysis its name: {@code Monte Carlo}, {@code Monte Carlo (market basis)}, {@code Tornado},
     *                 {@code Morris}, {@code Sobol}, {@code Comparison}
     * @param unit     what the counts count: {@code draws}, {@code evaluations}, or {@code steps} (Sobol's
     *                 evaluations, then its bootstrap resamples)
     * @return the callback for this analysis, or null for none
     */
    MonteCarlo.Progress start(String analysis, String unit);
}
