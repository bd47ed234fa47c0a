package dev.cradle.scenario;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.SystemCompiler;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.report.AiView;
import dev.cradle.scenario.report.UnitResult;
import dev.cradle.scenario.yaml.YamlDocument;
import dev.cradle.scenario.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a scenario file: YAML → positioned records → product system → compiled system → result.
 * Every problem of every step is reported at once as {@code file:line:column: message}. This is the
 * one code path of {@code validate}, {@code run} and {@code explain}: what {@code run} would refuse,
 * {@code validate} refuses, because both end here, after the solve and the checks that every
 * number is finite.
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
        ScenarioReader.Result read = ScenarioReader.read(doc, folder);
        if (!read.problems().isEmpty() || read.system() == null) {
            throw new ScenarioException(read.problems());
        }
        try {
            CompiledSystem compiled = SystemCompiler.compile(read.system());
            List<UnitResult> units = FunctionalUnitResults.calculate(compiled, read.ai());
            LcaResult result = units.get(0).location();
            AiView view = AiView.NONE;
            List<Problem> warnings = new ArrayList<>(read.warnings());
            if (read.ai() != null) {
                view = new AiView(units.get(0).market(), read.ai().allocations(), read.ai().energy(),
                        read.ai().measurements());
                // the AI rules' warnings (a measurement against the declared study) at their declaration
                read.ai().warnings().forEach(w -> warnings.add(new Problem(file, read.sources().locate(w.subject(), 0),
                        w.subject() + ": " + w.message())));
            }
            requireReportable(result);
            if (view.market() != null) {
                requireReportable(view.market());
            }
            return new LoadedScenario(file, read.description(), read.system(), compiled, read.sources(), read.ai(),
                    result, view, warnings, read.background(), units);
        } catch (ModelException e) {
            throw located(file, read.sources(), e);
        }
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
