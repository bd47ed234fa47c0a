package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.model.Uncertainty;
import java.util.List;
import org.junit.jupiter.api.Test;

class TornadoTest {

    /**
     * y = 2x₁ + x₂·x₃ at central (1, 10, 3), x₁ ~ U(0, 2), x₂ ~ N(10, 1), x₃ fixed (no distribution).
     * x₁ at its 5th/95th percentiles 0.1 / 1.9 → y = 30.2 / 33.8, swing 3.6;
     * x₂ at 10 ∓ 1.644854 → y = 2 + 3·(10 ∓ 1.644854) = 27.065438 / 36.934562, swing 9.869124: x₂ ranks first.
     */
    @Test
    void eachParameterAtItsFifthAndNinetyFifthPercentileOthersCentral() {
        ParametricModel m = ParametricModel.of(new double[] {1, 10, 3}, List.of("y"),
                (p, out) -> out[0] = 2 * p[0] + p[1] * p[2]);
        List<UncertainParameter> ps = List.of(UncertainParameter.of("x1", 0, new Uncertainty.Uniform(0, 2)),
                UncertainParameter.of("x2", 1, new Uncertainty.Normal(10, 1)));
        Tornado.Result r = Tornado.run(m, ps);
        assertEquals(32, r.central()[0], 1e-12);
        List<Tornado.Bar> bars = r.bars().get(0);
        assertEquals("x2", bars.get(0).parameter().name());
        assertEquals(27.065438, bars.get(0).outputLow(), 1e-5);
        assertEquals(36.934562, bars.get(0).outputHigh(), 1e-5);
        assertEquals(9.869124, bars.get(0).swing(), 1e-5);
        assertEquals("x1", bars.get(1).parameter().name());
        assertEquals(0.1, bars.get(1).low(), 1e-12);
        assertEquals(30.2, bars.get(1).outputLow(), 1e-12);
        assertEquals(33.8, bars.get(1).outputHigh(), 1e-12);
    }
}
