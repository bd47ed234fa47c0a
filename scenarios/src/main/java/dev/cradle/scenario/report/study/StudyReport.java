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
 * its contributions by life-cycle stage, ML phase, model, device and datacenter (on both bases where they differ),
 * and the analysis results found for it.
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
    static final List<String> BREAKDOWNS = List.of("stage", "phase", "model", "device", "datacenter");

    /**
     * One indicator of the primary functional unit.
     *
     * @param k                its row in the impact index
     * @param key              {@code method/category}
     * @param name             the category's name
     * @param unit             its unit symbol
     * @param location         the deterministic location-based total (NaN when no data covers it)
     * @param market           the market-based total, or NaN (no market basis, or not covered)
     * @param coverage         complete, partial or not covered
     * @param notCoveredBy     processes whose data miss this indicator
     * @param breakdowns       breakdown (stage, phase, model, device, datacenter) → member → contribution
     *                         (location-based); stage always, the others when at least one non-zero member other than
     *                         "(unassigned)"
     * @param marketBreakdowns the same breakdowns on the market basis, for a study whose contracts make it differ;
     *                         else empty
     * @param total            the Monte Carlo statistics of the location-based total, or null
     * @param outputIndex      the total's index in the analysis outputs (the same on both bases), or −1
     */
    public record Indicator(int k, String key, String name, String unit, double location, double market,
                            String coverage, List<String> notCoveredBy, Map<String, Map<String, Double>> breakdowns,
                            Map<String, Map<String, Double>> marketBreakdowns, OutputStatistics total,
                            int outputIndex) {
        public boolean covered() {
            return !coverage.equals(CsvReport.NONE);
        }

        /** The tornado bars of the location-based total, largest swing first, or an empty list. */
        public List<Tornado.Bar> tornado(StudyAnalysis a) {
            return tornado(a.location());
        }

        public List<Morris.Effect> morris(StudyAnalysis a) {
            return morris(a.location());
        }

        public Sobol.OutputIndices sobol(StudyAnalysis a) {
            return sobol(a.location());
        }

        /** The tornado bars of the total on the basis of {@code r}, largest swing first, or an empty list. */
        public List<Tornado.Bar> tornado(StudyAnalysis.Results r) {
            return r.tornado() == null || outputIndex < 0 ? List.of() : r.tornado().bars().get(outputIndex);
        }

        public List<Morris.Effect> morris(StudyAnalysis.Results r) {
            return r.morris() == null || outputIndex < 0 ? List.of() : r.morris().effects().get(outputIndex);
        }

        public Sobol.OutputIndices sobol(StudyAnalysis.Results r) {
            return r.sobol() == null || outputIndex < 0 ? null : r.sobol().outputs().get(outputIndex);
        }

        /** The Monte Carlo statistics of the total on the basis of {@code r}, or null. */
        public OutputStatistics total(StudyAnalysis.Results r) {
            return covered() ? r.statistics(outputIndex) : null;
        }

        /** The deterministic total on {@code basis} (NaN when not known). */
        public double deterministic(OutputKey.Basis basis) {
            return basis == OutputKey.Basis.MARKET ? market : location;
        }

        /**
         * True when the market-based results of this indicator differ from the location-based ones in {@code a}
         * (e.g. climate change under contracts; an indicator the grid intensity does not reach stays the same, bit
         * for bit).
         */
        public boolean marketDiffers(StudyAnalysis a) {
            if (!a.hasMarketBasis() || !covered() || Double.isNaN(market)) {
                return false;
            }
            if (market != location) {
                return true;
            }
            OutputStatistics l = total(a.location());
            OutputStatistics m = total(a.market().results());
            return l != null && m != null && (l.mean() != m.mean() || l.sd() != m.sd());
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
            Map<String, Map<String, Double>> breakdowns = covered ? breakdowns(r, k) : Map.of();
            Map<String, Map<String, Double>> marketBreakdowns = new LinkedHashMap<>();
            if (covered && market != null && analysis.hasMarketBasis() && !Double.isNaN(mkt)) {
                // the location-based breakdowns, on the market basis (a phase the contracts zero stays a row)
                for (String b : breakdowns.keySet()) {
                    marketBreakdowns.put(b, contributions(market, k, b).values());
                }
            }
            int index = indexOf(analysis, OutputKey.total(fu, ind.key(), ind.category().indicatorUnit().symbol()));
            OutputStatistics stats = index < 0 || analysis.monteCarlo() == null ? null
                    : analysis.monteCarlo().outputs().get(index);
            out.add(new Indicator(k, ind.key(), ind.category().name(), ind.category().indicatorUnit().symbol(), loc, mkt,
                    coverage, r.notCoveredBy(k), breakdowns, marketBreakdowns, covered ? stats : null,
                    covered ? index : -1));
        }
        return new StudyReport(study, analysis, out, StudyFacts.of(study));
    }

    /**
     * The deterministic contributions of indicator k by stage, and by each other breakdown in which a declared member
     * contributes: one whose processes have no direct flows, leaving only "(unassigned)", would read like a phase
     * result of 100 %.
     */
    private static Map<String, Map<String, Double>> breakdowns(LcaResult r, int k) {
        Map<String, Map<String, Double>> breakdowns = new LinkedHashMap<>();
        for (String b : BREAKDOWNS) {
            Contributions c = contributions(r, k, b);
            if (c != null && (b.equals("stage") || c.values().entrySet().stream()
                    .anyMatch(m -> !m.getKey().equals(LcaResult.UNASSIGNED) && m.getValue() != 0))) {
                breakdowns.put(b, c.values());
            }
        }
        return breakdowns;
    }

    /** Indicator k by breakdown {@code b}, or null (no ML phase declared). */
    private static Contributions contributions(LcaResult r, int k, String b) {
        return switch (b) {
            case "stage" -> r.byStage(k);
            case "phase" -> r.hasPhases() ? r.byPhase(k) : null;
            default -> r.byTag(k, b);
        };
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
