package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code electricity_source_results}: per-kWh results of electricity by generation source, already
 * characterised (the USLCI proxy: human toxicity in CTUh, ADP fossil in MJ), each with the categories it
 * covers and the library generation technologies it stands in for ({@code proxy_for}). It makes no process
 * of its own: {@link GenerationTechnologyReader} adds these results to {@code grid_source:<id>}.
 */
final class SourceResultsReader implements DatasetReader {
    @Override
    public String kind() {
        return "electricity_source_results";
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        root.path("sources").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            Set<String> covers = new LinkedHashSet<>();
            s.path("covers").forEach(c -> covers.add(c.asText()));
            for (String c : covers) {
                String column = LibraryAssembly.SourceResult.COLUMNS.get(c);
                if (column == null || !s.path("per_kwh").has(column)) {
                    throw new IllegalStateException(d.file() + ": source " + e.getKey() + " covers '" + c
                            + "' but gives no per_kwh value for it (known: " + LibraryAssembly.SourceResult.COLUMNS + ")");
                }
            }
            for (JsonNode tech : s.path("proxy_for")) {
                LibraryAssembly.SourceResult r = new LibraryAssembly.SourceResult(d, e.getKey(), s.path("process").asText(),
                        s.path("per_kwh"), java.util.Collections.unmodifiableSet(covers)); // in file order
                if (into.sourceResults.put(tech.asText(), r) != null) {
                    throw new IllegalStateException(d.file() + ": two sources stand in for technology " + tech.asText());
                }
            }
        });
    }
}
