package dev.cradle.scenario.measured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads experiment-impact-tracker's {@code impacttracker/data.json} (github.com/Breakend/experiment-impact-tracker):
 * one JSON object per line, appended by the power monitor ({@code data_utils.write_json_data_to_file}), with
 * {@code timestamp} (Unix seconds), {@code rapl_estimated_attributable_power_draw} and
 * {@code nvidia_estimated_attributable_power_draw} (W: the process's share of the CPU and GPU power).
 * Energy as the tool integrates it ({@code utils.gather_additional_info}): each sample's power over the
 * interval that ends at it, Σ (tᵢ − tᵢ₋₁) × (CPU + GPU W). The interval before the first sample needs the
 * experiment's start, kept in {@code info.pkl} (a Python pickle Cradle does not read), and is not counted;
 * nor the tool's PUE of 1.58, which it applies only in its report — the rows are IT power. The file names
 * no place (the region is in info.pkl). A line that is not a JSON object with an increasing timestamp is
 * corrupt: refused at its line, or skipped and counted when asked.
 */
public final class ImpactTrackerLog {
    static final String CPU = "rapl_estimated_attributable_power_draw";
    static final String GPU = "nvidia_estimated_attributable_power_draw";

    private ImpactTrackerLog() {
    }

    public static Measurement read(String text, boolean skipCorrupt) throws MeasurementFileException {
        ObjectMapper json = new ObjectMapper();
        String[] lines = text.split("\n", -1);
        double joules = 0;
        double first = Double.NaN;
        double previous = Double.NaN;
        int samples = 0;
        boolean cpu = false;
        boolean gpu = false;
        List<Integer> skipped = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode row = parse(json, lines[i], i + 1);
                double t = number(row, "timestamp", i + 1, true);
                if (!Double.isNaN(previous) && !(t > previous)) {
                    throw new MeasurementFileException(i + 1, 0, "timestamp must increase from one sample to the next");
                }
                double cpuW = number(row, CPU, i + 1, false);
                double gpuW = number(row, GPU, i + 1, false);
                if (Double.isNaN(cpuW) && Double.isNaN(gpuW)) {
                    throw new MeasurementFileException(i + 1, 0, "the sample has neither " + CPU + " nor " + GPU);
                }
                cpu |= !Double.isNaN(cpuW);
                gpu |= !Double.isNaN(gpuW);
                double watts = (Double.isNaN(cpuW) ? 0 : cpuW) + (Double.isNaN(gpuW) ? 0 : gpuW);
                if (!Double.isNaN(previous)) {
                    joules += (t - previous) * watts;
                } else {
                    first = t;
                }
                previous = t;
                samples++;
            } catch (MeasurementFileException e) {
                if (!skipCorrupt) {
                    throw new MeasurementFileException(e.line(), e.column(), e.getMessage()
                            + "; fix the line, or set 'skip_corrupt_rows: true' to skip such lines (their count is reported)");
                }
                skipped.add(i + 1);
            }
        }
        if (samples < 2) {
            throw new MeasurementFileException(0, 0, "has " + samples + " power sample(s): at least two are needed to "
                    + "integrate power over time");
        }
        List<String> notes = new ArrayList<>();
        notes.add(samples + " samples of " + (cpu && gpu ? "CPU (RAPL) and GPU (NVIDIA)" : cpu ? "CPU (RAPL)" : "GPU (NVIDIA)")
                + " attributable power, Σ (tᵢ − tᵢ₋₁) × Pᵢ = " + CodeCarbonFile.fmt(joules / 3.6e6) + " kWh over "
                + CodeCarbonFile.fmt(previous - first) + " s (before the first sample: not counted; no PUE in the samples)");
        if (!skipped.isEmpty()) {
            notes.add(skipped.size() + " corrupt line(s) skipped at line(s) " + CodeCarbonFile.lines(skipped));
        }
        return new Measurement("experiment-impact-tracker", joules / 3.6e6, previous - first, joules / 3.6e6, 1,
                Double.NaN, List.of(), List.of(), samples, 1, skipped.size(), notes);
    }

    private static JsonNode parse(ObjectMapper json, String line, int lineNo) throws MeasurementFileException {
        try {
            JsonNode n = json.readTree(line);
            if (n == null || !n.isObject()) {
                throw new MeasurementFileException(lineNo, 0, "the line is not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MeasurementFileException(lineNo, e.getLocation() == null ? 0 : (int) e.getLocation().getColumnNr(),
                    "the line is not valid JSON (an interrupted write?)");
        }
    }

    private static double number(JsonNode row, String key, int line, boolean required) throws MeasurementFileException {
        JsonNode v = row.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new MeasurementFileException(line, 0, "the sample has no " + key);
            }
            return Double.NaN;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            throw new MeasurementFileException(line, 0, key + " must be a finite number ≥ 0");
        }
        return v.asDouble();
    }
}
