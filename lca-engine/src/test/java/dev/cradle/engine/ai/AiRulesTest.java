package dev.cradle.engine.ai;

import static dev.cradle.engine.ai.Declarations.number;
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
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.MlPhase;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.data.ImpactCategories;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every AI rule against a hand calculation. The study: one datacenter (explicit grid 0.5 kg/kWh,
 * market 0.1; PUE 1.2; 1 L/kWh on-site and 2 L/kWh off-site water; a 1,000 t building of 1 MW over
 * 10,000 h of which the tenancy holds 0.1 MW for 100 h); two devices of 100 kg CO2-eq each, 1,000 h
 * life at 50 % utilisation, 300 W, 2 kg, shipped 1,000 km by sea, 50 % recycled, idle at 50 W over a
 * 100 h period; model m1 trains for 60 device-hours, model m2 serves 1,000 queries at 1 Wh each on one
 * device for 100 h.
 */
class AiRulesTest {
    static final double NaN = Double.NaN;

    static AiScenario study(FunctionalUnitKind kind, String model, AllocationRule buildingRule) {
        Datacenter dc = new Datacenter("dc", "dc", new Declarations.ExplicitGrid(n(0.5)), "", n(1.2), n(1), n(2), n(0.1),
                null, List.of(new Infrastructure("building", "Building", n(1_000_000), n(1), n(10_000), buildingRule, "test")),
                n(0.1), n(100), "test");
        Hardware hw = new Hardware("gpus", "2 GPUs", "", Map.of(ImpactCategories.CLIMATE, n(100.0)), Map.of(), n(2), n(1000),
                n(0.5), "dc", n(300), n(50), null, n(100), n(2), List.of(new Declarations.TransportLeg("sea", n(1000))), n(0.5),
                new AllocationRule.ByDeviceHours(), "test");
        Workload w1 = new Workload("w1", "m1", MlPhase.TRAINING, "gpus", new Declarations.DeviceHours(n(60)), null, n(1),
                n(0), n(0), null, "test");
        Workload w2 = new Workload("w2", "m2", MlPhase.INFERENCE, "gpus", new Declarations.PerQuery(n(0.001), n(100)), null,
                n(1), n(1000), n(0), n(100), "test");
        return new AiScenario(List.of(dc), List.of(hw),
                List.of(new Model("m1", "m1", n(0), n(0), null, "", null, "test"),
                        new Model("m2", "m2", n(0), n(0), null, "", null, "test")),
                List.of(w1, w2), new AiFunctionalUnit(kind, model, n(1), "test"));
    }

    record Run(AiStudy ai, CompiledSystem compiled, LcaResult location, LcaResult market) {
    }

    static Run run(AiScenario scenario) {
        AiStudy ai = Cradle.aiCompiler(BundledFigures.DATA).compile(scenario);
        ProductSystem sys = new ProductSystem("ai", ai.processes(), ai.functionalUnit(), ai.parameters(),
                BundledFigures.DATA.defaultMethods(), null);
        CompiledSystem c = Cradle.compile(sys);
        return new Run(ai, c, Cradle.calculator().calculate(c),
                Cradle.calculator().calculate(c, ai.marketBasedParameters(c)));
    }

    // w1: IT 60 dh × 300 W = 18 kWh, × 1.2 = 21.6 kWh × 0.5 = 10.8 kg; water 18 × 1 + 21.6 × 2 = 61.2 L
    // w2: IT 1,000 × 1 Wh = 1 kWh, × 1.2 = 1.2 kWh × 0.5 = 0.6 kg; water 1 + 2.4 = 3.4 L
    static final double USE_1 = 10.8;
    static final double USE_2 = 0.6;
    // embodied 100 kg / (1,000 h × 0.5) = 0.2 kg per device-hour: w1 12 kg, w2 20 kg
    static final double EMB_1 = 12;
    static final double EMB_2 = 20;
    // transport per device 0.002 t × 1,000 km × 0.01977 = 0.03954 kg; per device-hour / 500
    static final double TR_1 = 60.0 / 500 * 0.03954;
    static final double TR_2 = 100.0 / 500 * 0.03954;
    // end of life per device 2 kg × (0.5 × 0.00468568 + 0.5 × 0.00898311) = 0.01366879 kg
    static final double EOL_1 = 60.0 / 500 * 0.01366879;
    static final double EOL_2 = 100.0 / 500 * 0.01366879;
    // idle: (2 × 100 h − 160 busy dh) × 50 W = 2 kWh × 1.2 × 0.5 = 1.2 kg, by device-hours 60:100
    static final double IDLE_1 = 1.2 * 60 / 160;
    static final double IDLE_2 = 1.2 * 100 / 160;
    // building: 1e6 kg × 0.1 MW / 1 MW × 100 h / 10,000 h = 1,000 kg, by reserved MW·h 60 × 300 : 100 × 300
    static final double BLD_1 = 1000 * 60.0 / 160;
    static final double BLD_2 = 1000 * 100.0 / 160;

