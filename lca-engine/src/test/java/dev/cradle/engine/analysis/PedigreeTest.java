package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PedigreeTest {

    /** All scores 1 and no basic uncertainty: no spread, GSD = 1. */
    @Test
    void bestScoresAddNothing() {
        assertEquals(1, new Pedigree(1, 1, 1, 1, 1).geometricSd(0), 0);
        assertEquals(Math.exp(Math.sqrt(0.0006)), new Pedigree(1, 1, 1, 1, 1).geometricSd(0.0006), 1e-15);
    }

    /**
     * Hand calculation, scores (2, 3, 4, 5, 5), basic variance 0.0006: σ² = 0.0006 + 0.0006 (reliability 2)
     * + 0.0006 (completeness 3) + 0.008 (temporal 4) + 0.002 (geographical 5) + 0.12 (technology 5) = 0.1318;
     * GSD = exp(√0.1318) = exp(0.3630427) = 1.437697.
     */
    @Test
    void scoresAddTheirVariancesToTheBasicUncertainty() {
        Pedigree p = new Pedigree(2, 3, 4, 5, 5);
        assertEquals(0.1312, p.addedVariance(), 1e-12);
        assertEquals(1.437697, p.geometricSd(0.0006), 1e-6);
        assertEquals(1.437697, p.logNormal(42, 0.0006).geometricSd(), 1e-6);
        assertEquals(42, p.logNormal(42, 0.0006).geometricMean(), 0);
    }

    /**
     * ecoinvent's uncertainty factors (GSD² of one indicator alone) for further technological correlation
     * 2…5 are 1.05, 1.20, 1.50, 2.00 (Ciroth et al. 2016, table 1, "ecoinvent v3"): exp(2√σ²) rounded.
     */
    @Test
    void technologyScoresReproduceEcoinventsUncertaintyFactors() {
        double[] factors = {1.05, 1.20, 1.50, 2.00};
        for (int s = 2; s <= 5; s++) {
            double gsd = new Pedigree(1, 1, 1, 1, s).geometricSd(0);
            assertEquals(factors[s - 2], gsd * gsd, 0.01, "technology score " + s);
        }
    }

    @Test
    void rejectsScoresOutsideOneToFiveAndNegativeBasicUncertainty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Pedigree(1, 6, 1, 1, 1));
        assertEquals("pedigree: completeness score must be an integer from 1 to 5, got 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Pedigree(1, 1, 1, 1, 1).geometricSd(-0.1));
        assertTrue(e.getMessage().contains("basic uncertainty"), e.getMessage());
    }

    /** A worse score never narrows the distribution. */
    @Property
    void worseScoresNeverNarrowTheDistribution(@ForAll @IntRange(min = 1, max = 5) int r, @ForAll @IntRange(min = 1, max = 5) int c,
                                               @ForAll @IntRange(min = 1, max = 5) int t, @ForAll @IntRange(min = 1, max = 5) int g,
                                               @ForAll @IntRange(min = 1, max = 4) int tech) {
        double gsd = new Pedigree(r, c, t, g, tech).geometricSd(0.0006);
        assertTrue(gsd >= 1);
        assertTrue(new Pedigree(r, c, t, g, tech + 1).geometricSd(0.0006) >= gsd);
        if (r < 5) {
            assertTrue(new Pedigree(r + 1, c, t, g, tech).geometricSd(0.0006) >= gsd);
        }
    }
}
