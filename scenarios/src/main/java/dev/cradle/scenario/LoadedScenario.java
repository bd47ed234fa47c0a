package dev.cradle.scenario;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.model.ProductSystem;
import java.nio.file.Path;

/** A validated scenario: the product system, its compiled form and where everything was written. */
public record LoadedScenario(Path file, String description, ProductSystem system, CompiledSystem compiled,
                             SourceMap sources) {
}
