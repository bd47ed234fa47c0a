package dev.cradle.engine.ai;

import dev.cradle.model.MlPhase;

/**
 * The activity data of one workload as compiled (runs included): device-hours, IT and facility
 * energy (kWh), on-site and off-site water (L), and its served volume. Reported beside the impacts.
 */
public record WorkloadEnergy(String workload, String model, MlPhase phase, double deviceHours, double itKwh,
                             double facilityKwh, double onsiteWaterL, double offsiteWaterL, double queries,
                             double tokens) {
}
