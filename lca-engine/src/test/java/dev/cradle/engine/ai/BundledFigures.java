package dev.cradle.engine.ai;

import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Units;
import dev.cradle.model.data.EwasteTreatment;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.InMemoryReferenceData;
import dev.cradle.model.data.ReferenceData;
import java.util.List;

/**
 * The few figures of the bundled factor library that the engine's rule tests use, copied into an
 * in-memory library so the engine is tested without the impact-factors module: sea freight 0.01612 +
 * 0.00365 = 0.01977 kg CO2-eq/t·km (DEFRA 2025, transport/defra-2025-freight.yaml), e-waste treatment
 * 0.00468568 kg/kg recycled and 0.00898311 kg/kg landfilled, world recycling rate 0.223
 * (end-of-life/ewaste.yaml), and the two indicators the tests read: ipcc-ar6-gwp100/climate_change
 * (1 per kg CO2-eq) and water-consumption/water_consumption (1 per m3). FactorLibraryTest checks the
 * bundled library holds these values.
 */
final class BundledFigures {
    static final ReferenceData DATA = InMemoryReferenceData.builder("bundled figures (test copy)")
            .freight("sea", 0.01612 + 0.00365)
            .endOfLife(0.223, new EwasteTreatment(0.00468568, 0.00898311))
            .method(new ImpactMethod("ipcc-ar6-gwp100", "IPCC AR6 GWP100", List.of(new ImpactCategory(
                    ImpactCategories.CLIMATE, "Climate change", Units.indicator("kg CO2-eq"),
                    List.of(CharacterisationFactor.of(InMemoryReferenceData.CO2E, 1))))))
            .method(new ImpactMethod("water-consumption", "Water consumption", List.of(new ImpactCategory(
                    ImpactCategories.WATER, "Water consumption", Units.indicator("m3"),
                    List.of(CharacterisationFactor.of(InMemoryReferenceData.WATER_CONSUMED, 1))))))
            .build();

    private BundledFigures() {
    }
}
