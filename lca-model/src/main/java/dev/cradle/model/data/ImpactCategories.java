package dev.cradle.model.data;

/**
 * Impact category ids shared by the methods, the coverage of background data and the AI rules. A
 * library's methods use these ids for the categories of the same name, so coverage declared against them
 * means the same thing whichever library supplied the data.
 */
public final class ImpactCategories {
    /** Climate change, GWP100, kg CO2-eq. */
    public static final String CLIMATE = "climate_change";
    /** Climate change, GWP20, kg CO2-eq. */
    public static final String GWP20 = "climate_change_gwp20";
    /** Water consumption, m3. */
    public static final String WATER = "water_consumption";
    /** Water scarcity (AWARE), m3 world-eq. */
    public static final String WATER_SCARCITY = "water_scarcity";
    /** Human toxicity, cancer effects (USEtox), CTUh. */
    public static final String TOX_CANCER = "human_toxicity_cancer";
    /** Human toxicity, non-cancer effects (USEtox), CTUh. */
    public static final String TOX_NON_CANCER = "human_toxicity_non_cancer";
    /** Abiotic depletion potential, elements (CML-IA), kg Sb-eq. */
    public static final String ADP_ELEMENTS = "adp_elements";
    /** Abiotic depletion potential, fossil fuels (CML-IA), MJ. */
    public static final String ADP_FOSSIL = "adp_fossil";
    /** Primary energy, non-renewable (method primary-energy), MJ. */
    public static final String PE_NONRENEWABLE = "pe_nonrenewable";
    /** Primary energy, renewable (method primary-energy), MJ. */
    public static final String PE_RENEWABLE = "pe_renewable";
    /** Primary energy, total: non-renewable + renewable + what sources give only as a total (method primary-energy), MJ. */
    public static final String PE_TOTAL = "pe_total";
    /**
     * Coverage of a process whose source gives no impact at all: a non-empty coverage set that names no
     * category (an empty set would mean "complete").
     */
    public static final String COVERS_NOTHING = "(nothing)";

    private ImpactCategories() {
    }
}
