package dev.cradle.engine.ai;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.model.Exchange;
import dev.cradle.model.Process;
import dev.cradle.model.data.ReferenceData;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Compiles AI declarations into processes by running every registered {@link Rule} in order, then
 * assembling each workload's run process from its use-phase exchanges and the inputs other rules fed
 * it. Every process is traced to the declaration and rule that produced it.
 */
public final class AiCompiler {
    private final List<Rule> rules;
    private final ReferenceData library;

    @Inject
    public AiCompiler(Set<Rule> rules, ReferenceData library) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(Rule::order)).toList();
        this.library = java.util.Objects.requireNonNull(library, "the reference data the rules read");
    }

    /** The rules in the order they run. */
    public List<Rule> rules() {
        return rules;
    }

    /** Compiles declarations that read no parameters (every field a literal). */
    public AiStudy compile(AiScenario scenario) {
        return compile(scenario, java.util.Map.of());
    }

    /**
     * Compiles declarations whose fields are expressions over the scenario's global parameters.
     *
     * @param parameterValues the central value of every global parameter the declarations may read, by name
     */
    public AiStudy compile(AiScenario scenario, java.util.Map<String, Double> parameterValues) {
        CompilationContext ctx = new CompilationContext(scenario, library, parameterValues);
        for (Rule r : rules) {
            try {
                r.apply(ctx);
            } catch (dev.cradle.model.NonFiniteAmountException e) {
                // the rules check their own derived figures; this is the net for any they missed
                ctx.problem("system", "the rule '" + r.name() + "' derived an amount that is not a finite number ("
                        + e.value() + "): some declared numbers are too large or too small to multiply; "
                        + "check their magnitudes and units");
            }
            if (!ctx.problems.isEmpty()) {
                throw new ModelException(ctx.problems);
            }
        }
        List<Process> processes = new ArrayList<>();
        List<Trace> runTraces = new ArrayList<>();
        for (WorkloadFacts f : ctx.facts.values()) {
            var w = f.workload();
            var use = ctx.runUse.get(w.id());
            List<Exchange> x = new ArrayList<>();
            x.add(Rules.output(FunctionalUnitRule.run(w), 1));
            x.addAll(use.exchanges());
            x.addAll(ctx.runInputs.getOrDefault(w.id(), List.of()));
            String id = "workload:" + w.id();
            processes.add(Rules.process(id, "Workload " + w.id() + " (" + w.phase().key() + ", model " + w.model() + ")",
                    dev.cradle.model.LifecycleStage.USE, w.phase(), Rules.tags(w.model(), f.hardware().id(),
                            f.hardware().datacenter()), x, use.coverage()));
            runTraces.add(new Trace(id, "use-phase electricity", "workload " + w.id(), w.origin(), use.lines()));
        }
        List<Trace> traces = new ArrayList<>(ctx.traces.stream().filter(t -> t.processId().startsWith("(")).toList());
        traces.addAll(runTraces);
        traces.addAll(ctx.traces.stream().filter(t -> !t.processId().startsWith("(")).toList());
        processes.addAll(ctx.processes);
        return new AiStudy(processes, ctx.parameters, ctx.functionalUnits, traces, ctx.allocations,
                ctx.marketBasis, ctx.energy, ctx.measurements, ctx.warnings, List.copyOf(ctx.countryMixes.values()));
    }
}
