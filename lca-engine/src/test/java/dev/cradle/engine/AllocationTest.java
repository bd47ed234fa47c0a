package dev.cradle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.AllocationFactor;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import org.junit.jupiter.api.Test;

/**
 * A refinery makes 60 kg petrol and 40 kg diesel from 100 kg crude oil and 10 kWh of grid electricity
 * (0.5 kg CO2/kWh) and emits 20 kg CO2 itself. The functional unit is 1 kg petrol.
 */
class AllocationTest {
    static final Flow PETROL = Flow.product("petrol", "Petrol", Units.of("kg"));
    static final Flow DIESEL = Flow.product("diesel", "Diesel", Units.of("kg"));
    static final Flow CRUDE = Flow.elementary("crude", "Crude oil", Units.of("kg"), Compartment.RESOURCE);
    static final Flow HEAT = Flow.product("heat", "Heat", Units.of("MJ"));

    static ProductSystem refinery(AllocationMethod method) {
        Process refinery = Process.builder("refinery").stage(dev.cradle.model.LifecycleStage.MANUFACTURING)
                .output(PETROL, 60).output(DIESEL, 40).input(CRUDE, 100).input(Fixtures.ELECTRICITY, 10)
                .output(Fixtures.CO2, 20)
                // physical: by mass 60:40
                .allocation(AllocationFactor.of(AllocationMethod.PHYSICAL, "petrol", 0.6))
                .allocation(AllocationFactor.of(AllocationMethod.PHYSICAL, "diesel", 0.4))
                // economic: 60 kg × 1.2 €/kg = 72 €, 40 kg × 1.0 €/kg = 40 € → 72/112 and 40/112
                .allocation(new AllocationFactor(AllocationMethod.ECONOMIC, "petrol", "",
                        dev.cradle.model.Amount.formula("72 / 112")))
                .allocation(new AllocationFactor(AllocationMethod.ECONOMIC, "diesel", "",
                        dev.cradle.model.Amount.formula("40 / 112")))
                // causal: the process emissions are caused 80:20 by petrol; other exchanges fall back to physical
                .allocation(AllocationFactor.causal("petrol", "co2", 0.8))
                .allocation(AllocationFactor.causal("diesel", "co2", 0.2))
                .build();
        Process grid = Process.builder("grid").output(Fixtures.ELECTRICITY, 1).output(Fixtures.CO2, 0.5).build();
        return ProductSystem.builder("refinery").process(refinery).process(grid)
                .functionalUnit(PETROL, 1, "1 kg petrol").method(Fixtures.GWP).allocation(method).build();
    }

    @Test
    void physical() {
        // (20 × 0.6 + 10 × 0.6 × 0.5) / 60 = (12 + 3) / 60 = 0.25 kg CO2 per kg petrol
        assertEquals(0.25, Cradle.evaluate(refinery(AllocationMethod.PHYSICAL)).impact("gwp100"), 1e-12);
        // crude oil: 100 × 0.6 / 60 = 1 kg per kg petrol
        assertEquals(1.0, Cradle.evaluate(refinery(AllocationMethod.PHYSICAL)).inventory("crude"), 1e-12);
    }

    @Test
    void economic() {
        // (20 + 10 × 0.5) × (72/112) / 60 = 25 × 0.642857… / 60 = 0.267857…
        assertEquals(25.0 * 72 / 112 / 60, Cradle.evaluate(refinery(AllocationMethod.ECONOMIC)).impact("gwp100"), 1e-12);
    }

    @Test
    void causal() {
        // (20 × 0.8 + 10 × 0.6 × 0.5) / 60 = (16 + 3) / 60 = 0.316666…
        assertEquals(19.0 / 60, Cradle.evaluate(refinery(AllocationMethod.CAUSAL)).impact("gwp100"), 1e-12);
    }

    @Test
    void noneIsAnErrorForAMultiOutputProcess() {
        ModelException e = assertThrows(ModelException.class,
                () -> Cradle.evaluate(refinery(AllocationMethod.NONE)));
        assertTrue(e.getMessage().contains("several co-products (petrol, diesel)"), e.getMessage());
    }

    @Test
    void sharesThatDoNotSumToOneAreAnError() {
        Process p = Process.builder("refinery").output(PETROL, 60).output(DIESEL, 40).output(Fixtures.CO2, 20)
                .allocation(AllocationFactor.of(AllocationMethod.PHYSICAL, "petrol", 0.6))
                .allocation(AllocationFactor.of(AllocationMethod.PHYSICAL, "diesel", 0.3)).build();
        ModelException e = assertThrows(ModelException.class, () -> Cradle.evaluate(ProductSystem.builder("x")
                .process(p).functionalUnit(PETROL, 1, "").build()));
        assertTrue(e.getMessage().contains("sum to 0.9"), e.getMessage());
    }

    @Test
    void bothCoProductsTogetherCarryTheWholeBurden() {
        // 1 kg petrol + the diesel column: allocated totals add back to the unallocated 25 kg for 60 + 40 kg
        var compiled = Cradle.compile(refinery(AllocationMethod.ECONOMIC));
        var r = Cradle.calculator().calculate(compiled);
        double perKgPetrol = r.impact("gwp100");
        double perKgDiesel = 25.0 * 40 / 112 / 40;
        assertEquals(25.0, perKgPetrol * 60 + perKgDiesel * 40, 1e-9);
    }

    /**
     * System expansion: a CHP plant makes 1 kWh (reference) and 2 MJ heat that displaces heat from a
     * gas boiler (0.07 kg CO2/MJ). CHP emits 0.4 kg CO2 per kWh.
     * By hand: boiler scaling = −2 (a credit), CO2 = 0.4 − 2 × 0.07 = 0.26 kg.
     */
    @Test
    void avoidedProduct() {
        Process chp = Process.builder("chp").output(Fixtures.ELECTRICITY, 1).avoidedOutput(HEAT, 2)
                .output(Fixtures.CO2, 0.4).build();
        Process boiler = Process.builder("boiler").output(HEAT, 1).output(Fixtures.CO2, 0.07).build();
        var r = Cradle.evaluate(ProductSystem.builder("chp").process(chp).process(boiler)
                .functionalUnit(Fixtures.ELECTRICITY, 1, "").method(Fixtures.GWP).build());
        assertEquals(-2, r.scalingVector()[1], 1e-12);
        assertEquals(0.26, r.impact("gwp100"), 1e-12);
    }
}
