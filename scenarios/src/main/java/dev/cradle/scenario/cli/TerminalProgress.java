package dev.cradle.scenario.cli;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.scenario.analysis.AnalysisProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on the terminal for long analyses (me.tongfei:progressbar), one per analysis (Monte Carlo, tornado,
 * Morris, Sobol, the market basis, a comparison's common draws), each closed when the next starts. Drawn on standard
 * error and only when standard output is a terminal ({@link System#console()} is not null): piped or redirected runs,
 * and the tests, print nothing.
 */
final class TerminalProgress implements AnalysisProgress, AutoCloseable {
    private final String subject;
    private ProgressBar bar;

    TerminalProgress(String subject) {
        this.subject = subject;
    }

    /** Progress bars for the analyses of {@code subject} (e.g. the scenario file's name), or null when stdout is not a terminal. */
    static TerminalProgress open(String subject) {
        return System.console() == null ? null : new TerminalProgress(subject);
    }

    /** {@code progress} itself, or {@link AnalysisProgress#NONE} when it is null (not a terminal). */
    static AnalysisProgress orNone(TerminalProgress progress) {
        return progress == null ? AnalysisProgress.NONE : progress;
    }

    @Override
    public MonteCarlo.Progress start(String analysis, String unit) {
        close();
        String task = analysis + " " + subject;
        return (done, total) -> {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" " + unit, 1)
                        .showSpeed().build();
            } else if (bar.getMax() != total) {
                bar.maxHint(total); // Sobol's total shrinks when outputs share their indices
            }
            bar.stepTo(done);
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
