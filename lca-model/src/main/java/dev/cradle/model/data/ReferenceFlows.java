package dev.cradle.model.data;

import dev.cradle.model.Flow;
import dev.cradle.model.Units;

/**
 * The flows that connect the AI rules to reference data: the product flows of background processes
 * (one kWh of electricity, one t·km of freight, one kg of e-waste treated, one MW of datacenter
 * capacity) and the ids of the pre-characterised elementary flows through which sources that publish
 * impacts rather than inventories enter a system.
 */
public final class ReferenceFlows {
    /** Electricity delivered by a grid or a generation technology, kWh. */
    public static final Flow ELECTRICITY = Flow.product("electricity", "Electricity", Units.of("kWh"));
    /** Freight transport, t·km. */
    public static final Flow FREIGHT = Flow.product("freight", "Freight transport", Units.of("t*km"));
    /** Electronic waste to treatment, kg. */
    public static final Flow EWASTE = Flow.waste("ewaste", "Electronic waste", Units.of("kg"));
    /** Datacenter building and infrastructure, per MW of IT capacity. */
    public static final Flow DATACENTER_CAPACITY = Flow.product("datacenter_it_capacity",
            "Datacenter building and infrastructure, per MW of IT capacity", Units.of("MW"));

    /** Greenhouse gases reported in aggregate as CO2-eq (GWP100), kg, to air. */
    public static final String CO2E_AGGREGATED = "co2e_aggregated";
    /** Abiotic depletion of elements, pre-characterised, kg Sb-eq (a resource). */
    public static final String ADP_ELEMENTS_SB_EQ = "adp_elements_sb_eq";
    /** Human toxicity, cancer effects, pre-characterised (USEtox CTUh), emitted. */
    public static final String TOX_CANCER_CTUH = "human_toxicity_cancer_ctuh";
    /** Human toxicity, non-cancer effects, pre-characterised (USEtox CTUh), emitted. */
    public static final String TOX_NON_CANCER_CTUH = "human_toxicity_non_cancer_ctuh";
    /** Fossil energy carriers in ground, net calorific value, MJ (a resource). */
    public static final String FOSSIL_ENERGY = "fossil_energy";
    /** Water scarcity, pre-characterised, m3 world-eq. */
    public static final String WATER_SCARCITY_WORLD_EQ = "water_scarcity_world_eq";
    /** Water consumed at an unspecified location, m3. */
    public static final String WATER_CONSUMED = "water_consumed";

    /** Primary energy, non-renewable (fossil and nuclear), MJ (a resource). */
    public static final String PRIMARY_ENERGY_NONRENEWABLE = "primary_energy_nonrenewable";
    /** Primary energy, renewable, MJ (a resource). */
    public static final String PRIMARY_ENERGY_RENEWABLE = "primary_energy_renewable";
    /** Primary energy whose source gives only the total, not the renewable split, MJ (a resource). */
    public static final String PRIMARY_ENERGY_UNSPECIFIED = "primary_energy_unspecified";

    private ReferenceFlows() {
    }
}
