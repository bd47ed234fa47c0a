package dev.cradle.engine;

import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random product systems for property tests. Process i makes product i; with {@code loops = false}
 * it only buys from processes j &gt; i (a DAG); with loops it may also buy from j &lt; i, with input
 * coefficients small enough (row sums &lt; 1/2 of the output) that the system stays solvable.
 */
final class RandomSystems {
    private RandomSystems() {
    }

    static Arbitrary<ProductSystem> systems(boolean loops) {
        return Arbitraries.longs().map(seed -> build(new Random(seed), loops));
    }

    static ProductSystem build(Random rnd, boolean loops) {
        int n = 2 + rnd.nextInt(25);
        Flow[] products = new Flow[n];
        for (int i = 0; i < n; i++) {
            products[i] = Flow.product("p" + i, "product " + i, Units.of("kg"));
        }
        Flow[] emissions = {Fixtures.CO2, Fixtures.CH4, Fixtures.SO2};
        ProductSystem.Builder sys = ProductSystem.builder("random");
        for (int i = 0; i < n; i++) {
            double output = 0.5 + rnd.nextDouble() * 1.5;
            Process.Builder p = Process.builder("proc" + i).output(products[i], output)
                    .stage(LifecycleStage.values()[rnd.nextInt(5)]);
            int phase = rnd.nextInt(4);
            if (phase < 3) {
                p.phase(MlPhase.values()[phase]);
            }
            if (rnd.nextBoolean()) {
                p.tag("device", "d" + rnd.nextInt(3));
            }
            for (int j = 0; j < n; j++) {
                boolean allowed = loops ? j != i : j > i;
                if (allowed && rnd.nextDouble() < 0.3) {
                    p.input(products[j], rnd.nextDouble() * output / (2.0 * n));
                }
            }
            for (Flow e : emissions) {
                if (rnd.nextDouble() < 0.7) {
                    p.output(e, rnd.nextDouble() * 10);
                }
            }
            sys.process(p.build());
        }
        return sys.functionalUnit(products[0], 0.1 + rnd.nextDouble() * 100, "random demand")
                .method(Fixtures.GWP).build();
    }
}
