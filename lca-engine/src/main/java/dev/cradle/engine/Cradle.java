package dev.cradle.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.LcaCalculator;
import dev.cradle.engine.calc.SystemCompiler;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.ProductSystem;

/**
 * The analyst's entry point: {@code Cradle.evaluate(system)} compiles a product system, solves it
 * and returns an immutable {@link LcaResult}. For many evaluations of one system (scenarios, Monte
 * Carlo) compile once with {@link #compile} and call {@link #calculator()} repeatedly.
 */
public final class Cradle {
    private Cradle() {
    }

    private static final class Holder {
        static final Injector INJECTOR = Guice.createInjector(new EngineModule());
        static final com.google.inject.Key<java.util.Set<dev.cradle.engine.ai.Rule>> RULES =
                com.google.inject.Key.get(new com.google.inject.TypeLiteral<java.util.Set<dev.cradle.engine.ai.Rule>>() { });
    }

    /**
     * Compiles and calculates {@code system} at its parameters' declared values.
     *
     * @throws ModelException listing every problem when the system is not calculable
     */
    public static LcaResult evaluate(ProductSystem system) {
        return calculator().calculate(compile(system));
    }

    /**
     * Compiles {@code system} and factorises its technosphere once, at its parameters' declared values:
     * the returned system solves any demand vector ({@code calculate(f)}) and every process's cumulative
     * results ({@code cumulativeResults()}) without refactorising.
     *
     * @throws ModelException listing every problem when the system is not calculable
     */
    public static dev.cradle.engine.calc.PreparedSystem prepare(ProductSystem system) {
        return calculator().prepare(compile(system));
    }

    /** Compiles a system once: indices, links, allocation and formulas. */
    public static CompiledSystem compile(ProductSystem system) {
        return SystemCompiler.compile(system);
    }

    /**
     * The AI rule layer: compiles datacenter, hardware and workload declarations into processes, reading
     * archetypes, grids, transport, end of life and water from {@code data} (Cradle's bundled factor
     * library, or a user's own {@link dev.cradle.model.data.InMemoryReferenceData}).
     */
    public static dev.cradle.engine.ai.AiCompiler aiCompiler(dev.cradle.model.data.ReferenceData data) {
        return new dev.cradle.engine.ai.AiCompiler(Holder.INJECTOR.getInstance(Holder.RULES), data);
    }

    /** The engine's calculator, wired by Guice. */
    public static LcaCalculator calculator() {
        return Holder.INJECTOR.getInstance(LcaCalculator.class);
    }
}
