package dev.cradle.scenario.measured;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain CSV of power or energy samples — what {@code nvidia-smi --query-gpu=timestamp,index,power.draw
 * --format=csv -l 1}, DCGM or a wattmeter give — integrated over time.
 * <ul>
 * <li>time: a column of Unix or relative seconds, ISO-8601 local date-times, or nvidia-smi's
 *     {@code 2024/01/15 10:00:00.123};</li>
 * <li>device (optional): a column naming the device of each row (nvidia-smi's {@code index}); without it every
 *     row is one sample of one meter;</li>
 * <li>either power (W; the header's {@code [W]}, {@code [kW]} or {@code [mW]} or the cell's own unit, as in
 *     {@code 250.12 W}), integrated per device by the trapezoidal rule, Σ (Pᵢ₋₁ + Pᵢ) / 2 × (tᵢ − tᵢ₋₁);</li>
 * <li>or a cumulative energy counter ({@code [J]}, {@code [mJ]}, {@code [Wh]}, {@code [kWh]}; DCGM's
 *     total_energy_consumption is mJ), counted per device as last − first; a counter that falls is refused.</li>
 * </ul>
 * Samples are IT power: no PUE. The duration is the time from the first to the last sample.
 */
public final class PowerSamples {
    private static final Pattern UNIT_IN_HEADER = Pattern.compile("[\\[(]\\s*(mW|W|kW|mJ|J|kJ|Wh|kWh)\\s*[\\])]");
    private static final Pattern VALUE_WITH_UNIT = Pattern.compile("(\\S+?)\\s*(mW|W|kW|mJ|J|kJ|Wh|kWh)?");
    private static final Pattern NVIDIA_SMI_TIME = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})[ T](.*)");

    /**
     * @param time   the time column; null for the first of {@code timestamp}, {@code time}
     * @param device the device column; null for none
     * @param power  the power column; null unless given
     * @param energy the energy counter column; null unless given
     * @param wide   further power (or energy) columns beside {@code power} (or {@code energy}), one per device
     *               (wide format: {@code gpu0 [W], gpu1 [W]}); empty for one column
     */
    public record Columns(String time, String device, String power, String energy, List<String> wide) {
        public Columns {
            wide = List.copyOf(wide);
        }

        public Columns(String time, String device, String power, String energy) {
            this(time, device, power, energy, List.of());
        }
    }

    private record Sample(double t, double value) {
    }

    private PowerSamples() {
    }

    public static Measurement read(CsvTable t, Columns c, boolean skipCorrupt) throws MeasurementFileException {
        String timeCol = c.time() != null ? c.time() : t.has("timestamp") ? "timestamp" : "time";
        require(t, timeCol, "time");
        if (!c.wide().isEmpty() && c.device() != null) {
            throw new MeasurementFileException(0, 0, "takes a device column (one row per device) or several value columns "
                    + "(one per device), not both");
        }
        if (c.device() != null) {
            require(t, c.device(), "device");
        }
        boolean energy = c.energy() != null;
        String valueCol = energy ? c.energy() : c.power();
        if (valueCol == null) {
            List<String> power = t.columns().stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("power")).toList();
            if (power.size() != 1) {
                throw new MeasurementFileException(0, 0, "needs 'power' (the column of watts) or 'energy' (a cumulative "
                        + "energy column): the header has " + power.size() + " column(s) with 'power' in their name");
            }
            valueCol = power.get(0);
        }
        List<String> valueCols = new ArrayList<>(List.of(valueCol));
        valueCols.addAll(c.wide());
        double[] scales = new double[valueCols.size()];
        for (int k = 0; k < valueCols.size(); k++) {
            require(t, valueCols.get(k), energy ? "energy" : "power");
            scales[k] = scale(valueCols.get(k), energy);
        }
        Map<String, List<Sample>> byDevice = new LinkedHashMap<>();
        List<Integer> skipped = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            try {
                if (!r.complete()) {
                    throw new MeasurementFileException(r.line(), r.column(r.cells().size() - 1), "the row has "
                            + r.cells().size() + " cells where the header names " + t.columns().size() + " columns");
                }
                double time = time(t.cell(r, timeCol));
                if (Double.isNaN(time)) {
                    throw new MeasurementFileException(r.line(), t.column(r, timeCol), "the time must be seconds or a "
                            + "date-time such as 2024-01-15T10:00:00.123 or 2024/01/15 10:00:00.123");
                }
                List<Sample> row = new ArrayList<>();
                for (int k = 0; k < valueCols.size(); k++) {
                    String col = valueCols.get(k);
                    double v = value(t.cell(r, col), scales[k], energy);
                    if (Double.isNaN(v)) {
                        throw new MeasurementFileException(r.line(), t.column(r, col), (energy ? "the energy" : "the power")
                                + " must be a decimal number ≥ 0" + (Double.isNaN(scales[k]) ? " with its unit (" + (energy
                                ? "J, mJ, kJ, Wh or kWh" : "W, mW or kW") + ") in the header or the cell" : ""));
                    }
                    String device = c.device() != null ? t.cell(r, c.device()) : valueCols.size() > 1 ? col : "";
                    List<Sample> s = byDevice.computeIfAbsent(device, x -> new ArrayList<>());
                    if (!s.isEmpty() && !(time > s.get(s.size() - 1).t())) {
                        throw new MeasurementFileException(r.line(), t.column(r, timeCol), "the time must increase from "
                                + "one sample of a device to the next");
                    }
                    if (energy && !s.isEmpty() && v < s.get(s.size() - 1).value()) {
                        throw new MeasurementFileException(r.line(), t.column(r, col), "the energy counter falls: a "
                                + "counter reset or a different meter; split the file at this line");
                    }
                    row.add(new Sample(time, v));
                }
                // a row counts whole or not at all
                for (int k = 0; k < valueCols.size(); k++) {
                    String device = c.device() != null ? t.cell(r, c.device()) : valueCols.size() > 1 ? valueCols.get(k) : "";
                    byDevice.get(device).add(row.get(k));
                }
            } catch (MeasurementFileException e) {
                if (!skipCorrupt) {
                    throw new MeasurementFileException(e.line(), e.column(), e.getMessage()
                            + "; fix the row, or set 'skip_corrupt_rows: true' to skip such rows (their count is reported)");
                }
                skipped.add(r.line());
            }
        }
        double joules = 0;
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        int samples = 0;
        for (var e : byDevice.entrySet()) {
            List<Sample> s = e.getValue();
            if (s.size() < 2) {
                throw new MeasurementFileException(0, 0, "has " + s.size() + " sample(s) for one of its devices (the "
                        + (byDevice.keySet().stream().toList().indexOf(e.getKey()) + 1) + ". named in its device column): "
                        + "at least two are needed to integrate over time");
            }
            if (energy) {
                joules += s.get(s.size() - 1).value() - s.get(0).value();
            } else {
                for (int i = 1; i < s.size(); i++) {
                    joules += (s.get(i - 1).value() + s.get(i).value()) / 2 * (s.get(i).t() - s.get(i - 1).t());
                }
            }
            start = Math.min(start, s.get(0).t());
            end = Math.max(end, s.get(s.size() - 1).t());
            samples += s.size();
        }
        if (byDevice.isEmpty()) {
            throw new MeasurementFileException(0, 0, "has no samples");
        }
        List<String> notes = new ArrayList<>();
        notes.add(samples + " samples of " + byDevice.size() + " device(s), " + (energy ? "energy counter last − first"
                : "power integrated by the trapezoidal rule") + " = " + CodeCarbonFile.fmt(joules / 3.6e6) + " kWh over "
                + CodeCarbonFile.fmt(end - start) + " s");
        if (!skipped.isEmpty()) {
            notes.add(skipped.size() + " corrupt row(s) skipped at line(s) " + CodeCarbonFile.lines(skipped));
        }
        return new Measurement("power samples", joules / 3.6e6, end - start, joules / 3.6e6, 1, Double.NaN, List.of(),
                List.of(), samples, 1, skipped.size(), notes);
    }

    private static void require(CsvTable t, String column, String what) throws MeasurementFileException {
        if (!t.has(column)) {
            throw new MeasurementFileException(t.headerLine(), 0, "has no column '" + Messages.shorten(column)
                    + "' for the " + what);
        }
    }

    /** The header's unit as a factor to W (power) or J (energy); NaN when the header names none. */
    private static double scale(String header, boolean energy) throws MeasurementFileException {
        Matcher m = UNIT_IN_HEADER.matcher(header);
        if (!m.find()) {
            return Double.NaN;
        }
        double f = factor(m.group(1), energy);
        if (Double.isNaN(f)) {
            throw new MeasurementFileException(0, 0, "the column '" + Messages.shorten(header) + "' has a unit of "
                    + (energy ? "power, not energy" : "energy, not power"));
        }
        return f;
    }

    private static double factor(String unit, boolean energy) {
        return switch (unit) {
            case "mW" -> energy ? Double.NaN : 1e-3;
            case "W" -> energy ? Double.NaN : 1;
            case "kW" -> energy ? Double.NaN : 1e3;
            case "mJ" -> energy ? 1e-3 : Double.NaN;
            case "J" -> energy ? 1 : Double.NaN;
            case "kJ" -> energy ? 1e3 : Double.NaN;
            case "Wh" -> energy ? 3600 : Double.NaN;
            case "kWh" -> energy ? 3.6e6 : Double.NaN;
            default -> Double.NaN;
        };
    }

    private static double value(String cell, double headerScale, boolean energy) {
        Matcher m = VALUE_WITH_UNIT.matcher(cell);
        if (!m.matches()) {
            return Double.NaN;
        }
        double v = StrictNumber.parse(m.group(1));
        double f = m.group(2) != null ? factor(m.group(2), energy) : headerScale;
        return v >= 0 && !Double.isNaN(f) ? v * f : Double.NaN;
    }

    static double time(String cell) {
        double s = StrictNumber.parse(cell);
        if (!Double.isNaN(s)) {
            return s;
        }
        Matcher m = NVIDIA_SMI_TIME.matcher(cell);
        String iso = m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) : cell;
        return CodeCarbonFile.timestamp(iso).map(d -> d.toEpochSecond(ZoneOffset.UTC) + d.getNano() / 1e9)
                .orElse(Double.NaN);
    }
}
