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

    /**
     * A generic study that references library processes directly (library-fine-tuning: {@code device:nvidia-a100-80gb}
     * and {@code building:datacenter} as providers) gets their ranges drawn too, named after the library id, with the
     * process and its dataset as the source; off, they stay central.
     */
    @Test
    void rangesOfLibraryProcessesAGenericStudyReferencesAreDrawnAndNamed() {
        LoadedScenario study = ScenarioLoader.load(Path.of("examples/library-fine-tuning.yaml"));
        StudyAnalysis a = StudyAnalyzer.analyse(study, new AnalysisOptions(EnumSet.of(AnalysisOptions.Analysis.TORNADO),
                1, 1, 1, 2, 2, true, null));
        var names = a.parameters().stream().map(UncertainParameter::name).toList();
        assertEquals(java.util.List.of("gpu_power_w", "pue", "wue_l_per_kwh", "device.nvidia-a100-80gb.gwp",
                "building.datacenter.gwp"), names);
        assertEquals(java.util.List.of("scenario", "scenario", "scenario",
                "library range, device:nvidia-a100-80gb (hardware-accelerators)",
                "library range, building:datacenter (datacenter-building)"), a.sources());
        assertEquals("kg CO2-eq/item", a.units().get(3));
        assertEquals("kg CO2-eq/MW", a.units().get(4));
        // the library's own ranges: the A100's embodied GHG triangular(45.216, 150, 150) kg, the building uniform
        // on [0, 4.5e6] kg per MW; the central values are the deterministic result's
        assertEquals("triangular(45.216, 150.0, 150.0)", a.parameters().get(3).distribution().toString());
        assertEquals(2.25e6, a.parameters().get(4).distribution().mean(), 1e-6);
        int gwp = a.outputs().indexOf(OutputKey.total("fine_tuned_model", "ipcc-ar6-gwp100/climate_change",
                "kg CO2-eq"));
        assertEquals(study.result().impact("ipcc-ar6-gwp100/climate_change"), a.central()[gwp],
                1e-12 * a.central()[gwp]);
        // tornado, by hand. Devices carried: 8 GPUs × 72 h / (6 × 8760 h × 0.85) = 576 / 44,676 = 0.0128928 items;
        // triangular with mode = max: x_p = min + (max − min)·√p, so P5 = 45.216 + 104.784·√0.05 and
        // P95 = 45.216 + 104.784·√0.95; swing = 104.784·(√0.95 − √0.05) × 0.0128928 = 1.0147 kg.
        // Building: 8 × 400 W / 1e6 × 72 h / (30 × 8760 h) = 8.76712e-7 MW; uniform P5 = 2.25e5, P95 = 4.275e6 kg/MW;
        // swing = 4.05e6 × 8.76712e-7 = 3.5507 kg.
        double devices = 576 / 44_676.0;
        double mw = 8 * 400 / 1e6 * 72 / 262_800;
        for (var bar : a.tornado().bars().get(gwp)) {
            if (bar.parameter().name().equals("device.nvidia-a100-80gb.gwp")) {
                assertEquals(104.784 * (Math.sqrt(0.95) - Math.sqrt(0.05)) * devices, bar.swing(), 1e-9);
            } else if (bar.parameter().name().equals("building.datacenter.gwp")) {
                assertEquals(4.05e6 * mw, bar.swing(), 1e-9);
                // both ends below the deterministic result, which holds the upper estimate
                assertEquals(a.central()[gwp] - (4.5e6 - 2.25e5) * mw, bar.outputLow(), 1e-9);
            }
        }
        // the report names them with their source in its table of uncertain parameters
        String md = dev.cradle.scenario.report.study.StudyReportFiles.of(study, a).get("report.md");
        assertTrue(md.contains("| device.nvidia-a100-80gb.gwp | triangular(45.216, 150.0, 150.0) | 68.65 | 147.3 | "
                + "kg CO2-eq/item | library range, device:nvidia-a100-80gb (hardware-accelerators) |"), md);
        assertTrue(md.contains("Sampled from outside the scenario's own distributions: device.nvidia-a100-80gb.gwp "
                + "(library range, device:nvidia-a100-80gb (hardware-accelerators)), building.datacenter.gwp"), md);

        StudyAnalysis off = StudyAnalyzer.analyse(study, options(false));
        assertEquals(java.util.List.of("gpu_power_w", "pue", "wue_l_per_kwh"),
                off.parameters().stream().map(UncertainParameter::name).toList());
    }
}