    @Test
    void wholeStudyLocationAndMarketBased() {
        Run r = run(study(FunctionalUnitKind.STUDY, "", new AllocationRule.ByReservedCapacity()));
        double m1 = USE_1 + EMB_1 + TR_1 + EOL_1 + IDLE_1 + BLD_1;
        double m2 = USE_2 + EMB_2 + TR_2 + EOL_2 + IDLE_2 + BLD_2;
        int k = r.location().indicatorRow("ipcc-ar6-gwp100/climate_change");
        assertEquals(m1 + m2, r.location().impacts()[k], 1e-9);
        assertEquals(m1, r.location().byTag(k, "model").values().get("m1"), 1e-9);
        assertEquals(m2, r.location().byTag(k, "model").values().get("m2"), 1e-9);
        // market-based: electricity (21.6 + 1.2 + 2 × 1.2 kWh = 25.2 kWh) at 0.1 instead of 0.5 → −10.08 kg
        assertEquals(m1 + m2 - 25.2 * 0.4, r.market().impacts()[k], 1e-9);
        // stages: use = electricity + idle; manufacturing = embodied + building; transport; end of life
        var stages = r.location().byStage(k).values();
        assertEquals(USE_1 + USE_2 + 1.2, stages.get("use"), 1e-9);
        assertEquals(EMB_1 + EMB_2 + 1000, stages.get("manufacturing"), 1e-9);
        assertEquals(TR_1 + TR_2, stages.get("transport"), 1e-12);
        assertEquals(EOL_1 + EOL_2, stages.get("end of life"), 1e-12);
        // phases: everything of w1 is training, of w2 inference
        assertEquals(m1, r.location().byPhase(k).values().get("training"), 1e-9);
        assertEquals(m2, r.location().byPhase(k).values().get("inference"), 1e-9);
        // water: 61.2 + 3.4 + idle (2 × 1 + 2.4 × 2 = 6.8) L = 71.4 L
        assertEquals(0.0714, r.location().impact("water_consumption"), 1e-12);
    }

    @Test
    void allocationRecordsCarryTheirShares() {
        Run r = run(study(FunctionalUnitKind.STUDY, "", new AllocationRule.Equal()));
        AllocationRecord building = r.ai().allocations().stream().filter(a -> a.cost().equals("dc/building"))
                .findFirst().orElseThrow();
        assertEquals(1000, building.amount(), 1e-9);
        assertEquals(Map.of("w1", 0.5, "w2", 0.5), building.shares());
        AllocationRecord idle = r.ai().allocations().stream().filter(a -> a.cost().equals("idle:gpus")).findFirst()
                .orElseThrow();
        assertEquals(2, idle.amount(), 1e-12);
        assertEquals(0.375, idle.shares().get("w1"), 1e-12);
    }

    @Test
    void oneQueryAndOneTrainedModel() {
        // one query of m2: its run over 1,000 queries (m2 has no training)
        Run q = run(study(FunctionalUnitKind.QUERY, "m2", new AllocationRule.ByReservedCapacity()));
        double m2 = USE_2 + EMB_2 + TR_2 + EOL_2 + IDLE_2 + BLD_2;
        assertEquals(m2 / 1000, q.location().impact("ipcc-ar6-gwp100/climate_change"), 1e-12);
        Run t = run(study(FunctionalUnitKind.TRAINED_MODEL, "m1", new AllocationRule.ByReservedCapacity()));
        assertEquals(USE_1 + EMB_1 + TR_1 + EOL_1 + IDLE_1 + BLD_1, t.location().impact("ipcc-ar6-gwp100/climate_change"),
                1e-9);
    }

    @Test
    void trainingIsAmortisedOverTheQueriesItServes() {
        // m1 trains (w1) and serves 1,000 queries (w2 reassigned to m1): per query = w2/1000 + w1/1000
        AiScenario s = study(FunctionalUnitKind.QUERY, "m1", new AllocationRule.ByReservedCapacity());
        var w2 = s.workloads().get(1);
        var moved = new Workload(w2.id(), "m1", w2.phase(), w2.hardware(), w2.energy(), w2.powerW(), w2.runs(), w2.queries(),
                w2.tokens(), w2.periodH(), w2.origin());
        Run r = run(new AiScenario(s.datacenters(), s.hardware(), s.models(), List.of(s.workloads().get(0), moved),
                s.functionalUnit()));
        double all = USE_1 + EMB_1 + TR_1 + EOL_1 + IDLE_1 + BLD_1 + USE_2 + EMB_2 + TR_2 + EOL_2 + IDLE_2 + BLD_2;
        assertEquals(all / 1000, r.location().impact("ipcc-ar6-gwp100/climate_change"), 1e-12);
        assertTrue(r.ai().allocations().stream().anyMatch(a -> a.cost().equals("training:m1")));
    }

    @Test
    void flopsRuleFollowsLlmCarbon() {
        // 3.6e18 FLOP / (2 devices × 1e14 FLOP/s × 0.5) / 3600 = 10 h → 20 device-hours × 300 W = 6 kWh
        AiScenario s = study(FunctionalUnitKind.TRAINED_MODEL, "m1", new AllocationRule.Equal());
        var w1 = s.workloads().get(0);
        var flops = new Workload("w1", "m1", MlPhase.TRAINING, "gpus", new Declarations.Flops(n(3.6e18), n(1e14), n(0.5), n(2)), null, n(1),
                n(0), n(0), null, "test");
        AiStudy ai = Cradle.aiCompiler(BundledFigures.DATA).compile(new AiScenario(s.datacenters(), s.hardware(), s.models(),
                List.of(flops, s.workloads().get(1)), s.functionalUnit()));
        assertTrue(ai.traces().stream().anyMatch(t -> t.lines().stream().anyMatch(l -> l.contains("= 10 h"))), "trace");
        assertTrue(ai.traces().stream().anyMatch(t -> t.lines().stream().anyMatch(l -> l.contains("= 6 kWh"))), "trace");
        assertEquals("w1", w1.id());
    }

    @Test
    void badAllocationsAreNamed() {
        AiScenario s = study(FunctionalUnitKind.STUDY, "", new AllocationRule.ByFlops());
        ModelException e = assertThrows(ModelException.class, () -> Cradle.aiCompiler(BundledFigures.DATA).compile(s));
        assertEquals("datacenter:dc", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("declares no FLOPs"), e.getMessage());
    }

    private static dev.cradle.model.Expression n(double v) {
        return number(v);
    }
}
