package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.Workload;
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
 * Models and the functional unit. A model's trained product gathers its data and training runs (and
 * 1/K of its base model's training when it is derived from one spread over K downstream tasks). The
 * functional unit then takes, per kind: the whole study (every run once); one trained model; one
 * query ({@code inference runs / Q} plus {@code training / N}, N the queries training is amortised over,
 * by default the deployment's Q); 1,000 tokens (likewise per token); one year of service (inference
 * runs × 8,760 h / their period, plus training / service life in years).
 */
public final class FunctionalUnitRule implements Rule {
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
                    double k = Double.isNaN(Declarations.literal(baseModel.downstreamTasks())) ? 1 : Declarations.literal(baseModel.downstreamTasks());
                    x.add(Rules.input(base, 1 / k));
                    lines.add("1/" + Rules.fmt(k) + " of the training of " + m.derivedFrom() + " (spread over "
                            + Rules.fmt(k) + " downstream tasks)");
                    ctx.allocations.add(new AllocationRecord("training:" + m.derivedFrom() + "→" + m.id(),
                            "Training of " + m.derivedFrom() + " shared by downstream tasks", 1, "trained model",
                            "equal over " + Rules.fmt(k) + " downstream tasks", Map.of(m.id(), 1 / k)));
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
        functionalUnit(ctx, trained);
    }

    static Flow run(Workload w) {
        return Rules.product("run:" + w.id(), "Run of workload " + w.id());
    }

    private void functionalUnit(CompilationContext ctx, Map<String, Flow> trained) {
        AiFunctionalUnit fu = ctx.scenario().functionalUnit();
        Flow product = Rules.product("functional_unit", "Functional unit");
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
                    ctx.problem("functional_unit", "model '" + fu.model() + "' has no data or training workload to train it");
                    return;
                }
                x.add(Rules.input(t, 1));
                lines.add("1 trained model " + fu.model());
            }
            case QUERY, THOUSAND_TOKENS -> {
                boolean tokens = fu.kind() == Declarations.FunctionalUnitKind.THOUSAND_TOKENS;
                double volume = inference.stream().mapToDouble(w -> tokens ? Declarations.literal(w.tokens()) : Declarations.literal(w.queries())).sum()
                        / (tokens ? 1000 : 1);
                String what = tokens ? "1,000 tokens" : "query";
                description = "one " + what + " answered by " + fu.model();
                if (!(volume > 0)) {
                    ctx.problem("functional_unit", "model '" + fu.model() + "' has no inference workload declaring "
                            + (tokens ? "'tokens'" : "'queries'"));
                    return;
                }
                for (Workload w : inference) {
                    x.add(Rules.input(run(w), 1 / volume));
                }
                lines.add("inference runs × 1/" + Rules.fmt(volume) + " (" + Rules.fmt(volume) + " " + what
                        + (tokens ? " units" : "s") + " served)");
                Flow t = trained.get(fu.model());
                if (t != null) {
                    double over = model == null ? 0 : tokens ? Declarations.literal(model.amortiseOverTokens()) / 1000 : Declarations.literal(model.amortiseOverQueries());
                    double n = over > 0 ? over : volume;
                    x.add(Rules.input(t, 1 / n));
                    lines.add("training × 1/" + Rules.fmt(n) + (over > 0 ? " (declared amortisation volume)"
                            : " (amortised over the deployment's volume)"));
                    ctx.allocations.add(new AllocationRecord("training:" + fu.model(), "Training of " + fu.model()
                            + " amortised over the " + what + "s it serves", 1, "trained model",
                            "amortisation over " + Rules.fmt(n) + " " + what + (tokens ? " units" : "s"),
                            Map.of("one " + what, 1 / n)));
                }
            }
            default -> {
                description = "one year of service of " + fu.model();
                for (Workload w : inference) {
                    if (Double.isNaN(Declarations.literal(w.periodH()))) {
                        ctx.problem("workload:" + w.id(), "a year of service needs the 'period' workload '" + w.id()
                                + "' covers");
                        return;
                    }
                    x.add(Rules.input(run(w), 8760 / Declarations.literal(w.periodH())));
                    lines.add(w.id() + " × 8760 h / " + Rules.fmt(Declarations.literal(w.periodH())) + " h");
                }
                Flow t = trained.get(fu.model());
                if (t != null) {
                    if (model == null || Double.isNaN(Declarations.literal(model.serviceLifeYears()))) {
                        ctx.problem("model:" + fu.model(), "a year of service needs the model's 'service_life' to amortise "
                                + "its training");
                        return;
                    }
                    x.add(Rules.input(t, 1 / Declarations.literal(model.serviceLifeYears())));
                    lines.add("training × 1/" + Rules.fmt(Declarations.literal(model.serviceLifeYears())) + " (service life in years)");
                }
            }
        }
        ctx.add(Rules.process("functional_unit", "Functional unit: " + description, LifecycleStage.USE, null, Map.of(), x,
                Set.of()), new Trace("functional_unit", name(), "functional unit", fu.origin(), lines));
        ctx.functionalUnit = new FunctionalUnit(description, product, "", dev.cradle.model.Amount.of(fu.amount()),
                product.referenceUnit());
    }
}
