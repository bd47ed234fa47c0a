package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Workload;

/**
 * What a workload amounts to once its energy rule has run: the allocation drivers.
 *
 * @param deviceHours device-hours on its hardware (runs included)
 * @param itKwh       IT energy, kWh (runs included), before PUE
 * @param flops       floating-point operations, NaN when not declared
 * @param reservedMwh IT power reserved × hours held, MW·h
 */
public record WorkloadFacts(Workload workload, Hardware hardware, Datacenter datacenter, double deviceHours,
                            double itKwh, double flops, double reservedMwh, java.util.List<Usage> secondary) {

    /** Device-hours on a further hardware group the workload occupies. */
    public record Usage(Hardware hardware, double deviceHours) {
    }

    public WorkloadFacts(Workload workload, Hardware hardware, Datacenter datacenter, double deviceHours, double itKwh,
                         double flops, double reservedMwh) {
        this(workload, hardware, datacenter, deviceHours, itKwh, flops, reservedMwh, java.util.List.of());
    }

    /** Every hardware use: the primary first, then the secondary ones. */
    public java.util.List<Usage> usages() {
        java.util.List<Usage> all = new java.util.ArrayList<>();
        all.add(new Usage(hardware, deviceHours));
        all.addAll(secondary);
        return all;
    }

    /** These facts as seen from hardware {@code h}: its device-hours, for sharing costs of that hardware. */
    public WorkloadFacts on(Hardware h) {
        double dh = usages().stream().filter(u -> u.hardware().id().equals(h.id())).mapToDouble(Usage::deviceHours).sum();
        return new WorkloadFacts(workload, h, datacenter, dh, itKwh, flops, reservedMwh, java.util.List.of());
    }

    /** True when the workload occupies hardware {@code h}. */
    public boolean uses(Hardware h) {
        return usages().stream().anyMatch(u -> u.hardware().id().equals(h.id()));
    }
}
