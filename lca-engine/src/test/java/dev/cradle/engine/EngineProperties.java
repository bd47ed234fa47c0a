package dev.cradle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.result.Contributions;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SparseLuSolver;
import dev.cradle.engine.solve.TopologicalSolver;
import dev.cradle.model.ProductSystem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What must hold for every product system. */
class EngineProperties {

    @Provide
    Arbitrary<ProductSystem> acyclic() {
        return RandomSystems.systems(false);
    }

    @Provide
    Arbitrary<ProductSystem> anySystem() {
        return Arbitraries.oneOf(RandomSystems.systems(false), RandomSystems.systems(true));
    }

    @Provide
    Arbitrary<Double> factor() {
        return Arbitraries.doubles().between(1e-3, 1e3).ofScale(6);
    }

    @Property(tries = 200)
    void scalingTheFunctionalUnitByKScalesEveryResultByK(@ForAll("anySystem") ProductSystem system,
                                                         @ForAll("factor") double k) {
        LcaResult base = Cradle.evaluate(system);
        double amount = ((dev.cradle.model.Amount.Constant) system.functionalUnit().amount()).value();
        LcaResult scaled = Cradle.evaluate(system.withFunctionalUnit(system.functionalUnit().withAmount(amount * k)));
        assertClose(times(base.impacts(), k), scaled.impacts());
        assertClose(times(base.inventory(), k), scaled.inventory());
        assertClose(times(base.scalingVector(), k), scaled.scalingVector());
    }

    @Property(tries = 200)
    void contributionsByProcessStagePhaseAndTagSumToTheTotal(@ForAll("anySystem") ProductSystem system) {
        LcaResult r = Cradle.evaluate(system);
        for (int k = 0; k < r.impactIndex().size(); k++) {
            for (Contributions c : new Contributions[] {r.byProcess(k), r.byStage(k), r.byPhase(k),
                    r.byTag(k, "device")}) {
                assertEquals(c.total(), c.sum(), 1e-9 * Math.max(1, Math.abs(c.total())), c.toString());
            }
        }
    }

    @Property(tries = 200)
    void topologicalEvaluationEqualsTheSparseLuSolve(@ForAll("acyclic") ProductSystem system) {
        CompiledSystem compiled = Cradle.compile(system);
        var data = compiled.matrices();
        Factorization topo = new TopologicalSolver().factorize(data.technosphere());
        Factorization lu = new SparseLuSolver().factorize(data.technosphere());
        assertClose(lu.solve(data.demand()), topo.solve(data.demand()));
        double[] c = new double[data.demand().length];
        java.util.Arrays.fill(c, 1.0);
        assertClose(lu.solveTransposed(c), topo.solveTransposed(c));
    }

    @Property(tries = 100)
    void upstreamTreeRootAndLoopCorrectedTotalsEqualTheResult(@ForAll("anySystem") ProductSystem system) {
        LcaResult r = Cradle.evaluate(system);
        double h = r.impacts()[0];
        double tol = 1e-9 * Math.max(1, Math.abs(h));
        assertEquals(h, r.upstreamTree(0, 0.01, 6).total(), tol);
        assertEquals(h, r.upstreamTotals(0)[0], tol);
        var root = r.upstreamTree(0, 0.0, 3);
        double sum = root.direct() + root.cutOff()
                + root.children().stream().mapToDouble(dev.cradle.engine.result.UpstreamNode::total).sum();
        assertEquals(root.total(), sum, tol);
    }

    private static double[] times(double[] v, double k) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= k;
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "index " + i);
        }
    }
}
