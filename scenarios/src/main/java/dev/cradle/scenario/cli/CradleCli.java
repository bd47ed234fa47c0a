package dev.cradle.scenario.cli;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.solve.SingularSystemException;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.report.ExplainSections;
import dev.cradle.scenario.Problem;
import dev.cradle.scenario.ScenarioException;
import dev.cradle.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code cradle} command line. Exit codes: 0 success, 2 bad input (scenario problems or a wrong
 * command line; never a stack trace), 1 internal fault.
 */
@Command(name = "cradle", mixinStandardHelpOptions = true, version = "cradle 0.1.0",
        description = "Life cycle assessment for AI systems (ISO 14040/14044).",
        subcommands = {CradleCli.Run.class, CradleCli.Validate.class, CradleCli.Explain.class, FactorsCommand.class, DbCommand.class,
                ReportCommand.class, CompareCommand.class,
                CommandLine.HelpCommand.class})
public final class CradleCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int INTERNAL_FAULT = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new CradleCli());
        cl.setOut(o);
        cl.setErr(e);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, e));
        cl.setParameterExceptionHandler((ex, a) -> {
            e.println("cradle: " + ex.getMessage());
            e.println("Try 'cradle " + (ex.getCommandLine().getCommandName().equals("cradle") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return code;
    }

    static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof ScenarioException se) {
            for (Problem p : se.problems()) {
                err.println(p);
            }
            err.println(se.problems().size() == 1 ? "1 problem; nothing was calculated."
                    : se.problems().size() + " problems; nothing was calculated.");
            return BAD_INPUT;
        }
        if (ex instanceof ModelException me) {
            me.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
            return BAD_INPUT;
        }
        if (ex instanceof EnvironmentException ee) {
            err.println("cradle: " + ee.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof SingularSystemException se) {
            err.println("cradle: the system cannot be solved: " + se.getMessage());
            return BAD_INPUT;
        }
        err.println("cradle: internal error: " + ex);
        if (System.getenv("CRADLE_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("This is a bug in Cradle, not in your input. Set CRADLE_DEBUG=1 for the stack trace.");
        }
        return INTERNAL_FAULT;
    }

    /** Prints each warning as {@code file:line:column: warning: message} to the error stream. */
    static void printWarnings(LoadedScenario s, PrintWriter err) {
        s.warnings().forEach(w -> err.println(w.file() + ":" + w.position().line() + ":" + w.position().column()
                + ": warning: " + w.message()));
        err.flush();
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Calculate a scenario: print impacts by indicator, life cycle stage and ML phase, "
                    + "and write results.json, results.csv, functional-units.csv and parameters.csv into the output folder."})
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the scenario file (YAML)")
        Path file;

        @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<scenario file name>)")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StudyOptions study;

        @Override
        public Integer call() throws Exception {
            Path dir = out != null ? out : Path.of("results", stripExtension(String.valueOf(file.getFileName())));
            LoadedScenario scenario = study.load(file);
            Reports reports = Reports.of(scenario);
            printWarnings(scenario, spec.commandLine().getErr());
            OutputFolder.check(dir);
            OutputFolder.write(dir, reports.files());
            PrintWriter o = spec.commandLine().getOut();
            o.print(reports.text());
            o.println();
            o.println("Wrote " + dir.resolve("results.json") + ", " + dir.resolve("results.csv") + ", "
                    + dir.resolve("functional-units.csv") + " and " + dir.resolve("parameters.csv"));
            o.flush();
            return OK;
        }

        private static String stripExtension(String name) {
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Show which declaration and rule produced each process, the arithmetic behind it, and how "
                    + "each shared cost was allocated.")
    static final class Explain implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the scenario file (YAML)")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StudyOptions study;

        @Override
        public Integer call() {
            LoadedScenario s = study.load(file);
            PrintWriter o = spec.commandLine().getOut();
            if (!s.warnings().isEmpty()) {
                o.println("Warnings");
                s.warnings().forEach(w -> o.println("  " + w.file() + ":" + w.position().line() + ":"
                        + w.position().column() + ": " + w.message()));
                o.println();
            }
            s.backgroundLinks().forEach(o::println);
            o.print(ExplainSections.parameters(s.parameters()));
            o.println();
            o.print(ExplainSections.functionalUnits(s.units()));
            o.println();
            if (s.aiStudy().isEmpty()) {
                o.println(file + " declares no datacenters, hardware or workloads: every process is written by hand.");
                o.flush();
                return OK;
            }
            var ai = s.aiStudy().get();
            o.println("Rules, in the order they ran: " + String.join(", ", Cradle.aiCompiler(dev.cradle.factors.FactorLibrary.bundled()).rules().stream()
                    .map(dev.cradle.engine.ai.Rule::name).toList()));
            for (var t : ai.traces()) {
                o.println();
                o.println(t.processId() + "  <-  " + t.declaration() + " (" + t.origin() + ")  [rule: " + t.rule() + "]");
                t.lines().forEach(l -> o.println("    " + l));
            }
            o.println();
            o.println("Shared costs and their allocation");
            for (var a : ai.allocations()) {
                o.println("  " + a.cost() + ": " + a.description() + " = " + a.amount() + " " + a.unit() + "; rule "
                        + a.rule());
                a.shares().forEach((w, share) -> o.printf("      %-28s %.6f%n", w, share));
            }
            o.flush();
            return OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a scenario file (syntax, keys, units, domains of numbers, references, formulas, links) and "
                    + "calculate it without writing anything: it refuses exactly what 'run' refuses.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the scenario file (YAML)")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StudyOptions study;

        @Override
        public Integer call() throws Exception {
            LoadedScenario s = study.load(file);
            Reports.of(s); // what run would refuse: a solve behind the reports (the upstream tree) can fail too
            printWarnings(s, spec.commandLine().getErr());
            spec.commandLine().getOut().println(file + ": valid (" + s.system().processes().size() + " processes, "
                    + s.compiled().flowIndex().size() + " elementary flows, "
                    + s.compiled().impactIndex().size() + " indicators)");
            return OK;
        }
    }

    /** Options shared by the commands that read a scenario. */
    static final class StudyOptions {
        @Option(names = "--allow-root", paramLabel = "DIR",
                description = "a folder outside the scenario's folder from which the scenario may read files "
                        + "(e.g. CodeCarbon CSVs); repeatable")
        List<Path> roots = new ArrayList<>();

        /** Loads {@code file} after checking that it names a scenario file at all. */
        LoadedScenario load(Path file) {
            if (file == null || file.toString().isEmpty()) {
                throw new EnvironmentException("no scenario file given: name a scenario file (.yaml), e.g. "
                        + "scenarios/examples/generic-training-run.yaml");
            }
            if (java.nio.file.Files.isDirectory(file)) {
                throw new EnvironmentException(file + " is a directory, not a scenario file: name a .yaml file in it");
            }
            return ScenarioLoader.load(file, roots);
        }
    }
}
