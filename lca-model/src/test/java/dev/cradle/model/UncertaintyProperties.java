package dev.cradle.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The distributions: the lognormal's two parameterisations agree, and impossible parameters are refused. */
class UncertaintyProperties {
    /** A lognormal given by its arithmetic mean and sd has that mean: e^(μ + σ²/2) = mean. */
    @Property
    void aLognormalFromItsArithmeticMomentsKeepsItsMean(@ForAll @DoubleRange(min = 1e-3, max = 1e6) @net.jqwik.api.constraints.Scale(6) double mean,
                                                        @ForAll @DoubleRange(min = 0, max = 5) double cv) {
        Uncertainty.LogNormal l = Uncertainty.LogNormal.fromArithmetic(mean, cv * mean);
        assertEquals(mean, l.mean(), 1e-12 * mean);
        // and its variance (e^σ² − 1)·e^(2μ + σ²) is sd²
        double s2 = Math.pow(Math.log(l.geometricSd()), 2);
        double variance = Math.expm1(s2) * Math.pow(l.geometricMean(), 2) * Math.exp(s2);
        assertEquals(cv * cv * mean * mean, variance, 1e-9 * Math.max(1e-300, cv * cv * mean * mean) + 1e-300);
    }

    /** Hand check: mean 10, sd 2 → σ² = ln 1.04 = 0.0392207, geometric mean 9.805807, geometric sd 1.219014. */
    @Test
    void lognormalByHand() {
        Uncertainty.LogNormal l = Uncertainty.LogNormal.fromArithmetic(10, 2);
        assertEquals(9.805807, l.geometricMean(), 1e-6);
        assertEquals(1.219014, l.geometricSd(), 1e-6);
    }

    @Test
    void impossibleParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Normal(1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Uniform(5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Triangular(1, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Pert(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.LogNormal.fromArithmetic(-1, 1));
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> new Uncertainty.Discrete(List.of(1.0, 2.0), List.of(0.5, 0.4)));
        assertTrue(sum.getMessage().contains("sum to 1"), sum.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Discrete(List.of(1.0), List.of(0.5, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> new Uncertainty.Fixed(Double.NaN));
    }

    /** PERT's mean is (min + 4·mode + max)/6; an empirical distribution's mean is the average of its values. */
    @Test
    void meansByHand() {
        assertEquals(13.0 / 6, new Uncertainty.Pert(1, 2, 4).mean(), 1e-15);
        assertEquals(2.5, Uncertainty.Discrete.empirical(List.of(1.0, 2.0, 3.0, 4.0)).mean(), 1e-15);
        // 1·0.2 + 3·0.8 = 2.6
        assertEquals(2.6, new Uncertainty.Discrete(List.of(1.0, 3.0), List.of(0.2, 0.8)).mean(), 1e-15);
    }
}
