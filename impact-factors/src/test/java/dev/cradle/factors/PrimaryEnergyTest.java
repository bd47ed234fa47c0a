package dev.cradle.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.Amount;
import dev.cradle.model.Process;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import org.junit.jupiter.api.Test;

/** The primary-energy method and the primary energy of electricity by generation technology. */
class PrimaryEnergyTest {
    private final FactorLibrary lib = FactorLibrary.bundled();

    private double input(String process, String flow) {
        Process p = lib.process(process).orElseThrow();
        return p.exchanges().stream().filter(e -> e.flow().id().equals(flow))
                .mapToDouble(e -> ((Amount.Constant) e.amount()).value()).sum();
    }

    @Test
    void fossilTechnologiesCarryTheirHeatRateAndRenewablesThePhysicalEnergyContent() {
        // EIA Electric Power Annual 2022 Table 8.1: coal 10,689 Btu/kWh × 1.055056 kJ/Btu = 11.2775 MJ/kWh
        assertEquals(11.2775, input("grid_source:coal", "primary_energy_nonrenewable"), 1e-4);
        assertEquals(0, input("grid_source:coal", "primary_energy_renewable"));
        // gas 7,740 Btu/kWh = 8.1661 MJ/kWh
        assertEquals(8.1661, input("grid_source:gas", "primary_energy_nonrenewable"), 1e-4);
        // nuclear heat at 33 %: 3.6 / 0.33 = 10.909 MJ/kWh, non-renewable
        assertEquals(10.909, input("grid_source:nuclear", "primary_energy_nonrenewable"), 1e-3);
        // wind: the electricity is the primary energy, 3.6 MJ/kWh renewable; geothermal heat at 10 %: 36
        assertEquals(3.6, input("grid_source:wind_onshore", "primary_energy_renewable"), 1e-12);
        assertEquals(36, input("grid_source:geothermal", "primary_energy_renewable"), 1e-12);
        assertTrue(lib.process("grid_source:wind_onshore").orElseThrow().coverage().contains("pe_renewable"));
        // EIA gives no biomass efficiency: biomass carries no primary energy and does not claim coverage
        assertEquals(0, input("grid_source:biomass", "primary_energy_renewable"));
        assertTrue(!lib.process("grid_source:biomass").orElseThrow().coverage().contains("pe_total"));
    }

    @Test
    void theMethodSplitsByRenewabilityAndItsTotalCountsEveryPrimaryEnergyFlowOnce() {
        ImpactMethod m = lib.method("primary-energy").orElseThrow();
        assertEquals(java.util.List.of("pe_nonrenewable", "pe_renewable", "pe_total"),
                m.categories().stream().map(ImpactCategory::id).toList());
        ImpactCategory total = m.categories().get(2);
        assertEquals(3, total.factors().size());
        total.factors().forEach(f -> assertEquals(1.0, f.value()));
        assertTrue(lib.defaultMethods().contains(m), "primary energy is reported beside GWP, water, toxicity and ADP");
    }
}
