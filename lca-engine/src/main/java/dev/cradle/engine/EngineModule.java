package dev.cradle.engine;

import com.google.inject.AbstractModule;
import dev.cradle.engine.solve.Solver;
import dev.cradle.engine.solve.SolverSelector;

/** Guice wiring of the engine: the solver strategy and the calculator. */
public final class EngineModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Solver.class).to(SolverSelector.class);
        install(new dev.cradle.engine.ai.AiModule());
    }
}
