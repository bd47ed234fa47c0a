package dev.cradle.scenario.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.ai.AllocationRule;
import dev.cradle.engine.ai.Declarations;
import dev.cradle.engine.ai.build.DeclarationException;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.MlPhase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A study built through the Java API against the same study read from its scenario file. */
class AiStudyBuilderTest {
    static final Path EXAMPLE = Path.of("examples/two-models-shared-cluster.yaml");

    /** examples/two-models-shared-cluster.yaml, written with the builders, value for value. */
    static AiStudyBuilder twoModels() {
        return Cradle.aiStudy("Two models sharing one datacenter and one GPU cluster")
                .datacenter(Declarations.datacenter("dc-iowa").name("Council Bluffs, Iowa")
                        .grid("gcp/us-central1@mlco2").country("US").pue(1.11)
                        .wueOnsite(0.55, "L/kWh").offsiteWater(3.142, "L/kWh")
                        .marketIntensity(80, "g/kWh")
                        .tenancy(0.05, "MW", 30, "d")
                        .infrastructure(Declarations.infrastructure("building").name("Building and shell")
                                .capacity(10, "MW").lifetime(30, "years"))
                        .infrastructure(Declarations.infrastructure("cooling").name("Cooling plant")
                                .embodied(800, "t").capacity(10, "MW").lifetime(15, "years")
                                .allocation(new AllocationRule.ByEnergy())))
                .hardware(Declarations.hardware("a100-cluster").name("64 x NVIDIA A100 80GB")
                        .archetype("nvidia-a100-80gb").count(64).datacenter("dc-iowa")
                        .lifetime(6, "years").utilisation(0.85).power(400, "W").idlePower(50, "W")
                        .period(30, "d").mass(1.7, "kg")
                        .transport("sea", 19000, "km").transport("road", 1000, "km")
                        .recyclingRate(0.223))
                .model(Declarations.model("chat-7b").name("Chat assistant, 7B parameters").serviceLife(1, "year"))
                .model(Declarations.model("code-3b").name("Code model, 3B parameters"))
                .workload(Declarations.workload("chat-training").model("chat-7b").phase(MlPhase.TRAINING)
                        .hardware("a100-cluster").flops(8.4e21, 312e12, 0.4).devices(64).runs(1.5))
                .workload(Declarations.workload("chat-serving").model("chat-7b").phase(MlPhase.INFERENCE)
                        .hardware("a100-cluster").energyPerQuery(3.0, "Wh").queries(2_000_000).tokens(800_000_000)
                        .devices(8).deployment(30, "d"))
                .workload(Declarations.workload("code-training").model("code-3b").phase(MlPhase.TRAINING)
                        .hardware("a100-cluster").deviceHours(10_000));
    }

    @Test
    void aBuilderMadeStudyEqualsTheYamlMadeOne() {
        StudyResult yaml = Cradle.run(EXAMPLE);
        StudyResult built = Cradle.evaluate(twoModels().build());
        assertSame(yaml.locationBased(), built.locationBased());
        assertSame(yaml.marketBased(), built.marketBased());
        assertTrue(built.impact("climate_change") > 0);
    }

    /** The same study with its numbers given as parameters and formulas over them. */
    @Test
    void fieldsGivenAsConstantFormulasGiveTheSameResult() {
        StudyResult yaml = Cradle.run(EXAMPLE);
        StudyResult built = Cradle.evaluate(twoModels()
                .workload(Declarations.workload("extra").model("code-3b").phase(MlPhase.DATA)
                        .hardware("a100-cluster").deviceHours("0.5 * 2"))
                .build());
        // one extra device-hour of data work adds to the total: the result moves, and stays positive
        assertTrue(built.impact("climate_change") > yaml.impact("climate_change"));
    }

    private static void assertSame(LcaResult expected, LcaResult actual) {
        assertSameImpacts(expected, actual);
        assertEquals(expected.techIndex().size(), actual.techIndex().size());
    }

    /** Every indicator to 1e-12 (relative); the systems may differ by the processes of further units. */
    private static void assertSameImpacts(LcaResult expected, LcaResult actual) {
        assertEquals(expected.impactIndex().size(), actual.impactIndex().size());
        for (int k = 0; k < expected.impactIndex().size(); k++) {
            String id = expected.impactIndex().at(k).key();
            double e = expected.impact(id);
            assertEquals(e, actual.impact(id), 1e-12 * Math.max(1, Math.abs(e)), id);
        }
    }

