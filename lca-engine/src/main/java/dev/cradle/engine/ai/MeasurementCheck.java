package dev.cradle.engine.ai;

import java.util.List;

/**
 * A measured workload set beside the declared study (per run, before the runs multiplier): what was
 * measured, the estimate the declarations give, and where the measurement was taken.
 *
 * @param itKwh           measured IT energy, kWh
 * @param durationH       wall-clock hours measured; NaN when not known
 * @param meanPowerKw     itKwh / durationH; NaN when the duration is not known
 * @param powerBoundKw    1.5 × Σ devices × power per device (TDP, else declared), kW; NaN when no power is known
 * @param estimateKwh     device-hours × average power / 1000; NaN when no power is known
 * @param toolPue         the PUE the tool applied and Cradle took out; NaN when none is known
 * @param datacenterPue   the PUE Cradle applies
 * @param toolIntensity   the tool's emissions / its energy, kg CO2-eq/kWh; NaN when the file has none
 * @param cradleIntensity the location-based intensity Cradle applies, kg CO2-eq/kWh
 * @param grid            which grid Cradle applies
 * @param warnings        the disagreements found (also in the compilation's warnings)
 */
public record MeasurementCheck(String workload, String tool, String file, double itKwh, double durationH,
                               double meanPowerKw, double powerBoundKw, double estimateKwh, double toolPue,
                               double datacenterPue, List<String> places, double toolEmissionsKg,
                               double toolIntensity, double cradleIntensity, String grid, List<String> notes,
                               List<String> warnings) {
    public MeasurementCheck {
        places = List.copyOf(places);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }
}
