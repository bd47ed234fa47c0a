package dev.cradle.engine.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.RegionGrid;
import dev.cradle.engine.ai.Declarations.TransportLeg;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Expression;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.MlPhase;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import dev.cradle.model.data.DevicePower;
import dev.cradle.model.data.EwasteTreatment;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.InMemoryReferenceData;
import dev.cradle.model.data.ReferenceData;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * An AI study compiled through the rules with a user's own reference data (no factor library): a
 * datacenter on grid XX, four devices of archetype gpu-x, one training workload.
 */
class OwnReferenceDataTest {
    static final ReferenceData LAB = lab(0.4, 250);

    /** The test lab's data with grid XX at {@code gridKgPerKwh} and gpu-x averaging {@code averageW}. */
    static ReferenceData lab(double gridKgPerKwh, double averageW) {
        return InMemoryReferenceData.builder("test-lab")
                .grid("XX", gridKgPerKwh)                               // kg CO2-eq/kWh
                .device("gpu-x", 200, new DevicePower(500, averageW))   // kg CO2-eq per device; TDP 500 W, average W
                .freight("air", 1.0)                                    // kg CO2-eq/t·km
                .endOfLife(0.25, new EwasteTreatment(0.02, 0.1))        // world rate; kg CO2-eq/kg recycled, landfilled
                .water("XX", 10)                                        // m3 world-eq/m3
                .datacenterBuilding(100_000, 20)                        // kg CO2-eq per MW; years
                .method(new ImpactMethod("climate", "Climate", List.of(new ImpactCategory(ImpactCategories.CLIMATE,
                        "Climate change", Units.indicator("kg CO2-eq"),
                        List.of(CharacterisationFactor.of(InMemoryReferenceData.CO2E, 1))))))
                .method(new ImpactMethod("water", "Water", List.of(
                        new ImpactCategory(ImpactCategories.WATER, "Water consumption", Units.indicator("m3"),
                                List.of(CharacterisationFactor.of(InMemoryReferenceData.waterConsumed("XX"), 1))),
                        new ImpactCategory(ImpactCategories.WATER_SCARCITY, "Water scarcity", Units.indicator("m3 world-eq"),
                                List.of(CharacterisationFactor.of(InMemoryReferenceData.waterConsumed("XX"), 10))))))
                .build();
    }

    static AiScenario study(String grid, String archetype) {
        Datacenter dc = new Datacenter("dc", "dc", new RegionGrid(grid), "XX", n(1.5), n(0.5), n(2), null, n(0.5),
                List.of(new Infrastructure("building", "Building", null, n(10), n(100_000),
                        new AllocationRule.ByReservedCapacity(), "test")), n(0.5), n(1000), "test");
        Hardware hw = new Hardware("gpus", "4 gpu-x", archetype, Map.of(), Map.of(), n(4), n(10_000), n(0.8), "dc", null,
                null, null, null, n(3), List.of(new TransportLeg("air", n(500))), null, new AllocationRule.ByDeviceHours(),
                "test");
        Workload w = new Workload("train", "m", MlPhase.TRAINING, "gpus", new Declarations.DeviceHours(n(800)), null, n(1),
                n(0), n(0), null, "test");
        return new AiScenario(List.of(dc), List.of(hw), List.of(new Model("m", "m", n(0), n(0), null, "", null, "test")),
                List.of(w), new AiFunctionalUnit(FunctionalUnitKind.STUDY, "", n(1), "test"));
    }

    private static Expression n(double v) {
        return Declarations.number(v);
    }

    // use: 800 device-h × 250 W (the archetype's average, no power declared) = 200 kWh IT;
    //      × PUE 1.5 = 300 kWh × 0.4 kg/kWh = 120 kg (market: renewable share 0.5 → 0.2 kg/kWh → 60 kg)
    static final double USE = 120;
    // embodied: devices carried = 800 device-h / (10,000 h × 0.8) = 0.1; 0.1 × 200 kg = 20 kg
    static final double EMBODIED = 20;
    // transport: 0.1 × 0.003 t × 500 km × 1.0 kg/t·km = 0.15 kg
    static final double TRANSPORT = 0.15;
    // end of life: 0.1 × 3 kg × (0.25 × 0.02 + 0.75 × 0.1) = 0.1 × 3 × 0.08 = 0.024 kg (world recycling rate)
    static final double END_OF_LIFE = 0.024;
    // building: 100,000 kg/MW × 10 MW = 1e6 kg; × 0.5 MW / 10 MW × 1,000 h / 100,000 h = 500 kg, all to 'train'
    static final double BUILDING = 500;

