package dev.cradle.scenario.cli;

import dev.cradle.factors.Dataset;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.factors.LibraryEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cradle factors}: list the bundled datasets, search their entries, show one with its provenance. */
@Command(name = "factors", mixinStandardHelpOptions = true,
        description = {"List the bundled factor datasets with their source, year and licence.",
                "  cradle factors                 every dataset",
                "  cradle factors search WORDS    entries (methods, processes, flows) matching all words",
                "  cradle factors show ID         one dataset or entry with its full provenance",
                "  cradle factors grids [CODE..]  grid intensities with the vintage of each (countries, zones, cloud regions)",
                "  cradle factors water [CODE..]  AWARE 2.0 water-scarcity factors by country and sub-national region"},
        subcommands = {FactorsCommand.Search.class, FactorsCommand.Show.class, FactorsCommand.Grids.class,
                FactorsCommand.Water.class})
final class FactorsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FactorLibrary lib = FactorLibrary.bundled();
        out.printf("%-34s %-20s %-5s %-18s %s%n", "DATASET", "KIND", "YEAR", "LICENCE", "TITLE");
        for (Dataset d : lib.datasets()) {
            out.printf("%-34s %-20s %-5d %-18s %s%n", d.id(), d.kind(), d.year(),
                    d.licence() + (d.shareAlike() ? " (SA)" : ""), d.title());
        }
        out.println();
        java.util.Map<String, Long> levels = new java.util.TreeMap<>();
        lib.grids().values().forEach(g -> levels.merge(g.level(), 1L, Long::sum));
        java.util.Map<String, String> plural = java.util.Map.of("country", "countries", "region", "regions",
                "sub-national", "sub-national zones", "cloud region", "cloud regions");
        out.println("Grids: " + levels.entrySet().stream().map(e -> e.getValue() + " " + plural.get(e.getKey()))
                .collect(java.util.stream.Collectors.joining(", "))
                + " ('cradle factors grids'); AWARE 2.0: " + lib.awareFactors().keySet().stream()
                .filter(c -> !c.contains("-")).count() + " countries and " + lib.awareFactors().keySet().stream()
                .filter(c -> c.contains("-")).count() + " sub-national regions, global factor "
                + lib.awareGlobalFactor() + " ('cradle factors water').");
        out.println(lib.entries().size() + " entries; 'cradle factors search WORDS' finds them, "
                + "'cradle factors show ID' shows one. (SA) = share-alike data.");
        return CradleCli.OK;
    }

    @Command(name = "grids", mixinStandardHelpOptions = true,
            description = "Grid intensities (g CO2-eq/kWh) with the vintage and dataset of each; all, or the codes given.")
    static final class Grids implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "CODE", description = "grid codes such as FR, CA-QC, gcp/us-central1")
        List<String> codes = List.of();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FactorLibrary lib = FactorLibrary.bundled();
            int status = CradleCli.OK;
            out.printf("%-28s %-12s %10s  %-12s %-30s %s%n", "GRID", "LEVEL", "G/KWH", "VINTAGE", "DATASET", "NAME");
            List<dev.cradle.factors.GridIntensity> rows = codes.isEmpty() ? List.copyOf(lib.grids().values())
                    : new java.util.ArrayList<>();
            for (String c : codes) {
                Optional<dev.cradle.factors.GridIntensity> g = lib.grid(c);
                if (g.isPresent()) {
                    rows.add(g.get());
                } else {
                    spec.commandLine().getErr().println("cradle: " + lib.missingGridAdvice(c));
                    status = CradleCli.BAD_INPUT;
                }
            }
            for (dev.cradle.factors.GridIntensity g : rows) {
                out.printf("%-28s %-12s %10s  %-12s %-30s %s%n", g.code(), g.level(), g.gramsPerKwh(),
                        g.vintage().length() > 12 ? "see dataset" : g.vintage(), g.dataset().id(), g.name()
                        + lib.generationMix(g.code()).map(m -> "  [other categories: mix " + m.country() + " " + m.year()
                        + "]").orElse(""));
            }
            out.println(rows.size() + " grid" + (rows.size() == 1 ? "" : "s") + "; a scenario names one as 'grid: CODE'"
                    + " (cloud-region vintages: 'cradle factors show grid:CODE'). Climate change is the grid's intensity;"
                    + " toxicity, ADP fossil, primary energy and off-site water come from the generation mix in brackets"
                    + " (its country's, of its own year: 'cradle factors show mix:FR').");
            return status;
        }
    }

    @Command(name = "water", mixinStandardHelpOptions = true,
            description = "AWARE 2.0 non-irrigation water-scarcity factors (m3 world-eq per m3); all, or the codes given.")
    static final class Water implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "CODE", description = "location codes such as FR, US-CA, CA-QC")
        List<String> codes = List.of();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FactorLibrary lib = FactorLibrary.bundled();
            out.printf("%-10s %-13s %10s  %s%n", "LOCATION", "LEVEL", "CF", "FLOW");
            List<String> wanted = codes.isEmpty() ? List.copyOf(lib.awareFactors().keySet()) : codes;
            int status = CradleCli.OK;
            for (String c : wanted) {
                var w = lib.waterLocation(c);
                out.printf("%-10s %-13s %10s  %s%n", c, w.level(), w.awareFactor(), w.flow().id());
                if (!w.note().isEmpty()) {
                    spec.commandLine().getErr().println("cradle: " + w.note());
                    status = CradleCli.BAD_INPUT;
                }
            }
            out.println(wanted.size() + " location" + (wanted.size() == 1 ? "" : "s") + "; AWARE 2.0 (2024 release, "
                    + "Seitfudem et al. 2025), the 'water' dataset; unknown locations: global factor " + lib.awareGlobalFactor());
            return status;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Find methods, processes and flows.")
    static final class Search implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "WORD", description = "words that must all match")
        List<String> words;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<LibraryEntry> found = FactorLibrary.bundled().search(String.join(" ", words));
            for (LibraryEntry e : found) {
                out.printf("%-8s %-40s %s%n         %s  [%s]%n", e.kind(), e.id(), e.name(), e.summary(), e.dataset().id());
            }
            out.println(found.size() + " match" + (found.size() == 1 ? "" : "es"));
            return found.isEmpty() ? CradleCli.BAD_INPUT : CradleCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a dataset or an entry with its provenance.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "a dataset id, method id, process id (grid:FR) or flow id")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FactorLibrary lib = FactorLibrary.bundled();
            Optional<Dataset> dataset = lib.dataset(id);
            Optional<LibraryEntry> entry = lib.entries().stream().filter(e -> e.id().equals(id)).findFirst();
            if (dataset.isEmpty() && entry.isEmpty()) {
                spec.commandLine().getErr().println("cradle: no dataset or entry '" + id + "'"
                        + dev.cradle.engine.calc.Suggestions.didYouMean(id, lib.entries().stream()
                        .map(LibraryEntry::id).toList()) + "; try 'cradle factors search " + id + "'");
                return CradleCli.BAD_INPUT;
            }
            entry.ifPresent(e -> {
                out.println(e.kind() + " " + e.id() + ": " + e.name());
                out.println("  values:   " + e.summary());
                lib.process(e.id()).ifPresent(p -> {
                    out.println("  stage:    " + p.stage().title());
                    out.println("  covers:   " + String.join(", ", new java.util.TreeSet<>(p.coverage())));
                    p.exchanges().forEach(x -> out.println("  " + (x.isInput() ? "input:    " : "output:   ")
                            + x.amount() + " " + x.unit() + " " + x.flow().id()
                            + (x.uncertainty() == null ? "" : "  " + x.uncertainty())));
                });
                out.println();
            });
            Dataset d = dataset.orElseGet(() -> entry.get().dataset());
            out.println("dataset:      " + d.id() + " (" + d.kind() + ")");
            out.println("title:        " + d.title());
            out.println("source:       " + d.source().strip());
            out.println("citation:     " + d.citation().strip());
            out.println("url:          " + d.url());
            out.println("year:         " + d.year());
            out.println("licence:      " + d.licence() + (d.shareAlike() ? " (share-alike: redistribute under the same licence)" : ""));
            if (!d.licenceNote().isBlank()) {
                out.println("licence note: " + d.licenceNote().strip());
            }
            out.println("unit:         " + d.unit());
            out.println("data quality: " + d.dataQuality().strip());
            out.println("file:         impact-factors/src/main/resources/dev/cradle/factors/" + d.file());
            return CradleCli.OK;
        }
    }
}
