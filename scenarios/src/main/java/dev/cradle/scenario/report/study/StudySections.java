package dev.cradle.scenario.report.study;

import dev.cradle.engine.ai.AllocationRecord;
import dev.cradle.engine.ai.WorkloadEnergy;
import dev.cradle.engine.analysis.Morris;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.Tornado;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.analysis.AnalysisOptions;
import dev.cradle.scenario.analysis.OutputKey;
import dev.cradle.scenario.analysis.StudyAnalysis;
import dev.cradle.scenario.report.CsvReport;
import dev.cradle.scenario.report.Groupings;
import dev.cradle.scenario.report.ParameterReport;
import dev.cradle.scenario.report.UnitResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The study report laid out as ISO 14044 (§5.2) asks of a report: goal and scope, life cycle inventory, impact
 * assessment, interpretation (significant issues, completeness, sensitivity and uncertainty, consistency) and
 * limitations, followed by the reporting statement. Written once as {@link Blocks}; rendered as Markdown and HTML.
 */
final class StudySections {
    private StudySections() {
    }

    static Blocks of(StudyReport r) {
        Blocks b = new Blocks();
        StudyAnalysis a = r.analysis();
        b.heading(1, "Life cycle assessment report: " + r.title());
        b.paragraph("Scenario file " + r.study().file().getFileName() + ". Calculated by Cradle (ISO 14040/14044). "
                + analysisLine(r));
        goalAndScope(b, r);
        inventory(b, r);
        impactAssessment(b, r);
        interpretation(b, r);
        limitations(b, r);
        b.heading(2, "6 Reporting statement");
        b.paragraph(Statement.plain(r));
        return b;
    }

    private static String analysisLine(StudyReport r) {
        StudyAnalysis a = r.analysis();
        if (!r.uncertain()) {
            return "The scenario gives no distributions (and no library range applies), so this report gives the "
                    + "deterministic result only: no uncertainty or sensitivity analysis could be run.";
        }
        AnalysisOptions o = a.options();
        List<String> ran = new ArrayList<>();
        if (a.monteCarlo() != null) {
            ran.add("Monte Carlo with " + String.format(java.util.Locale.ROOT, "%,d", o.draws()) + " draws");
        }
        if (a.tornado() != null) {
            ran.add("one-at-a-time (tornado, 5th and 95th percentiles)");
        }
        if (a.morris() != null) {
            ran.add("Morris screening with " + o.morrisTrajectories() + " trajectories");
        }
        if (a.sobol() != null) {
            ran.add("Sobol indices with N = " + o.sobolN() + " (" + a.sobol().evaluations() + " evaluations)");
        }
        return a.parameters().size() + " uncertain parameter" + (a.parameters().size() == 1 ? "" : "s") + "; "
                + (ran.isEmpty() ? "no analysis was asked for" : String.join(", ", ran)) + "; seed " + o.seed()
                + " (the same seed and options repeat every number).";
    }

    private static void goalAndScope(Blocks b, StudyReport r) {
        b.heading(2, "1 Goal and scope");
        String d = r.study().description();
        if (d != null && !d.isBlank()) {
            b.paragraph(d);
        }
        List<List<String>> fus = new ArrayList<>();
        for (UnitResult u : r.study().units()) {
            var fu = u.unit().unit();
            fus.add(List.of(u.id() + (u.primary() ? " (primary)" : ""), fu.description() == null ? "" : fu.description(),
                    Fmt.number(u.amount()) + " " + fu.referenceFlow().referenceUnit().symbol() + " of "
                            + fu.referenceFlow().id()));
        }
        b.paragraph("Functional units (the detailed results below are per the primary one):");
        b.table(List.of("functional unit", "description", "reference flow"), fus);
        LcaResult res = r.study().result();
        List<String> stages = new ArrayList<>();
        res.techIndex().columns().stream().map(c -> c.process().stage().title()).distinct().forEach(stages::add);
        List<String> methods = new ArrayList<>();
        res.impactIndex().indicators().stream().map(i -> i.method().name()).distinct().forEach(methods::add);
        b.bullets(List.of(
                "System boundary: " + res.techIndex().size() + " processes in the life-cycle stages " + String.join(", ",
                        stages) + ".",
                "Impact assessment methods: " + String.join("; ", methods) + " (" + res.impactIndex().size()
                        + " indicators).",
                "Allocation: " + (r.study().view() == null || r.study().view().allocations().isEmpty()
                        ? "no shared costs to allocate." : r.study().view().allocations().size()
                        + " shared costs allocated (see the inventory)."),
                "Electricity: location-based grid intensities, with market-based results beside them where the "
                        + "study declares a market basis."));
    }

