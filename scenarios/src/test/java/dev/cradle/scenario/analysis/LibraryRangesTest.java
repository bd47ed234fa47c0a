package dev.cradle.scenario.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The library's ranges are drawn by default, named as such, and stay central when switched off. */
class LibraryRangesTest {
    private static AnalysisOptions options(boolean libraryRanges) {
        return new AnalysisOptions(EnumSet.noneOf(AnalysisOptions.Analysis.class), 1, 1, 1, 2, 2, libraryRanges, null);
    }

    @Test
    void archetypeEmbodiedAndBuildingRangesAreDrawnByDefault() {
        LoadedScenario study = ScenarioLoader.load(Path.of("examples/two-models-shared-cluster.yaml"));
        StudyAnalyzer.Prepared p = StudyAnalyzer.prepare(study, options(true));
        var names = p.inputs().parameters().stream().map(UncertainParameter::name).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("hardware.") && n.endsWith(".embodied_gwp")), names.toString());
        int building = -1;
        for (int i = 0; i < names.size(); i++) {
            assertEquals("library range", p.inputs().sources().get(i), names.get(i));
            if (names.get(i).endsWith(".building_gwp_per_mw")) {
                building = i;
            }
        }
        assertTrue(building >= 0, names.toString());
        UncertainParameter b = p.inputs().parameters().get(building);
        // the deterministic result uses the upper estimate, 4.5e6 kg/MW; the analysis draws uniform on [0, 4.5e6]
        assertEquals(4.5e6, p.model().centralParameters()[b.slot()]);
        assertEquals(2.25e6, b.distribution().mean(), 1e-6);
        assertEquals(0, b.distribution().quantile(0), 1e-9);
        assertEquals(4.5e6, b.distribution().quantile(1), 1e-3);
        assertEquals("kg CO2-eq/MW", p.inputs().units().get(building));
    }

    @Test
    void switchedOffTheyStayAtTheirCentralValues() {
        LoadedScenario study = ScenarioLoader.load(Path.of("examples/two-models-shared-cluster.yaml"));
        StudyAnalysis a = StudyAnalyzer.analyse(study, options(false));
        assertTrue(a.parameters().isEmpty(), a.parameters().toString());
        assertEquals(study.result().impacts()[0], a.central()[0], 1e-9 * Math.abs(a.central()[0]));
    }
}
