package dev.cradle.model.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A country's electricity generation by source in one year, and the library generation technology that stands
 * in for each source when the categories other than climate change are computed from per-source factors.
 *
 * <p>Share of a source = its generation / {@link #totalTwh()}. A source with no technology (e.g. oil, "other
 * renewables") has no per-source factors: its share is reported as not covered, never counted as zero.
 *
 * @param country      ISO 3166-1 alpha-2 code of the country whose mix this is ({@code FR})
 * @param name         the country as the source names it
 * @param year         the year the generation figures describe
 * @param dataset      the dataset the mix comes from
 * @param twh          source ({@code coal}, {@code gas}, {@code oil}, {@code nuclear}, {@code hydro}, ...) → TWh
 *                     generated in {@code year}, in the dataset's order
 * @param technologies source → id of the generation technology ({@link ReferenceData#generationTechnology}) whose
 *                     factors it takes; a source missing here has none
 */
public record GenerationMix(String country, String name, int year, String dataset, Map<String, Double> twh,
                           Map<String, String> technologies) {
    public GenerationMix {
        twh = Collections.unmodifiableMap(new LinkedHashMap<>(twh));
        technologies = Map.copyOf(technologies);
        if (!(totalOf(twh) > 0)) {
            throw new IllegalArgumentException("the generation mix of " + country + " has no generation");
        }
    }

    private static double totalOf(Map<String, Double> twh) {
        return twh.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Total generation, TWh: the sum over the sources. */
    public double totalTwh() {
        return totalOf(twh);
    }

    /** The share of {@code source} in the total generation, [0, 1] (0 for a source the mix does not list). */
    public double share(String source) {
        return twh.getOrDefault(source, 0.0) / totalTwh();
    }

    /** The generation technology that stands in for {@code source}, if any. */
    public Optional<String> technology(String source) {
        return Optional.ofNullable(technologies.get(source));
    }
}
