package dev.cradle.scenario.cli;

import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.analysis.AnalysisOptions;
import dev.cradle.scenario.analysis.ScenarioComparer;
import dev.cradle.scenario.analysis.ScenarioComparison;
import dev.cradle.scenario.report.study.ComparisonReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cradle compare A.yaml B.yaml [...] --out DIR}: the scenarios on the same draws of the parameters they
 * share; per indicator each one's distribution, the distribution of every difference and the probability that one
 * is lower, written as one set (report.md, report.html, results.json, report.csv).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two or more scenarios on the same Monte Carlo draws of the parameters they share: "
                + "per indicator the distribution of each difference and the probability that one is lower. Writes "
                + "report.md, report.html, results.json and report.csv (tidy)."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "2..*", description = "two or more scenario files (YAML)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/comparison)")
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
        Path dir = out != null ? out : Path.of("results", "comparison");
        List<LoadedScenario> scenarios = new ArrayList<>();
        for (Path f : files) {
            LoadedScenario s = study.load(f);
            CradleCli.printWarnings(s, spec.commandLine().getErr());
            ReportCommand.requireImpacts(s);
            scenarios.add(s);
        }
        OutputFolder.check(dir);
        ScenarioComparison comparison;
        try (TerminalProgress progress = TerminalProgress.open(String.join(" vs ", files.stream()
                .map(f -> String.valueOf(f.getFileName())).toList()))) {
            comparison = ScenarioComparer.compare(scenarios, options, TerminalProgress.orNone(progress));
        } catch (ArithmeticException e) {
            throw new EnvironmentException("the comparison cannot go on: " + e.getMessage());
        }
        comparison.coverage().stream().filter(c -> c.startsWith(dev.cradle.scenario.analysis.ScenarioComparer.NO_SHARED_UNIT))
                .forEach(c -> spec.commandLine().getErr().println("cradle: warning: " + c));
        Map<String, String> written = ComparisonReportFiles.of(comparison);
        OutputFolder.write(dir, written);
        PrintWriter o = spec.commandLine().getOut();
        o.print(ComparisonReportFiles.summary(comparison));
        o.println("Wrote " + String.join(", ", written.keySet().stream().map(n -> dir.resolve(n).toString()).toList()));
        o.flush();
        return CradleCli.OK;
    }
}
