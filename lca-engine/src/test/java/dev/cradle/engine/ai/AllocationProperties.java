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
                new AllocationRule.ByReservedCapacity(), new AllocationRule.Equal(), new AllocationRule.Fixed(fixed),
                new AllocationRule.Formula("sqrt(device_hours) + energy_kwh / 10"));
    }

    @Property(tries = 300)
    void sharesOfASharedCostSumToThatCostUnderEveryRule(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int n) {
        Random rnd = new Random(seed);
        List<WorkloadFacts> ws = workloads(rnd, n);
        double cost = 1 + rnd.nextDouble() * 1e6;
        for (AllocationRule rule : rules(rnd, ws)) {
            double[] shares = Allocator.shares(rule, ws);
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
        double before = Allocator.shares(new AllocationRule.ByDeviceHours(), ws)[i];
        List<WorkloadFacts> doubled = new ArrayList<>(ws);
        WorkloadFacts f = ws.get(i);
        doubled.set(i, new WorkloadFacts(f.workload(), null, null, 2 * f.deviceHours(), f.itKwh(), f.flops(),
                f.reservedMwh()));
        double after = Allocator.shares(new AllocationRule.ByDeviceHours(), doubled)[i];
        assertTrue(after >= before, before + " -> " + after);
    }
}
