package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios that name library methods and background processes. */
class LibraryScenarioTest {
    static final Path EXAMPLE = Path.of("examples/library-fine-tuning.yaml");

    /**
     * By hand from the example and the library:
     * IT energy 8 × 400 W × 72 h = 230.4 kWh; × PUE 1.2 = 276.48 kWh × 0.04418 kg (Ember 2024, FR, 44.18 g) = 12.2148864 kg;
     * GPU share 8 × 72 / (6 × 8760 × 0.85) = 576 / 44,676 × 150 kg (A100 80GB) = 1.933925 kg;
     * building 3.2 kW = 0.0032 MW × 72 h / 262,800 h × 4,500,000 kg = 3.945205 kg;
     * freight 576/44,676 × 0.0017 t × (19,000 km × 0.01977 + 1,000 km × 0.12522) = 0.010978 kg.
     */
    @Test
    void libraryExampleMatchesTheHandCalculation() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE);
        LcaResult r = Cradle.calculator().calculate(s.compiled());
        double share = 576.0 / 44676;
        double expected = 276.48 * 0.04418 + share * 150 + 0.0032 * 72 / 262800 * 4.5e6
                + share * 0.0017 * (19000 * 0.01977 + 1000 * 0.12522);
        assertEquals(expected, r.impact("ipcc-ar6-gwp100/climate_change"), 1e-9);
        // on-site water: 230.4 kWh × 0.2 L = 46.08 L in France: AWARE 2.0 FR 4.99 → 0.22994 m3 world-eq
        assertEquals(0.04608, r.impact("water_consumption"), 1e-12);
        assertEquals(0.04608 * 4.99, r.impact("water_scarcity"), 1e-12);
        // the grid, device, building and freight data do not cover toxicity: reported, not hidden
        int tox = r.indicatorRow("human_toxicity_cancer");
        assertFalse(r.isComplete(tox));
        assertTrue(r.notCoveredBy(tox).contains("grid:FR"), r.notCoveredBy(tox).toString());
        assertTrue(r.isComplete(r.indicatorRow("ipcc-ar6-gwp100/climate_change")));
    }

    /** One library process alone, delivering one unit of its reference flow, with the default methods. */
    private static LcaResult alone(Process p) {
        var reference = p.providedFlows().get(0).flow();
        return Cradle.evaluate(new ProductSystem(p.id(), java.util.List.of(p), dev.cradle.model.FunctionalUnit.of(reference, 1),
                java.util.List.of(), FactorLibrary.bundled().defaultMethods(), null));
    }

    @Test
    void everyLibraryProcessCalculatesWithTheDefaultMethods() {
        FactorLibrary lib = FactorLibrary.bundled();
        for (Process p : lib.processes().values()) {
            for (double h : alone(p).impacts()) {
                assertTrue(Double.isFinite(h), p.id());
            }
        }
        // e-waste: world rate 0.223 × 0.00468568 + 0.777 × 0.00898311 = 0.00802478263 kg CO2-eq per kg
        assertEquals(0.223 * 0.00468568 + 0.777 * 0.00898311,
                alone(lib.process("ewaste:world").orElseThrow()).impact("ipcc-ar6-gwp100/climate_change"), 1e-12);
    }

    @Test
    void ownElementaryFlowsWithLibraryMethodsAreAnError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                methods: [ipcc-ar6-gwp100]
                flows:
                  - {id: model, type: product, unit: item}
                  - {id: co2, type: elementary, compartment: air, unit: kg}
                processes:
                  - id: p
                    stage: use
                    outputs: [{flow: model, amount: 1}, {flow: co2, amount: 1}]
                functional_unit: {flow: model, amount: 1}
                """);
        Cli cli = Cli.run("validate", f.toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:4:5: elementary flow 'co2' is not in the factor library"), cli.err());
    }

    @Test
    void unknownLibraryNamesGetSuggestions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                methods: [ipcc-ar6-gwp10]
                flows:
                  - {id: model, type: product, unit: item}
                processes:
                  - id: p
                    stage: use
                    outputs: [{flow: model, amount: 1}]
                    inputs: [{flow: electricity, amount: 1 kWh, provider: "grid:FRA"}]
                functional_unit: {flow: model, amount: 1}
                """);
        Cli cli = Cli.run("validate", f.toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("unknown library method 'ipcc-ar6-gwp10'; did you mean 'ipcc-ar6-gwp100'?"), cli.err());
        assertTrue(cli.err().contains("unknown library process 'grid:FRA'; did you mean 'grid:FR'?"), cli.err());
    }

    @Test
    void factorsCommandListsSearchesAndShowsProvenance() {
        Cli list = Cli.run("factors");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("ember-2024-country-intensity"), list.out());
        Cli search = Cli.run("factors", "search", "grid", "france");
        assertEquals(0, search.code());
        assertTrue(search.out().contains("grid:FR"), search.out());
        Cli show = Cli.run("factors", "show", "device:nvidia-h100-sxm");
        assertEquals(0, show.code());
        assertTrue(show.out().contains("licence:") && show.out().contains("NVIDIA"), show.out());
        // the categories a process covers print in one stable (alphabetical) order, not a set's hash order;
        // the H100 PCIe is a Hubblo card with climate, ADPe, ADP fossil and water
        Cli card = Cli.run("factors", "show", "device:nvidia-h100-pcie");
        assertEquals(0, card.code(), card.err());
        String covers = card.out().lines().filter(l -> l.strip().startsWith("covers:")).findFirst().orElseThrow()
                .strip().substring("covers:".length()).strip();
        java.util.List<String> categories = java.util.List.of(covers.split(", "));
        assertTrue(categories.size() >= 2, covers);
        assertEquals(categories.stream().sorted().toList(), categories, covers);
        assertEquals(2, Cli.run("factors", "show", "no-such-thing").code());
    }

    @Test
    void libraryExampleRunsFromTheCli(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("run", EXAMPLE.toString(), "--out", dir.toString());
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("partial [1]"), cli.out());
        String json = Files.readString(dir.resolve("results.json"));
        assertTrue(json.contains("\"not_covered_by\""), json);
    }
}
