package dev.cradle.scenario.report.study;

import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.scenario.analysis.OutputKey;
import dev.cradle.scenario.analysis.ScenarioComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every file of {@code cradle compare}: report.md and report.html (per indicator, and per electricity basis where the
 * scenarios' contracts make the market basis differ, each scenario's distribution and, for every pair, the
 * distribution of the difference A − B and the probability that A is lower, with a chart),
 * results.json and the tidy report.csv (scenario, functional_unit, indicator, unit, basis, coverage, statistic,
 * value; a pair's rows name the scenario {@code A − B} and add the statistic {@code p_first_lower}).
 */
public final class ComparisonReportFiles {
    private ComparisonReportFiles() {
    }

    public static Map<String, String> of(ScenarioComparison c) {
        Map<String, String> files = new LinkedHashMap<>();
        Blocks b = blocks(c);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < c.names().size(); i++) {
            labels.add(label(c, i));
        }
        String title = "Comparison: " + String.join(" vs ", labels);
        files.put("report.md", b.markdown());
        files.put("report.html", b.html(title));
        files.put("results.json", StudyReportFiles.json(json(c)));
        files.put("report.csv", csv(c));
        return files;
    }

    /** One line per indicator and pair for the terminal. */
    public static String summary(ScenarioComparison c) {
        StringBuilder b = new StringBuilder();
        for (ScenarioComparison.Indicator ind : c.indicators()) {
            for (ScenarioComparison.Pair p : ind.pairs()) {
                b.append(ind.key().indicator()).append(" per ").append(ind.key().functionalUnit())
                        .append(ind.key().basis() == OutputKey.Basis.MARKET ? " (market-based)" : "").append(": ")
                        .append(pairName(c, p)).append(" mean ").append(Fmt.number(p.difference().mean())).append(' ')
                        .append(ind.key().unit()).append(" (95 % interval ").append(Fmt.number(p.difference().p2_5()))
                        .append(" to ").append(Fmt.number(p.difference().p97_5())).append("), P(")
                        .append(label(c, p.first())).append(" lower) = ")
                        .append(Fmt.index(p.probabilityFirstLower())).append('\n');
            }
        }
        return b.toString();
    }

    static String pairName(ScenarioComparison c, ScenarioComparison.Pair p) {
        return label(c, p.first()) + " − " + label(c, p.second());
    }

    static Blocks blocks(ScenarioComparison c) {
        Blocks b = new Blocks();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < c.names().size(); i++) {
            labels.add(label(c, i));
        }
        b.heading(1, "Scenario comparison: " + String.join(" vs ", labels));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < c.files().size(); i++) {
            files.add(letter(i) + ": " + label(c, i) + " (" + c.files().get(i).getFileName() + ")");
        }
        b.bullets(files);
        b.paragraph("Every scenario is evaluated on the same " + String.format(Locale.ROOT, "%,d", c.draws())
                + " Monte Carlo draws (seed " + c.seed() + "). " + (c.shared().isEmpty()
                ? "The scenarios share no uncertain parameter: their draws are independent."
                : "Parameters drawn once and used by every scenario that declares them: " + String.join(", ",
                c.shared()) + ". A difference therefore reflects what differs between the scenarios, not sampling "
                + "noise in what they share."));
        b.heading(2, "Results");
        for (ScenarioComparison.Indicator ind : c.indicators()) {
            OutputKey k = ind.key();
            b.heading(3, k.indicator() + " (" + k.unit() + ") per " + k.functionalUnit() + basis(c, k));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < ind.perScenario().size(); i++) {
                OutputStatistics s = ind.perScenario().get(i);
                rows.add(List.of(letter(i) + ": " + label(c, i), Fmt.number(s.mean()), Fmt.number(s.median()),
                        Fmt.number(s.p2_5()) + " to " + Fmt.number(s.p97_5())));
            }
            b.table(List.of("scenario", "mean", "median", "95 % interval"), rows);
            List<List<String>> pairs = new ArrayList<>();
            List<String> pairLabels = new ArrayList<>();
            List<OutputStatistics> diffs = new ArrayList<>();
            List<Double> p = new ArrayList<>();
            for (ScenarioComparison.Pair pair : ind.pairs()) {
                OutputStatistics d = pair.difference();
                String label = letter(pair.first()) + " − " + letter(pair.second());
                pairs.add(List.of(label, Fmt.number(d.mean()), Fmt.number(d.p2_5()) + " to " + Fmt.number(d.p97_5()),
                        Fmt.index(pair.probabilityFirstLower())));
                pairLabels.add(label);
                diffs.add(d);
                p.add(pair.probabilityFirstLower());
            }
            boolean allZero = diffs.stream().allMatch(d -> d.min() == 0 && d.max() == 0);
            if (!pairs.isEmpty()) {
                b.table(List.of("difference", "mean", "95 % interval", "P(first lower)"), pairs);
            }
            if (!pairs.isEmpty() && !allZero) {
                b.figure(Charts.differences("Difference in " + k.indicator() + basis(c, k) + " (" + k.unit() + ")",
                        k.unit(), pairLabels,
                        diffs, p), "Distribution of each difference over the shared draws; P(lower) is the share of "
                        + "draws in which the first scenario is lower.");
            }
            for (ScenarioComparison.Pair pair : ind.pairs()) {
                b.paragraph(verdict(c, pair, k));
            }
        }
        b.heading(2, "Limitations");
        List<String> limits = new ArrayList<>(List.of("Each scenario's own limitations (coverage gaps, what it leaves "
                + "out) hold here too: run 'cradle report' on each for them.", "Only indicators every scenario has are "
                + "compared. " + c.bases()));
        c.coverage().forEach(x -> limits.add(x + "."));
        b.bullets(limits);
        return b;
    }

    /** ", location-based" or ", market-based" when the comparison covers both bases; else "". */
    private static String basis(ScenarioComparison c, OutputKey k) {
        boolean both = c.indicators().stream().anyMatch(i -> i.key().basis() == OutputKey.Basis.MARKET);
        return both ? ", " + k.basisName() + "-based" : "";
    }

    private static String verdict(ScenarioComparison c, ScenarioComparison.Pair pair, OutputKey k) {
        if (pair.difference().min() == 0 && pair.difference().max() == 0) {
            return k.indicator() + basis(c, k) + ": " + label(c, pair.first()) + " and " + label(c, pair.second())
                    + " give the same value in every draw (what differs between them does not reach this indicator).";
        }
        double pl = pair.probabilityFirstLower();
        String a = label(c, pair.first());
        String bName = label(c, pair.second());
        String lower = pl >= 0.5 ? a : bName;
        double prob = pl >= 0.5 ? pl : 1 - pl;
        return k.indicator() + basis(c, k) + ": " + lower + " is lower in " + Fmt.percent(prob) + " of the draws ("
                + (prob >= 0.95 ? "a robust difference" : prob >= 0.75 ? "likely, not certain"
                : "the scenarios cannot be told apart at this uncertainty") + ").";
    }

    /**
     * How a scenario is named in the files: its name when every name is distinct and at most 40 characters, else
     * its file name without extension (two studies often share a long description).
     */
    static String label(ScenarioComparison c, int i) {
        List<String> names = c.names();
        boolean usable = names.stream().distinct().count() == names.size()
                && names.stream().allMatch(n -> n != null && !n.isBlank() && n.length() <= 40 && !n.contains("\n"));
        if (usable) {
            return names.get(i);
        }
        String f = String.valueOf(c.files().get(i).getFileName());
        return f.contains(".") ? f.substring(0, f.lastIndexOf('.')) : f;
    }

    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "S" + (i + 1);
    }

    static Map<String, Object> json(ScenarioComparison c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "cradle-comparison/1");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < c.names().size(); i++) {
            labels.add(label(c, i));
        }
        doc.put("scenarios", labels);
        doc.put("names", c.names());
        doc.put("files", c.files().stream().map(p -> String.valueOf(p.getFileName())).toList());
        doc.put("shared_parameters", c.shared());
        doc.put("draws", c.draws());
        doc.put("seed", c.seed());
        doc.put("bases", c.bases());
        doc.put("coverage", c.coverage());
        List<Map<String, Object>> out = new ArrayList<>();
        for (ScenarioComparison.Indicator ind : c.indicators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("functional_unit", ind.key().functionalUnit());
            m.put("indicator", ind.key().indicator());
            m.put("unit", ind.key().unit());
            m.put("basis", ind.key().basisName());
            List<Map<String, Object>> per = new ArrayList<>();
            for (int i = 0; i < ind.perScenario().size(); i++) {
                Map<String, Object> s = stats(ind.perScenario().get(i));
                s.put("scenario", label(c, i));
                per.add(s);
            }
            m.put("scenarios", per);
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (ScenarioComparison.Pair p : ind.pairs()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("first", label(c, p.first()));
                x.put("second", label(c, p.second()));
                x.put("probability_first_lower", ReportJson.finite(p.probabilityFirstLower()));
                x.put("difference", stats(p.difference()));
                pairs.add(x);
            }
            m.put("pairs", pairs);
            out.add(m);
        }
        doc.put("indicators", out);
        return doc;
    }

    private static Map<String, Object> stats(OutputStatistics s) {
        Map<String, Object> m = new LinkedHashMap<>();
        TidyTables.statistics(s).forEach((n, v) -> m.put(n, n.equals("draws") ? (Object) s.draws() : ReportJson.finite(v)));
        return m;
    }

    static String csv(ScenarioComparison c) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScenarioComparison.Indicator ind : c.indicators()) {
            OutputKey k = ind.key();
            for (int i = 0; i < ind.perScenario().size(); i++) {
                String name = label(c, i);
                TidyTables.statistics(ind.perScenario().get(i)).forEach((n, v) -> rows.add(List.of(name,
                        k.functionalUnit(), k.indicator(), k.unit(), k.basisName(), "", n, Double.isFinite(v) ? v
                        : "")));
            }
            for (ScenarioComparison.Pair p : ind.pairs()) {
                String name = pairName(c, p);
                TidyTables.statistics(p.difference()).forEach((n, v) -> rows.add(List.of(name, k.functionalUnit(),
                        k.indicator(), k.unit(), k.basisName(), "", n, Double.isFinite(v) ? v : "")));
                rows.add(List.of(name, k.functionalUnit(), k.indicator(), k.unit(), k.basisName(), "", "p_first_lower",
                        p.probabilityFirstLower()));
            }
        }
        return TidyTables.csv(TidyTables.REPORT, rows);
    }
}
