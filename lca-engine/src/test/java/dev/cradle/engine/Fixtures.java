package dev.cradle.engine;

import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Units;
import java.util.List;

/** Flows and a small GWP method shared by the engine tests. */
final class Fixtures {
    static final Flow ELECTRICITY = Flow.product("electricity", "Electricity", Units.of("kWh"));
    static final Flow CO2 = Flow.elementary("co2", "Carbon dioxide, fossil", Units.of("kg"), Compartment.AIR);
    static final Flow CH4 = Flow.elementary("ch4", "Methane, fossil", Units.of("kg"), Compartment.AIR);
    static final Flow SO2 = Flow.elementary("so2", "Sulfur dioxide", Units.of("kg"), Compartment.AIR);

    /** GWP100 with CO2 = 1 and fossil CH4 = 29.8 (IPCC AR6 WG1 Table 7.15). */
    static final ImpactMethod GWP = new ImpactMethod("gwp", "Test GWP100", List.of(
            new ImpactCategory("gwp100", "Climate change", Units.indicator("kg CO2-eq"), List.of(
                    CharacterisationFactor.of(CO2, 1.0), CharacterisationFactor.of(CH4, 29.8)))));

    private Fixtures() {
    }
}
