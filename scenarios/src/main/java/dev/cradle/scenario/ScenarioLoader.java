package dev.cradle.scenario;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.SystemCompiler;
import dev.cradle.scenario.yaml.YamlDocument;
import dev.cradle.scenario.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a scenario file: YAML → positioned records → product system → compiled system. Every
 * problem of every step is reported at once as {@code file:line:column: message}; nothing is
 * calculated unless all of it is valid.
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
            return new LoadedScenario(file, read.description(), read.system(), compiled, read.sources(), read.ai());
        } catch (ModelException e) {
            throw located(file, read.sources(), e);
        }
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
