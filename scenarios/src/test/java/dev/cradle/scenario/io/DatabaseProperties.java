package dev.cradle.scenario.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.FlowType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** What must always hold for imported databases. */
class DatabaseProperties {
    private static final FactorLibrary LIB = FactorLibrary.bundled();
    private static DatabaseCalculator.Prepared prepared;
    private static DatabaseResults cumulative;

    private static synchronized void uslci() {
        if (prepared == null) {
            LinkedDatabase linked = DatabaseLinker.link(Databases.read("uslci"), ImportOptions.defaults());
            FlowMapping mapping = new FlowMapping(LIB.flows().values());
            List<dev.cradle.model.ImpactMethod> gwp = List.of(LIB.method("ipcc-ar6-gwp100").orElseThrow());
            prepared = DatabaseCalculator.prepare(linked, gwp, mapping);
            cumulative = DatabaseCalculator.calculate(linked, gwp, mapping);
        }
    }

    /**
     * A demand given at solve time on the one factorisation is the sum of the demanded amounts times
     * each process's cumulative result (linearity of {@code h = C·B·A⁻¹·f}).
     */
    @Property(tries = 30)
    void aDemandVectorIsTheSumOfItsProcessesCumulativeResults(@ForAll @IntRange(min = 0, max = 765) int a,
                                                               @ForAll @IntRange(min = 0, max = 765) int b,
                                                               @ForAll @DoubleRange(min = 0, max = 1e3) double x,
                                                               @ForAll @DoubleRange(min = 0, max = 1e3) double y) {
        uslci();
        DatabaseResults.Row ra = cumulative.rows().get(a);
        DatabaseResults.Row rb = cumulative.rows().get(b);
        Map<String, Double> demand = new LinkedHashMap<>();
        demand.merge(ra.processId(), x, Double::sum);
        demand.merge(rb.processId(), y, Double::sum);
        LcaResult r = prepared.demand(demand);
        double expected = x * ra.values()[0] + y * rb.values()[0];
        assertEquals(expected, r.impact("climate_change"), 1e-9 * (Math.abs(x * ra.values()[0]) + Math.abs(y * rb.values()[0])) + 1e-12);
    }

    @Provide
    Arbitrary<Compartment> compartments() {
        return Arbitraries.of(Compartment.values());
    }

    /**
     * However a database writes a library flow's name (case, spaces) and in whichever compartment it
     * puts it, a name or CAS match never joins a resource to an emission: no sign can flip.
     */
    @Property(tries = 300)
    void aMatchNeverCrossesTheBoundaryTheOtherWay(@ForAll("libraryFlows") Flow lib, @ForAll("compartments") Compartment c,
                                                  @ForAll boolean upper, @ForAll boolean spaces) {
        String name = upper ? lib.name().toUpperCase(java.util.Locale.ROOT) : lib.name();
        if (spaces) {
            name = "  " + name.replace(" ", "   ") + " ";
        }
        Flow imported = new Flow("db-" + lib.id(), name, FlowType.ELEMENTARY, lib.referenceUnit(), c, c.label(), "");
        String[] m = new FlowMapping(LIB.flows().values()).match(imported, "");
        if (m != null) {
            Flow target = LIB.flows().get(m[0]);
            assertEquals(target.isInputByNature(), imported.isInputByNature(),
                    imported + " matched " + target + " by " + m[1]);
        }
    }

    @Provide
    Arbitrary<Flow> libraryFlows() {
        return Arbitraries.of(LIB.flows().values().stream().filter(Flow::isElementary).toList());
    }
}
