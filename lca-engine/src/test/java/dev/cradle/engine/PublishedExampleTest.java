package dev.cradle.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import org.junit.jupiter.api.Test;

/**
 * The worked example of Heijungs &amp; Suh, The Computational Structure of Life Cycle Assessment
 * (Kluwer, 2002), ch. 2: electricity production (10 kWh out; 2 L fuel in; 1 kg CO2 and 0.1 kg SO2
 * out) and fuel production (100 L fuel out; 50 L crude oil in; 10 kg CO2 and 2 kg SO2 out), for a
 * functional unit of 1,000 kWh. The book's answer: s = (100, 2); g = 120 kg CO2, 14 kg SO2 and
 * −100 L crude oil. Cradle reports resources in their natural direction ("consumed"), so the crude
 * oil appears as +100 L (docs/methodology.md §3).
 */
class PublishedExampleTest {
    static final Flow FUEL = Flow.product("fuel", "Fuel", Units.of("L"));
    static final Flow CRUDE = Flow.elementary("crude_oil", "Crude oil", Units.of("L"), Compartment.RESOURCE);

    static ProductSystem heijungsSuh() {
        Process electricity = Process.builder("electricity_production")
                .output(Fixtures.ELECTRICITY, 10).input(FUEL, 2)
                .output(Fixtures.CO2, 1).output(Fixtures.SO2, 0.1).build();
        Process fuel = Process.builder("fuel_production")
                .output(FUEL, 100).input(CRUDE, 50)
                .output(Fixtures.CO2, 10).output(Fixtures.SO2, 2).build();
        return ProductSystem.builder("Heijungs & Suh 2002")
                .process(electricity).process(fuel)
                .functionalUnit(Fixtures.ELECTRICITY, 1000, "1000 kWh of electricity")
                .method(Fixtures.GWP).build();
    }

    @Test
    void reproducesThePublishedScalingAndInventory() {
        LcaResult r = Cradle.evaluate(heijungsSuh());
        assertArrayEquals(new double[] {100, 2}, r.scalingVector(), 1e-12);
        assertEquals(120, r.inventory("co2"), 1e-12);
        assertEquals(14, r.inventory("so2"), 1e-12);
        assertEquals(100, r.inventory("crude_oil"), 1e-12);
        assertEquals(120, r.impact("gwp100"), 1e-12);
    }

    @Test
    void sameAnswerFromSparseLu() {
        var compiled = Cradle.compile(heijungsSuh());
        var lu = new dev.cradle.engine.solve.SparseLuSolver().factorize(compiled.matrices().technosphere());
        assertArrayEquals(new double[] {100, 2}, lu.solve(compiled.matrices().demand()), 1e-9);
    }
}
