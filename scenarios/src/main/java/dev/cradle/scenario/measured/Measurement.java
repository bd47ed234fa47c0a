package dev.cradle.scenario.measured;

import java.util.List;

/**
 * What a measurement file says about one workload, read as its tool meant it.
 *
 * @param tool            the tool and, where the file tells, its version ({@code CodeCarbon 2.3.4})
 * @param itKwh           IT energy, kWh: the tool's energy with the tool's own PUE taken out
 * @param durationS       wall-clock seconds the counted runs lasted, summed over runs
 * @param toolKwh         energy as the tool wrote it (with its PUE), kWh
 * @param toolPue         the PUE the tool applied (1 when none); NaN when it differs between runs
 * @param toolEmissionsKg the tool's own emissions, kg CO2-eq; NaN when the file has none
 * @param places          where the tool says it measured, as written ({@code FRA/ile-de-france}, {@code gcp/us-central1})
 * @param gridCodes       the factor library's grid codes for those places, best first ({@code FR}, {@code gcp/us-central1})
 * @param rows            data rows read (after filters), {@code runs} runs counted, {@code skipped} corrupt rows skipped
 * @param notes           how the file was read (encoding, snapshots, PUE, filters), for the trace
 */
public record Measurement(String tool, double itKwh, double durationS, double toolKwh, double toolPue,
                          double toolEmissionsKg, List<String> places, List<String> gridCodes, int rows, int runs,
                          int skipped, List<String> notes) {
    public Measurement {
        places = List.copyOf(places);
        gridCodes = List.copyOf(gridCodes);
        notes = List.copyOf(notes);
    }
}
