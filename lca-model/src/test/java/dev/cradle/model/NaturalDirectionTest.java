package dev.cradle.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one place that says which way an elementary flow naturally crosses the boundary (docs/methodology.md §3). */
class NaturalDirectionTest {
    @Test
    void resourcesAndConsumedWaterEnterEverythingElseLeaves() {
        assertEquals(Direction.INPUT, Compartment.RESOURCE.naturalDirection());
        assertEquals(Direction.INPUT, Compartment.WATER_CONSUMED.naturalDirection());
        assertEquals(Direction.OUTPUT, Compartment.AIR.naturalDirection());
        assertEquals(Direction.OUTPUT, Compartment.WATER.naturalDirection());
        assertEquals(Direction.OUTPUT, Compartment.SOIL.naturalDirection());
        // an imported flow whose category names no compartment is kept as an emission (Compartment's Javadoc)
        assertEquals(Direction.OUTPUT, Compartment.UNSPECIFIED.naturalDirection());
    }

    @Test
    void aFlowTakesItsCompartmentsDirection() {
        Flow water = Flow.elementary("water", "Water, consumed", Units.of("m3"), Compartment.WATER_CONSUMED);
        Flow co2 = Flow.elementary("co2", "Carbon dioxide, fossil", Units.of("kg"), Compartment.AIR);
        assertEquals(Direction.INPUT, water.naturalDirection());
        assertEquals(true, water.isInputByNature());
        assertEquals(Direction.OUTPUT, co2.naturalDirection());
        assertEquals(false, co2.isInputByNature());
    }

    @Test
    void aProductHasNoNaturalDirection() {
        Flow power = Flow.product("electricity", "Electricity", Units.of("kWh"));
        assertThrows(IllegalStateException.class, power::naturalDirection);
    }
}
