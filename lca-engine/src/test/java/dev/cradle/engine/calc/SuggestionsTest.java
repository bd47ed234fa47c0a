package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" hints: the rules in their order of precedence, one case each. */
class SuggestionsTest {
    @Test
    void theSameNameInAnotherCaseComesBeforeTheFamily() {
        // 'grid: fr' suggested FR-COR (Corsica, FR's family) instead of FR (stop-19 review)
        assertEquals("; did you mean 'FR'?", Suggestions.didYouMean("fr", List.of("FR-COR", "FR", "DE")));
    }

    @Test
    void membersOfTheFamilyThenTheClosestName() {
        assertEquals("; did you mean 'nvidia-a100-40gb' or 'nvidia-a100-80gb'?",
                Suggestions.didYouMean("nvidia-a100", List.of("nvidia-a100-80gb", "nvidia-a100-40gb", "nvidia-h100")));
        assertEquals("; did you mean 'pue'?", Suggestions.didYouMean("peu", List.of("pue", "power")));
        assertEquals("", Suggestions.didYouMean("zzzz", List.of("pue", "power")));
    }
}
