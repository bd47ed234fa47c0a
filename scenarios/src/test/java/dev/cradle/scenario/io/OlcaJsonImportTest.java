package dev.cradle.scenario.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.Amount;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Exchange;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-made database of {@link MiniDatabase}, imported in both schema generations and solved. */
class OlcaJsonImportTest {
    @TempDir
    Path dir;

    private static final FactorLibrary LIB = FactorLibrary.bundled();

    private DatabaseResults calc(boolean v2, ImportOptions options, String... methods) {
        Path zip = MiniDatabase.zip(dir, "mini.zip", MiniDatabase.files(v2), f -> f);
        Database db = Databases.read(zip.toString());
        assertEquals("openLCA JSON-LD (olca-schema " + (v2 ? "2.x" : "1.x") + ")", db.format());
        LinkedDatabase linked = DatabaseLinker.link(db, options);
        List<ImpactMethod> ms = java.util.Arrays.stream(methods).map(m -> LIB.method(m).orElseThrow()).toList();
        return DatabaseCalculator.calculate(linked, ms, new FlowMapping(LIB.flows().values()));
    }

    private static double methaneFactor() {
        return LIB.method("ipcc-ar6-gwp100").orElseThrow().categories().get(0).factors().stream()
                .filter(f -> f.flow().id().equals("ch4_fossil")).mapToDouble(CharacterisationFactor::value)
                .findFirst().orElseThrow(); // 29.8 in IPCC AR6
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void cumulativeClimateChangeMatchesTheHandCalculation(boolean v2) {
        DatabaseResults r = calc(v2, ImportOptions.defaults(), "ipcc-ar6-gwp100");
        int k = r.indicator("climate_change");
        // Per MJ of grid electricity g and per kg of steel s (diesel and CUTOFF water cut off); the grid's
        // 1 g of methane sits in the bare "Elementary Flows" category (compartment unspecified) and is
        // characterised as the library's only methane emission (fossil, air), m = 0.001 kg × 29.8:
        //   g = (0.5 kg CO2 + m + 0.01 kg steel × s) / 3.6 MJ   (1 kWh = 3.6 MJ; 500 g = 0.5 kg)
        //   s = 1.8 + 2 kWh × 3.6 MJ/kWh × g = 1.8 + 7.2 g
        //   ⇒ s = (1.8 + 2 (0.5 + m)) / (1 − 0.02) = 2.9179591…, g = (0.5 + m + 0.01 s)/3.6 = 0.155477…
        double m = 0.001 * methaneFactor();
        double s = (1.8 + 2 * (0.5 + m)) / 0.98;
        double g = (0.5 + m + 0.01 * s) / 3.6;
        assertEquals(s, r.row(MiniDatabase.STEEL).values()[k], 1e-12);
        assertEquals(g, r.row(MiniDatabase.GRID).values()[k], 1e-12);
        // paper: −0.5 kg CO2 (negative amount kept) + 1 kWh = 3.6 MJ of grid: −0.5 + 3.6 g = 0.0285714…
        assertEquals(-0.5 + 3.6 * g, r.row(MiniDatabase.PAPER).values()[k], 1e-12);
        // refinery: no usable allocation, the whole 0.2 kg on gasoline
        assertEquals(0.2, r.row(MiniDatabase.REFINERY).values()[k], 1e-12);
        assertEquals("MJ", r.row(MiniDatabase.GRID).unit());
    }

    @org.junit.jupiter.api.Test
    void aFolderReadsLikeItsZip() throws Exception {
        Path folder = dir.resolve("export");
        for (var e : MiniDatabase.files(false).entrySet()) {
            Path f = folder.resolve(e.getKey());
            java.nio.file.Files.createDirectories(f.getParent());
            java.nio.file.Files.writeString(f, e.getValue());
        }
        FlowMapping mapping = new FlowMapping(LIB.flows().values());
        List<ImpactMethod> gwp = List.of(LIB.method("ipcc-ar6-gwp100").orElseThrow());
        DatabaseResults fromFolder = DatabaseCalculator.calculate(DatabaseLinker.link(Databases.read(folder.toString()),
                ImportOptions.defaults()), gwp, mapping);
        DatabaseResults fromZip = calc(false, ImportOptions.defaults(), "ipcc-ar6-gwp100");
        for (DatabaseResults.Row r : fromZip.rows()) {
            assertEquals(r.values()[0], fromFolder.row(r.processId()).values()[0], 0.0, r.name());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ambiguousProvidersFollowTheNamedPolicy(boolean v2) {
        DatabaseResults r = calc(v2, ImportOptions.defaults().withAmbiguous(ImportOptions.Ambiguity.FIRST_BY_ID),
                "ipcc-ar6-gwp100");
        int k = r.indicator("climate_change");
        // diesel A (…0003 sorts before …0004) adds 0.1 kg × 3 kg CO2/kg: s = (1.8 + 2 (0.5 + m) + 0.3)/0.98
        double s = (1.8 + 2 * (0.5 + 0.001 * methaneFactor()) + 0.3) / 0.98;
        assertEquals(s, r.row(MiniDatabase.STEEL).values()[k], 1e-12);
        LinkingReport report = r.linked().report();
        assertEquals(1, report.ambiguous().size());
        assertEquals(List.of(MiniDatabase.DIESEL_A, MiniDatabase.DIESEL_B), report.ambiguous().get(0).candidates());
        assertTrue(report.ambiguous().get(0).resolution().startsWith("linked to " + MiniDatabase.DIESEL_A));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyCutOffAndEveryAllocationIsInTheReport(boolean v2) {
        LinkingReport report = calc(v2, ImportOptions.defaults(), "ipcc-ar6-gwp100").linked().report();
        assertEquals(1, report.ambiguous().size(), "steel's diesel has two providers");
        assertEquals("cut off", report.ambiguous().get(0).resolution());
        // missing: steel's CUTOFF water (declared) and paper's residual fuel oil (only a co-product)
        assertEquals(2, report.missing().size());
        assertEquals(1, report.declaredCutOffs());
        assertEquals(3, report.cutOffs());
        assertEquals(3, report.linkedUnique(), "grid←steel, steel←grid, paper←grid");
        assertEquals(0, report.linkedByDefault(), "the database names no default provider");
        assertEquals(1, report.allocation().size());
        assertTrue(report.allocation().get(0).contains("unusable"), report.allocation().get(0));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void formulasParametersUncertaintyAndCompartmentsAreCarried(boolean v2) {
        Path zip = MiniDatabase.zip(dir, "mini.zip", MiniDatabase.files(v2), f -> f);
        LinkedDatabase linked = DatabaseLinker.link(Databases.read(zip.toString()), ImportOptions.defaults());
        Process steel = linked.processes().stream().filter(p -> p.id().equals(MiniDatabase.STEEL)).findFirst().orElseThrow();
        Exchange co2 = steel.exchanges().stream().filter(e -> e.flow().id().equals("co2")).findFirst().orElseThrow();
        assertEquals(new Amount.Formula("if(mode==1, co2_base, 0)"), co2.amount());
        assertEquals(List.of("co2_base", "mode"), steel.parameters().stream().map(p -> p.name()).toList());
        assertEquals(List.of("grid_loss"), linked.globalParameters().stream().map(p -> p.name()).toList());
        Process grid = linked.processes().stream().filter(p -> p.id().equals(MiniDatabase.GRID)).findFirst().orElseThrow();
        Exchange gridCo2 = grid.exchanges().stream().filter(e -> e.flow().id().equals("co2")).findFirst().orElseThrow();
        // 500 g with geometric mean 500 g, gsd 1.2 → 0.5 kg, gsd 1.2
        assertEquals(0.5, ((Amount.Constant) gridCo2.amount()).value(), 1e-15);
        Uncertainty.LogNormal u = assertInstanceOf(Uncertainty.LogNormal.class, gridCo2.uncertainty());
        assertEquals(0.5, u.geometricMean(), 1e-15);
        assertEquals(1.2, u.geometricSd(), 0);
        Exchange ch4 = grid.exchanges().stream().filter(e -> e.flow().id().equals("ch4")).findFirst().orElseThrow();
        assertEquals(Compartment.UNSPECIFIED, ch4.flow().compartment());
        assertEquals("Elementary Flows", ch4.flow().subCompartment());
        assertEquals(Compartment.AIR, gridCo2.flow().compartment());
        assertEquals("air/unspecified", gridCo2.flow().subCompartment());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resourcesAreCharacterisedWithTheirSignAndUnspecifiedFlowsAreReported(boolean v2) {
        DatabaseResults r = calc(v2, ImportOptions.defaults(), "cml-ia-adp", "ipcc-ar6-gwp100");
        ImpactMethod adp = LIB.method("cml-ia-adp").orElseThrow();
        double coal = adp.categories().stream().filter(c -> c.id().equals("adp_fossil")).findFirst().orElseThrow()
                .factors().stream().filter(f -> f.flow().id().equals("hard_coal_in_ground"))
                .mapToDouble(CharacterisationFactor::value).findFirst().orElseThrow();
        assertTrue(coal > 0);
        // paper takes 0.4 kg of hard coal from the ground (an input, a resource): + 0.4 × factor, not −
        assertEquals(0.4 * coal, r.row(MiniDatabase.PAPER).values()[r.indicator("adp_fossil")], 1e-12 * coal);
        FlowMapping.MatchReport gwp = r.matches().stream().filter(m -> m.indicator().endsWith("climate_change"))
                .findFirst().orElseThrow();
        assertEquals(java.util.Map.of("name", 1, "name, compartment unspecified", 1), gwp.matched(),
                "CO2 by name and compartment; methane by name, its compartment unspecified");
        assertEquals(List.of("Coal, hard, unspecified, in ground [resource/in ground]"), gwp.unmatched());
        assertEquals(List.of(), gwp.suspects());
        assertNotNull(r.solver());
    }
}
