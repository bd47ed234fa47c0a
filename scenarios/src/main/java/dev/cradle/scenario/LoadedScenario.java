package dev.cradle.scenario;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.ProductSystem;
import dev.cradle.scenario.report.AiView;
import dev.cradle.scenario.report.UnitResult;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated and calculated scenario: the product system, its compiled form, the result (every
 * number finite), the AI view beside it, where everything was written, the results of every functional
 * unit (the primary one first: {@link #result()} and the market-based result of {@link #view()} are its), and
 * the warnings found on the way ({@code file:line:column} and message: valid input that is probably not what was meant),
 * and the AI declarations as read (datacenters, hardware, workloads; null for a study written only as processes), for
 * reports that name them.
 */
public record LoadedScenario(Path file, String description, ProductSystem system, CompiledSystem compiled,
                             SourceMap sources, dev.cradle.engine.ai.AiStudy ai, LcaResult result, AiView view,
                             List<Problem> warnings, List<String> background, List<UnitResult> units,
                             dev.cradle.engine.ai.Declarations.AiScenario declarations) {
    /** Without the declarations. */
    public LoadedScenario(Path file, String description, ProductSystem system, CompiledSystem compiled,
                          SourceMap sources, dev.cradle.engine.ai.AiStudy ai, LcaResult result, AiView view,
                          List<Problem> warnings, List<String> background, List<UnitResult> units) {
        this(file, description, system, compiled, sources, ai, result, view, warnings, background, units, null);
    }

    public LoadedScenario {
        units = units == null || units.isEmpty() ? List.of(new UnitResult(new dev.cradle.engine.calc.NamedFunctionalUnit(
                system.functionalUnit().referenceFlow().id(), system.functionalUnit()), true, result, view == null ? null
                : view.market())) : List.copyOf(units);
        warnings = List.copyOf(warnings);
        background = background == null ? List.of() : List.copyOf(background);
    }

    /** The background databases the scenario links to, each link and its coverage, for {@code cradle explain}. */
    public List<String> backgroundLinks() {
        return background;
    }

    /** The AI rules' output when the scenario declares datacenters, hardware and workloads. */
    public java.util.Optional<dev.cradle.engine.ai.AiStudy> aiStudy() {
        return java.util.Optional.ofNullable(ai);
    }

    /** Every parameter of the study with its value (location- and market-based), formula, unit and distribution. */
    public List<dev.cradle.scenario.report.ParameterReport.Row> parameters() {
        return dev.cradle.scenario.report.ParameterReport.rows(compiled, ai == null ? java.util.Set.of()
                : java.util.Set.copyOf(ai.parameters()), ai == null ? null : ai.marketBasedParameters(compiled));
    }
}