    @Test
    void defaultsAreThoseOfTheReader() {
        var dc = Declarations.datacenter("dc").grid("FR").build();
        assertEquals("dc", dc.name());
        assertEquals("FR", dc.country());
        assertEquals(1.0, Declarations.literal(dc.pue()));
        assertEquals(0.0, Declarations.literal(dc.wueOnsite()));
        assertTrue(Double.isNaN(Declarations.literal(dc.marketKgPerKwh())));
        assertEquals("", Declarations.datacenter("dc").grid("gcp/us-central1").build().country());

        var hw = Declarations.hardware("gpus").archetype("nvidia-a100-80gb").datacenter("dc").lifetime(5, "years").build();
        assertEquals(1.0, Declarations.literal(hw.count()));
        assertEquals(1.0, Declarations.literal(hw.utilisation()));
        assertEquals(5 * 8760.0, Declarations.literal(hw.lifetimeH()));
        assertTrue(Double.isNaN(Declarations.literal(hw.powerW())));
        assertEquals("by_device_hours", hw.idleRule().key());

        var w = Declarations.workload("w").model("m").phase(MlPhase.INFERENCE).hardware("gpus")
                .energyPerQuery(2, "Wh").queries(1000).deployment(10, "h").build(
                        Declarations.hardware("gpus").archetype("nvidia-a100-80gb").count(4).datacenter("dc")
                                .lifetimeHours(1000).build());
        assertEquals(1.0, Declarations.literal(w.runs()));
        var perQuery = (Declarations.PerQuery) w.energy();
        assertEquals(0.002, Declarations.literal(perQuery.kwhPerQuery()), 1e-18); // 2 Wh = 0.002 kWh
        assertEquals(40.0, Declarations.literal(perQuery.deviceHours()));        // 4 devices (the count) × 10 h
        assertEquals(10.0, Declarations.literal(w.periodH()));                   // the deployment's period

        var m = Declarations.model("m").build();
        assertEquals(0.0, Declarations.literal(m.amortiseOverQueries()));
        assertTrue(Double.isNaN(Declarations.literal(m.serviceLifeYears())));
    }

    @Test
    void unitsAndFormulasBecomeTreesInTheReferenceUnit() {
        var hw = Declarations.hardware("gpus").archetype("a").datacenter("dc").lifetime(5, "years")
                .power("gpu_w", "kW").build();
        // gpu_w in kW, the field in W: the tree is gpu_w × 1000
        assertEquals("gpu_w * 1000.0", hw.powerW().text());
        var dc = Declarations.datacenter("dc").gridIntensity(429, "g/kWh").build();
        assertEquals(0.429, Declarations.literal(((Declarations.ExplicitGrid) dc.grid()).kgPerKwh()), 1e-15);
        // a formula that reads no parameter is folded to its number: 1 + 0.1 × 2 = 1.2
        assertEquals(1.2, Declarations.literal(Declarations.datacenter("d").grid("FR").pue("1 + 0.1 * 2").build()
                .pue()), 1e-15);
    }

    @Test
    void validationNamesTheDeclarationFieldAndValue() {
        DeclarationException e = assertThrows(DeclarationException.class, () -> Declarations.hardware("gpus")
                .datacenter("dc").lifetime(5, "years").utilisation(1.5).count(0).build());
        assertEquals(java.util.List.of(
                "hardware 'gpus': needs an archetype from the factor library, embodied figures, an inventory or its components",
                "hardware 'gpus': 'count' is 0.0; it must be a whole number of 1 or more",
                "hardware 'gpus': 'utilisation' is 1.5; it must be greater than 0 and at most 1"), e.problems());

        e = assertThrows(DeclarationException.class, () -> Declarations.hardware("gpus").power(400, "kg"));
        assertEquals("'power' is power; 'kg' is a unit of mass (use e.g. 'W')", e.getMessage());

        e = assertThrows(DeclarationException.class, () -> Declarations.workload("w").model("m")
                .phase(MlPhase.TRAINING).hardware("gpus").deviceHours(10).energyPerQuery(1, "Wh").build());
        assertTrue(e.getMessage().contains("gives 2 ways to know its energy (device_hours, energy_per_query)"),
                e.getMessage());

        e = assertThrows(DeclarationException.class, () -> Declarations.datacenter("dc").pue(0.9).build());
        assertEquals(java.util.List.of(
                "datacenter 'dc': needs a grid: grid(\"FR\"), gridMix(...) or gridIntensity(429, \"g/kWh\")",
                "datacenter 'dc': 'pue' is 0.9; it must be 1 or more"), e.problems());
    }

