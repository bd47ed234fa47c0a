package dev.cradle.scenario.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cradle.engine.Cradle;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.Problem;
import dev.cradle.scenario.ScenarioException;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.report.AiView;
import dev.cradle.scenario.report.AtomicFiles;
import dev.cradle.scenario.report.CsvReport;
import dev.cradle.scenario.report.ResultDocument;
import dev.cradle.scenario.report.TextReport;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
        err.println("cradle: internal error: " + ex);
        if (System.getenv("CRADLE_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("This is a bug in Cradle, not in your input. Set CRADLE_DEBUG=1 for the stack trace.");
        }
        return INTERNAL_FAULT;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Calculate a scenario: print impacts by indicator, life cycle stage and ML phase, "
                    + "and write results.json and results.csv into the output folder."})
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the scenario file (YAML)")
        Path file;

        @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<scenario file name>)")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LoadedScenario scenario = ScenarioLoader.load(file);
            LcaResult result;
            AiView view = AiView.NONE;
            try {
                result = Cradle.calculator().calculate(scenario.compiled());
                if (scenario.aiStudy().isPresent()) {
                    var ai = scenario.aiStudy().get();
                    view = new AiView(Cradle.calculator().calculate(scenario.compiled(),
                            ai.marketBasedParameters(scenario.compiled())), ai.allocations(), ai.energy());
                }
            } catch (ModelException e) {
                throw ScenarioLoader.located(file, scenario.sources(), e);
            }
            String text = TextReport.render(scenario.system(), result, view);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Map<String, String> files = new LinkedHashMap<>();
            files.put("results.json", json.writeValueAsString(ResultDocument.of(scenario.system(), result, view)) + "\n");
            files.put("results.csv", CsvReport.render(result));
            Path dir = out != null ? out : Path.of("results", stripExtension(file.getFileName().toString()));
            AtomicFiles.write(dir, files);
            PrintWriter o = spec.commandLine().getOut();
            o.print(text);
            o.println();
            o.println("Wrote " + dir.resolve("results.json") + " and " + dir.resolve("results.csv"));
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

        @Override
        public Integer call() {
            LoadedScenario s = ScenarioLoader.load(file);
            PrintWriter o = spec.commandLine().getOut();
            s.backgroundLinks().forEach(o::println);
            if (s.aiStudy().isEmpty()) {
                o.println(file + " declares no datacenters, hardware or workloads: every process is written by hand.");
                return OK;
            }
            var ai = s.aiStudy().get();
            o.println("Rules, in the order they ran: " + String.join(", ", Cradle.aiCompiler().rules().stream()
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
            description = "Check a scenario file (syntax, keys, units, references, formulas, links) without calculating.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the scenario file (YAML)")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LoadedScenario s = ScenarioLoader.load(file);
            spec.commandLine().getOut().println(file + ": valid (" + s.system().processes().size() + " processes, "
                    + s.compiled().flowIndex().size() + " elementary flows, "
                    + s.compiled().impactIndex().size() + " indicators)");
            return OK;
        }
    }
}
