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
        YamlDocument doc = YamlReader.read(file);
        ScenarioReader.Result read = ScenarioReader.read(doc);
        if (!read.problems().isEmpty() || read.system() == null) {
            throw new ScenarioException(read.problems());
        }
        try {
            CompiledSystem compiled = SystemCompiler.compile(read.system());
            return new LoadedScenario(file, read.description(), read.system(), compiled, read.sources(), read.ai(),
                    read.background());
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
