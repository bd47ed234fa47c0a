package dev.cradle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.engine.result.UpstreamNode;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import org.junit.jupiter.api.Test;

class CalculationTest {
    static final Flow TRAINED = Flow.product("trained_model", "Trained model", Units.of("item"));
    static final Flow EQUIPMENT = Flow.product("equipment", "Generation equipment", Units.of("item"));
    static final Flow STEEL = Flow.product("steel", "Steel", Units.of("kg"));

    /** Training draws 100 kWh; the grid emits 0.4 kg CO2 and 0.001 kg CH4 per kWh. */
    static ProductSystem twoProcessChain() {
        Process grid = Process.builder("grid").stage(LifecycleStage.USE)
                .output(Fixtures.ELECTRICITY, 1).output(Fixtures.CO2, 0.4).output(Fixtures.CH4, 0.001).build();
        Process training = Process.builder("training").stage(LifecycleStage.USE).phase(MlPhase.TRAINING)
                .tag("model", "m1").output(TRAINED, 1).input(Fixtures.ELECTRICITY, 100).build();
        return ProductSystem.builder("chain").process(training).process(grid)
                .functionalUnit(TRAINED, 1, "one trained model").method(Fixtures.GWP).build();
    }

    @Test
    void twoProcessChainByHand() {
        LcaResult r = Cradle.evaluate(twoProcessChain());
        // 100 kWh × 0.4 kg = 40 kg CO2; 100 × 0.001 = 0.1 kg CH4 × 29.8 = 2.98 → 42.98 kg CO2-eq
        assertEquals(40, r.inventory("co2"), 1e-12);
        assertEquals(0.1, r.inventory("ch4"), 1e-12);
        assertEquals(42.98, r.impact("gwp100"), 1e-12);
        assertTrue(r.solverMethod().startsWith("topological"));
        // the grid process carries all of it; the training process emits nothing itself
        assertEquals(42.98, r.byProcess(0).values().get("grid"), 1e-12);
        assertEquals(0, r.byProcess(0).values().get("training"), 1e-12);
        assertEquals(42.98, r.byStage(0).values().get("use"), 1e-12);
        assertEquals(42.98, r.byPhase(0).values().get(LcaResult.UNASSIGNED), 1e-12);
    }

    /**
     * A three-process loop: electricity (0.5 kg CO2/kWh) needs 0.01 equipment per kWh; equipment
     * (2 kg CO2) needs 20 kWh and 5 kg steel; steel (1.5 kg CO2/kg) needs 2 kWh.
     * By hand, for 1 kWh delivered: s_e = 1 + 20·s_q + 2·s_s, s_q = 0.01·s_e, s_s = 5·s_q = 0.05·s_e
     * → s_e = 1 + 0.2·s_e + 0.1·s_e → s_e = 1/0.7 = 1.428571…, s_q = 0.0142857…, s_s = 0.0714285…
     * CO2 = (0.5 + 0.02 + 0.075)/0.7 = 0.595/0.7 = 0.85 kg.
     */
    static ProductSystem threeProcessLoop(double kWhPerEquipment) {
        Process electricity = Process.builder("electricity").output(Fixtures.ELECTRICITY, 1)
                .input(EQUIPMENT, 0.01).output(Fixtures.CO2, 0.5).build();
        Process equipment = Process.builder("equipment_making").stage(LifecycleStage.MANUFACTURING)
                .output(EQUIPMENT, 1).input(Fixtures.ELECTRICITY, kWhPerEquipment).input(STEEL, 5)
                .output(Fixtures.CO2, 2).build();
        Process steel = Process.builder("steel_making").stage(LifecycleStage.RAW_MATERIAL_EXTRACTION)
                .output(STEEL, 1).input(Fixtures.ELECTRICITY, 2).output(Fixtures.CO2, 1.5).build();
        return ProductSystem.builder("loop").process(electricity).process(equipment).process(steel)
                .functionalUnit(Fixtures.ELECTRICITY, 1, "1 kWh").method(Fixtures.GWP).build();
    }

    @Test
    void threeProcessLoopSolvedByLu() {
        LcaResult r = Cradle.evaluate(threeProcessLoop(20));
        double[] s = r.scalingVector();
        assertEquals(1 / 0.7, s[0], 1e-12);
        assertEquals(0.01 / 0.7, s[1], 1e-12);
        assertEquals(0.05 / 0.7, s[2], 1e-12);
        assertEquals(0.85, r.impact("gwp100"), 1e-12);
        assertTrue(r.solverMethod().startsWith("sparse LU"));
    }

    @Test
    void upstreamTreeOfALoopAddsUpWithoutDoubleCounting() {
        LcaResult r = Cradle.evaluate(threeProcessLoop(20));
        UpstreamNode root = r.upstreamTree(0, 0, 8);
        assertEquals(0.85, root.total(), 1e-12);
        // root direct = 0.5 kg (1 kWh run once at the root node); the rest comes from equipment
        assertEquals(0.5, root.direct(), 1e-12);
        assertEquals(root.total(), root.direct() + root.children().stream().mapToDouble(UpstreamNode::total).sum()
                + root.cutOff(), 1e-12);
        // loop-corrected upstream total of the reference process equals the system total
        assertEquals(0.85, r.upstreamTotals(0)[0], 1e-12);
        // equipment: y_q = total per item; s_q·A_qq·lf_q; by hand the equipment's upstream total is
        // (0.85 − 0.5·... ) — checked through the identity instead: y_q·t_q·lf_q with lf from A⁻¹
        double[] totals = r.upstreamTotals(0);
        assertTrue(totals[1] > 0 && totals[1] < 0.85);
    }