    private static void inventory(Blocks b, StudyReport r) {
        b.heading(2, "2 Life cycle inventory");
        List<WorkloadEnergy> activity = r.study().view() == null ? List.of() : r.study().view().activity();
        if (!activity.isEmpty()) {
            b.paragraph("Activity data of the workloads:");
            List<List<String>> rows = new ArrayList<>();
            for (WorkloadEnergy e : activity) {
                rows.add(List.of(e.workload(), e.phase().key(), Fmt.number(e.deviceHours()), Fmt.number(e.itKwh()),
                        Fmt.number(e.facilityKwh()), Fmt.number(e.onsiteWaterL() + e.offsiteWaterL())));
            }
            b.table(List.of("workload", "phase", "device-hours (h)", "IT energy (kWh)", "facility energy (kWh)",
                    "water (L)"), rows);
        }
        if (!r.facts().hardware().isEmpty()) {
            b.paragraph("Hardware:");
            b.bullets(r.facts().hardware());
        }
        if (r.study().view() != null) {
            for (AllocationRecord rec : r.study().view().allocations()) {
                b.paragraph("Shared cost " + rec.cost() + ": " + rec.description() + " = " + Fmt.number(rec.amount())
                        + " " + rec.unit() + ", allocated by " + rec.rule() + ".");
            }
        }
        List<List<String>> params = new ArrayList<>();
        for (ParameterReport.Row p : r.study().parameters()) {
            if (!p.scope().equals("global")) {
                continue;
            }
            params.add(List.of(p.name(), Fmt.number(p.value()), p.unit() == null ? "" : p.unit(),
                    p.formula().isEmpty() ? "" : p.formula(), distribution(p.distribution()), p.source()));
        }
        if (!params.isEmpty()) {
            b.paragraph("Parameters (central values; the distribution is what the uncertainty analysis samples):");
            b.table(List.of("parameter", "value", "unit", "formula", "distribution", "source"), params);
        }
        StudyAnalysis a = r.analysis();
        if (r.uncertain()) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < a.parameters().size(); i++) {
                UncertainParameter p = a.parameters().get(i);
                rows.add(List.of(p.name(), p.distribution().toString(), Fmt.number(p.distribution().quantile(0.05)),
                        Fmt.number(p.distribution().quantile(0.95)), a.units().get(i), a.sources().get(i)));
            }
            b.paragraph("Uncertain parameters the analysis varied:");
            b.table(List.of("parameter", "distribution", "5th percentile", "95th percentile", "unit", "from"), rows);
        }
        LcaResult res = r.study().result();
        double[] g = res.inventory();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            if (g[i] != 0) {
                order.add(i);
            }
        }
        if (!order.isEmpty()) {
            b.paragraph("Elementary flows of the primary functional unit (" + order.size() + " non-zero):");
            List<List<String>> rows = new ArrayList<>();
            for (int i : order) {
                var f = res.flowIndex().at(i);
                rows.add(List.of(f.name(), f.compartment().label(), Fmt.number(g[i]), f.referenceUnit().symbol()));
            }
            b.table(List.of("flow", "compartment", "amount", "unit"), rows);
        }
    }

    private static String distribution(Map<String, Object> d) {
        if (d.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.valueOf(d.get("distribution")));
        d.forEach((k, v) -> {
            if (!k.equals("distribution")) {
                s.append(' ').append(k).append(' ').append(v instanceof double[] arr ? java.util.Arrays.toString(arr)
                        : v instanceof Double x ? Fmt.number(x) : String.valueOf(v));
            }
        });
        return s.toString();
    }

    private static void impactAssessment(Blocks b, StudyReport r) {
        b.heading(2, "3 Life cycle impact assessment");
        boolean market = r.indicators().stream().anyMatch(i -> !Double.isNaN(i.market()));
        boolean mc = r.indicators().stream().anyMatch(i -> i.total() != null);
        List<String> header = new ArrayList<>(List.of("indicator", "unit", "deterministic (location-based)"));
        // the market-based Monte Carlo columns sit beside the deterministic market-based one; the location-based
        // Monte Carlo columns stay last before coverage
        boolean marketMc = market && mc && r.analysis().hasMarketBasis()
                && r.analysis().market().monteCarlo() != null;
        if (market) {
            header.add("market-based");
        }
        if (marketMc) {
            header.addAll(List.of("market-based Monte Carlo mean", "market-based 95 % interval"));
        }
        if (mc) {
            header.addAll(marketMc ? List.of("location-based Monte Carlo mean", "location-based 95 % interval")
                    : List.of("Monte Carlo mean", "95 % interval"));
        }
        header.add("coverage");
        List<List<String>> rows = new ArrayList<>();
        for (StudyReport.Indicator i : r.indicators()) {
            List<String> row = new ArrayList<>(List.of(i.key(), i.unit(), i.covered() ? Fmt.number(i.location())
                    : "unknown"));
            if (market) {
                row.add(Fmt.number(i.market()));
            }
            if (marketMc) {
                StudyAnalysis.Market m = r.analysis().market();
                int q = m.indexOf(r.study().units().get(0).id(), i.key());
                OutputStatistics s = q < 0 || Double.isNaN(i.market()) ? null : m.monteCarlo().outputs().get(q);
                row.add(s == null ? "" : Fmt.number(s.mean()));
                row.add(s == null ? "" : Fmt.number(s.p2_5()) + " to " + Fmt.number(s.p97_5()));
            }
            if (mc) {
                OutputStatistics s = i.total();
                row.add(s == null ? "" : Fmt.number(s.mean()));
                row.add(s == null ? "" : Fmt.number(s.p2_5()) + " to " + Fmt.number(s.p97_5()));
            }
            row.add(i.coverage());
            rows.add(row);
        }
        b.paragraph("Results per " + r.study().units().get(0).id() + " (unknown: no data covers the indicator; "
                + "partial: a lower bound).");
        b.table(header, rows);
        if (r.study().units().size() > 1) {
            b.paragraph("Every functional unit (location-based):");
            List<String> h = new ArrayList<>(List.of("indicator"));
            r.study().units().forEach(u -> h.add(u.id()));
            List<List<String>> fr = new ArrayList<>();
            for (StudyReport.Indicator i : r.indicators()) {
                List<String> row = new ArrayList<>(List.of(i.key() + " (" + i.unit() + ")"));
                for (UnitResult u : r.study().units()) {
                    row.add(i.covered() ? Fmt.number(u.location().impacts()[i.k()]) : "unknown");
                }
                fr.add(row);
            }
            b.table(h, fr);
        }
        if (r.study().result().hasPhases()
                && r.indicators().stream().noneMatch(i -> i.breakdowns().containsKey("phase"))) {
            b.paragraph("No table by ML phase: no process with a declared phase contributes directly to an indicator, "
                    + "so every result comes from processes without one (contributions are each process's own flows, "
                    + "not its supply chain).");
        }
        for (StudyReport.Indicator i : r.indicators()) {
            if (!i.covered() || i.breakdowns().isEmpty()) {
                continue;
            }
            b.heading(3, i.name() + " (" + i.key() + ") by " + String.join(", ", i.breakdowns().keySet()));
            for (Map.Entry<String, Map<String, Double>> e : i.breakdowns().entrySet()) {
                breakdown(b, r, i, e.getKey(), e.getValue(), i.marketBreakdowns().get(e.getKey()));
            }
        }
    }

    /**
     * One breakdown of an indicator: its chart (both bases side by side where the market basis differs) and a table
     * of each member's contribution and share, with its Monte Carlo 95 % interval on each basis when Monte Carlo ran.
     */
    private static void breakdown(Blocks b, StudyReport r, StudyReport.Indicator i, String name,
                                  Map<String, Double> location, Map<String, Double> market) {
        StudyAnalysis a = r.analysis();
        boolean both = market != null && !market.equals(location);
        if (both) {
            b.figure(Charts.basisBars(i.name() + " by " + name + " (" + i.unit() + ")", i.unit(), labelled(name,
                            location), labelled(name, market)),
                    "Contributions to " + i.key() + " by " + name + ", location-based and market-based (the study's "
                            + "electricity contracts), deterministic.");
        } else {
            b.figure(Charts.bars(i.name() + " by " + name + " (" + i.unit() + ")", i.unit(), labelled(name, location)),
                    "Contributions to " + i.key() + " by " + name + ", location-based, deterministic"
                            + (a.hasMarketBasis() ? " (the same on the market basis)." : "."));
        }
        String fu = r.study().units().get(0).id();
        OutputKey.Breakdown kind = OutputKey.Breakdown.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        StudyAnalysis.Results loc = a.location();
        StudyAnalysis.Results mkt = both && a.hasMarketBasis() ? a.market().results() : null;
        boolean mc = loc.monteCarlo() != null;
        List<String> header = new ArrayList<>(List.of(name, i.unit() + (both ? ", location-based" : ""), "share"));
        if (both) {
            header.addAll(List.of(i.unit() + ", market-based", "share (market)"));
        }
        if (mc) {
            header.add(both ? "location-based 95 % interval" : "Monte Carlo 95 % interval");
            if (mkt != null && mkt.monteCarlo() != null) {
                header.add("market-based 95 % interval");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        double total = i.location();
        double marketTotal = i.market();
        location.entrySet().stream()
                .filter(x -> x.getValue() != 0 || (both && market.getOrDefault(x.getKey(), 0.0) != 0))
                .sorted(Comparator.comparingDouble(x -> -Math.abs(x.getValue())))
                .forEach(x -> {
                    // a member with nothing in it (e.g. "(unassigned)") is left out
                    List<String> row = new ArrayList<>(List.of(Groupings.label(name, x.getKey()),
                            Fmt.number(x.getValue()),
                            total == 0 ? "" : Fmt.percent(x.getValue() / total)));
                    if (both) {
                        double m = market.getOrDefault(x.getKey(), 0.0);
                        row.add(Fmt.number(m));
                        row.add(marketTotal == 0 ? "" : Fmt.percent(m / marketTotal));
                    }
                    if (mc) {
                        row.add(interval(loc, fu, i.key(), kind, x.getKey()));
                        if (mkt != null && mkt.monteCarlo() != null) {
                            row.add(interval(mkt, fu, i.key(), kind, x.getKey()));
                        }
                    }
                    rows.add(row);
                });
        b.table(header, rows);
    }

    /** Members named for people: "(unassigned)" as what its processes lack ("not assigned to an ML phase"). */
    private static Map<String, Double> labelled(String breakdown, Map<String, Double> members) {
        Map<String, Double> shown = new java.util.LinkedHashMap<>();
        members.forEach((m, v) -> shown.merge(Groupings.label(breakdown, m), v, Double::sum));
        return shown;
    }

    /** The Monte Carlo 95 % interval of one breakdown member, or "" when the analysis has no such output. */
    private static String interval(StudyAnalysis.Results res, String fu, String indicator, OutputKey.Breakdown kind,
                                   String member) {
        OutputStatistics s = res.statistics(res.indexOf(fu, indicator, kind, member));
        return s == null ? "" : Fmt.number(s.p2_5()) + " to " + Fmt.number(s.p97_5());
    }

    private static void interpretation(Blocks b, StudyReport r) {
        StudyAnalysis a = r.analysis();
        b.heading(2, "4 Interpretation");
        b.heading(3, "4.1 Significant issues");
        List<String> issues = new ArrayList<>();
        for (StudyReport.Indicator i : r.indicators()) {
            Map<String, Double> stages = i.breakdowns().get("stage");
            if (stages == null || i.location() == 0) {
                continue;
            }
            var top = stages.entrySet().stream().max(Comparator.comparingDouble(x -> Math.abs(x.getValue())));
            if (top.isPresent()) {
                String sens = "";
                List<Tornado.Bar> bars = i.tornado(a);
                if (!bars.isEmpty() && bars.get(0).swing() > 0) {
                    sens = "; the input that moves it most is " + bars.get(0).parameter().name() + " (" + Fmt.number(
                            Math.min(bars.get(0).outputLow(), bars.get(0).outputHigh())) + " to " + Fmt.number(
                            Math.max(bars.get(0).outputLow(), bars.get(0).outputHigh())) + " " + i.unit() + ")";
                }
                String market = "";
                if (i.marketDiffers(a)) {
                    market = "; market-based " + Fmt.number(i.market()) + " " + i.unit();
                    List<Tornado.Bar> mb = i.tornado(a.market().results());
                    if (!mb.isEmpty() && mb.get(0).swing() > 0 && !mb.get(0).parameter().equals(
                            bars.isEmpty() ? null : bars.get(0).parameter())) {
                        market += ", moved most by " + mb.get(0).parameter().name();
                    }
                }
                issues.add(i.key() + ": " + Fmt.number(i.location()) + " " + i.unit() + ", of which "
                        + top.get().getKey().toLowerCase(java.util.Locale.ROOT) + " " + Fmt.percent(
                        top.get().getValue() / i.location()) + sens + market + ".");
            }
        }
        b.bullets(issues.isEmpty() ? List.of("No indicator is covered by data.") : issues);

        b.heading(3, "4.2 Completeness");
        List<String> gaps = new ArrayList<>(r.facts().leftOut());
        b.bullets(gaps.isEmpty() ? List.of("Every indicator is covered by every contributing process's data.") : gaps);

        b.heading(3, "4.3 Uncertainty and sensitivity");
        if (!r.uncertain()) {
            b.paragraph("The scenario gives no distributions for its parameters, so how sure the result is cannot be "
                    + "said from it. Add an 'uncertainty' to the parameters you are unsure of (docs/scenario-reference"
                    + ".md, Uncertainty) and run the report again.");
        }
        if (r.analysis().hasMarketBasis() && r.uncertain()) {
            b.paragraph("The study's electricity contracts give a market basis of its own: every analysis was run on "
                    + "both bases, on the same draws. An indicator the contracts reach (climate change) is shown on "
                    + "each; the others are the same on both.");
        }
        for (StudyReport.Indicator i : r.indicators()) {
            uncertainty(b, r, i, a.location(), false);
            if (i.marketDiffers(a)) {
                uncertainty(b, r, i, a.market().results(), true);
            }
        }

        b.heading(3, "4.4 Consistency");
        List<String> c = new ArrayList<>();
        c.add("Every functional unit is calculated from one compiled product system with the same methods and data.");
        c.add("Every Monte Carlo draw, tornado and Sobol evaluation re-derives the formulas from the drawn parameters "
                + "and solves the same system; a parameter used by several exchanges takes one value per draw.");
        List<String> fromLibrary = new ArrayList<>();
        for (int i = 0; i < r.analysis().parameters().size(); i++) {
            // the library's ranges (AI rules' parameters, library processes referenced directly), not the scenario's
            // own parameters or exchanges: --no-library-ranges keeps exactly these central
            if (r.analysis().sources().get(i).startsWith("library range")) {
                fromLibrary.add(r.analysis().parameters().get(i).name() + " (" + r.analysis().sources().get(i) + ")");
            }
        }
        if (!r.analysis().options().libraryRanges()) {
            c.add("The library's ranges were kept at their central values (--no-library-ranges).");
        } else if (!fromLibrary.isEmpty()) {
            c.add("Sampled from outside the scenario's own distributions: " + String.join(", ", fromLibrary)
                    + " (keep them central with --no-library-ranges).");
        }
        b.bullets(c);
    }

    /**
     * The uncertainty and sensitivity of one indicator's total on one basis: Monte Carlo statistics, histogram and
     * convergence, tornado, Morris and Sobol, as far as they ran.
     */
    private static void uncertainty(Blocks b, StudyReport r, StudyReport.Indicator i, StudyAnalysis.Results res,
                                    boolean marketBasis) {
        StudyAnalysis a = r.analysis();
        if (!i.covered() || i.outputIndex() < 0) {
            return;
        }
        OutputStatistics s = i.total(res);
        List<Tornado.Bar> bars = i.tornado(res);
        List<Morris.Effect> morris = i.morris(res);
        Sobol.OutputIndices sobol = i.sobol(res);
        if (s == null && bars.isEmpty() && morris.isEmpty() && sobol == null) {
            return;
        }
        double deterministic = i.deterministic(res.basis());
        // on a study whose contracts make the bases differ, each block of a reached indicator says its basis
        String basis = marketBasis ? "market-based" : i.marketDiffers(a) ? "location-based" : "";
        String name = i.name() + (basis.isEmpty() ? "" : ", " + basis);
        b.heading(4, i.name() + " (" + i.key() + ", " + i.unit() + (basis.isEmpty() ? "" : ", " + basis) + ")");
        if (s != null) {
            b.paragraph("Monte Carlo (" + String.format(java.util.Locale.ROOT, "%,d", s.draws()) + " draws): mean "
                    + Fmt.number(s.mean()) + " " + i.unit() + " (standard error " + Fmt.number(s.standardError())
                    + "), median " + Fmt.number(s.median()) + ", 95 % interval " + Fmt.number(s.p2_5()) + " to "
                    + Fmt.number(s.p97_5()) + ", 90 % interval " + Fmt.number(s.p5()) + " to " + Fmt.number(s.p95())
                    + "; the deterministic result is " + Fmt.number(deterministic) + ".");
            b.table(List.of("statistic", i.unit()), List.of(
                    List.of("mean", Fmt.number(s.mean())), List.of("standard deviation", Fmt.number(s.sd())),
                    List.of("standard error of the mean", Fmt.number(s.standardError())),
                    List.of("median", Fmt.number(s.median())), List.of("2.5th percentile", Fmt.number(s.p2_5())),
                    List.of("5th percentile", Fmt.number(s.p5())), List.of("95th percentile", Fmt.number(s.p95())),
                    List.of("97.5th percentile", Fmt.number(s.p97_5())), List.of("min", Fmt.number(s.min())),
                    List.of("max", Fmt.number(s.max()))));
            if (!(s.max() > s.min())) {
                b.paragraph("Every draw gave the same value: the uncertain parameters do not move this indicator.");
            } else {
                b.figure(Charts.histogram("Distribution of " + name + " (" + i.unit() + ")", i.unit(), s,
                        deterministic), "Histogram of the Monte Carlo draws of " + i.key() + (basis.isEmpty() ? ""
                        : ", " + basis) + ".");
                b.figure(Charts.convergence("Convergence of the mean of " + name, i.unit(), s.convergence()),
                        "Running mean of " + i.key() + (basis.isEmpty() ? "" : ", " + basis)
                                + ", with its 95 % band, after each chunk of draws.");
            }
        }
        if (!bars.isEmpty() && bars.get(0).swing() > 0) {
            b.figure(Charts.tornado("One at a time: " + name + " (" + i.unit() + ")", i.unit(), bars, deterministic,
                    parameterUnits(a)), "Each uncertain parameter at its 5th and 95th percentile, the others at their "
                    + "central values" + (basis.isEmpty() ? "." : "; " + basis + "."));
            List<List<String>> rows = new ArrayList<>();
            for (Tornado.Bar bar : bars) {
                rows.add(List.of(bar.parameter().name(), Fmt.number(bar.low()) + " to " + Fmt.number(bar.high()),
                        Fmt.number(bar.outputLow()), Fmt.number(bar.outputHigh()), Fmt.number(bar.swing())));
            }
            b.table(List.of("parameter", "P5 to P95", "result at P5", "result at P95", "swing"), rows);
        }
        if (!morris.isEmpty()) {
            List<Morris.Effect> m = new ArrayList<>(morris);
            m.sort(Comparator.comparingDouble(e -> -e.muStar()));
            List<List<String>> rows = new ArrayList<>();
            for (Morris.Effect e : m) {
                rows.add(List.of(e.parameter().name(), Fmt.number(e.muStar()), Fmt.number(e.mu()),
                        Fmt.number(e.sigma())));
            }
            b.paragraph("Morris elementary effects (screening; μ* ranks the parameters, σ shows non-linearity or "
                    + "interaction)" + (basis.isEmpty() ? ":" : ", " + basis + ":"));
            b.table(List.of("parameter", "μ*", "μ", "σ"), rows);
        }
        // a variance of round-off size (an output none of the sampled parameters moves) gives 0/0 indices
        if (sobol != null && !(sobol.variance() > 1e-20 * sobol.mean() * sobol.mean())) {
            b.paragraph("Sobol indices: the output does not vary over the sample, so no share of variance can be "
                    + "given.");
        } else if (sobol != null) {
            double conf = res.sobol().settings().confidence();
            b.figure(Charts.sobol("Sobol indices: " + name, sobol, conf), "First-order and total Sobol "
                    + "indices with their bootstrap intervals" + (basis.isEmpty() ? "." : "; " + basis + "."));
            List<Sobol.Index> ix = new ArrayList<>(sobol.indices());
            ix.sort(Comparator.comparingDouble(x -> -x.total()));
            List<List<String>> rows = new ArrayList<>();
            for (Sobol.Index x : ix) {
                rows.add(List.of(x.parameter().name(), Fmt.index(x.firstOrder()) + " (" + Fmt.index(x.firstOrderLow())
                                + " to " + Fmt.index(x.firstOrderHigh()) + ")",
                        Fmt.index(x.total()) + " (" + Fmt.index(x.totalLow()) + " to " + Fmt.index(x.totalHigh()) + ")",
                        Fmt.percent(x.varianceShare())));
            }
            rows.add(List.of("interactions", "", "", Fmt.percent(sobol.interactionShare())));
            b.table(List.of("parameter", "first-order S", "total ST", "share of variance"), rows);
        }
    }

    private static Map<String, String> parameterUnits(StudyAnalysis a) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < a.parameters().size(); i++) {
            m.put(a.parameters().get(i).name(), a.units().get(i));
        }
        return m;
    }

    private static void limitations(Blocks b, StudyReport r) {
        b.heading(2, "5 Limitations");
        List<String> l = new ArrayList<>();
        for (StudyReport.Indicator i : r.indicators()) {
            if (i.coverage().equals(CsvReport.PARTIAL)) {
                l.add(i.key() + " is a lower bound (partial coverage).");
            }
        }
        if (!r.uncertain()) {
            l.add("No distributions: the result is a point estimate whose uncertainty is not quantified.");
        } else {
            l.add("Only the parameters listed in the inventory are varied; everything else is taken as exact.");
            l.add("Monte Carlo percentiles are estimated from a streamed t-digest; the histogram counts are estimates.");
        }
        r.study().warnings().forEach(w -> l.add("Warning at " + w.file().getFileName() + ":" + w.position().line()
                + ":" + w.position().column() + ": " + w.message()));
        b.bullets(l);
    }
}
