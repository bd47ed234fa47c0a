package dev.cradle.scenario.measured;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Carbontracker's {@code <name>_<date>_carbontracker_output.log} as Carbontracker writes it
 * (github.com/lfwa/carbontracker, {@code tracker.py} _output_energy and _output_actual):
 * <pre>
 * Actual consumption for 10 epoch(s):
 *         Time:   0:12:05
 *         Energy: 0.123456 kWh
 *         CO2eq:  12.345678 g
 * </pre>
 * and "Average carbon intensity during training was 120.00 gCO2/kWh at detected location: Copenhagen,
 * Capital Region, DK." The energy is the components' energy × a PUE ({@code total_energy_per_epoch}):
 * 1.67 before v1.1.7 (constants.py, commit 6968239), 1.55 from v1.1.7 (commit 449752b) and 1.58 since
 * v2.0.0 (commit e19d66b). The standard log beside it ({@code ..._carbontracker.log}) states it: "PUE
 * coefficient of 1.58" (loggerutil.py, _log_initial_info), and the version ("carbontracker version 2.3.1").
 * So the PUE is taken from that log when given, else from a declared {@code pue}; without either the
 * file cannot be read right. Only the actual consumption counts: a predicted one is refused.
 */
public final class CarbontrackerLog {
    private static final Pattern ACTUAL = Pattern.compile(
            "Actual consumption(?: for (\\d+) epoch\\(s\\))?:\\s*\\n\\s*Time:\\s*([^\\n]*)\\n\\s*Energy:\\s*(\\S+)\\s*kWh"
                    + "\\s*\\n\\s*CO2eq:\\s*(\\S+)\\s*g");
    private static final Pattern PREDICTED = Pattern.compile("Predicted consumption for \\d+ epoch\\(s\\):");
    private static final Pattern TIME = Pattern.compile("(-?)(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern LOCATION = Pattern.compile("at detected location: ([^\\n]*?)\\.?\\s*$", Pattern.MULTILINE);
    private static final Pattern PUE = Pattern.compile("PUE coefficient of (\\S+?)\\s");
    private static final Pattern VERSION = Pattern.compile("carbontracker version (\\S+)");

    private CarbontrackerLog() {
    }

    /**
     * @param output      the output log's text
     * @param standardLog the standard log's text, or null
     * @param declaredPue a PUE the user declared for the log (NaN if none)
     */
    public static Measurement read(String output, String standardLog, double declaredPue) throws MeasurementFileException {
        Matcher m = ACTUAL.matcher(output);
        int count = 0;
        MatchResult last = null;
        while (m.find()) {
            count++;
            last = new MatchResult(m.toMatchResult(), lineOf(output, m.start()));
        }
        if (last == null) {
            throw new MeasurementFileException(0, 0, PREDICTED.matcher(output).find()
                    ? "holds only a predicted consumption, not a measurement: let Carbontracker monitor every epoch "
                    + "(monitor_epochs=-1) and read the 'Actual consumption' it writes"
                    : "has no 'Actual consumption' block: is this a Carbontracker *_carbontracker_output.log?");
        }
        var r = last.match();
        int at = last.line();
        double seconds = seconds(r.group(2)).orElseThrow(() -> new MeasurementFileException(at + 1, 0,
                "Time must be hours:minutes:seconds such as 0:12:05"));
        double kwh = StrictNumber.parse(r.group(3));
        double grams = StrictNumber.parse(r.group(4));
        if (Double.isNaN(kwh) || kwh < 0) {
            throw new MeasurementFileException(last.line() + 2, 0, "Energy must be a decimal number ≥ 0 (kWh)");
        }
        if (Double.isNaN(grams) || grams < 0) {
            throw new MeasurementFileException(last.line() + 3, 0, "CO2eq must be a decimal number ≥ 0 (g)");
        }
        List<String> notes = new ArrayList<>();
        double pue;
        String tool = "Carbontracker";
        Matcher p = PUE.matcher(standardLog == null ? "" : standardLog);
        if (standardLog != null) {
            Matcher v = VERSION.matcher(standardLog);
            if (v.find()) {
                tool = "Carbontracker " + Messages.shorten(v.group(1));
            }
        }
        if (p.find()) {
            pue = StrictNumber.parse(p.group(1));
            if (!(pue >= 1)) {
                throw new MeasurementFileException(lineOf(standardLog, p.start()), 0, "of the standard log: the PUE "
                        + "coefficient must be a decimal number ≥ 1");
            }
            notes.add("Carbontracker's energy includes its PUE " + CodeCarbonFile.fmt(pue) + " (stated in its standard log)");
        } else if (!Double.isNaN(declaredPue)) {
            pue = declaredPue;
            notes.add("Carbontracker's energy includes its PUE " + CodeCarbonFile.fmt(pue) + " (declared)");
        } else {
            throw new MeasurementFileException(0, 0, "cannot be read without the PUE Carbontracker multiplied its energy "
                    + "by (1.67 before v1.1.7, 1.55 from v1.1.7, 1.58 since v2.0.0): give 'log' (the *_carbontracker.log "
                    + "beside it, which states the coefficient) or 'pue'");
        }
        List<String> places = new ArrayList<>();
        List<String> grids = new ArrayList<>();
        Matcher loc = LOCATION.matcher(output);
        String address = null;
        while (loc.find()) {
            address = loc.group(1).trim();
        }
        if (address != null && !address.isEmpty() && !address.equalsIgnoreCase("UNDETECTED")
                && !address.equalsIgnoreCase("Unknown")) {
            places.add(Messages.shorten(address));
            String[] parts = address.split(",");
            Places.alpha2(parts[parts.length - 1]).ifPresent(grids::add);
        }
        if (count > 1) {
            notes.add(count + " 'Actual consumption' blocks: the last (the latest running total) counted");
        }
        notes.add("actual consumption" + (r.group(1) != null ? " for " + r.group(1) + " epoch(s)" : "") + ": "
                + CodeCarbonFile.fmt(kwh) + " kWh / PUE " + CodeCarbonFile.fmt(pue) + " = " + CodeCarbonFile.fmt(kwh / pue)
                + " kWh IT energy");
        return new Measurement(tool, kwh / pue, seconds, kwh, pue, grams / 1000, places, grids, 1, 1, 0, notes);
    }

    private record MatchResult(java.util.regex.MatchResult match, int line) {
    }

    static Optional<Double> seconds(String text) {
        Matcher t = TIME.matcher(text.trim());
        if (!t.matches() || !t.group(1).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(t.group(2)) * 3600.0 + Integer.parseInt(t.group(3)) * 60
                + Double.parseDouble(t.group(4)));
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
