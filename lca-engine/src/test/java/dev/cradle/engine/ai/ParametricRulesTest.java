package dev.cradle.engine.ai;

import static dev.cradle.engine.ai.Declarations.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
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
import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Expression;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Parameter;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Uncertainty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules build trees over the global parameters: hand calculations at the central values and at a parameter
 * vector set through the compiled system. The study: a datacenter on an explicit 0.5 kg/kWh grid (market 0.1),
 * PUE 1.2, no water; two devices at {@code gpu_w} = 300 W, 1,000 h life at 50 % utilisation; workload w1 (model
 * m1) runs {@code dh} = 60 device-hours, w2 (model m2) 100; a 1,000 t building of 1 MW over 10,000 h of which the
 * tenancy holds 0.1 MW for 100 h: 1e6 kg × 0.1 × 100 / 10,000 = 1,000 kg.
 */
class ParametricRulesTest {
    static final String CLIMATE = "ipcc-ar6-gwp100/climate_change";

    static Expression var(String name) {
        return new Expression.Variable(name, 0);
    }

    static AiScenario study(String archetype, Declarations.Grid grid, AllocationRule buildingRule) {
        List<Infrastructure> infra = buildingRule == null ? List.of()
                : List.of(new Infrastructure("building", "Building", number(1_000_000), number(1), number(10_000), buildingRule,
                "test"));
        Datacenter dc = new Datacenter("dc", "dc", grid, "", number(1.2), number(0), number(0), number(0.1), null, infra,
                number(0.1), number(100), "test");
        Hardware hw = new Hardware("gpus", "2 GPUs", archetype, archetype.isEmpty() ? Map.of(dev.cradle.model.data.ImpactCategories.CLIMATE,
                number(100)) : Map.of(), Map.of(), number(2), number(1000), number(0.5), "dc", var("gpu_w"), null, null, null,
                null, List.of(), null, new AllocationRule.ByDeviceHours(), "test");
        Workload w1 = new Workload("w1", "m1", MlPhase.TRAINING, "gpus", new Declarations.DeviceHours(var("dh")), null,
                number(1), number(0), number(0), null, "test");
        Workload w2 = new Workload("w2", "m2", MlPhase.TRAINING, "gpus", new Declarations.DeviceHours(number(100)), null,
                number(1), number(0), number(0), null, "test");
        return new AiScenario(List.of(dc), List.of(hw), List.of(new Model("m1", "m1", number(0), number(0), null, "", null,
                "test"), new Model("m2", "m2", number(0), number(0), null, "", null, "test")), List.of(w1, w2),
                new AiFunctionalUnit(FunctionalUnitKind.STUDY, "", number(1), "test"));
    }

    static AiScenario study(AllocationRule buildingRule) {
        return study("", new Declarations.ExplicitGrid(number(0.5)), buildingRule);
    }

    record Run(AiStudy ai, CompiledSystem compiled) {
        /** The result with global parameter {@code name} set to {@code value} through the parameter vector. */
        LcaResult with(String name, double value) {
            return Cradle.calculator().calculate(compiled, vector(name, value));
        }

        double[] vector(String name, double value) {
            double[] p = compiled.parameters().constants();
            int slot = compiled.parameters().globalSlot(name);
            assertTrue(slot >= 0, name);
            p[slot] = value;
            compiled.parameters().evaluateInto(p);
            return p;
        }

        LcaResult central() {
            return Cradle.calculator().calculate(compiled);
        }
    }

    /** Compiles {@code s} as the loader does: the scenario's global parameters, then the rules' own. */
    static Run run(AiScenario s, Map<String, Double> parameters) {
        AiStudy ai = Cradle.aiCompiler(BundledFigures.WITH_RANGES).compile(s, parameters);
        List<Parameter> globals = new ArrayList<>();
        parameters.forEach((k, v) -> globals.add(Parameter.of(k, v)));
        globals.addAll(ai.parameters());
        ProductSystem sys = new ProductSystem("ai", ai.processes(), ai.functionalUnit(), globals,
                BundledFigures.WITH_RANGES.defaultMethods(), null);
        return new Run(ai, Cradle.compile(sys));
    }

