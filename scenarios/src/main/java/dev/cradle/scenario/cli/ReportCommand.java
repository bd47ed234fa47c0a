package dev.cradle.scenario.cli;

import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.analysis.AnalysisOptions;
import dev.cradle.scenario.analysis.StudyAnalysis;
import dev.cradle.scenario.analysis.StudyAnalyzer;
import dev.cradle.scenario.report.study.StudyReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cradle report FILE --out DIR}: the study's deterministic result with its uncertainty and sensitivity
 * analysis, written as one set (report.md, report.html, results.json, tidy CSV tables and the reporting statement in
 * Markdown and LaTeX). Everything is computed before anything is written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write an ISO 14044 report of a scenario with its uncertainty and sensitivity analysis: "
                + "report.md, report.html (charts), results.json, report.csv, contributions.csv, sensitivity.csv "
                + "(tidy), statement.md and statement.tex (a reporting statement to paste into a paper)."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the scenario file (YAML)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<scenario file name>-report)")
    Path out;

    @CommandLine.Mixin
    AnalysisCommandOptions analysis;

    @CommandLine.Mixin
    CradleCli.StudyOptions study;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AnalysisOptions options = analysis.toOptions(spec.commandLine());
        String base = String.valueOf(file == null ? "" : file.getFileName());
        Path dir = out != null ? out : Path.of("results", (base.contains(".") ? base.substring(0, base.lastIndexOf('.'))
                : base) + "-report");
        LoadedScenario scenario = study.load(file);
        CradleCli.printWarnings(scenario, spec.commandLine().getErr());
        requireImpacts(scenario);
        OutputFolder.check(dir);
        StudyAnalysis result = analyse(scenario, options);
        Map<String, String> files = StudyReportFiles.of(scenario, result);
        OutputFolder.write(dir, files);
        PrintWriter o = spec.commandLine().getOut();
        o.println(StudyReportFiles.summary(scenario, result));
        o.println("Wrote " + String.join(", ", files.keySet().stream().map(n -> dir.resolve(n).toString()).toList()));
        o.flush();
        return CradleCli.OK;
    }

    /**
     * The analyses are of impact results: a scenario without methods (an inventory only, as {@code cradle run} prints
     * it) has none to analyse, which is bad input (exit 2) with what would be right.
     */
    static void requireImpacts(LoadedScenario scenario) {
        if (scenario.result().impacts().length == 0) {
            throw new EnvironmentException(scenario.file() + ": the scenario computes an inventory only (it names no "
                    + "impact method), so there is no impact result to analyse; name one, e.g. 'methods: "
                    + "[ipcc-ar6-gwp100]' ('cradle factors search method' lists them)");
        }
    }

    /**
     * Runs the analyses with a progress bar each on a terminal; a draw the model cannot take is bad input (exit 2).
     */
    static StudyAnalysis analyse(LoadedScenario scenario, AnalysisOptions options) {
        try (TerminalProgress progress = TerminalProgress.open(String.valueOf(scenario.file().getFileName()))) {
            return StudyAnalyzer.analyse(scenario, options, TerminalProgress.orNone(progress));
        } catch (ArithmeticException e) {
            throw new EnvironmentException(scenario.file() + ": the analysis cannot go on: " + e.getMessage());
        }
    }
}
