package dev.cradle.scenario;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.model.ProductSystem;
import java.nio.file.Path;

/** A validated scenario: the product system, its compiled form and where everything was written. */
public record LoadedScenario(Path file, String description, ProductSystem system, CompiledSystem compiled,
                             SourceMap sources, dev.cradle.engine.ai.AiStudy ai) {

    /** The AI rules' output when the scenario declares datacenters, hardware and workloads. */
    public java.util.Optional<dev.cradle.engine.ai.AiStudy> aiStudy() {
        return java.util.Optional.ofNullable(ai);
    }
}
