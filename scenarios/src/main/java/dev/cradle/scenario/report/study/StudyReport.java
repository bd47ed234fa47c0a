package dev.cradle.scenario.report.study;

import dev.cradle.engine.analysis.Morris;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.Tornado;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.analysis.OutputKey;
import dev.cradle.scenario.analysis.StudyAnalysis;
import dev.cradle.scenario.report.CsvReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a study report shows, gathered once from a loaded scenario and its uncertainty and sensitivity analysis:
 * per indicator of the primary functional unit its deterministic result (location- and market-based, coverage),
 * its contributions by life-cycle stage, ML phase, model and device, and the analysis results found for it.
 * The renderers ({@link MarkdownReport}, {@link HtmlReport}, {@link TidyTables}, {@link ReportJson},
 * {@link Statement}) only format this.
 *
 * @param study      the loaded scenario
 * @param analysis   its analysis (the parameters it varied may be none)
 * @param indicators one entry per indicator, in the method's order
 * @param facts      what the reporting statement states
 */
public record StudyReport(LoadedScenario study, StudyAnalysis analysis, List<Indicator> indicators, StudyFacts facts) {

    /** The breakdowns shown for each indicator, in order, with the tag each reads. */
    static final List<String> BREAKDOWNS = List.of("stage", "phase", "model", "device");

    /**
     * One indicator of the primary functional unit.
     *
     * @param k            its row in the impact index
     * @param key          {@code method/category}
     * @param name         the category's name
     * @param unit         its unit symbol
     * @param location     the deterministic location-based total (NaN when no data covers it)
     * @param market       the market-based total, or NaN (no market basis, or not covered)
     * @param coverage     complete, partial or not covered
     * @param notCoveredBy processes whose data miss this indicator
     * @param breakdowns   breakdown (stage, phase, model, device) → member → contribution (location-based); only
     *                     breakdowns with at least one non-zero member other than "(unassigned)"
     * @param total        the Monte Carlo statistics of the total, or null
     * @param outputIndex  the total's index in the analysis outputs, or −1
     */
    public record Indicator(int k, String key, String name, String unit, double location, double market,
                            String coverage, List<String> notCoveredBy, Map<String, Map<String, Double>> breakdowns,
                            OutputStatistics total, int outputIndex) {
        public boolean covered() {
            return !coverage.equals(CsvReport.NONE);
        }

        /** The tornado bars of the total, largest swing first, or an empty list. */
        public List<Tornado.Bar> tornado(StudyAnalysis a) {
            return a.tornado() == null || outputIndex < 0 ? List.of() : a.tornado().bars().get(outputIndex);
        }

        public List<Morris.Effect> morris(StudyAnalysis a) {
            return a.morris() == null || outputIndex < 0 ? List.of() : a.morris().effects().get(outputIndex);
        }

        public Sobol.OutputIndices sobol(StudyAnalysis a) {
            return a.sobol() == null || outputIndex < 0 ? null : a.sobol().outputs().get(outputIndex);
        }
    }

    public StudyReport {
        indicators = List.copyOf(indicators);
    }

    public static StudyReport of(LoadedScenario study, StudyAnalysis analysis) {
        LcaResult r = study.result();
        LcaResult market = study.view() == null ? null : study.view().market();
        String fu = study.units().get(0).id();
        List<Indicator> out = new ArrayList<>();
        for (int k = 0; k < r.impactIndex().size(); k++) {
            ImpactIndex.Indicator ind = r.impactIndex().at(k);
            String coverage = CsvReport.coverage(r, k);
            boolean covered = !coverage.equals(CsvReport.NONE);
            double loc = covered ? r.impacts()[k] : Double.NaN;
            double mkt = market == null || CsvReport.coverage(market, k).equals(CsvReport.NONE) ? Double.NaN
                    : market.impacts()[k];
            Map<String, Map<String, Double>> breakdowns = new LinkedHashMap<>();
            if (covered) {
                for (String b : BREAKDOWNS) {
                    Contributions c = switch (b) {
                        case "stage" -> r.byStage(k);
                        case "phase" -> r.hasPhases() ? r.byPhase(k) : null;
                        default -> r.byTag(k, b);
                    };
                    // a phase or tag table is shown when a declared member contributes: one whose processes have no
                    // direct flows, leaving only "(unassigned)", would read like a phase result of 100 %
                    if (c != null && (b.equals("stage") || c.values().entrySet().stream()
                            .anyMatch(m -> !m.getKey().equals(LcaResult.UNASSIGNED) && m.getValue() != 0))) {
                        breakdowns.put(b, c.values());
                    }
                }
            }
            int index = indexOf(analysis, OutputKey.total(fu, ind.key(), ind.category().indicatorUnit().symbol()));
            OutputStatistics stats = index < 0 || analysis.monteCarlo() == null ? null
                    : analysis.monteCarlo().outputs().get(index);
            out.add(new Indicator(k, ind.key(), ind.category().name(), ind.category().indicatorUnit().symbol(), loc, mkt,
                    coverage, r.notCoveredBy(k), breakdowns, covered ? stats : null, covered ? index : -1));
        }
        return new StudyReport(study, analysis, out, StudyFacts.of(study));
    }

    private static int indexOf(StudyAnalysis a, OutputKey key) {
        List<OutputKey> outputs = a.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            OutputKey o = outputs.get(i);
            if (o.breakdown() == OutputKey.Breakdown.TOTAL && o.functionalUnit().equals(key.functionalUnit())
                    && o.indicator().equals(key.indicator())) {
                return i;
            }
        }
        return -1;
    }

    /** The study's title: its name, else its file name. */
    public String title() {
        String n = study.system().name();
        return n == null || n.isBlank() ? analysis.name() : n;
    }

    /** The climate-change indicator (category {@code climate_change}), else the first covered one, else null. */
    public Indicator headline() {
        for (Indicator i : indicators) {
            if (i.key().endsWith("/climate_change") && i.covered()) {
                return i;
            }
        }
        return indicators.stream().filter(Indicator::covered).findFirst().orElse(null);
    }

    /** True when the analyses had uncertain parameters to vary. */
    public boolean uncertain() {
        return analysis.hasUncertainty();
    }

    /** The uncertainty section's statistics for an analysis output (any breakdown), or null. */
    public OutputStatistics statistics(int output) {
        return analysis.monteCarlo() == null ? null : analysis.monteCarlo().outputs().get(output);
    }
}
