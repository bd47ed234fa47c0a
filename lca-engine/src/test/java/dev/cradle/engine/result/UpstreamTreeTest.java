package dev.cradle.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cradle.engine.Cradle;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Training a model takes 100 kWh of grid power and 2 kg of server embodied CO2 directly; the grid emits
 * 0.5 kg CO2 per kWh and needs 0.01 kWh of its own power per kWh (losses: a self-loop is on the diagonal,
 * A[grid][grid] = 1 − 0.01 = 0.99). By hand: the model's total = 2 + 100 × 0.5 / 0.99 = 52.50505… kg.
 */
class UpstreamTreeTest {
    static final Flow MODEL = Flow.product("model", "Trained model", Units.of("item"));
    static final Flow POWER = Flow.product("electricity", "Electricity", Units.of("kWh"));
    static final Flow CO2 = Flow.elementary("co2", "CO2", Units.of("kg"), Compartment.AIR);
    static final ImpactMethod GWP = new ImpactMethod("gwp", "GWP", List.of(new ImpactCategory("gwp100", "Climate",
            Units.indicator("kg CO2-eq"), List.of(CharacterisationFactor.of(CO2, 1)))));

    static LcaResult result() {
        return Cradle.evaluate(ProductSystem.builder("s")
                .process(Process.builder("training").output(MODEL, 1).input(POWER, 100).output(CO2, 2).build())
                .process(Process.builder("grid").output(POWER, 1).input(POWER, 0.01).output(CO2, 0.5).build())
                .functionalUnit(MODEL, 1, "one model").method(GWP).build());
    }

    @Test
    void theRootAndItsSupplierByHand() {
        UpstreamTree tree = result().upstreamTree(0);
        UpstreamTree.Node root = tree.root();
        assertEquals("training", root.provider().processId());
        assertEquals(2 + 100 * 0.5 / 0.99, root.total(), 1e-12);
        assertEquals(2, root.direct(), 1e-15);
        List<UpstreamTree.Node> children = tree.childrenOf(root);
        assertEquals(1, children.size());
        UpstreamTree.Node grid = children.get(0);
        // training pulls 100 kWh; the grid runs 100 / 0.99 times: direct 50.505…, all of it upstream too
        assertEquals(100, grid.amount(), 1e-12);
        assertEquals(100 * 0.5 / 0.99, grid.direct(), 1e-12);
        assertEquals(100 * 0.5 / 0.99, grid.total(), 1e-12);
        assertEquals(root.total(), root.direct() + grid.total(), 1e-12);
        // the self-loop sits on the diagonal, not as a child
        assertEquals(List.of(), tree.childrenOf(grid));
    }

    @Test
    void builtOnceKeptAndTheSameForEveryThread() throws Exception {
        LcaResult r = result();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<UpstreamTree> ask = () -> r.upstreamTree(0);
            List<Future<UpstreamTree>> answers = pool.invokeAll(List.of(ask, ask, ask, ask, ask, ask, ask, ask));
            UpstreamTree first = answers.get(0).get();
            for (Future<UpstreamTree> f : answers) {
                assertSame(first, f.get());
            }
            assertEquals(first.childrenOf(first.root()), first.childrenOf(first.root()));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theSnapshotEqualsTheLazyTree() {
        LcaResult r = result();
        UpstreamNode snapshot = r.upstreamTree(0, 0, 5);
        UpstreamTree.Node root = r.upstreamTree(0).root();
        assertEquals(root.total(), snapshot.total(), 0);
        assertEquals(r.upstreamTree(0).childrenOf(root).get(0).total(), snapshot.children().get(0).total(), 0);
        // a cut-off above the grid's share (96 %) leaves it out, summed into cutOff
        UpstreamNode cut = r.upstreamTree(0, 0.99, 5);
        assertEquals(List.of(), cut.children());
        assertEquals(100 * 0.5 / 0.99, cut.cutOff(), 1e-12);
    }

    @Test
    void theProviderHoldsTheNumbersTheFacadeCopies() {
        LcaResult r = result();
        // s = [1 model, 100 / 0.99 kWh]; g = 2 + 50.505… kg CO2
        assertArrayEquals(new double[] {1, 100 / 0.99}, r.scalingVector(), 1e-12);
        assertEquals(2 + 100 * 0.5 / 0.99, r.inventory("co2"), 1e-12);
        r.scalingVector()[0] = 42;
        assertEquals(1, r.scalingVector()[0], 0, "a copy each time");
        assertSame(r.provider(), r.provider());
        // intensities: 52.50505… per model, 0.5 / 0.99 per kWh
        assertArrayEquals(new double[] {2 + 100 * 0.5 / 0.99, 0.5 / 0.99}, r.intensities(0), 1e-12);
        // loop-corrected upstream totals: the grid's self-loop is its own diagonal, so lf = 1 and t = 0.99·s
        assertArrayEquals(new double[] {2 + 100 * 0.5 / 0.99, 100 * 0.5 / 0.99}, r.upstreamTotals(0), 1e-12);
    }
}
