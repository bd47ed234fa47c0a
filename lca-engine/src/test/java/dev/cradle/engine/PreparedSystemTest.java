package dev.cradle.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.PreparedSystem;
import dev.cradle.engine.result.CumulativeResults;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** One factorisation, any demand; every process's cumulative results from adjoint solves. */
class PreparedSystemTest {

    /**
     * The three-process loop of {@link CalculationTest#threeProcessLoop}, one unit of each product, by hand:
     * steel: s_s = 1 + 5·s_q, s_q = 0.01·s_e, s_e = 20·s_q + 2·s_s → s_e = 2.5·s_s, s_s = 1/0.875;
     * CO2 = 1.5·s_s + 0.5·s_e + 2·s_q = 3.2 kg. One level up (a process = its direct emissions + Σ input ×
     * provider's cumulative result): electricity 0.5 + 0.01·35 = 0.85; equipment 2 + 20·0.85 + 5·3.2 = 35;
     * steel 1.5 + 2·0.85 = 3.2 — the three equations hold together only for (0.85, 35, 3.2).
     */
    @Test
    void cumulativeResultsOfEveryProcessMatchTheHandCalculation() {
        CompiledSystem compiled = Cradle.compile(CalculationTest.threeProcessLoop(20));
        CumulativeResults all = Cradle.calculator().cumulativeResults(compiled);
        int k = 0;
        assertEquals(0.85, all.value(k, column(compiled, "electricity")), 1e-12);
        assertEquals(35, all.value(k, column(compiled, "equipment_making")), 1e-12);
        assertEquals(3.2, all.value(k, column(compiled, "steel_making")), 1e-12);
        assertTrue(all.solverMethod().startsWith("sparse LU by blocks"));
        assertTrue(all.warnings().isEmpty());
        // the same table from bare matrices A, B, C and a factorisation of A
        PreparedSystem prepared = Cradle.prepare(CalculationTest.threeProcessLoop(20));
        double[][] table = CumulativeResults.table(prepared.matrices(), prepared.factorization());
        assertArrayEquals(all.indicator(k), table[k], 1e-12);
    }

    /** Every column's cumulative result equals a separate calculation with one unit of it as functional unit. */
    @Property(tries = 60)
    void cumulativeResultsEqualOneCalculationPerFunctionalUnit(@ForAll long seed) {
        ProductSystem system = RandomSystems.build(new java.util.Random(seed), seed % 2 == 0);
        CompiledSystem compiled = Cradle.compile(system);
        PreparedSystem prepared = Cradle.calculator().prepare(compiled);
        CumulativeResults all = prepared.cumulativeResults();
        for (int j = 0; j < compiled.techIndex().size(); j++) {
            var column = compiled.techIndex().at(j);
            LcaResult one = Cradle.evaluate(system.withFunctionalUnit(
                    dev.cradle.model.FunctionalUnit.of(column.flow(), 1.0)));
            for (int k = 0; k < all.impactIndex().size(); k++) {
                double h = one.impacts()[k];
                assertEquals(h, all.value(k, j), 1e-9 * Math.max(1, Math.abs(h)), column.label());
            }
        }
    }

