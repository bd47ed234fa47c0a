package dev.cradle.scenario.analysis;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.engine.analysis.Morris;
import dev.cradle.engine.analysis.ParametricModel;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.StudyModel;
import dev.cradle.engine.analysis.Tornado;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.FunctionalUnitDemands;
import dev.cradle.engine.calc.NamedFunctionalUnit;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.report.UnitResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the uncertainty and sensitivity analyses of a loaded study over its compiled model ({@link StudyModel}):
 * every draw sets the uncertain parameter slots, re-derives the formula slots, solves the product system once and
 * reads from that one solution, for every functional unit and indicator, the total and its contributions by life
 * cycle stage, ML phase, model and device (the breakdowns the deterministic report shows; groups that are zero
 * by structure are left out). These results are location-based (the deterministic report's headline basis); a
 * study with a market basis also gets its market-based totals on the same Monte Carlo draws
 * ({@link StudyAnalysis#market()}).
 *
 * <p>The uncertain parameters ({@link StudyInputs}): the scenario's global parameters with a distribution; the
 * library's ranges ({@code hardware.<id>.embodied_gwp}, {@code datacenter.<id>.mix.<tech>_gwp},
 * {@code datacenter.<id>.building_gwp_per_mw}) unless {@link AnalysisOptions#libraryRanges()} is off; and one
 * implicit parameter per exchange of the scenario's own processes that carries a distribution or a pedigree.
 */
public final class StudyAnalyzer {
    private StudyAnalyzer() {
    }

    public static StudyAnalysis analyse(LoadedScenario study, AnalysisOptions options) {
        return analyse(study, options, AnalysisProgress.NONE);
    }

    /**
     * As {@link #analyse(LoadedScenario, AnalysisOptions)}, telling {@code progresses} how each analysis goes (Monte
     * Carlo, tornado, Morris, Sobol, the market basis's Monte Carlo).
     */
    public static StudyAnalysis analyse(LoadedScenario study, AnalysisOptions options, AnalysisProgress progresses) {
        Prepared p = prepare(study, options);
        List<UncertainParameter> parameters = p.inputs().parameters();
        MonteCarlo.Result mc = null;
        Tornado.Result tornado = null;
        Morris.Result morris = null;
        Sobol.Result sobol = null;
        if (!parameters.isEmpty()) {
            if (options.runs(AnalysisOptions.Analysis.MONTE_CARLO)) {
                MonteCarlo.Progress progress = progresses.start("Monte Carlo", "draws");
                MonteCarlo.Settings settings = new MonteCarlo.Settings(options.draws(), options.seed(),
                        options.threads());
                if (options.rawDraws() != null) {
                    mc = RawDrawsFile.write(options.rawDraws(), parameters, p.outputs(),
                            raw -> MonteCarlo.run(p.model(), parameters, settings, raw, progress));
                } else {
                    mc = MonteCarlo.run(p.model(), parameters, settings, null, progress);
                }
            }
            if (options.runs(AnalysisOptions.Analysis.TORNADO)) {
                tornado = Tornado.run(p.model(), parameters, Tornado.LOW, Tornado.HIGH,
                        progresses.start("Tornado", "evaluations"));
            }
            if (options.runs(AnalysisOptions.Analysis.MORRIS)) {
                morris = Morris.run(p.model(), parameters, new Morris.Settings(options.morrisTrajectories(), 4,
                        options.seed()), progresses.start("Morris", "evaluations"));
            }
            if (options.runs(AnalysisOptions.Analysis.SOBOL)) {
                Sobol.Settings d = Sobol.Settings.of(options.sobolN(), options.seed());
                sobol = Sobol.run(p.model(), parameters, new Sobol.Settings(options.sobolN(), d.bootstrap(),
                        d.confidence(), options.seed(), options.threads()), progresses.start("Sobol", "steps"));
            }
        }
        StudyAnalysis.Market market = market(study, p, options, progresses);
        return new StudyAnalysis(study.file(), name(study), options, parameters, p.inputs().sources(),
                p.inputs().units(), p.outputs(), p.central(), mc, tornado, morris, sobol, market);
    }

    /**
     * The market-based totals of a study with a market basis, or null: a second model whose evaluator sets each
     * grid intensity slot of the (derived) draw to its market-based expression ({@code MarketBasis#apply}) and keeps
     * the totals; Monte Carlo runs it with the same seed, parameters and settings, so it sees the very same draws
     * as the location-based run (whose outputs stay as they were, bit for bit).
     */
    private static StudyAnalysis.Market market(LoadedScenario study, Prepared p, AnalysisOptions options,
                                               AnalysisProgress progresses) {
        if (study.aiStudy().isEmpty() || study.aiStudy().get().marketOverrides().isEmpty()) {
            return null;
        }
        dev.cradle.engine.ai.MarketBasis basis = study.aiStudy().get().marketBasis(p.model().system());
        List<OutputKey> keys = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        for (int o = 0; o < p.outputs().size(); o++) {
            if (p.outputs().get(o).breakdown() == OutputKey.Breakdown.TOTAL) {
                keys.add(p.outputs().get(o).market());
                totals.add(o);
            }
        }
        int[] index = totals.stream().mapToInt(Integer::intValue).toArray();
        StudyModel location = p.model();
        ParametricModel model = new ParametricModel() {
            @Override
            public int parameterCount() {
                return location.parameterCount();
            }

            @Override
            public List<String> outputNames() {
                return keys.stream().map(OutputKey::name).toList();
            }

            @Override
            public double[] centralParameters() {
                return location.centralParameters();
            }

            @Override
            public void deriveParameters(double[] parameters) {
                location.deriveParameters(parameters);
            }

            @Override
            public Evaluator newEvaluator() {
                Evaluator inner = location.newEvaluator();
                double[] all = new double[location.outputCount()];
                return (parameters, out) -> {
                    inner.evaluate(basis.apply(parameters), all);
                    for (int i = 0; i < index.length; i++) {
                        out[i] = all[index[i]];
                    }
                };
            }
        };
        double[] central = evaluate(model, model.centralParameters());
        MonteCarlo.Result mc = null;
        List<UncertainParameter> parameters = p.inputs().parameters();
        if (!parameters.isEmpty() && options.runs(AnalysisOptions.Analysis.MONTE_CARLO)) {
            mc = MonteCarlo.run(model, parameters, new MonteCarlo.Settings(options.draws(), options.seed(),
                    options.threads()), null, progresses.start("Monte Carlo (market basis)", "draws"));
        }
        return new StudyAnalysis.Market(keys, central, mc);
    }

    /** The study's name: its description, or the file name. */
    static String name(LoadedScenario study) {
        return study.description() == null || study.description().isBlank()
                ? study.file().getFileName().toString() : study.description();
    }

    /**
     * A study ready to analyse: its model, uncertain inputs, outputs and their central values.
     *
     * @param model   the model the analyses evaluate
     * @param inputs  the uncertain parameters with their sources and units
     * @param outputs the outputs, in model order
     * @param central the outputs at the central parameter values
     */
    record Prepared(StudyModel model, StudyInputs inputs, List<OutputKey> outputs, double[] central) {
    }

    static Prepared prepare(LoadedScenario study, AnalysisOptions options) {
        StudyInputs inputs = StudyInputs.of(study, options.libraryRanges());
        CompiledSystem compiled = inputs.compiled();
        List<NamedFunctionalUnit> units = study.units().stream().map(UnitResult::unit).toList();
        FunctionalUnitDemands demands = FunctionalUnitDemands.compile(compiled, units);
        StudyModel model = StudyModel.of(compiled, demands, Cradle.calculator(), breakdowns(compiled.techIndex()));
        List<OutputKey> outputs = new ArrayList<>();
        for (StudyModel.Output o : model.outputs()) {
            var indicator = compiled.impactIndex().at(o.indicator());
            outputs.add(new OutputKey(units.get(o.unit()).id(), indicator.key(),
                    indicator.category().indicatorUnit().symbol(), o.breakdown() < 0 ? OutputKey.Breakdown.TOTAL
                    : BREAKDOWNS.get(model.breakdownName(o.breakdown())), o.group()));
        }
        double[] central = evaluate(model, model.centralParameters());
        return new Prepared(model, inputs, List.copyOf(outputs), central);
    }

    /** The model's outputs at a parameter vector (derived first). */
    static double[] evaluate(ParametricModel model, double[] parameters) {
        double[] p = parameters.clone();
        model.deriveParameters(p);
        double[] out = new double[model.outputCount()];
        model.newEvaluator().evaluate(p, out);
        return out;
    }

    private static final java.util.Map<String, OutputKey.Breakdown> BREAKDOWNS = java.util.Map.of(
            "stage", OutputKey.Breakdown.STAGE, "phase", OutputKey.Breakdown.PHASE, "model", OutputKey.Breakdown.MODEL,
            "device", OutputKey.Breakdown.DEVICE);

    /**
     * Stage always; ML phase, model and device where a process that declares them has elementary flows of its own
     * (others "(unassigned)"). Contributions are direct, so a grouping whose declared processes have none (a generic
     * study's training process drawing only electricity and hardware) would be nothing but "(unassigned)", the total
     * again: it is left out, as the deterministic report leaves out its table.
     */
    static List<StudyModel.Breakdown> breakdowns(dev.cradle.engine.index.TechIndex columns) {
        List<StudyModel.Breakdown> out = new ArrayList<>();
        out.add(new StudyModel.Breakdown("stage", j -> columns.at(j).process().stage().title(),
                Arrays.stream(LifecycleStage.values()).map(LifecycleStage::title).toList()));
        if (columns.columns().stream().anyMatch(t -> t.process().phase() != null && direct(t.process()))) {
            out.add(new StudyModel.Breakdown("phase", j -> columns.at(j).process().mlPhase().map(MlPhase::key)
                    .orElse(LcaResult.UNASSIGNED), List.of()));
        }
        for (String tag : List.of("model", "device")) {
            if (columns.columns().stream().anyMatch(t -> t.process().tags().containsKey(tag) && direct(t.process()))) {
                out.add(new StudyModel.Breakdown(tag, j -> columns.at(j).process().tags()
                        .getOrDefault(tag, LcaResult.UNASSIGNED), List.of()));
            }
        }
        return out;
    }

    /** True when {@code p} has an elementary exchange: it can contribute directly to an indicator. */
    private static boolean direct(dev.cradle.model.Process p) {
        return p.exchanges().stream().anyMatch(x -> x.flow().isElementary());
    }
}
