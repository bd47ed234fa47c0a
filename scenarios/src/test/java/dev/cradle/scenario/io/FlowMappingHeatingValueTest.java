package dev.cradle.scenario.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.Units;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule (4) of {@link FlowMapping}: fuels that state their heating value, and energy resource flows. */
class FlowMappingHeatingValueTest {
    private static final Flow COAL = Flow.elementary("c", "Coal, bituminous, 24.8 MJ per kg, in ground", Units.of("kg"),
            Compartment.RESOURCE);
    private static final Flow URANIUM = Flow.elementary("u", "Uranium oxide, 332 GJ per kg, in ore", Units.of("kg"),
            Compartment.RESOURCE);
    private static final Flow SOLAR = Flow.elementary("s", "Energy, solar", Units.of("MJ"), Compartment.RESOURCE);
    private static final Flow UNSPECIFIED = Flow.elementary("x", "Energy, unspecified", Units.of("MJ"),
            Compartment.RESOURCE);

    /**
     * One level by hand: a process takes directly 0.5 kg coal (24.8 MJ/kg), 1e-6 kg uranium oxide (332 GJ/kg),
     * 3 MJ solar and 2 MJ "Energy, unspecified". ADP fossil = 0.5 × 24.8 = 12.4 MJ (uranium is no fossil fuel in
     * CML-IA); non-renewable primary energy = 12.4 + 1e-6 × 332,000 = 12.732 MJ; renewable = 3 MJ; the
     * unspecified energy is reported unmatched, never guessed.
     */
    @Test
    void aProcessesDirectFuelsTimesTheirHeatingValues() {
        FactorLibrary lib = FactorLibrary.bundled();
        FlowMapping mapping = new FlowMapping(lib.flows().values());
        Map<Flow, Double> exchanges = new LinkedHashMap<>();
        exchanges.put(COAL, 0.5);
        exchanges.put(URANIUM, 1e-6);
        exchanges.put(SOLAR, 3.0);
        exchanges.put(UNSPECIFIED, 2.0);
        Map<Flow, String> used = new LinkedHashMap<>();
        exchanges.keySet().forEach(f -> used.put(f, ""));
        FlowMapping.Mapped adp = mapping.map(lib.method("cml-ia-adp").orElseThrow(), used);
        FlowMapping.Mapped pe = mapping.map(lib.method("primary-energy").orElseThrow(), used);
        assertEquals(12.4, score(adp, "adp_fossil", exchanges), 1e-12);
        assertEquals(12.732, score(pe, "pe_nonrenewable", exchanges), 1e-12);
        assertEquals(3.0, score(pe, "pe_renewable", exchanges), 1e-12);
        assertEquals(15.732, score(pe, "pe_total", exchanges), 1e-12);
        FlowMapping.MatchReport fossil = adp.reports().stream().filter(r -> r.indicator().endsWith("/adp_fossil"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("heating value", 1), fossil.matched());
        FlowMapping.MatchReport nonRen = pe.reports().stream().filter(r -> r.indicator().endsWith("/pe_nonrenewable"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("heating value", 2), nonRen.matched());
        assertEquals(2, nonRen.unmatched().size(), "solar and unspecified energy: " + nonRen.unmatched());
    }

    @Test
    void aStatedValuePerKgOnAFlowInAnotherUnitIsNotGuessed() {
        Flow perM3 = Flow.elementary("g", "Gas, natural, 46.8 MJ per kg, in ground", Units.of("m3"), Compartment.RESOURCE);
        assertNull(FlowMapping.energyContent(perM3));
        Flow emission = Flow.elementary("e", "Energy, from coal", Units.of("MJ"), Compartment.AIR);
        assertNull(FlowMapping.energyContent(emission));
        assertEquals(1000.0, FlowMapping.energyContent(Flow.elementary("h", "Energy, from hydro power", Units.of("GJ"),
                Compartment.RESOURCE)).mjPerUnit(), 1e-12);
    }

    private static double score(FlowMapping.Mapped m, String category, Map<Flow, Double> exchanges) {
        ImpactCategory c = m.method().categories().stream().filter(k -> k.id().equals(category)).findFirst().orElseThrow();
        double sum = 0;
        for (CharacterisationFactor cf : c.factors()) {
            sum += cf.value() * exchanges.get(cf.flow());
        }
        return sum;
    }
}
