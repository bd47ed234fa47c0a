package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.calc.NamedFunctionalUnit;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Models and the functional units. A model's trained product gathers its data and training runs (and
 * 1/K of its base model's training when it is derived from one spread over K downstream tasks). Each
 * functional unit of the study is then one process whose inputs are, per kind: the whole study (every
 * run once); one trained model; one query ({@code inference runs / Q} plus {@code training / N}, N the
 * queries training is amortised over, by default the deployment's Q); 1,000 tokens (likewise per token,
 * Q and N in thousands of tokens); one year of service (inference runs × 8,760 h / their period, plus
 * training / service life in years). Every coefficient is a {@link Value}: an expression over the
 * study's global parameters, so a new parameter vector re-evaluates the units without re-running the
 * rule. Which declared volume amortises training (the declared one when its central value is above 0)
 * is decided at the central values.
 *
 * <p>The first unit is the primary one: its process and product are {@code functional_unit}, the product
 * system's own functional unit; every further unit {@code <id>} is process and product
 * {@code functional_unit:<id>}, delivered by the same system.
 */
public final class FunctionalUnitRule implements Rule {
    /** The process and product id of the primary unit. */
    public static final String PRIMARY = "functional_unit";

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String name() {
        return "models and functional unit";
    }

    @Override
    public void apply(CompilationContext ctx) {
        Map<String, Flow> trained = new LinkedHashMap<>();
        List<Model> models = ctx.scenario().models();
        // base models first, so derived models can take a share of their training
        List<Model> ordered = new ArrayList<>(models.stream().filter(m -> m.derivedFrom().isEmpty()).toList());
        ordered.addAll(models.stream().filter(m -> !m.derivedFrom().isEmpty()).toList());
        for (Model m : ordered) {
            List<Workload> training = ctx.scenario().workloads().stream().filter(w -> w.model().equals(m.id())
                    && w.phase() != MlPhase.INFERENCE && ctx.facts.containsKey(w.id())).toList();
            List<Exchange> x = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (Workload w : training) {
                x.add(Rules.input(run(w), 1));
                lines.add("1 run of " + w.id() + " (" + w.phase().key() + ")");
            }
            if (!m.derivedFrom().isEmpty()) {
                Flow base = trained.get(m.derivedFrom());
                Model baseModel = models.stream().filter(b -> b.id().equals(m.derivedFrom())).findFirst().orElse(null);
                if (base == null || baseModel == null) {
                    ctx.problem("model:" + m.id(), "model '" + m.id() + "' is derived from '" + m.derivedFrom()
                            + "', which has no training workload");
                } else {
                    Value k = orElse(ctx.value(baseModel.downstreamTasks()), 1);
                    Value share = Value.of(1).div(k);
                    x.add(input(base, share));
                    lines.add("1/" + k + " of the training of " + m.derivedFrom() + " (spread over " + k
                            + " downstream tasks)" + formula(share));
                    ctx.allocations.add(new AllocationRecord("training:" + m.derivedFrom() + "→" + m.id(),
                            "Training of " + m.derivedFrom() + " shared by downstream tasks", 1, "trained model",
                            "equal over " + k + " downstream tasks", Map.of(m.id(), share.central())));
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            Flow product = Rules.product("trained:" + m.id(), "Trained model " + m.name());
            x.add(0, Rules.output(product, 1));
            String id = "model:" + m.id() + "/training";
            ctx.add(Rules.process(id, "Training of " + m.name(), LifecycleStage.USE, MlPhase.TRAINING,
                    Rules.tags(m.id(), null, null), x, Set.of()), new Trace(id, name(), "model " + m.id(), m.origin(), lines));
            trained.put(m.id(), product);
        }
        List<AiFunctionalUnit> units = ctx.scenario().functionalUnits();
        for (int u = 0; u < units.size(); u++) {
            functionalUnit(ctx, trained, units.get(u), u == 0);
        }
    }

    static Flow run(Workload w) {
        return Rules.product("run:" + w.id(), "Run of workload " + w.id());
    }

    /** The process (and product) id of a unit: {@value #PRIMARY} for the primary one. */
    public static String processId(String unitId, boolean primary) {
        return primary ? PRIMARY : PRIMARY + ":" + unitId;
    }

    private void functionalUnit(CompilationContext ctx, Map<String, Flow> trained, AiFunctionalUnit fu, boolean primary) {
        String id = processId(fu.id(), primary);
        Flow product = Rules.product(id, primary ? "Functional unit" : "Functional unit " + fu.id());
        List<Exchange> x = new ArrayList<>();
        x.add(Rules.output(product, 1));
        List<String> lines = new ArrayList<>();
        String description;
        Model model = ctx.scenario().models().stream().filter(m -> m.id().equals(fu.model())).findFirst().orElse(null);
        List<Workload> inference = ctx.scenario().workloads().stream().filter(w -> w.model().equals(fu.model())
                && w.phase() == MlPhase.INFERENCE && ctx.facts.containsKey(w.id())).toList();
        switch (fu.kind()) {
            case STUDY -> {
                description = "the whole study: every declared workload once";
                for (Workload w : ctx.scenario().workloads()) {
                    if (ctx.facts.containsKey(w.id())) {
                        x.add(Rules.input(run(w), 1));
                        lines.add("1 run of " + w.id());
                    }
                }
            }
            case TRAINED_MODEL -> {
                description = "one trained model " + fu.model();
                Flow t = trained.get(fu.model());
                if (t == null) {
                    ctx.problem(id, "model '" + fu.model() + "' has no data or training workload to train it");
                    return;
                }
                x.add(Rules.input(t, 1));
                lines.add("1 trained model " + fu.model());
            }
            case QUERY, THOUSAND_TOKENS -> {
                boolean tokens = fu.kind() == FunctionalUnitKind.THOUSAND_TOKENS;
                String what = tokens ? "1,000 tokens" : "query";
                description = "one " + what + " answered by " + fu.model();
                List<Value> served = new ArrayList<>();
                for (Workload w : inference) {
                    served.add(ctx.value(tokens ? w.tokens() : w.queries()));
                }
                Value volume = served.contains(null) ? null : Value.sum(served).div(tokens ? 1000 : 1);
                if (volume == null || !(volume.central() > 0)) {
                    ctx.problem(id, "model '" + fu.model() + "' has no inference workload declaring "
                            + (tokens ? "'tokens'" : "'queries'"));
                    return;
                }
                Value perUnit = Value.of(1).div(volume);
                for (Workload w : inference) {
                    x.add(input(run(w), perUnit));
                }
                lines.add("inference runs × 1/" + volume + " (" + volume + " " + what + (tokens ? " units" : "s")
                        + " served)" + formula(perUnit));
                Flow t = trained.get(fu.model());
                if (t != null) {
                    Value over = model == null ? null : tokens ? ctx.value(model.amortiseOverTokens()) : ctx.value(model.amortiseOverQueries());
                    boolean declared = over != null && over.central() > 0;
                    Value n = declared ? (tokens ? over.div(1000) : over) : volume;
                    Value share = Value.of(1).div(n);
                    x.add(input(t, share));
                    lines.add("training × 1/" + n + (declared ? " (declared amortisation volume)"
                            : " (amortised over the deployment's volume)") + formula(share));
                    String plural = tokens ? "1,000-token units" : "queries";
                    AllocationRecord amortisation = new AllocationRecord("training:" + fu.model()
                            + (primary ? "" : "@" + fu.id()), "Training of " + fu.model() + " amortised over the "
                            + plural + " it serves", 1, "trained model", "amortisation over " + n + " " + plural,
                            Map.of("one " + what, share.central()));
                    // a second unit of the same kind and model (another amount) amortises training the same way
                    if (ctx.allocations.stream().noneMatch(a -> a.description().equals(amortisation.description())
                            && a.rule().equals(amortisation.rule()))) {
                        ctx.allocations.add(amortisation);
                    }
                }
            }
            default -> {
                description = "one year of service of " + fu.model();
                for (Workload w : inference) {
                    Value period = ctx.value(w.periodH());
                    if (period == null) {
                        ctx.problem("workload:" + w.id(), "a year of service needs the 'period' workload '" + w.id()
                                + "' covers");
                        return;
                    }
                    Value runs = Value.of(8760).div(period);
                    x.add(input(run(w), runs));
                    lines.add(w.id() + " × 8760 h / " + period + " h" + formula(runs));
                }
                Flow t = trained.get(fu.model());
                if (t != null) {
                    Value life = model == null ? null : ctx.value(model.serviceLifeYears());
                    if (life == null) {
                        ctx.problem("model:" + fu.model(), "a year of service needs the model's 'service_life' to amortise "
                                + "its training");
                        return;
                    }
                    Value share = Value.of(1).div(life);
                    x.add(input(t, share));
                    lines.add("training × 1/" + life + " (service life in years)" + formula(share));
                }
            }
        }
        ctx.add(Rules.process(id, "Functional unit " + fu.id() + ": " + description, LifecycleStage.USE, null, Map.of(), x,
                Set.of()), new Trace(id, name(), "functional unit " + fu.id(), fu.origin(), lines));
        Amount amount = fu.amount() == null ? Amount.of(1) : Amount.of(fu.amount());
        ctx.functionalUnits.add(new NamedFunctionalUnit(fu.id(), new FunctionalUnit(description, product, id, amount,
                product.referenceUnit())));
    }

    /** An input whose amount is {@code v}'s expression over the global parameters. */
    private static Exchange input(Flow f, Value v) {
        return new Exchange(f, Direction.INPUT, v.amount(), f.referenceUnit(), false, "", null);
    }

    private static Value orElse(Value v, double fallback) {
        return v == null ? Value.of(fallback) : v;
    }

    /** The expression behind a coefficient, when it reads parameters. */
    private static String formula(Value v) {
        return v.isConstant() ? "" : " = " + v.text();
    }
}
