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
    static final ReferenceData DATA = builder().build();

    /**
     * The figures with their ranges that the parametric rule tests read, as the bundled library holds them: the
     * NVIDIA H100 SXM archetype, 164 kg CO2-eq (1/8 of the HGX H100 baseboard) triangular over 8.14 cm² × 1.8
     * kg/cm² + 80 GB × 0.4 kg/GB = 46.652 kg and 575 kg, TDP 700 W (hardware/accelerators.yaml); coal 740 / 820
     * / 910 and gas 410 / 490 / 650 g CO2-eq/kWh, water 450 and 300 gal/MWh (IPCC AR5, Li et al. 2023:
     * electricity/ipcc-ar5-generation-technologies.yaml); the datacenter building, 4,500 t CO2-eq per MW,
     * uniform from 0, over 30 years (buildings/datacenter-building.yaml).
     */
    static final ReferenceData WITH_RANGES = builder()
            .device("nvidia-h100-sxm", 164, new dev.cradle.model.data.DevicePower(700, Double.NaN),
                    new dev.cradle.model.Uncertainty.Triangular(46.652, 164, 575))
            .generationTechnology("coal", 0.82, 450 * 3.785411784 / 1000,
                    new dev.cradle.model.Uncertainty.Triangular(0.74, 0.82, 0.91))
            .generationTechnology("gas", 0.49, 300 * 3.785411784 / 1000,
                    new dev.cradle.model.Uncertainty.Triangular(0.41, 0.49, 0.65))
            .datacenterBuilding(4.5e6, 30, new dev.cradle.model.Uncertainty.Uniform(0, 4.5e6))
            .build();

    static InMemoryReferenceData.Builder builder() {
        return InMemoryReferenceData.builder("bundled figures (test copy)")
            .freight("sea", 0.01612 + 0.00365)
            .endOfLife(0.223, new EwasteTreatment(0.00468568, 0.00898311))
            .method(new ImpactMethod("ipcc-ar6-gwp100", "IPCC AR6 GWP100", List.of(new ImpactCategory(
                    ImpactCategories.CLIMATE, "Climate change", Units.indicator("kg CO2-eq"),
                    List.of(CharacterisationFactor.of(InMemoryReferenceData.CO2E, 1))))))
            .method(new ImpactMethod("water-consumption", "Water consumption", List.of(new ImpactCategory(
                    ImpactCategories.WATER, "Water consumption", Units.indicator("m3"),
                    List.of(CharacterisationFactor.of(InMemoryReferenceData.WATER_CONSUMED, 1))))));
    }

    private BundledFigures() {
    }
}