    @Test
    void aLoopThatConsumesAllItProducesIsReportedByName() {
        // 90 kWh × 0.01 + 2 kWh × 5 kg × 0.01 = 0.9 + 0.1 = 1 kWh consumed per kWh made: no net output
        ModelException e = assertThrows(ModelException.class, () -> Cradle.evaluate(threeProcessLoop(90)));
        String msg = e.getMessage();
        assertTrue(msg.contains("cannot be solved"), msg);
        assertTrue(msg.contains("these 3 processes form a loop whose gain is 1.00000"), msg);
        assertTrue(msg.contains("electricity") && msg.contains("equipment_making") && msg.contains("steel_making"), msg);
    }

    @Test
    void formulasAndProcessScopeParameters() {
        Process grid = Process.builder("grid").output(Fixtures.ELECTRICITY, 1)
                .exchange(new dev.cradle.model.Exchange(Fixtures.CO2, dev.cradle.model.Direction.OUTPUT,
                        dev.cradle.model.Amount.formula("intensity_g / 1000"), Units.of("kg"), false, "", null))
                .build();
        Process training = Process.builder("training").output(TRAINED, 1)
                .parameter(Parameter.formula("energy_kwh", "gpus * hours * power_w / 1000 * pue"))
                .parameter(Parameter.of("hours", 10))
                .inputFormula(Fixtures.ELECTRICITY, "energy_kwh", "kWh").build();
        ProductSystem sys = ProductSystem.builder("f").process(training).process(grid)
                .parameter(Parameter.of("gpus", 8)).parameter(Parameter.of("power_w", 400))
                .parameter(Parameter.of("pue", 1.2)).parameter(Parameter.of("hours", 999))
                .parameter(Parameter.of("intensity_g", 57))
                .functionalUnit(TRAINED, 1, "").method(Fixtures.GWP).build();
        // local hours = 10 hides the global 999: 8 × 10 h × 400 W / 1000 × 1.2 = 38.4 kWh × 0.057 = 2.1888 kg
        assertEquals(2.1888, Cradle.evaluate(sys).impact("gwp100"), 1e-12);
    }

    @Test
    void aKilowattHourWhereAKilogramIsExpectedIsAnError() {
        Process grid = Process.builder("grid").output(Fixtures.ELECTRICITY, 1).output(Fixtures.CO2, 0.4, "kWh").build();
        ProductSystem sys = ProductSystem.builder("u").process(grid)
                .functionalUnit(Fixtures.ELECTRICITY, 1, "").build();
        ModelException e = assertThrows(ModelException.class, () -> Cradle.evaluate(sys));
        assertEquals("process:grid/exchange:1", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("kWh (energy)") && e.getMessage().contains("kg (mass)"), e.getMessage());
    }

    @Test
    void unitsAreConvertedAtTheBoundary() {
        // 400 g written in grams is 0.4 kg; 0.1 MWh is 100 kWh
        Process grid = Process.builder("grid").output(Fixtures.ELECTRICITY, 1).output(Fixtures.CO2, 400, "g").build();
        Process training = Process.builder("training").output(TRAINED, 1).input(Fixtures.ELECTRICITY, 0.1, "MWh").build();
        ProductSystem sys = ProductSystem.builder("u").process(training).process(grid)
                .functionalUnit(TRAINED, 1, "").method(Fixtures.GWP).build();
        assertEquals(40, Cradle.evaluate(sys).impact("gwp100"), 1e-12);
    }

    @Test
    void missingAndAmbiguousProvidersAreNamed() {
        Process training = Process.builder("training").output(TRAINED, 1).input(Fixtures.ELECTRICITY, 1).build();
        ModelException missing = assertThrows(ModelException.class, () -> Cradle.evaluate(ProductSystem.builder("m")
                .process(training).functionalUnit(TRAINED, 1, "").build()));
        assertTrue(missing.getMessage().contains("no process provides 'electricity' needed by process 'training'"),
                missing.getMessage());

        Process gridA = Process.builder("grid_a").output(Fixtures.ELECTRICITY, 1).build();
        Process gridB = Process.builder("grid_b").output(Fixtures.ELECTRICITY, 1).build();
        ModelException ambiguous = assertThrows(ModelException.class, () -> Cradle.evaluate(ProductSystem.builder("a")
                .process(training).process(gridA).process(gridB).functionalUnit(TRAINED, 1, "").build()));
        assertTrue(ambiguous.getMessage().contains("provided by several processes (grid_a, grid_b)"),
                ambiguous.getMessage());
    }

    @Test
    void parameterCyclesAreReportedWithTheCycle() {
        ProductSystem sys = ProductSystem.builder("c")
                .process(Process.builder("grid").output(Fixtures.ELECTRICITY, 1).build())
                .parameter(Parameter.formula("a", "b + 1")).parameter(Parameter.formula("b", "c * 2"))
                .parameter(Parameter.formula("c", "a")).functionalUnit(Fixtures.ELECTRICITY, 1, "").build();
        ModelException e = assertThrows(ModelException.class, () -> Cradle.evaluate(sys));
        assertTrue(e.getMessage().contains("a -> b -> c -> a"), e.getMessage());
    }

    @Test
    void unknownParameterGetsASuggestionAndAColumn() {
        ProductSystem sys = ProductSystem.builder("c")
                .process(Process.builder("grid").output(Fixtures.ELECTRICITY, 1).build())
                .parameter(Parameter.of("hours", 2)).parameter(Parameter.formula("energy", "2 * hour"))
                .functionalUnit(Fixtures.ELECTRICITY, 1, "").build();
        ModelException e = assertThrows(ModelException.class, () -> Cradle.evaluate(sys));
        ModelProblem p = e.problems().get(0);
        assertEquals("parameter:energy", p.path());
        assertEquals(5, p.column());
        assertTrue(p.message().contains("did you mean 'hours'"), p.message());
    }
}
