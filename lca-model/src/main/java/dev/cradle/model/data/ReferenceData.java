package dev.cradle.model.data;

import dev.cradle.model.Flow;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference (background) data the AI rules read: device archetypes, electricity grids and
 * generation technologies, freight, end of life, water, flows and impact methods. Each lookup is typed
 * by what it returns, so the rules never build a library key. Cradle's bundled factor library
 * implements it; {@link InMemoryReferenceData} lets a user supply their own figures.
 *
 * <p>Background processes returned here carry one unit of their reference product (named per method),
 * their elementary exchanges in the flows' reference units, and {@link Process#coverage()}: the impact
 * categories their source covers ({@link ImpactCategories}).
 */
public interface ReferenceData {

    // ---- device archetypes --------------------------------------------------------------------------

    /**
     * Manufacturing of one device or server component of archetype {@code archetype}, cradle-to-gate:
     * one unit of its product ({@code item}, or per mm², GB or kg for a component priced by size) and its
     * embodied elementary exchanges (kg CO2-eq as {@link ReferenceFlows#CO2E_AGGREGATED}, ...). A tag
     * {@code embodied_basis} may say what the figure includes.
     */
    Optional<Process> deviceArchetype(String archetype);

    /** TDP and measured average power of a device archetype, W; empty when the archetype is unknown. */
    Optional<DevicePower> devicePower(String archetype);

    // ---- electricity --------------------------------------------------------------------------------

    /**
     * One kWh ({@link ReferenceFlows#ELECTRICITY}) from the grid {@code code}: a country (ISO 3166-1
     * alpha-2, {@code FR}), a sub-national zone or eGRID subregion ({@code CA-QC}, {@code US-CAMX}), a
     * cloud region ({@code gcp/us-central1}) or a region ({@code WORLD}); its emissions in kg per kWh.
     */
    Optional<Process> gridElectricity(String code);

    /**
     * What to tell a user whose grid code is not found: the nearest level the data does have, never a
     * silent world average.
     */
    String missingGridAdvice(String code);

    /**
     * One kWh from a generation technology ({@code solar_pv}, {@code gas_ccgt}, ...), for a declared mix:
     * kg CO2-eq per kWh (as {@link ReferenceFlows#CO2E_AGGREGATED}) and m3 of water consumed per kWh
     * (as {@link ReferenceFlows#WATER_CONSUMED}).
     */
    Optional<Process> generationTechnology(String technology);

    /** The ids {@link #generationTechnology} knows, in a stable order. */
    Set<String> generationTechnologies();

    /**
     * The generation mix by source that stands for the grid {@code code} in the categories other than climate
     * change: a country's own mix, or for a sub-national zone, eGRID subregion or cloud region the mix of its
     * country (a proxy). Empty when the data has no mix for the place (a region such as {@code WORLD}, or data
     * without mixes): those categories are then not covered for that grid.
     */
    default Optional<GenerationMix> generationMix(String code) {
        return Optional.empty();
    }

    // ---- transport and end of life ------------------------------------------------------------------

    /**
     * One t·km ({@link ReferenceFlows#FREIGHT}) by mode {@code air}, {@code sea}, {@code road} or
     * {@code rail}: kg CO2-eq per t·km, well-to-wheel.
     */
    Optional<Process> freight(String mode);

    /** Formal e-waste collection and recycling rate (0..1) by region key; {@code world} is always present. */
    Map<String, Double> recyclingRates();

    /** Emissions of treating e-waste, kg CO2-eq per kg, recycled and not. */
    EwasteTreatment ewasteTreatment();

    // ---- water --------------------------------------------------------------------------------------

    /**
     * The water-consumed flow of a location (ISO 3166-1 alpha-2, or country-state such as {@code US-CA})
     * at the most specific level the data has, with its AWARE factor (m3 world-eq per m3) and a note
     * whenever a coarser level than the one asked for was used.
     */
    WaterLocation waterLocation(String code);

    // ---- flows and methods --------------------------------------------------------------------------

    /** A flow by id (elementary, pre-characterised or product). */
    Optional<Flow> flow(String id);

    /** The aggregated greenhouse-gas flow, kg CO2-eq to air ({@link ReferenceFlows#CO2E_AGGREGATED}). */
    default Flow aggregatedCo2e() {
        return flow(ReferenceFlows.CO2E_AGGREGATED).orElseThrow(() -> new IllegalStateException(
                "the reference data defines no flow '" + ReferenceFlows.CO2E_AGGREGATED + "'"));
    }

    /** An impact method by id, e.g. {@code ipcc-ar6-gwp100}. */
    Optional<ImpactMethod> method(String id);

    /** The methods a study that names none is assessed with. */
    List<ImpactMethod> defaultMethods();

    // ---- datacenter buildings -----------------------------------------------------------------------

    /**
     * Building and infrastructure of a datacenter per MW of IT capacity
     * ({@link ReferenceFlows#DATACENTER_CAPACITY}), kg CO2-eq per MW over {@link #datacenterLifetimeYears()}.
     */
    Optional<Process> datacenterBuilding();

    /** Service life of a datacenter building, years. */
    double datacenterLifetimeYears();

    // ---- provenance ---------------------------------------------------------------------------------

    /** The source (dataset id) a background process returned by this data comes from. */
    Optional<String> sourceOf(String processId);
}
