package dev.cradle.scenario.api;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.report.UnitResult;
import java.util.List;
import java.util.Optional;

/**
 * The result of a study: location-based (every grid at its average intensity) and, for a study with
 * AI declarations, market-based (after renewable contracts, GHG Protocol Scope 2), with the warnings
 * found on the way ({@code file:line:column: message}: valid input that is probably not what was meant).
 *
 * @param name          the study's name
 * @param locationBased the result with location-based grid intensities (the main result)
 * @param marketBased   the result with market-based intensities, or null for a study without AI declarations
 *                      (both for the primary functional unit)
 * @param units         every functional unit's results (location- and market-based), the primary first
 */
public record StudyResult(String name, LcaResult locationBased, LcaResult marketBased, List<UnitResult> units,
                          List<String> warnings) {
    public StudyResult {
        units = List.copyOf(units);
        warnings = List.copyOf(warnings);
    }

    /**
     * The results of one functional unit by its id ({@code study}, {@code query:chat-7b}, or the id it was given).
     *
     * @throws IllegalArgumentException naming the study's units when there is no such unit
     */
    public UnitResult unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no functional unit '" + id + "'" + dev.cradle.engine.calc.Suggestions
                        .didYouMean(id, units.stream().map(UnitResult::id).toList()) + " (units: "
                        + String.join(", ", units.stream().map(UnitResult::id).toList()) + ")"));
    }

    /** The location-based total of one indicator ({@code climate_change}), in the indicator's unit. */
    public double impact(String indicator) {
        return locationBased.impact(indicator);
    }

    /** The market-based result, when the study has AI declarations. */
    public Optional<LcaResult> market() {
        return Optional.ofNullable(marketBased);
    }
}