    @Test
    void aDemandGivenAtSolveTimeReusesTheFactorisation() {
        CompiledSystem compiled = Cradle.compile(CalculationTest.threeProcessLoop(20));
        PreparedSystem prepared = Cradle.calculator().prepare(compiled);
        int e = column(compiled, "electricity");
        int s = column(compiled, "steel_making");
        double[] f = new double[3];
        f[e] = 2;
        f[s] = 10;
        LcaResult r = prepared.calculate(f);
        // linear in f: 2 kWh × 0.85 + 10 kg steel × 3.2 = 33.7 kg CO2
        assertEquals(33.7, r.impact("gwp100"), 1e-12);
        assertArrayEquals(f, r.demand(), 0);
        LcaResult steel = prepared.calculate(s, 1);
        assertEquals(3.2, steel.impact("gwp100"), 1e-12);
        assertEquals(0.85, prepared.calculate().impact("gwp100"), 1e-12);
        assertSame(prepared.factorization(), prepared.factorization());
        assertEquals(r.solverMethod(), steel.solverMethod());
        assertThrows(IllegalArgumentException.class, () -> prepared.calculate(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> prepared.calculate(new double[] {Double.NaN, 0, 0}));
    }

    /**
     * Electricity needs 1 − 2⁻³⁶ kWh of itself through a storage loop: gain 1 − 2⁻³⁶, productive but
     * badly conditioned. The result carries the solver's warning; the engine prints nothing.
     */
    @Test
    void anIllConditionedSystemCarriesTheWarningInItsResult() {
        dev.cradle.model.Flow stored = dev.cradle.model.Flow.product("stored", "Stored electricity",
                dev.cradle.model.Units.of("kWh"));
        Process grid = Process.builder("grid").output(Fixtures.ELECTRICITY, 1).input(stored, 1)
                .output(Fixtures.CO2, 0.5).build();
        Process storage = Process.builder("storage").output(stored, 1)
                .input(Fixtures.ELECTRICITY, 1 - Math.scalb(1.0, -36)).build();
        LcaResult r = Cradle.evaluate(ProductSystem.builder("storage loop").process(grid).process(storage)
                .functionalUnit(Fixtures.ELECTRICITY, 1, "1 kWh").method(Fixtures.GWP).build());
        assertEquals(1, r.solverWarnings().size());
        assertTrue(r.solverWarnings().get(0).contains("badly conditioned"), r.solverWarnings().get(0));
        assertTrue(r.conditionEstimate() > 1e10);
        // s_grid = 1/(1 − (1 − 2⁻³⁶)) = 2³⁶ runs, 0.5 kg each
        assertEquals(0.5 * Math.scalb(1.0, 36), r.impact("gwp100"), 1e-4 * 0.5 * Math.scalb(1.0, 36));
    }

    @Test
    void aLoopWithGainAboveOneIsAModelErrorNamingItsProcessesAndGain() {
        ModelException e = assertThrows(ModelException.class, () -> Cradle.evaluate(CalculationTest.threeProcessLoop(200)));
        // 200 kWh × 0.01 + 2 kWh × 5 kg × 0.01 = 2.1 kWh consumed per kWh made around the loop; the
        // loop's gain (Perron root of its requirement matrix) is the largest root of
        // ρ³ = 0.01·200·ρ + 0.01·5·2 = 2ρ + 0.1, i.e. 1.43858 (NumPy roots)
        String msg = e.getMessage();
        assertTrue(msg.contains("cannot be solved: these 3 processes form a loop whose gain is 1.43858"), msg);
        assertTrue(msg.contains("electricity") && msg.contains("equipment_making") && msg.contains("steel_making"), msg);
    }

    /**
     * A transposed solve that fails (as a residual check would) reaches the caller of the upstream
     * analysis as the typed ModelException naming the processes (exit code 2 in the runner), never as
     * an internal error.
     */
    @Test
    void aFailingTransposedSolveInUpstreamAnalysisIsAModelError() {
        CompiledSystem compiled = Cradle.compile(CalculationTest.threeProcessLoop(20));
        var data = compiled.matrices();
        var real = new dev.cradle.engine.solve.SolverSelector().factorize(data.technosphere());
        var failing = new dev.cradle.engine.solve.Factorization() {
            public double[] solve(double[] f) {
                return real.solve(f);
            }

            public double[] solveTransposed(double[] c) {
                throw new dev.cradle.engine.solve.SingularSystemException(
                        dev.cradle.engine.solve.SingularSystemException.Kind.INACCURATE,
                        "the transposed solve's relative residual is 1e-3", new int[] {1}, Double.NaN, 1e12);
            }

            public String method() {
                return real.method();
            }

            public double conditionEstimate() {
                return real.conditionEstimate();
            }

            public java.util.List<String> warnings() {
                return real.warnings();
            }
        };
        LcaResult r = new LcaResult(compiled.techIndex(), compiled.flowIndex(), compiled.impactIndex(), data, failing);
        ModelException e = assertThrows(ModelException.class, () -> r.upstreamTree(0, 0.01, 5));
        assertEquals("process:" + compiled.techIndex().at(1).processId(), e.problems().get(0).path());
        assertTrue(e.getMessage().contains("cannot be solved: the transposed solve's relative residual is 1e-3"),
                e.getMessage());
    }

    private static int column(CompiledSystem c, String process) {
        for (int j = 0; j < c.techIndex().size(); j++) {
            if (c.techIndex().at(j).processId().equals(process)) {
                return j;
            }
        }
        throw new AssertionError(process);
    }
}