    @Test
    void aStudyOnTheAnalystsOwnReferenceData() {
        var data = dev.cradle.model.data.InMemoryReferenceData.builder("my lab")
                .grid("XX", 0.4)                                                     // kg CO2-eq/kWh
                .device("gpu-x", 200, new dev.cradle.model.data.DevicePower(500, 250)) // kg per device; TDP, average W
                .method(new dev.cradle.model.ImpactMethod("climate", "Climate", java.util.List.of(
                        new dev.cradle.model.ImpactCategory("climate_change", "Climate change",
                                dev.cradle.model.Units.indicator("kg CO2-eq"), java.util.List.of(
                                dev.cradle.model.CharacterisationFactor.of(
                                        dev.cradle.model.data.InMemoryReferenceData.CO2E, 1))))))
                .build();
        StudyResult r = Cradle.evaluate(Cradle.aiStudy("own data", data)
                .datacenter(Declarations.datacenter("dc").grid("XX").pue(1.5))
                .hardware(Declarations.hardware("gpus").archetype("gpu-x").count(4).datacenter("dc")
                        .lifetimeHours(10_000).utilisation(0.8))
                .model(Declarations.model("m"))
                .workload(Declarations.workload("train").model("m").phase(MlPhase.TRAINING).hardware("gpus")
                        .deviceHours(800))
                .method("climate")
                .build());
        // use: 800 device-h × 0.25 kW (the data's average power) × PUE 1.5 × 0.4 kg/kWh = 120 kg;
        // embodied: 200 kg × 800 device-h / (10,000 h × 0.8) = 20 kg; total 140 kg CO2-eq
        assertEquals(140, r.impact("climate_change"), 1e-9);
        DeclarationException e = assertThrows(DeclarationException.class, () -> Cradle.aiStudy("s", data)
                .datacenter(Declarations.datacenter("dc").grid("YY"))
                .hardware(Declarations.hardware("gpus").archetype("gpu-y").datacenter("dc").lifetimeHours(10))
                .model(Declarations.model("m"))
                .workload(Declarations.workload("w").model("m").phase(MlPhase.TRAINING).hardware("gpus")
                        .deviceHours(1))
                .build());
        assertTrue(e.problems().get(0).startsWith("datacenter 'dc': unknown grid 'YY'"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("hardware 'gpus': unknown device archetype 'gpu-y'"), e.getMessage());
    }

    @Test
    void severalFunctionalUnitsFromOneStudyEqualEachComputedAlone() {
        var Q = Declarations.FunctionalUnitKind.QUERY;
        var S = Declarations.FunctionalUnitKind.STUDY;
        StudyResult both = Cradle.evaluate(twoModels().functionalUnit(S, "", 1).functionalUnit(Q, "chat-7b", 1000)
                .build());
        assertEquals(java.util.List.of("study", "query:chat-7b"), both.units().stream().map(u -> u.id()).toList());
        StudyResult perQuery = Cradle.evaluate(twoModels().functionalUnit(Q, "chat-7b", 1000).build());
        StudyResult study = Cradle.run(EXAMPLE);
        assertSameImpacts(study.locationBased(), both.unit("study").location());
        assertSameImpacts(perQuery.locationBased(), both.unit("query:chat-7b").location());
        assertSameImpacts(perQuery.marketBased(), both.unit("query:chat-7b").market());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> both.unit("query:chat7b"));
        assertTrue(e.getMessage().startsWith("no functional unit 'query:chat7b'; did you mean 'query:chat-7b'?"),
                e.getMessage());
    }

    @Test
    void theStudyChecksReferencesWithSuggestions() {
        DeclarationException e = assertThrows(DeclarationException.class, () -> Cradle.aiStudy("s")
                .datacenter(Declarations.datacenter("dc").grid("FR"))
                .hardware(Declarations.hardware("gpus").archetype("nvidia-a100-80gb").datacenter("dc")
                        .lifetime(5, "years"))
                .model(Declarations.model("m"))
                .workload(Declarations.workload("w").model("m").phase(MlPhase.TRAINING).hardware("gpu")
                        .deviceHours(100))
                .build());
        assertEquals(java.util.List.of("workload 'w' runs on hardware 'gpu', which is not declared; did you mean "
                + "'gpus'?"), e.problems());
    }
}
