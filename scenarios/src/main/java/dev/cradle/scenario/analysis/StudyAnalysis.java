package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.Morris;
import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.Tornado;
import dev.cradle.engine.analysis.UncertainParameter;

import java.nio.file.Path;
import java.util.List;

/**
 * The uncertainty and sensitivity analysis of one study: which parameters were uncertain, the outputs in
 * {@link OutputKey} order with their deterministic (central) values, and the result of each analysis that ran
 * (null when not asked for, or when no parameter is uncertain). The engine results' output order is
 * {@link #outputs()}' order.
 *
 * @param file        the scenario file
 * @param name        the study's name (its description, or the file name)
 * @param options     what was run
 * @param parameters  the uncertain parameters, in draw order
 * @param sources     per uncertain parameter, where its distribution comes from (e.g. {@code scenario},
 *                    {@code library range}, {@code pedigree}), same order as {@code parameters}
 * @param units       per uncertain parameter, its unit symbol ("" when dimensionless)
 * @param outputs     the outputs, in the engine results' order
 * @param central     the deterministic result of each output at the central parameter values
 * @param market      the market-based results (every output) on the same draws, or null when the study has no market
 *                    basis (no AI datacenter)
 */
public record StudyAnalysis(Path file, String name, AnalysisOptions options, List<UncertainParameter> parameters,
                            List<String> sources, List<String> units, List<OutputKey> outputs, double[] central,
                            MonteCarlo.Result monteCarlo, Tornado.Result tornado, Morris.Result morris,
                            Sobol.Result sobol, Market market) {

    /**
     * The market-based results of a study with a market basis (AI datacenters): each draw's parameter vector with
     * its grid intensity slots set to their market-based expressions evaluated on that same vector (so the market
     * result moves with every parameter it reads, e.g. the location intensity a residual mix is built from), every
     * analysis run on the same seeded draws, samples and trajectories as the location-based one. The outputs are the
     * location-based outputs on the market basis, index for index: the total and every breakdown.
     *
     * @param outputs     the outputs, basis {@link OutputKey.Basis#MARKET}, in {@link StudyAnalysis#outputs()} order
     * @param central     their deterministic values at the central parameters
     * @param monteCarlo  their Monte Carlo statistics, or null when Monte Carlo did not run
     * @param tornado     the one-at-a-time analysis of the market model, or null
     * @param morris      Morris screening of the market model, or null
     * @param sobol       Sobol indices of the market model, or null
     * @param contractual true when a datacenter's contracts (a declared market intensity or renewable share) give a
     *                    grid intensity a market-based expression of its own; false when every market-based intensity
     *                    is the location-based one, in which case these results are the location-based ones (not run
     *                    again: the same numbers)
     */
    public record Market(List<OutputKey> outputs, double[] central, MonteCarlo.Result monteCarlo,
                         Tornado.Result tornado, Morris.Result morris, Sobol.Result sobol, boolean contractual) {
        public Market {
            outputs = List.copyOf(outputs);
            central = central.clone();
            if (central.length != outputs.size()) {
                throw new IllegalArgumentException("one central value per market-based output");
            }
        }

        /** The index of the market-based total for {@code functionalUnit} and {@code indicator}, or −1. */
        public int indexOf(String functionalUnit, String indicator) {
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).breakdown() == OutputKey.Breakdown.TOTAL
                        && outputs.get(i).functionalUnit().equals(functionalUnit)
                        && outputs.get(i).indicator().equals(indicator)) {
                    return i;
                }
            }
            return -1;
        }

        /** These results as one basis of the study. */
        public Results results() {
            return new Results(OutputKey.Basis.MARKET, outputs, central, monteCarlo, tornado, morris, sobol);
        }
    }

    /**
     * The outputs of one electricity basis and the analyses run on them, as the renderers read them.
     *
     * @param basis      location or market
     * @param outputs    the outputs (total and breakdowns) on that basis
     * @param central    their deterministic values
     * @param monteCarlo Monte Carlo statistics per output, or null
     * @param tornado    tornado per output, or null
     * @param morris     Morris effects per output, or null
     * @param sobol      Sobol indices per output, or null
     */
    public record Results(OutputKey.Basis basis, List<OutputKey> outputs, double[] central,
                          MonteCarlo.Result monteCarlo, Tornado.Result tornado, Morris.Result morris,
                          Sobol.Result sobol) {
        public Results {
            outputs = List.copyOf(outputs);
            central = central.clone();
        }

        /** The index of the output of {@code functionalUnit}, {@code indicator}, breakdown and member, or −1. */
        public int indexOf(String functionalUnit, String indicator, OutputKey.Breakdown breakdown, String member) {
            for (int i = 0; i < outputs.size(); i++) {
                OutputKey k = outputs.get(i);
                if (k.breakdown() == breakdown && k.member().equals(member) && k.functionalUnit().equals(functionalUnit)
                        && k.indicator().equals(indicator)) {
                    return i;
                }
            }
            return -1;
        }

        /** The index of the total of {@code functionalUnit} and {@code indicator}, or −1. */
        public int totalIndex(String functionalUnit, String indicator) {
            return indexOf(functionalUnit, indicator, OutputKey.Breakdown.TOTAL, "total");
        }

        /** Monte Carlo statistics of output {@code i}, or null when Monte Carlo did not run or i is −1. */
        public OutputStatistics statistics(int i) {
            return monteCarlo == null || i < 0 ? null : monteCarlo.outputs().get(i);
        }
    }

    public StudyAnalysis {
        parameters = List.copyOf(parameters);
        sources = List.copyOf(sources);
        units = List.copyOf(units);
        outputs = List.copyOf(outputs);
        central = central.clone();
        if (sources.size() != parameters.size() || units.size() != parameters.size()) {
            throw new IllegalArgumentException("one source and one unit per uncertain parameter");
        }
        if (central.length != outputs.size()) {
            throw new IllegalArgumentException("one central value per output");
        }
    }

    /** The location-based outputs and analyses. */
    public Results location() {
        return new Results(OutputKey.Basis.LOCATION, outputs, central, monteCarlo, tornado, morris, sobol);
    }

    /**
     * The bases whose results differ, location first: the market basis is listed when the study's contracts give it
     * numbers of its own ({@link Market#contractual()}).
     */
    public List<Results> bases() {
        return market != null && market.contractual() ? List.of(location(), market.results()) : List.of(location());
    }

    /** True when the study has a market basis with contracts of its own, so market-based results differ. */
    public boolean hasMarketBasis() {
        return market != null && market.contractual();
    }

    /** True when at least one parameter is uncertain, i.e. the analyses had something to vary. */
    public boolean hasUncertainty() {
        return !parameters.isEmpty();
    }
}
