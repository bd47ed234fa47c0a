package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * What a workload amounts to once its energy rule has run: the allocation drivers, each a {@link Value}
 * (its central value and its tree over the global parameters), so that shares move with the parameters.
 *
 * @param deviceHours device-hours on its hardware (runs included)
 * @param itKwh       IT energy, kWh (runs included), before PUE
 * @param flops       floating-point operations; null when not declared
 * @param reservedMwh IT power reserved × hours held, MW·h
 */
public record WorkloadFacts(Workload workload, Hardware hardware, Datacenter datacenter, Value deviceHours,
                            Value itKwh, Value flops, Value reservedMwh, List<Usage> secondary) {
    public WorkloadFacts {
        secondary = List.copyOf(secondary);
    }

    /** Device-hours on a further hardware group the workload occupies. */
    public record Usage(Hardware hardware, Value deviceHours) {
    }

    /** Facts of constant drivers ({@code flops} NaN when not declared), e.g. for tests of the allocation rules. */
    public WorkloadFacts(Workload workload, Hardware hardware, Datacenter datacenter, double deviceHours, double itKwh,
                         double flops, double reservedMwh) {
        this(workload, hardware, datacenter, Value.of(deviceHours), Value.of(itKwh),
                Double.isNaN(flops) ? null : Value.of(flops), Value.of(reservedMwh), List.of());
    }

    /** Every hardware use: the primary first, then the secondary ones. */
    public List<Usage> usages() {
        List<Usage> all = new ArrayList<>();
        all.add(new Usage(hardware, deviceHours));
        all.addAll(secondary);
        return all;
    }

    /** These facts as seen from hardware {@code h}: its device-hours, for sharing costs of that hardware. */
    public WorkloadFacts on(Hardware h) {
        Value dh = Value.sum(usages().stream().filter(u -> u.hardware().id().equals(h.id())).map(Usage::deviceHours)
                .toList());
        return new WorkloadFacts(workload, h, datacenter, dh, itKwh, flops, reservedMwh, List.of());
    }

    /** True when the workload occupies hardware {@code h}. */
    public boolean uses(Hardware h) {
        return usages().stream().anyMatch(u -> u.hardware().id().equals(h.id()));
    }
}
