package dev.cradle.engine.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C for two indicators over an inventory of CO2 (in g), CH4 (kg) and water (m3). */
class CharacterisationMatrixTest {
    static final Flow CO2_KG = Flow.elementary("co2", "CO2", Units.of("kg"), Compartment.AIR);
    static final Flow CO2_G = Flow.elementary("co2", "CO2", Units.of("g"), Compartment.AIR);
    static final Flow CH4 = Flow.elementary("ch4", "CH4", Units.of("kg"), Compartment.AIR);
    static final Flow N2O = Flow.elementary("n2o", "N2O", Units.of("kg"), Compartment.AIR);
    static final Flow WATER = Flow.elementary("water", "Water", Units.of("m3"), Compartment.WATER_CONSUMED);
    static final Flow WATER_KG = Flow.elementary("water", "Water", Units.of("kg"), Compartment.WATER_CONSUMED);

    @Test
    void factorsPerInventoryUnitAndUnknownFlowsSkipped() {
        ImpactIndex impacts = new ImpactIndex(List.of(new ImpactMethod("m", "M", List.of(
                // AR6 GWP100: CO2 1, fossil CH4 29.8, N2O 273 (N2O does not occur: skipped)
                new ImpactCategory("gwp", "Climate", Units.indicator("kg CO2-eq"), List.of(
                        CharacterisationFactor.of(CO2_KG, 1), CharacterisationFactor.of(CH4, 29.8),
                        CharacterisationFactor.of(N2O, 273))),
                new ImpactCategory("wsf", "Water", Units.indicator("m3 world-eq"), List.of(
                        CharacterisationFactor.of(WATER, 42)))))));
        FlowIndex flows = new FlowIndex(List.of(CO2_G, CH4, WATER));
        List<ModelProblem> problems = new ArrayList<>();
        double[][] c = CharacterisationMatrix.of(impacts, flows, problems);
        // the inventory holds CO2 in g: 1 kg CO2-eq per kg = 0.001 per g
        assertArrayEquals(new double[] {0.001, 29.8, 0}, c[0], 1e-18);
        assertArrayEquals(new double[] {0, 0, 42}, c[1], 0);
        assertEquals(List.of(), problems);
    }

    @Test
    void aFactorInAnotherDimensionIsReported() {
        ImpactIndex impacts = new ImpactIndex(List.of(new ImpactMethod("m", "M", List.of(
                new ImpactCategory("wsf", "Water", Units.indicator("m3 world-eq"), List.of(
                        CharacterisationFactor.of(WATER, 42)))))));
        List<ModelProblem> problems = new ArrayList<>();
        double[][] c = CharacterisationMatrix.of(impacts, new FlowIndex(List.of(WATER_KG)), problems);
        assertArrayEquals(new double[] {0}, c[0], 0);
        assertEquals(List.of(ModelProblem.at("method:m/category:wsf/factor:0",
                "the factor for 'water' is per m3 but the flow is measured in kg")), problems);
    }
}
