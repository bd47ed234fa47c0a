package dev.cradle.engine.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.model.MlPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties every allocation rule must have. */
class AllocationProperties {

    static List<WorkloadFacts> workloads(Random rnd, int n) {
        List<WorkloadFacts> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double dh = 1 + rnd.nextDouble() * 1000;
            Workload w = new Workload("w" + i, "m" + rnd.nextInt(3), MlPhase.values()[rnd.nextInt(3)], "hw",
                    new Declarations.DeviceHours(Declarations.number(dh)), null, Declarations.number(1),
                    Declarations.number(rnd.nextInt(1000)), Declarations.number(0), null, "test");
            out.add(new WorkloadFacts(w, null, null, dh, dh * (0.1 + rnd.nextDouble()), rnd.nextDouble() * 1e20,
                    dh * 0.0004));
        }
        return out;
    }

    static List<AllocationRule> rules(Random rnd, List<WorkloadFacts> ws) {
        Map<String, Double> fixed = new LinkedHashMap<>();
        double[] raw = ws.stream().mapToDouble(w -> 0.1 + rnd.nextDouble()).toArray();
        double sum = java.util.Arrays.stream(raw).sum();
        for (int i = 0; i < ws.size(); i++) {
            fixed.put(ws.get(i).workload().id(), raw[i] / sum);
        }
        return List.of(new AllocationRule.ByDeviceHours(), new AllocationRule.ByEnergy(), new AllocationRule.ByFlops(),
                new AllocationRule.ByReservedCapacity(), new AllocationRule.Equal(), AllocationRule.Fixed.of(fixed),
                new AllocationRule.Formula("sqrt(device_hours) + energy_kwh / 10"));
    }

    /** The central shares (the workloads' declared fields are literals here). */
    static double[] shares(AllocationRule rule, List<WorkloadFacts> ws) {
        Value[] v = Allocator.shareValues(rule, ws, e -> Value.of(((dev.cradle.model.Expression.Number) e).value()));
        return java.util.Arrays.stream(v).mapToDouble(Value::central).toArray();
    }

    @Property(tries = 300)
    void sharesOfASharedCostSumToThatCostUnderEveryRule(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
        Random rnd = new Random(seed);
        List<WorkloadFacts> ws = workloads(rnd, n);
        double cost = 1 + rnd.nextDouble() * 1e6;
        for (AllocationRule rule : rules(rnd, ws)) {
            double[] shares = shares(rule, ws);
            double allocated = 0;
            for (double s : shares) {
                assertTrue(s >= 0, rule.key());
                allocated += s * cost;
            }
            assertEquals(cost, allocated, 1e-9 * cost, rule.key());
        }
    }

    @Property(tries = 300)
    void doublingAWorkloadsDeviceHoursNeverLowersItsShare(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n,
                                                          @ForAll @IntRange(min = 0, max = 11) int pick) {
        Random rnd = new Random(seed);
        List<WorkloadFacts> ws = workloads(rnd, n);
        int i = pick % n;
        double before = shares(new AllocationRule.ByDeviceHours(), ws)[i];
        List<WorkloadFacts> doubled = new ArrayList<>(ws);
        WorkloadFacts f = ws.get(i);
        doubled.set(i, new WorkloadFacts(f.workload(), null, null, f.deviceHours().times(2), f.itKwh(), f.flops(),
                f.reservedMwh(), List.of()));
        double after = shares(new AllocationRule.ByDeviceHours(), doubled)[i];
        assertTrue(after >= before, before + " -> " + after);
    }

    /**
     * Shares are trees over the parameters: with each workload's device-hours a parameter {@code d<i>}, the
     * shares evaluated at any other device-hours are those the rule gives for them, and still sum to one.
     */
    @Property(tries = 200)
    void sharesFollowTheirParameters(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
        Random rnd = new Random(seed);
        List<WorkloadFacts> constant = workloads(rnd, n);
        List<WorkloadFacts> parametric = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WorkloadFacts f = constant.get(i);
            names.add("d" + i);
            parametric.add(new WorkloadFacts(f.workload(), null, null, Value.parameter("d" + i, f.deviceHours().central()),
                    f.itKwh(), f.flops(), f.reservedMwh(), List.of()));
        }
        double[] moved = new double[n];
        List<WorkloadFacts> atMoved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            moved[i] = 1 + rnd.nextDouble() * 1000;
            WorkloadFacts f = constant.get(i);
            atMoved.add(new WorkloadFacts(f.workload(), null, null, Value.of(moved[i]), f.itKwh(), f.flops(),
                    f.reservedMwh(), List.of()));
        }
        for (AllocationRule rule : List.of(new AllocationRule.ByDeviceHours(), new AllocationRule.Equal(),
                new AllocationRule.Formula("sqrt(device_hours) + energy_kwh / 10"))) {
            Value[] trees = Allocator.shareValues(rule, parametric, e -> Value.of(((dev.cradle.model.Expression.Number) e)
                    .value()));
            double[] expected = shares(rule, atMoved);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double s = dev.cradle.engine.formula.FormulaCompiler.compile(trees[i].text(), trees[i].tree(),
                        names::indexOf).evaluate(moved);
                assertEquals(expected[i], s, 1e-12, rule.key());
                sum += s;
            }
            assertEquals(1, sum, 1e-12, rule.key());
        }
    }
}
