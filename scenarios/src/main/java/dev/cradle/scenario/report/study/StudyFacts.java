package dev.cradle.scenario.report.study;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.engine.ai.WorkloadEnergy;
import dev.cradle.model.Expression;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.LifecycleStage;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.report.CsvReport;
import dev.cradle.scenario.report.ParameterReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reporting statement says about a study, at the parameters' central values: the hardware, device-hours,
 * the datacenters' region, grid intensity and PUE, the energy, and what the study leaves out.
 *
 * @param hardware     one line per hardware group ({@code 384 × NVIDIA A100 (datacenter jean-zay)})
 * @param deviceHours  device-hours of all workloads (primary hardware, runs included), h; NaN without workloads
 * @param itKwh        IT energy of all workloads, kWh; NaN without workloads
 * @param facilityKwh  facility energy (IT × PUE), kWh; NaN without workloads
 * @param datacenters  each datacenter's region, grid intensity (location- and market-based) and PUE
 * @param leftOut      what the study does not cover: indicators without data, partial ones and the processes
 *                     whose data miss them, life-cycle stages with no process
 * @param mixes        the country generation mixes whose per-source factors give the electricity's categories
 *                     other than climate change ({@code France 2023}), one per country, in declaration order
 */
public record StudyFacts(List<String> hardware, double deviceHours, double itKwh, double facilityKwh,
                         List<DatacenterFact> datacenters, List<String> leftOut, List<String> mixes) {

    /**
     * @param id                 the datacenter's id
     * @param name               its name
     * @param region             the grid: a library region code, an explicit mix, a declared intensity or a database process
     * @param gridKgPerKwh       location-based grid intensity, kg CO2-eq/kWh (NaN when not known)
     * @param pue                power usage effectiveness (NaN when not declared)
     * @param marketKgPerKwh     market-based grid intensity (the datacenter's contracts), kg CO2-eq/kWh; NaN when it
     *                           is the location-based one or not known
     */
    public record DatacenterFact(String id, String name, String region, double gridKgPerKwh, double pue,
                                 double marketKgPerKwh) {
    }

    public StudyFacts {
        hardware = List.copyOf(hardware);
        datacenters = List.copyOf(datacenters);
        leftOut = List.copyOf(leftOut);
        mixes = List.copyOf(mixes);
    }

    public boolean hasWorkloads() {
        return !Double.isNaN(deviceHours);
    }

    public static StudyFacts of(LoadedScenario study) {
        Map<String, Double> central = new LinkedHashMap<>();
        Map<String, ParameterReport.Row> rows = new LinkedHashMap<>();
        for (ParameterReport.Row r : study.parameters()) {
            if (r.scope().equals("global")) {
                central.put(r.name(), r.value());
                rows.put(r.name(), r);
            }
        }
        List<String> hardware = new ArrayList<>();
        List<DatacenterFact> dcs = new ArrayList<>();
        Declarations.AiScenario d = study.declarations();
        if (d != null) {
            for (Declarations.Hardware h : d.hardware()) {
                double count = value(h.count(), central);
                String name = h.name() == null || h.name().isBlank() ? h.id() : h.name();
                boolean counted = Double.isNaN(count) || name.startsWith(Fmt.number(count) + " ")
                        || name.startsWith(String.valueOf((long) count) + " ");
                hardware.add((counted ? "" : Fmt.number(count) + " × ") + name
                        + (h.archetype() == null || h.archetype().isEmpty() ? "" : " (archetype " + h.archetype() + ")")
                        + (h.datacenter() == null ? "" : " in datacenter " + h.datacenter()));
            }
            for (Declarations.Datacenter dc : d.datacenters()) {
                ParameterReport.Row grid = rows.get("grid_intensity_" + dc.id().replaceAll("[^A-Za-z0-9_]", "_"));
                double kg = grid == null ? Double.NaN : perKwh(grid);
                double market = grid == null || Double.isNaN(grid.marketValue()) ? Double.NaN
                        : perKwh(grid, grid.marketValue());
                dcs.add(new DatacenterFact(dc.id(), dc.name() == null || dc.name().isBlank() ? dc.id() : dc.name(),
                        region(dc), kg, value(dc.pue(), central), market == kg ? Double.NaN : market));
            }
        }
        List<WorkloadEnergy> energy = study.view() == null ? List.of() : study.view().activity();
        double hours = energy.isEmpty() ? Double.NaN : 0;
        double it = energy.isEmpty() ? Double.NaN : 0;
        double facility = energy.isEmpty() ? Double.NaN : 0;
        for (WorkloadEnergy e : energy) {
            hours += e.deviceHours();
            it += e.itKwh();
            facility += e.facilityKwh();
        }
        Set<String> mixes = new LinkedHashSet<>();
        if (study.view() != null) {
            study.view().countryMixes().forEach(m -> mixes.add(m.mix().name() + " " + m.mix().year()));
        }
        return new StudyFacts(hardware, hours, it, facility, dcs, leftOut(study.result()), List.copyOf(mixes));
    }

    /** Indicators without data or with partial data (and the processes missing), and stages with no process. */
    static List<String> leftOut(LcaResult r) {
        List<String> out = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (int k = 0; k < r.impactIndex().size(); k++) {
            String coverage = CsvReport.coverage(r, k);
            String key = r.impactIndex().at(k).key();
            if (coverage.equals(CsvReport.NONE)) {
                none.add(key);
            } else if (coverage.equals(CsvReport.PARTIAL)) {
                List<String> missing = r.notCoveredBy(k);
                out.add(key + " is a lower bound: no data for " + (missing.size() <= 4 ? String.join(", ", missing)
                        : String.join(", ", missing.subList(0, 4)) + " and " + (missing.size() - 4) + " more"));
            }
        }
        if (!none.isEmpty()) {
            out.add(0, "no data covers " + String.join(", ", none) + " (unknown, not zero)");
        }
        Set<LifecycleStage> present = new LinkedHashSet<>();
        r.techIndex().columns().forEach(c -> present.add(c.process().stage()));
        List<String> absent = new ArrayList<>();
        for (LifecycleStage s : LifecycleStage.values()) {
            if (!present.contains(s)) {
                absent.add(s.title().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!absent.isEmpty()) {
            out.add("life-cycle stages not modelled: " + String.join(", ", absent));
        }
        return out;
    }

    private static String region(Declarations.Datacenter dc) {
        String grid;
        if (dc.grid() instanceof Declarations.RegionGrid g) {
            grid = g.code();
        } else if (dc.grid() instanceof Declarations.MixGrid g) {
            grid = "explicit generation mix (" + String.join(", ", g.shares().keySet()) + ")";
        } else if (dc.grid() instanceof Declarations.DatabaseGrid g) {
            grid = g.database() + " process " + g.processName();
        } else if (dc.grid() instanceof Declarations.ExplicitGrid) {
            grid = "declared intensity";
        } else {
            grid = "not declared";
        }
        return dc.country() == null || dc.country().isBlank() || grid.equals(dc.country()) ? grid
                : grid + ", country " + dc.country();
    }

    /** A grid intensity parameter's value in kg CO2-eq per kWh (the rules write kg/kWh; g/kWh converted). */
    private static double perKwh(ParameterReport.Row grid) {
        return perKwh(grid, grid.value());
    }

    /** {@code value} of the grid intensity parameter in kg CO2-eq per kWh. */
    private static double perKwh(ParameterReport.Row grid, double value) {
        String u = grid.unit() == null ? "" : grid.unit().trim();
        return u.startsWith("g ") || u.startsWith("g/") ? value / 1000 : value;
    }

    private static double value(Expression e, Map<String, Double> central) {
        if (e == null) {
            return Double.NaN;
        }
        try {
            return FormulaCompiler.evaluate(e, central);
        } catch (RuntimeException ex) {
            return Double.NaN;
        }
    }
}
