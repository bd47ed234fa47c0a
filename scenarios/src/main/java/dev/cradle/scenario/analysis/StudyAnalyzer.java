package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.CompiledSystemModel;
import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.Morris;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.Tornado;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.model.Parameter;
import dev.cradle.scenario.LoadedScenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the uncertainty and sensitivity analyses of a loaded study over its compiled model: every draw sets the
 * uncertain parameter slots, re-derives the formula slots and solves the product system.
 *
 * <p>Foundation version: outputs are the primary functional unit's totals per indicator; the uncertain parameters
 * are the global parameters the scenario gives a distribution.
 */
public final class StudyAnalyzer {
    private StudyAnalyzer() {
    }

    public static StudyAnalysis analyse(LoadedScenario study, AnalysisOptions options) {
        return analyse(study, options, null);
    }

    /** As {@link #analyse(LoadedScenario, AnalysisOptions)}, telling {@code progress} (may be null) how the Monte Carlo run goes. */
    public static StudyAnalysis analyse(LoadedScenario study, AnalysisOptions options, MonteCarlo.Progress progress) {
        CompiledSystemModel model = new CompiledSystemModel(study.compiled(), dev.cradle.engine.Cradle.calculator());
        List<UncertainParameter> parameters = model.uncertainGlobalParameters();
        List<String> sources = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (UncertainParameter p : parameters) {
            sources.add("scenario");
            units.add(study.system().parameters().stream().filter(q -> q.name().equals(p.name()))
                    .map(Parameter::unit).findFirst().orElse(""));
        }
        String fu = study.units().get(0).id();
        List<OutputKey> outputs = new ArrayList<>();
        for (ImpactIndex.Indicator i : study.compiled().impactIndex().indicators()) {
            outputs.add(OutputKey.total(fu, i.key(), i.category().indicatorUnit().symbol()));
        }
        double[] central = study.result().impacts().clone();
        MonteCarlo.Result mc = null;
        Tornado.Result tornado = null;
        Morris.Result morris = null;
        Sobol.Result sobol = null;
        if (!parameters.isEmpty()) {
            if (options.runs(AnalysisOptions.Analysis.MONTE_CARLO)) {
                mc = MonteCarlo.run(model, parameters, new MonteCarlo.Settings(options.draws(), options.seed(),
                        options.threads()), null, progress);
            }
            if (options.runs(AnalysisOptions.Analysis.TORNADO)) {
                tornado = Tornado.run(model, parameters);
            }
            if (options.runs(AnalysisOptions.Analysis.MORRIS)) {
                morris = Morris.run(model, parameters, new Morris.Settings(options.morrisTrajectories(), 4,
                        options.seed()));
            }
            if (options.runs(AnalysisOptions.Analysis.SOBOL)) {
                Sobol.Settings d = Sobol.Settings.of(options.sobolN(), options.seed());
                sobol = Sobol.run(model, parameters, new Sobol.Settings(options.sobolN(), d.bootstrap(),
                        d.confidence(), options.seed(), options.threads()));
            }
        }
        String name = study.description() == null || study.description().isBlank()
                ? study.file().getFileName().toString() : study.description();
        return new StudyAnalysis(study.file(), name, options, parameters, sources, units, outputs, central, mc,
                tornado, morris, sobol);
    }
}
