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
 * cycle stage, ML phase, model, device and datacenter (the breakdowns the deterministic report shows; groups that
 * are zero by structure are left out). These results are location-based (the deterministic report's headline basis); a
 * study with a market basis gets the same outputs on the market basis ({@link StudyAnalysis#market()}): every
 * analysis run again on a {@link MarketModel} with the same seed and settings, so on the same draws, samples and
 * trajectories.
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
     * Carlo, tornado, Morris, Sobol; with contracts, each again on the market basis).
     */
    public static StudyAnalysis analyse(LoadedScenario study, AnalysisOptions options, AnalysisProgress progresses) {
        Prepared p = prepare(study, options);
        Runs location = run(p.model(), p, p.outputs(), options, options.rawDraws(), progresses, "");
        StudyAnalysis.Market market = market(p, options, location, progresses);
        return new StudyAnalysis(study.file(), name(study), options, p.inputs().parameters(), p.inputs().sources(),
                p.inputs().units(), p.outputs(), p.central(), location.monteCarlo(), location.tornado(),
                location.morris(), location.sobol(), market);
    }

    /** The analyses of one model (null where not asked for, or when no parameter is uncertain). */
    private record Runs(MonteCarlo.Result monteCarlo, Tornado.Result tornado, Morris.Result morris,
                        Sobol.Result sobol) {
    }

    /**
     * Runs the analyses {@code options} asks for on {@code model} with the study's uncertain parameters: the same
     * seed, settings and parameter order for the location- and the market-based model, so both see the same draws.
     */
    private static Runs run(ParametricModel model, Prepared p, List<OutputKey> outputs, AnalysisOptions options,
                            java.nio.file.Path rawDraws, AnalysisProgress progresses, String basis) {
        List<UncertainParameter> parameters = p.inputs().parameters();
        if (parameters.isEmpty()) {
            return new Runs(null, null, null, null);
        }
        MonteCarlo.Result mc = null;
        Tornado.Result tornado = null;
        Morris.Result morris = null;
        Sobol.Result sobol = null;
        if (options.runs(AnalysisOptions.Analysis.MONTE_CARLO)) {
            MonteCarlo.Progress progress = progresses.start("Monte Carlo" + basis, "draws");
            MonteCarlo.Settings settings = new MonteCarlo.Settings(options.draws(), options.seed(), options.threads());
            if (rawDraws != null) {
                mc = RawDrawsFile.write(rawDraws, parameters, outputs,
                        raw -> MonteCarlo.run(model, parameters, settings, raw, progress));
            } else {
                mc = MonteCarlo.run(model, parameters, settings, null, progress);
            }
        }
        if (options.runs(AnalysisOptions.Analysis.TORNADO)) {
            tornado = Tornado.run(model, parameters, Tornado.LOW, Tornado.HIGH,
                    progresses.start("Tornado" + basis, "evaluations"));
        }
        if (options.runs(AnalysisOptions.Analysis.MORRIS)) {
            morris = Morris.run(model, parameters, new Morris.Settings(options.morrisTrajectories(), 4,
                    options.seed()), progresses.start("Morris" + basis, "evaluations"));
        }
        if (options.runs(AnalysisOptions.Analysis.SOBOL)) {
            Sobol.Settings d = Sobol.Settings.of(options.sobolN(), options.seed());
            sobol = Sobol.run(model, parameters, new Sobol.Settings(options.sobolN(), d.bootstrap(),
                    d.confidence(), options.seed(), options.threads()), progresses.start("Sobol" + basis, "steps"));
        }
        return new Runs(mc, tornado, morris, sobol);
    }

    /**
     * The market-based results of a study with a market basis (AI datacenters), or null. When a datacenter's
     * contracts give a grid intensity a market-based expression of its own, a {@link MarketModel} is analysed with
     * the same seed, parameters and settings, so it sees the very same draws as the location-based run (whose
     * outputs stay as they were, bit for bit). Otherwise every market-based number is the location-based one, and
     * the location-based results are reused rather than computed twice.
     */
    private static StudyAnalysis.Market market(Prepared p, AnalysisOptions options, Runs location,
                                               AnalysisProgress progresses) {
        if (p.marketBasis() == null) {
            return null;
        }
        List<OutputKey> keys = p.outputs().stream().map(OutputKey::market).toList();
        if (!p.contractual()) {
            return new StudyAnalysis.Market(keys, p.central(), location.monteCarlo(), location.tornado(),
                    location.morris(), location.sobol(), false);
        }
        MarketModel model = new MarketModel(p.model(), p.marketBasis(), keys);
        Runs runs = run(model, p, keys, options, options.rawDraws() == null ? null
                : RawDrawsFile.market(options.rawDraws()), progresses, " (market basis)");
        return new StudyAnalysis.Market(keys, evaluate(model, model.centralParameters()), runs.monteCarlo(),
                runs.tornado(), runs.morris(), runs.sobol(), true);
    }

    /**
     * True when some grid intensity of the study has a market-based expression other than its location-based one
     * (a datacenter declares a market intensity or a renewable share); a parameter the rules did not write (the
     * scenario's own of the same name) counts as contractual, so that nothing is assumed equal that may not be.
     */
    static boolean contractual(dev.cradle.engine.ai.AiStudy ai) {
        java.util.Map<String, dev.cradle.model.Parameter> own = new java.util.HashMap<>();
        ai.parameters().forEach(q -> own.put(q.name(), q));
        for (var e : ai.marketBasis().entrySet()) {
            dev.cradle.model.Parameter q = own.get(e.getKey());
            if (q == null || !e.getValue().amount().equals(q.amount())) {
                return true;
            }
        }
        return false;
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
     * @param marketBasis the study's market basis compiled against its system, or null (no AI datacenter)
     * @param contractual true when contracts make a market-based intensity differ from the location-based one
     */
    record Prepared(StudyModel model, StudyInputs inputs, List<OutputKey> outputs, double[] central,
                    dev.cradle.engine.ai.MarketBasis marketBasis, boolean contractual) {
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
        var ai = study.aiStudy().filter(x -> !x.marketBasis().isEmpty());
        return new Prepared(model, inputs, List.copyOf(outputs), central,
                ai.map(x -> x.marketBasis(compiled)).orElse(null), ai.map(StudyAnalyzer::contractual).orElse(false));
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
            "device", OutputKey.Breakdown.DEVICE, "datacenter", OutputKey.Breakdown.DATACENTER);

    /**
     * Stage always; ML phase, model, device and datacenter where a process that declares them has elementary flows of
     * its own (others "(unassigned)"); the AI rules tag each process with the datacenter its hardware sits in
     * (use-phase electricity, embodied hardware, the datacenter's shared infrastructure). Contributions are direct,
     * so a grouping whose declared processes have none (a generic study's training process drawing only electricity
     * and hardware) would be nothing but "(unassigned)", the total again: it is left out, as the deterministic report
     * leaves out its table.
     */
    static List<StudyModel.Breakdown> breakdowns(dev.cradle.engine.index.TechIndex columns) {
        List<StudyModel.Breakdown> out = new ArrayList<>();
        out.add(new StudyModel.Breakdown("stage", j -> columns.at(j).process().stage().title(),
                Arrays.stream(LifecycleStage.values()).map(LifecycleStage::title).toList()));
        if (columns.columns().stream().anyMatch(t -> t.process().phase() != null && direct(t.process()))) {
            out.add(new StudyModel.Breakdown("phase", j -> columns.at(j).process().mlPhase().map(MlPhase::key)
                    .orElse(LcaResult.UNASSIGNED), List.of()));
        }
        for (String tag : List.of("model", "device", "datacenter")) {
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
