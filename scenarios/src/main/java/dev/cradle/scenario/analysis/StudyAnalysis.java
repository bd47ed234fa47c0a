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
 */
public record StudyAnalysis(Path file, String name, AnalysisOptions options, List<UncertainParameter> parameters,
                            List<String> sources, List<String> units, List<OutputKey> outputs, double[] central,
                            MonteCarlo.Result monteCarlo, Tornado.Result tornado, Morris.Result morris,
                            Sobol.Result sobol) {
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
