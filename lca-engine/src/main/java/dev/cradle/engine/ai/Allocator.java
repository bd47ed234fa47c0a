package dev.cradle.engine.ai;

import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import java.util.List;
import java.util.Map;

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

    public static double[] shares(AllocationRule rule, List<WorkloadFacts> workloads) {
        int n = workloads.size();
        if (n == 0) {
            throw new AllocationException("no workload shares this cost");
        }
        double[] w = new double[n];
        if (rule instanceof AllocationRule.Fixed fixed) {
            return fixed(fixed.shares(), workloads);
        }
        CompiledFormula formula = null;
        if (rule instanceof AllocationRule.Formula f) {
            try {
                formula = FormulaCompiler.compile(f.expression(), FormulaParser.parse(f.expression()),
                        FORMULA_VARIABLES::indexOf);
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
                if (Double.isNaN(f.flops())) {
                    throw new AllocationException("allocation by FLOPs, but workload '" + f.workload().id()
                            + "' declares no FLOPs; declare 'flops' for every workload or choose another rule");
                }
                w[i] = f.flops();
            } else if (rule instanceof AllocationRule.ByReservedCapacity) {
                w[i] = f.reservedMwh();
            } else if (rule instanceof AllocationRule.Equal) {
                w[i] = 1;
            } else {
                double[] vars = {f.deviceHours(), f.itKwh(), Double.isNaN(f.flops()) ? 0 : f.flops(), f.reservedMwh(),
                        Declarations.literal(f.workload().runs()), Declarations.literal(f.workload().queries())};
                w[i] = formula.evaluate(vars);
            }
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new AllocationException(rule.key() + " gives workload '" + f.workload().id() + "' the weight " + w[i]
                        + "; weights must be finite and not negative");
            }
        }
        return normalise(w, rule, workloads);
    }

    private static double[] normalise(double[] w, AllocationRule rule, List<WorkloadFacts> workloads) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        if (!(sum > 0)) {
            throw new AllocationException(rule.key() + " gives every workload a weight of 0 ("
                    + String.join(", ", workloads.stream().map(f -> f.workload().id()).toList()) + ")");
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / sum;
        }
        return out;
    }

    /** Fixed shares by workload or model id; they must cover every workload and sum to one (±1e-6). */
    private static double[] fixed(Map<String, Double> given, List<WorkloadFacts> workloads) {
        double total = given.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(total - 1) > 1e-6) {
            throw new AllocationException("fixed shares sum to " + total + ", not 1");
        }
        int n = workloads.size();
        double[] out = new double[n];
        for (Map.Entry<String, Double> e : given.entrySet()) {
            double modelDeviceHours = 0;
            int matches = 0;
            for (WorkloadFacts f : workloads) {
                if (f.workload().id().equals(e.getKey())) {
                    matches++;
                } else if (f.workload().model().equals(e.getKey())) {
                    modelDeviceHours += f.deviceHours();
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
                    out[i] += e.getValue();
                } else if (f.workload().model().equals(e.getKey())) {
                    out[i] += e.getValue() * (modelDeviceHours > 0 ? f.deviceHours() / modelDeviceHours
                            : 1.0 / matches);
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
