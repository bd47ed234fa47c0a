package dev.cradle.scenario.api;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.SystemCompiler;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.ProductSystem;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioException;
import dev.cradle.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The analyst's entry point for studies: scenario files ({@link #run(Path)}), AI studies built in Java
 * ({@link #aiStudy(String)}), and recalculation for new parameter values ({@link #calculator}). Product
 * systems written process by process go through the engine's facade, {@code dev.cradle.engine.Cradle}
 * ({@code evaluate}, {@code compile}, {@code calculator}); {@link #evaluate(ProductSystem)} here is the
 * same call, so one import serves both.
 */
public final class Cradle {
    private Cradle() {
    }

    /**
     * Loads a scenario file, evaluates it and returns its result: location-based and, for AI
     * declarations, market-based. Files the scenario references must lie in its folder.
     *
     * @throws ScenarioException listing every problem of the file as {@code file:line:column: message}
     */
    public static StudyResult run(Path scenarioFile) {
        return result(load(scenarioFile));
    }

    /**
     * As {@link #run(Path)}, with files the scenario references also read from below {@code allowedRoots}
     * (the CLI's {@code --allow-root}).
     */
    public static StudyResult run(Path scenarioFile, List<Path> allowedRoots) {
        return result(ScenarioLoader.load(scenarioFile, allowedRoots));
    }

    /**
     * Loads and evaluates a scenario file, keeping everything {@code cradle run} reports from: the
     * product system, its compiled form, the AI rules' output and traces, the results.
     *
     * @throws ScenarioException listing every problem of the file as {@code file:line:column: message}
     */
    public static LoadedScenario load(Path scenarioFile) {
        return ScenarioLoader.load(scenarioFile);
    }

    /** The result of a loaded scenario. */
    public static StudyResult result(LoadedScenario s) {
        return new StudyResult(s.system().name(), s.result(), s.view().market(), s.units(),
                s.warnings().stream().map(Object::toString).toList());
    }

    /** A new AI study built in Java, with the bundled factor library. */
    public static AiStudyBuilder aiStudy(String name) {
        return aiStudy(name, FactorLibrary.bundled());
    }

    /**
     * A new AI study built in Java on the analyst's own reference data (archetypes, grids, transport, end
     * of life, methods), e.g. a {@link dev.cradle.model.data.InMemoryReferenceData}.
     */
    public static AiStudyBuilder aiStudy(String name, dev.cradle.model.data.ReferenceData data) {
        return new AiStudyBuilder(name, data);
    }

    /**
     * Compiles and calculates an AI study built in Java: location- and market-based, every functional unit
     * from one compiled system.
     *
     * @throws dev.cradle.engine.ModelException when the system cannot be calculated (naming the processes)
     */
    public static StudyResult evaluate(Study study) {
        CompiledSystem compiled = SystemCompiler.compile(study.system());
        var units = dev.cradle.scenario.FunctionalUnitResults.calculate(compiled, study.ai());
        return new StudyResult(study.system().name(), units.get(0).location(), units.get(0).market(), units,
                study.ai().warnings().stream().map(w -> w.subject() + ": " + w.message()).toList());
    }

    /** A product system written process by process: the engine facade's {@code evaluate}. */
    public static LcaResult evaluate(ProductSystem system) {
        return dev.cradle.engine.Cradle.evaluate(system);
    }

    /** A calculator over a loaded scenario's compiled system: new parameter values, no reloading. */
    public static ParameterCalculator calculator(LoadedScenario s) {
        return ParameterCalculator.of(s.compiled(), s.aiStudy().map(a -> a.marketBasis(s.compiled())).orElse(null),
                dev.cradle.engine.Cradle.calculator());
    }

    /** A calculator over an AI study built in Java (compiled once here). */
    public static ParameterCalculator calculator(Study study) {
        CompiledSystem compiled = SystemCompiler.compile(study.system());
        return ParameterCalculator.of(compiled, study.ai().marketBasis(compiled), dev.cradle.engine.Cradle.calculator());
    }

    /** The problems of a {@link ScenarioException}, one {@code file:line:column: message} each. */
    public static List<String> problems(ScenarioException e) {
        return e.problems().stream().map(Object::toString).toList();
    }
}
