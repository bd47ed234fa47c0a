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
                            double itKwh, double flops, double reservedMwh) {
}
