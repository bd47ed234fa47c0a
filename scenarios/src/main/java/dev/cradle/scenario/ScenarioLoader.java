package dev.cradle.scenario;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.ai.AiStudy;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.SystemCompiler;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.scenario.report.AiView;
import dev.cradle.scenario.report.UnitResult;
import dev.cradle.scenario.yaml.YamlDocument;
import dev.cradle.scenario.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a scenario file, the one place that orchestrates the pipeline:
 * <ol>
 * <li>read: YAML → {@link ParsedScenario}, plain records with source positions ({@link ScenarioReader});</li>
 * <li>parameters: the global parameters compiled once and evaluated at their central values
 *     ({@link CentralValues}); every AI field that reads parameters is checked against its domain there;</li>
 * <li>rules: the AI declarations → processes, parameters and a functional unit
 *     ({@code AiCompiler.compile(declarations, centralValues)});</li>
 * <li>product system: the file's processes, the rules' processes and the background processes;</li>
 * <li>compile and calculate, with the checks that every reported number is finite.</li>
 * </ol>
 * Every problem of a step is reported at once as {@code file:line:column: message}. This is the one code path
 * of {@code validate}, {@code run} and {@code explain}: what {@code run} would refuse, {@code validate}
 * refuses, because both end here, after the solve.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    public static LoadedScenario load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads {@code file}, whose referenced files may lie in its folder or below {@code allowedRoots}
     * (see {@link StudyFolder}).
     */
    public static LoadedScenario load(Path file, List<Path> allowedRoots) {
        YamlDocument doc = YamlReader.read(file);
        StudyFolder folder;
        try {
            folder = StudyFolder.of(file, allowedRoots);
        } catch (StudyFolder.RefusedFile e) {
            throw new ScenarioException(List.of(new Problem(file, Position.UNKNOWN, e.getMessage())));
        }
        ParsedScenario parsed = ScenarioReader.read(doc, folder);
        try {
            List<Problem> keptDraws = new ArrayList<>();
            CentralValues central = centralValues(parsed, keptDraws);
            AiStudy ai = rules(parsed, central);
            if (ai != null) {
                List<Problem> ranges = DrawDomains.libraryRanges(file, ai.libraryParameters(), parsed.sources());
                if (!ranges.isEmpty()) {
                    throw new ScenarioException(ranges);
                }
            }
            ProductSystem system = productSystem(parsed, ai);
            CompiledSystem compiled = SystemCompiler.compile(system);
            List<UnitResult> units = FunctionalUnitResults.calculate(compiled, ai);
            LcaResult result = units.get(0).location();
            AiView view = AiView.NONE;
            List<Problem> warnings = new ArrayList<>(parsed.warnings());
            warnings.addAll(keptDraws);
            if (ai != null) {
                view = new AiView(units.get(0).market(), ai.allocations(), ai.energy(), ai.measurements(), ai.countryMixes());
                // the AI rules' warnings (a measurement against the declared study) at their declaration
                ai.warnings().forEach(w -> warnings.add(new Problem(file, parsed.sources().locate(w.subject(), 0),
                        w.subject() + ": " + w.message())));
            }
            requireReportable(result);
            if (view.market() != null) {
                requireReportable(view.market());
            }
            return new LoadedScenario(file, parsed.description(), system, compiled, parsed.sources(), ai,
                    result, view, warnings, parsed.backgroundLinks(), units, parsed.declarations());
        } catch (ModelException e) {
            throw located(file, parsed.sources(), e);
        }
    }

    /**
     * Step 2: the global parameters at their central values, and every field that reads them inside its domain
     * there (each problem at the field); then the draws of their distributions inside it too ({@link DrawDomains},
     * each problem at the distribution).
     */
    static CentralValues centralValues(ParsedScenario parsed) {
        return centralValues(parsed, new ArrayList<>());
    }

    /** As {@link #centralValues(ParsedScenario)}, adding to {@code keptDraws} the draw checks' warnings. */
    static CentralValues centralValues(ParsedScenario parsed, List<Problem> keptDraws) {
        CentralValues central = CentralValues.of(parsed.parameters());
        List<Problem> problems = central.run(parsed.file(), parsed.checks());
        if (problems.isEmpty()) {
            problems = DrawDomains.run(parsed.file(), parsed.parameters(), parsed.checks(), parsed.sources(), keptDraws);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return central;
    }

    /**
     * Step 3: the AI rules over the declarations, at the parameters' central values, reading the bundled factor
     * library (the reference data the reader checked names against); null without declarations.
     */
    static AiStudy rules(ParsedScenario parsed, CentralValues central) {
        return parsed.declarations() == null ? null
                : Cradle.aiCompiler(dev.cradle.factors.FactorLibrary.bundled()).compile(parsed.declarations(), central.byName());
    }

    /** Step 4: the file's processes, the rules' processes, then the background processes it links to. */
    static ProductSystem productSystem(ParsedScenario parsed, AiStudy ai) {
        List<Process> processes = new ArrayList<>(parsed.processes());
        List<Parameter> parameters = new ArrayList<>(parsed.parameters());
        FunctionalUnit fu = parsed.functionalUnit();
        if (ai != null) {
            processes.addAll(ai.processes());
            parameters.addAll(ai.parameters());
            if (fu == null) {
                fu = ai.functionalUnit();
            }
        }
        processes.addAll(parsed.background());
        return new ProductSystem(parsed.name(), processes, fu, parameters, parsed.methods(), parsed.allocation());
    }

    /**
     * The reports' own analysis runs here too, so that what {@code run} would refuse while writing them,
     * {@code validate} refuses: each indicator's intensities (one transposed solve each, the basis of the
     * upstream trees in results.json) must solve and be finite.
     */
    private static void requireReportable(LcaResult r) {
        for (int k = 0; k < r.impactIndex().size(); k++) {
            double[] y;
            try {
                y = r.intensities(k);
            } catch (ModelException e) {
                throw extremeMagnitude(r, k).orElse(e);
            }
            for (int j = 0; j < y.length; j++) {
                if (!Double.isFinite(y[j])) {
                    String process = r.techIndex().at(j).processId();
                    throw ModelException.of("process:" + process, "the upstream analysis of '" + r.impactIndex().at(k).key()
                            + "' overflows at process '" + process + "' (" + y[j] + " per unit of its product): "
                            + "characterisation factors × amounts exceed the range of a double; check their magnitudes");
                }
            }
        }
    }

    /**
     * When a solve for indicator k fails and its contributions are beyond 1e150 (their squares, summed
     * in the solver's residual check, overflow), the cause is the magnitude of the inputs, not a
     * singular system: this says so at the process with the largest contribution.
     */
    private static java.util.Optional<ModelException> extremeMagnitude(LcaResult r, int k) {
        int largest = -1;
        double max = 0;
        for (int j = 0; j < r.techIndex().size(); j++) {
            double v = Math.abs(r.directImpact(k, j));
            if (v > max) {
                max = v;
                largest = j;
            }
        }
        if (largest < 0 || max < 1e150) {
            return java.util.Optional.empty();
        }
        String process = r.techIndex().at(largest).processId();
        return java.util.Optional.of(ModelException.of("process:" + process, "the result for '"
                + r.impactIndex().at(k).key() + "' is too large to analyse (" + Messages.number(max) + " "
                + r.impactIndex().at(k).category().indicatorUnit().symbol() + " from process '" + process
                + "'): amounts, intensities or characterisation factors of extreme magnitude; check them and their "
                + "units"));
    }

    /** Maps engine problems to file positions. */
    public static ScenarioException located(Path file, SourceMap sources, ModelException e) {
        List<Problem> problems = new ArrayList<>();
        for (ModelProblem p : e.problems()) {
            problems.add(new Problem(file, sources.locate(p.path(), p.column()), p.message()));
        }
        return new ScenarioException(problems);
    }
}
