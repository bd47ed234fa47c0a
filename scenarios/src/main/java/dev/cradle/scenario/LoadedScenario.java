package dev.cradle.scenario;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.model.ProductSystem;
import java.nio.file.Path;

/** A validated scenario: the product system, its compiled form and where everything was written. */
public record LoadedScenario(Path file, String description, ProductSystem system, CompiledSystem compiled,
                             SourceMap sources, dev.cradle.engine.ai.AiStudy ai, java.util.List<String> background) {

    public LoadedScenario(Path file, String description, ProductSystem system, CompiledSystem compiled,
                          SourceMap sources, dev.cradle.engine.ai.AiStudy ai) {
        this(file, description, system, compiled, sources, ai, java.util.List.of());
    }

    /** The background databases the scenario links to, each link and its coverage, for {@code cradle explain}. */
    public java.util.List<String> backgroundLinks() {
        return background == null ? java.util.List.of() : background;
    }

    /** The AI rules' output when the scenario declares datacenters, hardware and workloads. */
    public java.util.Optional<dev.cradle.engine.ai.AiStudy> aiStudy() {
        return java.util.Optional.ofNullable(ai);
    }
}
