package dev.cradle.scenario.api;

import dev.cradle.engine.result.LcaResult;
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
 */
public record StudyResult(String name, LcaResult locationBased, LcaResult marketBased, List<String> warnings) {
    public StudyResult {
        warnings = List.copyOf(warnings);
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
