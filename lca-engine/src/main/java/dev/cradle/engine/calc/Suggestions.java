package dev.cradle.engine.calc;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean ...?" hints for misspelt names, by Levenshtein distance (commons-text). */
public final class Suggestions {
    private static final org.apache.commons.text.similarity.LevenshteinDistance DISTANCE =
            org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    /** {@code "; did you mean 'x'?"} for the closest candidate within distance 3, else {@code ""}. */
    public static String didYouMean(String given, Collection<String> candidates) {
        return closest(given, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    public static java.util.Optional<String> closest(String given, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(3, given.length() / 2));
        return candidates.stream()
                .filter(c -> !c.equals(given))
                .map(c -> java.util.Map.entry(c, DISTANCE.apply(given.toLowerCase(), c.toLowerCase())))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.comparingInt(java.util.Map.Entry<String, Integer>::getValue)
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(java.util.Map.Entry::getKey);
    }
}
