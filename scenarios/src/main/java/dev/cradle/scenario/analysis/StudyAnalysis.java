package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.Morris;
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
 * @param market      the market-based totals on the same draws, or null when the study has no market basis
 */
public record StudyAnalysis(Path file, String name, AnalysisOptions options, List<UncertainParameter> parameters,
                            List<String> sources, List<String> units, List<OutputKey> outputs, double[] central,
                            MonteCarlo.Result monteCarlo, Tornado.Result tornado, Morris.Result morris,
                            Sobol.Result sobol, Market market) {

    /**
     * The market-based totals of a study with a market basis: each draw's parameter vector with its grid intensity
     * slots set to their market-based expressions evaluated on that same vector (so the market result moves with
     * every parameter it reads, e.g. the location intensity a residual mix is built from), evaluated on the same
     * seeded draws as the location-based outputs.
     *
     * @param outputs    the totals, basis {@link OutputKey.Basis#MARKET}
     * @param central    their deterministic values at the central parameters
     * @param monteCarlo their Monte Carlo statistics, or null when Monte Carlo did not run
     */
    public record Market(List<OutputKey> outputs, double[] central, MonteCarlo.Result monteCarlo) {
        public Market {
            outputs = List.copyOf(outputs);
            central = central.clone();
        }

        /** The index of the market-based total for {@code functionalUnit} and {@code indicator}, or −1. */
        public int indexOf(String functionalUnit, String indicator) {
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).functionalUnit().equals(functionalUnit)
                        && outputs.get(i).indicator().equals(indicator)) {
                    return i;
                }
            }
            return -1;
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

    /** True when at least one parameter is uncertain, i.e. the analyses had something to vary. */
    public boolean hasUncertainty() {
        return !parameters.isEmpty();
    }
}
