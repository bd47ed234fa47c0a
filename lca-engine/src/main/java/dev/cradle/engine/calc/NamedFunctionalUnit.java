package dev.cradle.engine.calc;

import dev.cradle.model.FunctionalUnit;
import java.util.Objects;

/**
 * One of the functional units a study reports its results for (per query, per 1,000 tokens, per year of
 * service, …), all delivered by the same product system: its name in the outputs and the reference flow
 * and amount it stands for.
 *
 * @param id   the unit's name in results.json, the CSV files and the reports; unique within the study
 * @param unit the reference flow, its provider and amount
 */
public record NamedFunctionalUnit(String id, FunctionalUnit unit) {
    public NamedFunctionalUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
    }
}
