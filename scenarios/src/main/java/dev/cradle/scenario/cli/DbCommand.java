package dev.cradle.scenario.cli;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.ImpactMethod;
import dev.cradle.scenario.io.Database;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseException;
import dev.cradle.scenario.io.DatabaseLinker;
import dev.cradle.scenario.io.DatabaseReport;
import dev.cradle.scenario.io.DatabaseResults;
import dev.cradle.scenario.io.Databases;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import dev.cradle.scenario.io.LinkedDatabase;
import dev.cradle.scenario.report.ResultSetWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cradle db}: import a background database (openLCA JSON-LD, EcoSpold2) and calculate every process. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"Background databases: openLCA JSON-LD or EcoSpold2, a folder or a zip (docs/databases.md).",
                "  cradle db info PATH                       counts and the full linking report",
                "  cradle db calc PATH [--methods ID,...] [--out FILE.csv]",
                "                                            every process's cumulative results, one row each",
                "PATH 'uslci' is the bundled US LCI database (JSON-LD), 'uslci-ecospold2' its EcoSpold2 export."},
        subcommands = {DbCommand.Info.class, DbCommand.Calc.class})
final class DbCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CradleCli.OK;
    }

    /** Options shared by info and calc: the named linking and allocation policies. */
    static final class Policies {
        @Option(names = "--allocation", paramLabel = "METHOD", defaultValue = "as-defined",
                description = "as-defined (default), none, physical, economic or causal")
        String allocation;

        @Option(names = "--ambiguous", paramLabel = "POLICY", defaultValue = "cut-off",
                description = "several providers and no default: cut-off (default) or first-by-id")
        String ambiguous;

        @Option(names = "--no-formulas", description = "use the amounts stored in the files, not the database's formulas")
        boolean noFormulas;

        ImportOptions options(PrintWriter err) {
            var a = ImportOptions.Allocation.fromKey(allocation);
            var b = ImportOptions.Ambiguity.fromKey(ambiguous);
            if (a.isEmpty()) {
                err.println("cradle: --allocation " + allocation + ": expected as-defined, none, physical, economic or causal");
                return null;
            }
            if (b.isEmpty()) {
                err.println("cradle: --ambiguous " + ambiguous + ": expected cut-off or first-by-id");
                return null;
            }
            return new ImportOptions(a.get(), b.get(), !noFormulas);
        }
    }

    static int badDatabase(DatabaseException e, PrintWriter err) {
        e.problems().forEach(err::println);
        err.println(e.problems().size() == 1 ? "1 problem; nothing was calculated."
                : e.problems().size() + " problems; nothing was calculated.");
        err.flush();
        return CradleCli.BAD_INPUT;
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Read a database and print its counts and the full linking report: every ambiguous "
                    + "provider, every cut-off, every multi-output process and every import note.")
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "a folder or zip (JSON-LD or EcoSpold2), or 'uslci'")
        String path;

        @CommandLine.Mixin
        Policies policies = new Policies();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportOptions options = policies.options(err);
            if (options == null) {
                return CradleCli.BAD_INPUT;
            }
            try {
                LinkedDatabase linked = DatabaseLinker.link(Databases.read(path), options);
                DatabaseReport.summary(linked).forEach(out::println);
                out.println();
                DatabaseReport.details(linked.report()).forEach(out::println);
                out.flush();
                return CradleCli.OK;
            } catch (DatabaseException e) {
                return badDatabase(e, err);
            }
        }
    }

    @Command(name = "calc", mixinStandardHelpOptions = true,
            description = {"Every process's cumulative result per one unit of its reference product, for each "
                    + "indicator, from one factorisation; writes FILE.csv (one row per process) and "
                    + "FILE.report.txt (policies, cut-offs, coverage)."})
    static final class Calc implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", description = "a folder or zip (JSON-LD or EcoSpold2), or 'uslci'")
        String path;

        @Option(names = "--methods", split = ",", paramLabel = "ID",
                description = "library method ids (default: " + "the library's default methods; see 'cradle factors')")
        List<String> methods;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "results file (default: results/<database>.csv)")
        Path outFile;

        @CommandLine.Mixin
        Policies policies = new Policies();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportOptions options = policies.options(err);
            if (options == null) {
                return CradleCli.BAD_INPUT;
            }
            FactorLibrary lib = FactorLibrary.bundled();
            List<String> ids = methods == null || methods.isEmpty() ? FactorLibrary.DEFAULT_METHODS : methods;
            List<ImpactMethod> chosen = new ArrayList<>();
            for (String id : ids) {
                var m = lib.method(id.trim());
                if (m.isEmpty()) {
                    err.println("cradle: no library method '" + id + "'" + dev.cradle.engine.calc.Suggestions.didYouMean(
                            id.trim(), new ArrayList<>(lib.methods().keySet())) + "; 'cradle factors search method' lists them");
                    return CradleCli.BAD_INPUT;
                }
                chosen.add(m.get());
            }
            long start = System.nanoTime();
            DatabaseResults results;
            try {
                Database db = Databases.read(path);
                LinkedDatabase linked = DatabaseLinker.link(db, options);
                results = DatabaseCalculator.calculate(linked, chosen, new FlowMapping(lib.flows().values()));
            } catch (DatabaseException e) {
                return badDatabase(e, err);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Path file = outFile != null ? outFile : Path.of("results", baseName(path) + ".csv");
            Path dir = file.toAbsolutePath().getParent();
            String name = file.getFileName().toString();
            if (!name.endsWith(".csv")) {
                err.println("cradle: --out " + file + ": the results file must end in .csv");
                return CradleCli.BAD_INPUT;
            }
            Map<String, String> files = new LinkedHashMap<>();
            files.put(name, DatabaseReport.csv(results));
            String reportName = name.substring(0, name.length() - 4) + ".report.txt";
            files.put(reportName, DatabaseReport.text(results));
            ResultSetWriter.write(dir, name, files);
            DatabaseReport.summary(results.linked()).forEach(out::println);
            out.println("solver: " + results.solver() + "; one factorisation, " + results.indicators().size()
                    + " adjoint solves; " + String.format(java.util.Locale.ROOT, "%.2f", seconds)
                    + " s from reading to results");
            DatabaseReport.coverage(results.matches(), false).forEach(out::println);
            out.println("Wrote " + results.rows().size() + " processes to " + dir.resolve(name) + " and the full report to "
                    + dir.resolve(reportName));
            out.flush();
            return CradleCli.OK;
        }

        private static String baseName(String path) {
            String n = Path.of(path).getFileName().toString();
            return n.endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
        }
    }
}