    static Map<String, Double> params(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    static double stage(LcaResult r, String stage) {
        return r.byStage(r.indicatorRow(CLIMATE)).values().getOrDefault(stage, 0.0);
    }

    static double model(LcaResult r, String model) {
        return r.byTag(r.indicatorRow(CLIMATE), "model").values().get(model);
    }

    @Test
    void workloadEnergyIsATreeOverTheParameters() {
        Run r = run(study(null), params("dh", 60, "gpu_w", 300));
        Exchange use = r.ai().processes().stream().filter(p -> p.id().equals("workload:w1")).findFirst().orElseThrow()
                .exchanges().stream().filter(x -> x.flow().id().equals("co2e_aggregated")).findFirst().orElseThrow();
        Amount.Tree tree = assertInstanceOf(Amount.Tree.class, use.amount());
        assertEquals(java.util.Set.of("dh", "gpu_w", "grid_intensity_dc"), tree.expression().variables());
        // central: w1 60 dh × 300 W / 1000 = 18 kWh × 1.2 = 21.6 kWh × 0.5 = 10.8 kg; w2 100 × 0.3 = 30 kWh × 1.2 × 0.5 = 18 kg
        assertEquals(10.8 + 18, stage(r.central(), "use"), 1e-12);
        // dh = 100: w1 100 × 300 / 1000 = 30 kWh × 1.2 × 0.5 = 18 kg, and w2 18 kg
        assertEquals(36, stage(r.with("dh", 100), "use"), 1e-12);
        // gpu_w = 400: w1 60 × 0.4 = 24 kWh × 0.6 = 14.4 kg; w2 100 × 0.4 = 40 kWh × 0.6 = 24 kg
        assertEquals(38.4, stage(r.with("gpu_w", 400), "use"), 1e-12);
        // market-based at dh = 100: (30 + 30) kWh × 1.2 × 0.1 = 7.2 kg
        LcaResult market = Cradle.calculator().calculate(r.compiled(), r.ai().marketBasedParameters(r.compiled(),
                r.vector("dh", 100)));
        assertEquals(7.2, stage(market, "use"), 1e-12);
        // the activity data are reported at the central values
        assertEquals(18, r.ai().energy().get(0).itKwh(), 1e-12);
    }

    @Test
    void allocationSharesMoveWithTheParameters() {
        Run r = run(study(new AllocationRule.ByDeviceHours()), params("dh", 60, "gpu_w", 300));
        AllocationRecord building = r.ai().allocations().stream().filter(a -> a.cost().equals("dc/building")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("w1", 0.375, "w2", 0.625), building.shares()); // 60 / 160, 100 / 160
        // dh = 140: m1 carries use 140 × 0.3 kWh × 1.2 × 0.5 = 25.2 kg, embodied 100 kg / (1,000 h × 0.5) × 140 =
        // 28 kg, and the building 1,000 kg × 140 / (140 + 100) = 583.333… kg
        assertEquals(25.2 + 28 + 1000.0 * 140 / 240, model(r.with("dh", 140), "m1"), 1e-9);
        assertEquals(18 + 20 + 1000.0 * 100 / 240, model(r.with("dh", 140), "m2"), 1e-9);
    }

    @Test
    void aFormulaAllocationRuleIsSubstitutedWithEachWorkloadsTrees() {
        Run r = run(study(new AllocationRule.Formula("device_hours * device_hours")), params("dh", 60, "gpu_w", 300));
        // central: weights 60² = 3,600 and 100² = 10,000: w1 carries 1,000 × 3,600 / 13,600 kg of the building
        // m1 = use 10.8 kg + embodied 0.2 kg/dh × 60 = 12 kg + building 1,000 × 3,600 / 13,600 kg
        assertEquals(10.8 + 12 + 1000.0 * 3600 / 13600, model(r.central(), "m1"), 1e-9);
        // dh = 140: weights 19,600 and 10,000; m1's share 19,600 / 29,600 of 1,000 kg, + use 25.2 + embodied 28
        assertEquals(25.2 + 28 + 1000.0 * 19600 / 29600, model(r.with("dh", 140), "m1"), 1e-9);
    }

    @Test
    void anArchetypesEmbodiedRangeIsANamedLibraryParameter() {
        Run r = run(study("nvidia-h100-sxm", new Declarations.ExplicitGrid(number(0.5)), null), params("dh", 60, "gpu_w", 300));
        Parameter p = r.ai().parameters().stream().filter(x -> x.name().equals("hardware.gpus.embodied_gwp")).findFirst()
                .orElseThrow();
        assertEquals(List.of(p), r.ai().libraryParameters());
        assertEquals(new Amount.Constant(164), p.amount()); // 1/8 of the HGX H100 baseboard PCF
        assertEquals("kg CO2-eq", p.unit());
        // min: the die-area model 8.14 cm² × 1.8 kg/cm² + 80 GB × 0.4 kg/GB = 46.652 kg; max 575 kg (BoaviztAPI)
        Uncertainty.Triangular t = assertInstanceOf(Uncertainty.Triangular.class, p.uncertainty());
        assertEquals(46.652, t.min(), 1e-9);
        assertEquals(164, t.mode(), 0);
        assertEquals(575, t.max(), 0);
        assertTrue(p.description().contains("nvidia-h100-sxm"), p.description());
        // embodied: 164 kg × (60 + 100) device-h / (1,000 h × 0.5) = 52.48 kg
        assertEquals(52.48, stage(r.central(), "manufacturing"), 1e-12);
        // at the maximum, 575 × 160 / 500 = 184 kg
        assertEquals(184, stage(r.with("hardware.gpus.embodied_gwp", 575), "manufacturing"), 1e-12);
        // the embodied exchange no longer carries the range itself: the parameter does
        assertTrue(r.ai().processes().stream().flatMap(x -> x.exchanges().stream()).allMatch(x -> x.uncertainty() == null));
    }

    @Test
    void aScenarioParameterOfTheSameNameOverridesTheLibrary() {
        Run r = run(study("nvidia-h100-sxm", new Declarations.ExplicitGrid(number(0.5)), null),
                params("dh", 60, "gpu_w", 300, "hardware.gpus.embodied_gwp", 100));
        assertFalse(r.ai().parameters().stream().anyMatch(x -> x.name().equals("hardware.gpus.embodied_gwp")));
        // 100 kg × 160 / 500 = 32 kg
        assertEquals(32, stage(r.central(), "manufacturing"), 1e-12);
    }

    @Test
    void aMixAndTheBuildingTakeTheirRangesFromTheLibrary() {
        Map<String, Expression> shares = new LinkedHashMap<>();
        shares.put("coal", var("coal_share"));
        shares.put("gas", new Expression.Binary("-", number(1), var("coal_share"), 0));
        AiScenario s = study("", new Declarations.MixGrid(shares), null);
        Datacenter dc = s.datacenters().get(0);
        Datacenter withBuilding = new Datacenter(dc.id(), dc.name(), dc.grid(), dc.country(), dc.pue(), dc.wueOnsite(),
                null, null, null, List.of(new Infrastructure("building", "Building", null, number(1), number(10_000),
                new AllocationRule.ByDeviceHours(), "test")), dc.tenantMw(), dc.tenancyH(), dc.origin());
        s = new AiScenario(List.of(withBuilding), s.hardware(), s.models(), s.workloads(), s.functionalUnit());
        Run r = run(s, params("dh", 60, "gpu_w", 300, "coal_share", 0.4));
        Map<String, Parameter> lib = new LinkedHashMap<>();
        r.ai().libraryParameters().forEach(p -> lib.put(p.name(), p));
        assertEquals(java.util.Set.of("datacenter.dc.mix.coal_gwp", "datacenter.dc.mix.gas_gwp",
                "datacenter.dc.building_gwp_per_mw"), lib.keySet());
        // IPCC AR5 coal 740 / 820 / 910 g/kWh: triangular in kg/kWh
        assertEquals(new Uncertainty.Triangular(0.74, 0.82, 0.91), lib.get("datacenter.dc.mix.coal_gwp").uncertainty());
        // the building: up to 4,500 t per MW, uniform from 0
        assertEquals(new Uncertainty.Uniform(0, 4.5e6), lib.get("datacenter.dc.building_gwp_per_mw").uncertainty());
        // location intensity 0.4 × 0.82 + 0.6 × 0.49 = 0.622 kg/kWh; IT (60 + 100) × 0.3 = 48 kWh × 1.2 = 57.6 kWh
        assertEquals(57.6 * 0.622, stage(r.central(), "use"), 1e-9);
        // coal_share = 1: 57.6 kWh × 0.82
        assertEquals(57.6 * 0.82, stage(r.with("coal_share", 1), "use"), 1e-9);
        // coal at its maximum: 57.6 × (0.4 × 0.91 + 0.6 × 0.49)
        assertEquals(57.6 * (0.4 * 0.91 + 0.6 * 0.49), stage(r.with("datacenter.dc.mix.coal_gwp", 0.91), "use"), 1e-9);
        // building at 2,000 t/MW: 2e6 kg × 1 MW × 0.1 / 1 × 100 / 10,000 = 2,000 kg, beside 32 kg embodied
        assertEquals(2000 + 0.2 * 160, stage(r.with("datacenter.dc.building_gwp_per_mw", 2e6), "manufacturing"), 1e-9);
        // renewable contracts are not declared: market = location, moving with the mix
        LcaResult market = Cradle.calculator().calculate(r.compiled(), r.ai().marketBasedParameters(r.compiled(),
                r.vector("coal_share", 1)));
        assertEquals(57.6 * 0.82, stage(market, "use"), 1e-9);
    }
}
