package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.data.GenerationMix;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code electricity_generation_mix}: electricity generation by source per country (TWh per year, keyed by ISO
 * 3166-1 alpha-2), and the generation technology ({@code grid_source:<id>}, read first) each source takes its
 * per-source factors from ({@code technologies}; {@code none}: no technology). A technology the library does not
 * know, a country row with a source the mapping does not name, or a negative figure is an error of the bundled data.
 */
final class GenerationMixReader implements DatasetReader {
    static final String NONE = "none";

    @Override
    public String kind() {
        return "electricity_generation_mix";
    }

    @Override
    public Set<String> after() {
        return Set.of("electricity_sources");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        Map<String, String> technologies = new LinkedHashMap<>();
        root.path("technologies").fields().forEachRemaining(e -> {
            String t = e.getValue().asText();
            if (!t.equals(NONE)) {
                if (!into.processes.containsKey("grid_source:" + t)) {
                    throw new IllegalStateException(d.file() + ": source " + e.getKey() + " maps to unknown technology " + t);
                }
                technologies.put(e.getKey(), t);
            }
        });
        Set<String> sources = new java.util.LinkedHashSet<>();
        root.path("technologies").fieldNames().forEachRemaining(sources::add);
        root.path("countries").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            Map<String, Double> twh = new LinkedHashMap<>();
            c.fields().forEachRemaining(f -> {
                if (f.getKey().equals("name") || f.getKey().equals("year")) {
                    return;
                }
                if (!sources.contains(f.getKey()) || !(f.getValue().asDouble(-1) >= 0)) {
                    throw new IllegalStateException(d.file() + ": " + e.getKey() + "." + f.getKey()
                            + " is not a source of 'technologies' with TWh >= 0");
                }
                twh.put(f.getKey(), f.getValue().asDouble());
            });
            GenerationMix mix = new GenerationMix(e.getKey(), c.path("name").asText(), c.path("year").asInt(), d.id(), twh,
                    technologies);
            into.generationMixes.put(e.getKey(), mix);
            StringBuilder summary = new StringBuilder("generation " + LibraryAssembly.round(mix.totalTwh()) + " TWh ("
                    + mix.year() + ")");
            twh.forEach((s, v) -> {
                if (v > 0) {
                    summary.append(summary.charAt(summary.length() - 1) == ')' ? ": " : ", ").append(s).append(' ').append(LibraryAssembly.round(100 * mix.share(s))).append(" %");
                }
            });
            into.entries.put("mix:" + e.getKey(), new LibraryEntry("mix:" + e.getKey(), "generation mix",
                    "Electricity generation mix, " + mix.name(), summary.toString(), d));
        });
    }
}