    @Test
    void aStudyOnOwnDataGivesTheHandCalculation() {
        AiStudy ai = Cradle.aiCompiler(LAB).compile(study("XX", "gpu-x"));
        ProductSystem sys = new ProductSystem("own", ai.processes(), ai.functionalUnit(), ai.parameters(),
                LAB.defaultMethods(), null);
        CompiledSystem c = Cradle.compile(sys);
        LcaResult location = Cradle.calculator().calculate(c);
        LcaResult market = Cradle.calculator().calculate(c, ai.marketBasedParameters(c));
        int k = location.indicatorRow("climate/climate_change");
        assertEquals(USE + EMBODIED + TRANSPORT + END_OF_LIFE + BUILDING, location.impacts()[k], 1e-9); // 640.174
        assertEquals(USE / 2 + EMBODIED + TRANSPORT + END_OF_LIFE + BUILDING, market.impacts()[k], 1e-9); // 580.174
        var stages = location.byStage(k).values();
        assertEquals(USE, stages.get("use"), 1e-9);
        assertEquals(EMBODIED + BUILDING, stages.get("manufacturing"), 1e-9);
        assertEquals(TRANSPORT, stages.get("transport"), 1e-12);
        assertEquals(END_OF_LIFE, stages.get("end of life"), 1e-12);
        // water: 200 kWh × 0.5 L on-site + 300 kWh × 2 L off-site = 700 L = 0.7 m3 of water_consumed_xx;
        // scarcity 0.7 m3 × 10 = 7 m3 world-eq
        assertEquals(0.7, location.impact("water/water_consumption"), 1e-12);
        assertEquals(7, location.impact("water/water_scarcity"), 1e-12);
        // the traces name the data the figures came from
        assertTrue(ai.traces().stream().flatMap(t -> t.lines().stream())
                .anyMatch(l -> l.contains("0.4 kg CO2-eq/kWh from grid:XX (test-lab)")), "grid source in trace");
        assertTrue(ai.traces().stream().flatMap(t -> t.lines().stream())
                .anyMatch(l -> l.contains("archetype device:gpu-x (cradle-to-gate, test-lab)")), "archetype in trace");
    }

    /** The use stage is device-hours × the data's average power × PUE × the data's grid intensity, whatever they are. */
    @Property(tries = 50)
    void theUseStageFollowsTheDataItIsGiven(@ForAll @DoubleRange(min = 0, max = 2) double gridKgPerKwh,
                                            @ForAll @DoubleRange(min = 1, max = 1500) double averageW) {
        ReferenceData data = lab(gridKgPerKwh, averageW);
        AiStudy ai = Cradle.aiCompiler(data).compile(study("XX", "gpu-x"));
        CompiledSystem c = Cradle.compile(new ProductSystem("own", ai.processes(), ai.functionalUnit(), ai.parameters(),
                data.defaultMethods(), null));
        LcaResult r = Cradle.calculator().calculate(c);
        double expected = 800 * averageW / 1000 * 1.5 * gridKgPerKwh;
        assertEquals(expected, r.byStage(r.indicatorRow("climate/climate_change")).values().getOrDefault("use", 0.0),
                1e-9 * Math.max(1, expected));
    }

    @Test
    void lookupsMissingFromOwnDataAreNamed() {
        ModelException grid = assertThrows(ModelException.class, () -> Cradle.aiCompiler(LAB).compile(study("FR", "gpu-x")));
        assertTrue(grid.getMessage().contains("no grid 'FR' in test-lab (its grids: XX)"), grid.getMessage());
        ModelException device = assertThrows(ModelException.class,
                () -> Cradle.aiCompiler(LAB).compile(study("XX", "nvidia-h100-sxm")));
        // an archetype the data lacks has no power either: the energy rule (before the embodied one) says so
        assertTrue(device.getMessage().contains("use an archetype with a known power"), device.getMessage());
    }

    @Test
    void dataWithoutABuildingFigureAsksForTheInfrastructuresEmbodiedEmissions() {
        ReferenceData noBuilding = InMemoryReferenceData.builder("bare").grid("XX", 0.4)
                .device("gpu-x", 200, new DevicePower(500, 250)).freight("air", 1.0).build();
        ModelException e = assertThrows(ModelException.class, () -> Cradle.aiCompiler(noBuilding).compile(study("XX", "gpu-x")));
        assertTrue(e.getMessage().contains("infrastructure 'building' gives no embodied emissions and the reference data "
                + "has no datacenter building figure per MW"), e.getMessage());
    }

    @Test
    void badFiguresAreRefusedWhenTheDataIsBuilt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> InMemoryReferenceData.builder("x").grid("XX", -0.1));
        assertEquals("grid XX must be a finite, non-negative number, not -0.1", e.getMessage());
        var r = assertThrows(IllegalArgumentException.class,
                () -> InMemoryReferenceData.builder("x").recyclingRate("world", 1.5));
        assertEquals("recycling rate of world must lie in 0..1, not 1.5", r.getMessage());
    }

    @Test
    void waterFallsBackFromRegionToCountryToGlobal() {
        assertEquals("country", LAB.waterLocation("XX").level());
        var region = LAB.waterLocation("XX-north");
        assertEquals(List.of("country", "water_consumed_xx", 10.0),
                List.of(region.level(), region.flow().id(), region.awareFactor()));
        assertTrue(region.note().contains("'XX-NORTH'"), region.note());
        var unknown = LAB.waterLocation("YY");
        assertEquals(List.of("global", "water_consumed", 1.0),
                List.of(unknown.level(), unknown.flow().id(), unknown.awareFactor()));
    }
}
