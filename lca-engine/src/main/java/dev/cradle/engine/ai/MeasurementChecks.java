package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Measured;
import dev.cradle.engine.ai.Declarations.MeasuredEvidence;
import dev.cradle.engine.ai.Declarations.RegionGrid;
import dev.cradle.engine.ai.Declarations.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cross-checks of a measured workload against the declared study, per run (before the runs multiplier);
 * each disagreement becomes a {@link Warning}, and every figure goes to the trace and the report:
 * <ul>
 * <li>mean power = IT kWh / wall-clock hours, against {@value #POWER_MARGIN} × Σ devices × power per device
 *     (TDP, else the declared power) over the primary and any further hardware: the margin allows for the
 *     host CPUs and memory that CodeCarbon measures beside the GPUs;</li>
 * <li>wall-clock hours against the declared period of the workload or its hardware;</li>
 * <li>measured IT energy against the estimate device-hours × average power, warned outside a factor
 *     {@value #ESTIMATE_FACTOR} either way;</li>
 * <li>corrupt rows skipped at the user's request;</li>
 * <li>the tool's places against the datacenter's grid, the tool's intensity (its emissions / its energy)
 *     against Cradle's, warned beyond a factor {@value #INTENSITY_FACTOR}, and the tool's PUE against the
 *     datacenter's.</li>
 * </ul>
 */
final class MeasurementChecks {
    static final double POWER_MARGIN = 1.5;
    static final double ESTIMATE_FACTOR = 3;
    static final double INTENSITY_FACTOR = 1.5;

    private MeasurementChecks() {
    }

    /**
     * @param avgPowerW  average power per device the declarations give (NaN if none)
     * @param intensity  the location-based intensity Cradle applies to this workload
     * @param grid       a description of that grid
     */
    static MeasurementCheck check(CompilationContext ctx, Workload w, Hardware h, Datacenter dc, Measured m,
                                  double avgPowerW, double intensity, String grid, List<String> lines) {
        MeasuredEvidence ev = m.detail();
        List<String> found = new ArrayList<>();
        double durationH = ev != null ? ev.durationH() : ctx.central(m.deviceHours()) > 0 ? ctx.central(m.deviceHours()) / ctx.central(h.count()) : Double.NaN;
        double bound = 0;
        boolean powerKnown = true;
        StringBuilder boundText = new StringBuilder();
        List<Hardware> groups = new ArrayList<>(List.of(h));
        for (String other : w.alsoUses()) {
            ctx.scenario().hardware().stream().filter(x -> x.id().equals(other)).findFirst().ifPresent(groups::add);
        }
        for (Hardware g : groups) {
            double per = ctx.library().devicePower(g.archetype()).map(p -> p.tdpW()).filter(v -> !Double.isNaN(v))
                    .orElse(g == h && !Double.isNaN(ctx.central(w.powerW())) ? ctx.central(w.powerW()) : ctx.central(g.powerW()));
            if (Double.isNaN(per)) {
                powerKnown = false;
                continue;
            }
            bound += ctx.central(g.count()) * per / 1000;
            boundText.append(boundText.length() == 0 ? "" : " + ").append(ctx.central(g.count())).append(" × ").append(Rules.fmt(per))
                    .append(" W");
        }
        bound *= POWER_MARGIN;
        double meanKw = durationH > 0 ? ctx.central(m.kwh()) / durationH : Double.NaN;
        if (!Double.isNaN(meanKw) && powerKnown) {
            lines.add("check: mean power " + Rules.fmt(ctx.central(m.kwh())) + " kWh / " + Rules.fmt(durationH) + " h = "
                    + Rules.fmt(meanKw) + " kW; plausible up to " + POWER_MARGIN + " × (" + boundText + ") = "
                    + Rules.fmt(bound) + " kW");
            if (meanKw > bound) {
                warn(ctx, w, found, lines, "measured " + Rules.fmt(ctx.central(m.kwh())) + " kWh in " + Rules.fmt(durationH * 3600)
                        + " s is a mean power of " + Rules.fmt(meanKw) + " kW, above the " + Rules.fmt(bound)
                        + " kW that the declared devices (" + boundText + ", × " + POWER_MARGIN + ") can draw: check the "
                        + "measurement's units and runs, or the hardware's count");
            }
        } else {
            powerKnown = false;
            lines.add("check: mean power not checked (" + (Double.isNaN(meanKw) ? "no duration measured"
                    : "no TDP or power known for the hardware") + ")");
        }
        double period = !Double.isNaN(ctx.central(w.periodH())) ? ctx.central(w.periodH()) : ctx.central(h.periodH());
        if (!Double.isNaN(period) && durationH > period * (1 + 1e-9)) {
            warn(ctx, w, found, lines, "the measured runs last " + Rules.fmt(durationH) + " h, longer than the declared period of "
                    + Rules.fmt(period) + " h");
        }
        double estimate = Double.isNaN(avgPowerW) || !(ctx.central(m.deviceHours()) > 0) ? Double.NaN : ctx.central(m.deviceHours()) * avgPowerW / 1000;
        if (!Double.isNaN(estimate)) {
            lines.add("check: estimate from device-hours " + Rules.fmt(ctx.central(m.deviceHours())) + " device-h × " + Rules.fmt(avgPowerW)
                    + " W / 1000 = " + Rules.fmt(estimate) + " kWh beside " + Rules.fmt(ctx.central(m.kwh())) + " kWh measured (ratio "
                    + Rules.fmt(ctx.central(m.kwh()) / estimate) + ")");
            double ratio = ctx.central(m.kwh()) / estimate;
            if (ratio > ESTIMATE_FACTOR || ratio < 1 / ESTIMATE_FACTOR) {
                warn(ctx, w, found, lines, "measured " + Rules.fmt(ctx.central(m.kwh())) + " kWh is " + Rules.fmt(ratio) + " × the estimate of "
                        + Rules.fmt(estimate) + " kWh from its device-hours at " + Rules.fmt(avgPowerW) + " W per device");
            }
        }
        double toolPue = Double.NaN;
        List<String> places = List.of();
        double toolIntensity = Double.NaN;
        double toolEmissions = Double.NaN;
        String tool = "declared";
        String file = "";
        List<String> notes = List.of();
        if (ev != null) {
            tool = ev.tool();
            file = ev.file();
            notes = ev.notes();
            places = ev.places();
            toolPue = ev.toolPue();
            toolEmissions = ev.toolEmissionsKg();
            toolIntensity = ev.toolKwh() > 0 ? ev.toolEmissionsKg() / ev.toolKwh() : Double.NaN;
            if (ev.skippedRows() > 0) {
                warn(ctx, w, found, lines, ev.skippedRows() + " corrupt row(s) of " + ev.file() + " skipped as asked "
                        + "(skip_corrupt_rows): the measurement leaves them out");
            }
            if (toolPue > 1 && Math.abs(toolPue - ctx.central(dc.pue())) > 0.005) {
                warn(ctx, w, found, lines, ev.tool() + " applied a PUE of " + Rules.fmt(toolPue) + ", the datacenter '" + dc.id()
                        + "' declares " + Rules.fmt(ctx.central(dc.pue())) + ": Cradle took the tool's PUE out and applies the datacenter's");
            }
            if (!ev.gridFromFile()) {
                boolean same = ev.gridCodes().isEmpty() || ev.gridCodes().stream().anyMatch(c -> sameGrid(c, dc));
                if (!same) {
                    warn(ctx, w, found, lines, ev.tool() + " measured in " + String.join(", ", ev.places()) + ", but datacenter '"
                            + dc.id() + "' declares " + grid + ": Cradle applies " + Rules.fmt(intensity)
                            + " kg CO2-eq/kWh" + (Double.isNaN(toolIntensity) ? "" : ", the tool " + Rules.fmt(toolIntensity))
                            + " (set 'grid: from_file' on the measurement to take the file's place)");
                }
            }
            if (!Double.isNaN(toolIntensity)) {
                lines.add("check: " + ev.tool() + " emissions " + Rules.fmt(toolEmissions) + " kg / " + Rules.fmt(ev.toolKwh())
                        + " kWh = " + Rules.fmt(toolIntensity) + " kg CO2-eq/kWh beside Cradle's " + Rules.fmt(intensity)
                        + " (" + grid + ")");
                if (toolIntensity > 0 && (intensity / toolIntensity > INTENSITY_FACTOR
                        || toolIntensity / intensity > INTENSITY_FACTOR)) {
                    warn(ctx, w, found, lines, ev.tool() + "'s own intensity " + Rules.fmt(toolIntensity) + " kg CO2-eq/kWh and "
                            + "Cradle's " + Rules.fmt(intensity) + " (" + grid + ") differ by more than a factor "
                            + INTENSITY_FACTOR);
                }
            }
        }
        return new MeasurementCheck(w.id(), tool, file, ctx.central(m.kwh()), durationH, meanKw, powerKnown ? bound : Double.NaN,
                estimate, toolPue, ctx.central(dc.pue()), places, toolEmissions, toolIntensity, intensity, grid, notes, found);
    }

    /** Whether a library grid code names the datacenter's grid or its country. */
    static boolean sameGrid(String code, Datacenter dc) {
        String c = code.toLowerCase(Locale.ROOT);
        if (dc.grid() instanceof RegionGrid r) {
            String g = r.code().toLowerCase(Locale.ROOT);
            if (g.equals(c) || g.startsWith(c + "-") || c.startsWith(g + "-")) {
                return true;
            }
        }
        return !dc.country().isEmpty() && dc.country().equalsIgnoreCase(code);
    }

    private static void warn(CompilationContext ctx, Workload w, List<String> found, List<String> lines, String message) {
        ctx.warnings.add(new Warning(w.origin(), "workload:" + w.id(), message));
        found.add(message);
        lines.add("warning: " + message);
    }
}
