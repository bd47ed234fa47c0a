package dev.cradle.scenario.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.analysis.AnalysisOptions;
import dev.cradle.scenario.analysis.OutputKey;
import dev.cradle.scenario.analysis.StudyAnalysis;
import dev.cradle.scenario.analysis.StudyAnalyzer;
import dev.cradle.scenario.report.study.StudyReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ML phase table of a study whose processes with a phase have no flows of their own (the generic example: the
 * training process only draws electricity and the server): contributions are direct, so such a table would be
 * "(unassigned) 100 %", which reads like a phase result. It is left out with a line saying why, in the terminal, in
 * report.md and in the analysis outputs; where a phase does contribute, the rest is "not assigned to an ML phase".
 */
class PhaseTableTest {
    @TempDir
    Path dir;

    private static final AnalysisOptions MC = new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.MONTE_CARLO),
            2_000, 5, 1, 2, 2, true, null);

    private LoadedScenario generic(String... replacements) throws IOException {
        String yaml = Files.readString(Path.of("examples/generic-training-run.yaml"));
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(yaml.contains(replacements[i]), replacements[i]);
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        Path file = dir.resolve("generic.yaml");
        Files.writeString(file, yaml);
        return ScenarioLoader.load(file);
    }

    private static String text(LoadedScenario s) {
        return TextReport.render(s.system(), s.result(), s.view(), s.units());
    }

    @Test
    void aPhaseWithoutDirectFlowsIsNotShownAsATable() throws IOException {
        LoadedScenario s = generic();
        String text = text(s);
        int phase = text.indexOf("By ML phase\n");
        assertTrue(phase >= 0, text);
        String section = text.substring(phase, text.indexOf("\nBy model", phase));
        assertTrue(section.contains("Not shown: no process with a declared ML phase contributes directly to any "
                + "indicator"), section);
        assertFalse(section.contains("(unassigned)"), section);
        // the model tag (demo-7b on the same process) is in the same case; the device tag is not (gpu-server and grid
        // have flows), and its untagged processes (freight, e-waste) are named for what they lack
        String model = text.substring(text.indexOf("\nBy model\n"), text.indexOf("\nBy device\n"));
        assertTrue(model.contains("Not shown: no process with a declared model"), model);
        String device = text.substring(text.indexOf("\nBy device\n"), text.indexOf("\nLargest contributing"));
        assertTrue(device.contains("no device declared"), device);
        assertFalse(text.contains("(unassigned)"), text);

        StudyAnalysis a = StudyAnalyzer.analyse(s, MC);
        assertTrue(a.outputs().stream().noneMatch(o -> o.breakdown() == OutputKey.Breakdown.PHASE
                || o.breakdown() == OutputKey.Breakdown.MODEL), a.outputs().toString());
        assertTrue(a.outputs().stream().anyMatch(o -> o.breakdown() == OutputKey.Breakdown.DEVICE));
        String md = StudyReportFiles.of(s, a).get("report.md");
        assertTrue(md.contains("No table by ML phase: no process with a declared phase contributes directly"), md);
        assertFalse(md.contains("| phase |"), md);
        assertFalse(md.contains("(unassigned)"), md);
    }

    @Test
    void whereAPhaseContributesTheRestIsNotAssignedToAnMlPhase() throws IOException {
        // the grid process declared as training: training holds the electricity, 276.48 kWh × 57 g = 15.759 kg of
        // 19.85 kg (79.4 %, the use stage of the example's table); the other stages (0.4835 + 3.456 + 0.116 + 0.03868
        // = 4.095 kg, unrounded) are not assigned
        LoadedScenario s = generic("  - id: grid_fr\n    name: Electricity, French grid mix\n    stage: use\n",
                "  - id: grid_fr\n    name: Electricity, French grid mix\n    stage: use\n    phase: training\n");
        LcaResult r = s.result();
        int k = 0;
        assertEquals(276.48 * 0.057, r.byPhase(k).values().get("training"), 1e-9);
        String text = text(s);
        String section = text.substring(text.indexOf("By ML phase\n"), text.indexOf("\nBy model"));
        assertTrue(section.contains("training"), section);
        assertTrue(section.contains("not assigned to an ML phase"), section);
        assertTrue(section.contains("15.76 (79.4%)"), section);

        StudyAnalysis a = StudyAnalyzer.analyse(s, MC);
        assertTrue(a.outputs().stream().anyMatch(o -> o.breakdown() == OutputKey.Breakdown.PHASE
                && o.member().equals("training")), a.outputs().toString());
        // machine-readable keys stay "(unassigned)"; people read what it means
        assertTrue(a.outputs().stream().anyMatch(o -> o.breakdown() == OutputKey.Breakdown.PHASE
                && o.member().equals(LcaResult.UNASSIGNED)));
        String md = StudyReportFiles.of(s, a).get("report.md");
        assertTrue(md.contains("| not assigned to an ML phase | 4.095 | 20.6% |"), md);
        assertTrue(md.contains("| training | 15.76 | 79.4% |"), md);
    }
}
