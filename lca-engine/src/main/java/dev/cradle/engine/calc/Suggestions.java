package dev.cradle.engine.calc;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean ...?" hints for misspelt names, by Levenshtein distance (commons-text). */
public final class Suggestions {

    private Suggestions() {
    }

    /** Longest text compared with the candidates: anything longer is no misspelling of an id. */
    private static final int MAX_COMPARED = 200;

    /**
     * {@code "; did you mean 'x'?"}: the same name in another letter case first ({@code fr} → {@code FR}), then the
     * members of the same family (candidates that extend {@code given} by a suffix, e.g. {@code nvidia-a100} →
     * {@code nvidia-a100-40gb} or
     * {@code nvidia-a100-80gb}), else the closest candidate within edit distance 3, else {@code ""}.
     */
    public static String didYouMean(String given, Collection<String> candidates) {
        // the same name in other letter case first: 'fr' is the grid FR, not a member of FR-COR's family
        java.util.List<String> sameName = candidates.stream().filter(c -> !c.equals(given) && c.equalsIgnoreCase(given))
                .sorted().limit(5).toList();
        if (!sameName.isEmpty()) {
            return "; did you mean " + String.join(" or ", sameName.stream().map(c -> "'" + c + "'").toList()) + "?";
        }
        java.util.List<String> family = family(given, candidates);
        if (!family.isEmpty()) {
            return "; did you mean " + String.join(" or ", family.stream().map(c -> "'" + c + "'").toList()) + "?";
        }
        return closest(given, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /** Candidates that are {@code given} plus a suffix after a separator ({@code -}, {@code _}, {@code /}), sorted; at most 5. */
    public static java.util.List<String> family(String given, Collection<String> candidates) {
        if (given.isBlank() || given.length() > MAX_COMPARED) {
            return java.util.List.of();
        }
        String g = given.toLowerCase();
        return candidates.stream().filter(c -> c.length() > g.length() + 1 && c.toLowerCase().startsWith(g)
                        && "-_/:".indexOf(c.charAt(g.length())) >= 0)
                .sorted().limit(5).toList();
    }

    public static java.util.Optional<String> closest(String given, Collection<String> candidates) {
        if (given.length() > MAX_COMPARED) {
            return java.util.Optional.empty();
        }
        int limit = Math.max(1, Math.min(3, given.length() / 2));
        org.apache.commons.text.similarity.LevenshteinDistance bounded =
                new org.apache.commons.text.similarity.LevenshteinDistance(limit);
        return candidates.stream()
                .filter(c -> !c.equals(given) && Math.abs(c.length() - given.length()) <= limit)
                .map(c -> java.util.Map.entry(c, transposed(given, c) ? 1 : bounded.apply(given.toLowerCase(),
                        c.toLowerCase())))
                .filter(e -> e.getValue() >= 0)
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.comparingInt(java.util.Map.Entry<String, Integer>::getValue)
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(java.util.Map.Entry::getKey);
    }

    /** True when {@code a} is {@code b} with two adjacent letters swapped ({@code peu} / {@code pue}): one typo. */
    static boolean transposed(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        String x = a.toLowerCase();
        String y = b.toLowerCase();
        int i = 0;
        while (i < x.length() && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        return i + 1 < x.length() && x.charAt(i) == y.charAt(i + 1) && x.charAt(i + 1) == y.charAt(i)
                && x.substring(i + 2).equals(y.substring(i + 2));
    }
}
