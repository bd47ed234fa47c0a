package dev.cradle.scenario.report;

import dev.cradle.engine.calc.NamedFunctionalUnit;
import dev.cradle.engine.result.LcaResult;
import java.util.Objects;

/**
 * The results of one of a study's functional units, all from the same compiled system.
 *
 * @param unit     the unit's id, reference flow and amount
 * @param primary  true for the study's first unit: the product system's own, the one the detailed reports are per
 * @param location the result with location-based grid intensities
 * @param market   the result with market-based intensities (renewable contracts), or null for a study without AI
 */
public record UnitResult(NamedFunctionalUnit unit, boolean primary, LcaResult location, LcaResult market) {
    public UnitResult {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(location, "location");
    }

    public String id() {
        return unit.id();
    }

    /** The amount of the reference flow the results are for, in the flow's reference unit. */
    public double amount() {
        double[] f = location.demand();
        for (double v : f) {
            if (v != 0) {
                return Math.abs(v);
            }
        }
        return 0;
    }
}
