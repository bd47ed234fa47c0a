package dev.cradle.scenario.report.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.analysis.StudyAnalysis;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every file of {@code cradle report}, name → content, computed before anything is written: report.md,
 * report.html (self-contained, inline SVG), results.json, the tidy tables report.csv, contributions.csv and
 * sensitivity.csv, and the reporting statement as statement.md and statement.tex.
 */
public final class StudyReportFiles {
    private StudyReportFiles() {
    }

    public static Map<String, String> of(LoadedScenario study, StudyAnalysis analysis) {
        StudyReport r = StudyReport.of(study, analysis);
        Blocks blocks = StudySections.of(r);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("report.md", blocks.markdown());
        files.put("report.html", blocks.html(r.title()));
        files.put("results.json", json(ReportJson.of(r)));
        files.put("report.csv", TidyTables.report(r));
        files.put("contributions.csv", TidyTables.contributions(r));
        files.put("sensitivity.csv", TidyTables.sensitivity(r));
        files.put("statement.md", Statement.markdown(r));
        files.put("statement.tex", Statement.latex(r));
        return files;
    }

    /** One line for the terminal: the headline indicator with its interval, or that the result is deterministic. */
    public static String summary(LoadedScenario study, StudyAnalysis analysis) {
        StudyReport r = StudyReport.of(study, analysis);
        StudyReport.Indicator h = r.headline();
        if (h == null) {
            return r.title() + ": no indicator is covered by data.";
        }
        String line = r.title() + ": " + h.key() + " " + Fmt.number(h.location()) + " " + h.unit();
        if (h.total() != null) {
            line += " (Monte Carlo mean " + Fmt.number(h.total().mean()) + ", 95 % interval "
                    + Fmt.number(h.total().p2_5()) + " to " + Fmt.number(h.total().p97_5()) + ", "
                    + String.format(java.util.Locale.ROOT, "%,d", h.total().draws()) + " draws, "
                    + analysis.parameters().size() + " uncertain parameter" + (analysis.parameters().size() == 1 ? ")"
                    : "s)");
            OutputStatistics m = h.marketDiffers(analysis) ? h.total(analysis.market().results()) : null;
            return m == null ? line : line + "; market-based " + Fmt.number(h.market()) + " " + h.unit()
                    + " (Monte Carlo mean " + Fmt.number(m.mean()) + ", 95 % interval " + Fmt.number(m.p2_5())
                    + " to " + Fmt.number(m.p97_5()) + ")";
        }
        return line + (r.uncertain() ? "" : " (no distributions in the scenario: deterministic result only)");
    }

    static String json(Object doc) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
