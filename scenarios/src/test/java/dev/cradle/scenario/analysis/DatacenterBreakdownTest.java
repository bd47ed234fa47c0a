package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.report.study.StudyReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis' breakdown by datacenter: one member per datacenter the study declares, on both bases. */
class DatacenterBreakdownTest {
    @TempDir
    Path dir;

    /**
     * Two datacenters with the same GPUs (same archetype, lifetime and device-hours, so the same embodied share E,
     * library ranges off): dc-a at ci ~ normal(400, 40) g/kWh and PUE 1.0, 1,000 h × 400 W = 400 kWh, use
     * 400 × 0.4 = 160 kg; dc-b at 100 g/kWh and PUE 1.5, 600 kWh, use 60 kg, with a 50 % renewable contract: market
     * 30 kg. dc-a − dc-b = 100 kg (location), 130 kg (market), deterministically.
     */
    static final String STUDY = """
            name: two datacenters
            parameters:
              - {name: ci, value: 400, uncertainty: {distribution: normal, mean: 400, sd: 40}}
            datacenters:
              - {id: dc-a, grid_intensity: ci g/kWh, pue: 1.0}
              - {id: dc-b, grid_intensity: 100 g/kWh, pue: 1.5, renewable_share: 0.5}
            hardware:
              - {id: gpus-a, archetype: nvidia-a100-80gb, count: 1, datacenter: dc-a, lifetime: 6 years, power: 400 W}
              - {id: gpus-b, archetype: nvidia-a100-80gb, count: 1, datacenter: dc-b, lifetime: 6 years, power: 400 W}
            models:
              - {id: m}
            workloads:
              - {id: train-a, model: m, phase: training, hardware: gpus-a, device_hours: 1000 h}
              - {id: train-b, model: m, phase: training, hardware: gpus-b, device_hours: 1000 h}
            """;

    private static int gwp(List<OutputKey> outputs, OutputKey.Breakdown breakdown, String member) {
        for (int i = 0; i < outputs.size(); i++) {
            OutputKey k = outputs.get(i);
            if (k.breakdown() == breakdown && k.member().equals(member) && k.indicator().startsWith("ipcc-ar6-gwp100/")) {
                return i;
            }
        }
        throw new AssertionError("no gwp100 " + breakdown + " " + member + " in " + outputs);
    }

    @Test
    void eachDeclaredDatacenterIsAMemberOnBothBases() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, STUDY);
        LoadedScenario study = ScenarioLoader.load(f);
        int draws = 20_000;
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(
                EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO), draws, 9, 2, 16, 2, false, null));
        List<String> members = a.outputs().stream().filter(k -> k.breakdown() == OutputKey.Breakdown.DATACENTER
                && k.indicator().startsWith("ipcc-ar6-gwp100/")).map(OutputKey::member).toList();
        assertEquals(List.of("dc-a", "dc-b"), members, "one member per declared datacenter, nothing unassigned");
        int dcA = gwp(a.outputs(), OutputKey.Breakdown.DATACENTER, "dc-a");
        int dcB = gwp(a.outputs(), OutputKey.Breakdown.DATACENTER, "dc-b");
        int total = gwp(a.outputs(), OutputKey.Breakdown.TOTAL, "total");
        // deterministic: the members are the deterministic result's byTag("datacenter"), and differ by 100 kg
        String gwp = a.outputs().get(total).indicator();
        int k = study.result().impactIndex().indexOf(gwp).getAsInt();
        Map<String, Double> byDc = study.result().byTag(k, "datacenter").values();
        assertEquals(byDc.get("dc-a"), a.central()[dcA], 1e-9);
        assertEquals(byDc.get("dc-b"), a.central()[dcB], 1e-9);
        assertEquals(100.0, a.central()[dcA] - a.central()[dcB], 1e-9, "160 kg − 60 kg of use, the same embodied");
        assertEquals(a.central()[total], a.central()[dcA] + a.central()[dcB], 1e-9);
        // Monte Carlo: dc-a moves with ci (sd 400 kWh × 0.04 kg/kWh = 16 kg), dc-b does not move at all
        double embodied = a.central()[dcB] - 60;
        OutputStatistics sa = a.monteCarlo().outputs().get(dcA);
        OutputStatistics sb = a.monteCarlo().outputs().get(dcB);
        assertEquals(embodied + 160, sa.mean(), 4 * 16 / Math.sqrt(draws));
        assertEquals(16, sa.sd(), 0.02 * 16);
        assertEquals(0.0, sb.sd(), 1e-9);
        // market basis: dc-b's contract halves its use stage to 30 kg; dc-a has none and stays as it was, bit for bit
        StudyAnalysis.Market m = a.market();
        assertTrue(m.contractual());
        assertEquals(embodied + 30, m.central()[dcB], 1e-9);
        assertEquals(a.central()[dcA], m.central()[dcA], 0);
        assertEquals(sa.mean(), m.monteCarlo().outputs().get(dcA).mean(), 0);
        assertEquals(130.0, m.central()[dcA] - m.central()[dcB], 1e-9);
        // the report: a datacenter table and tidy rows on both bases
        Map<String, String> files = StudyReportFiles.of(study, a);
        assertTrue(files.get("report.md").contains("| datacenter |"), "report.md has the datacenter table");
        String csv = files.get("contributions.csv");
        assertTrue(csv.lines().anyMatch(l -> l.contains(",location,datacenter,dc-a,") && l.contains(",p97.5,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.contains(",market,datacenter,dc-b,") && l.contains(",deterministic,")),
                csv);
    }
}
