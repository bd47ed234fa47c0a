package dev.cradle.scenario.cli;

import dev.cradle.engine.analysis.MonteCarlo;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal for long analyses (me.tongfei:progressbar), drawn on standard error and only when
 * standard output is a terminal ({@link System#console()} is not null): piped or redirected runs, and the tests,
 * print nothing.
 */
final class TerminalProgress implements MonteCarlo.Progress, AutoCloseable {
    private final String task;
    private ProgressBar bar;

    private TerminalProgress(String task) {
        this.task = task;
    }

    /** A progress callback for {@code task}, or null when stdout is not a terminal. */
    static TerminalProgress open(String task) {
        return System.console() == null ? null : new TerminalProgress(task);
    }

    @Override
    public void update(long done, long total) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" draws", 1)
                    .showSpeed().build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
