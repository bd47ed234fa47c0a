package dev.cradle.engine.ai;

import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Expression;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits one shared cost among workloads by an {@link AllocationRule}: {@code share_i = w_i / Σ w}
 * with the rule's driver {@code w} (device-hours, IT energy, FLOPs, reserved MW·h, 1 for equal, the
 * given share for fixed, the formula's value). The shares always sum to one.
 */
public final class Allocator {
    /** Variables a formula rule may use. */
    public static final List<String> FORMULA_VARIABLES = List.of("device_hours", "energy_kwh", "flops", "reserved_mwh",
            "runs", "queries");

    private Allocator() {
    }

    /** A cost that cannot be allocated as asked; the message says why. */
    public static final class AllocationException extends RuntimeException {
        public AllocationException(String message) {
            super(message);
        }
    }

    /**
     * Each workload's share, {@code w_i / Σ w}, as a {@link Value}: its central value and its tree over the
     * global parameters, so that shares move when the drivers do. A formula rule's variables are replaced by
     * each workload's trees ({@link Trees#substitute}). Checks (weights finite, not negative, not all zero) are
     * made on the central values.
     *
     * @param declared a declared field of a workload ({@code runs}, {@code queries}) as a Value, NaN when not declared
     * @throws AllocationException when the cost cannot be allocated as asked
     */
    public static Value[] shareValues(AllocationRule rule, List<WorkloadFacts> workloads,
                                      Function<Expression, Value> declared) {
        int n = workloads.size();
        if (n == 0) {
            throw new AllocationException("no workload shares this cost");
        }
        Value[] w = new Value[n];
        if (rule instanceof AllocationRule.Fixed fixed) {
            return fixed(fixed.shares(), workloads, declared);
        }
        CompiledFormula formula = null;
        Expression tree = null;
        if (rule instanceof AllocationRule.Formula f) {
            try {
                tree = FormulaParser.parse(f.expression());
                formula = FormulaCompiler.compile(f.expression(), tree, FORMULA_VARIABLES::indexOf);
            } catch (FormulaException e) {
                throw new AllocationException("allocation formula: " + e.getMessage()
                        + "; variables: " + String.join(", ", FORMULA_VARIABLES));
            }
        }
        for (int i = 0; i < n; i++) {
            WorkloadFacts f = workloads.get(i);
            if (rule instanceof AllocationRule.ByDeviceHours) {
                w[i] = f.deviceHours();
            } else if (rule instanceof AllocationRule.ByEnergy) {
                w[i] = f.itKwh();
            } else if (rule instanceof AllocationRule.ByFlops) {
                if (f.flops() == null) {
                    throw new AllocationException("allocation by FLOPs, but workload '" + f.workload().id()
                            + "' declares no FLOPs; declare 'flops' for every workload or choose another rule");
                }
                w[i] = f.flops();
            } else if (rule instanceof AllocationRule.ByReservedCapacity) {
                w[i] = f.reservedMwh();
            } else if (rule instanceof AllocationRule.Equal) {
                w[i] = Value.of(1);
            } else {
                List<Value> vars = List.of(f.deviceHours(), f.itKwh(), f.flops() == null ? Value.of(0) : f.flops(),
                        f.reservedMwh(), declared.apply(f.workload().runs()), declared.apply(f.workload().queries()));
                double[] centrals = vars.stream().mapToDouble(Value::central).toArray();
                double central = formula.evaluate(centrals);
                Map<String, Expression> bind = new java.util.HashMap<>();
                for (int k = 0; k < vars.size(); k++) {
                    bind.put(FORMULA_VARIABLES.get(k), vars.get(k).tree());
                }
                Expression weight = Trees.substitute(tree, bind);
                w[i] = weight.variables().isEmpty() ? Value.of(central) : new Value(central, weight);
            }
            double c = w[i].central();
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new AllocationException(rule.key() + " gives workload '" + f.workload().id() + "' the weight " + c
                        + "; weights must be finite and not negative");
            }
        }
        return normalise(w, rule, workloads);
    }

    private static Value[] normalise(Value[] w, AllocationRule rule, List<WorkloadFacts> workloads) {
        Value sum = Value.sum(List.of(w));
        if (!(sum.central() > 0)) {
            throw new AllocationException(rule.key() + " gives every workload a weight of 0 ("
                    + String.join(", ", workloads.stream().map(f -> f.workload().id()).toList()) + ")");
        }
        Value[] out = new Value[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i].div(sum);
        }
        return out;
    }

    /**
     * Fixed shares by workload or model id, as trees over the parameters; they must cover every workload and
     * sum to one (±1e-6) at the parameters' central values.
     */
    private static Value[] fixed(Map<String, Expression> declaredShares, List<WorkloadFacts> workloads,
                                 Function<Expression, Value> declared) {
        Map<String, Value> given = new java.util.LinkedHashMap<>();
        declaredShares.forEach((k, e) -> given.put(k, declared.apply(e)));
        double total = given.values().stream().mapToDouble(Value::central).sum();
        if (Math.abs(total - 1) > 1e-6) {
            throw new AllocationException("fixed shares sum to " + total + ", not 1");
        }
        int n = workloads.size();
        Value[] out = new Value[n];
        java.util.Arrays.fill(out, Value.of(0));
        for (Map.Entry<String, Value> e : given.entrySet()) {
            Value modelDeviceHours = Value.of(0);
            int matches = 0;
            for (WorkloadFacts f : workloads) {
                if (f.workload().id().equals(e.getKey())) {
                    matches++;
                } else if (f.workload().model().equals(e.getKey())) {
                    modelDeviceHours = modelDeviceHours.plus(f.deviceHours());
                    matches++;
                }
            }
            if (matches == 0) {
                throw new AllocationException("fixed share for '" + e.getKey() + "', which is neither a workload nor a "
                        + "model sharing this cost (" + String.join(", ", workloads.stream().map(f -> f.workload().id())
                        .toList()) + ")");
            }
            for (int i = 0; i < n; i++) {
                WorkloadFacts f = workloads.get(i);
                if (f.workload().id().equals(e.getKey())) {
                    out[i] = out[i].plus(e.getValue());
                } else if (f.workload().model().equals(e.getKey())) {
                    out[i] = out[i].plus(e.getValue().times(modelDeviceHours.central() > 0
                            ? f.deviceHours().div(modelDeviceHours) : Value.of(1.0 / matches)));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            final int x = i;
            boolean byId = given.containsKey(workloads.get(x).workload().id());
            boolean byModel = given.containsKey(workloads.get(x).workload().model());
            if (byId && byModel) {
                throw new AllocationException("fixed shares name both workload '" + workloads.get(i).workload().id()
                        + "' and its model '" + workloads.get(i).workload().model() + "'; name one or the other");
            }
            boolean named = byId || byModel;
            if (!named) {
                throw new AllocationException("fixed shares do not name workload '" + workloads.get(i).workload().id()
                        + "' or its model '" + workloads.get(i).workload().model() + "'");
            }
        }
        return out;
    }
}
