package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code electricity_grid}: average grid intensities (g CO2-eq/kWh) of countries, regions, sub-national
 * zones and cloud regions, each one {@code grid:<code>} process per kWh covering climate change only. A dataset
 * with a {@code code_suffix} is a named vintage: its codes are {@code <code><suffix>} ({@code gcp/us-central1@mlco2}).
 */
final class GridReader implements DatasetReader {
    @Override
    public String kind() {
        return "electricity_grid";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        // a named vintage ({@code code_suffix: "@mlco2"}) keeps its regions under code@name, not the plain code
        String suffix = root.path("code_suffix").asText("");
        root.path("grids").fields().forEachRemaining(e -> {
            String code = e.getKey() + suffix;
            JsonNode n = e.getValue();
            double g = n.path("intensity").asDouble(Double.NaN);
            if (!(g >= 0)) {
                throw new IllegalStateException(d.file() + ": grid " + code + " has no valid intensity");
            }
            String vintage = n.has("vintage") ? n.path("vintage").asText() : String.valueOf(n.path("year").asInt(d.year()));
            String level = code.contains("/") ? "cloud region" : n.path("region").asBoolean(false) ? "region"
                    : code.contains("-") ? "sub-national" : "country";
            into.grids.put(code, new GridIntensity(code, n.path("name").asText(), g, vintage, level, d));
            Process p = new Process("grid:" + code, "Electricity, grid, " + n.path("name").asText() + " ("
                    + (n.has("vintage") ? d.id() : vintage) + ")",
                    LifecycleStage.USE, null, Map.of("dataset", d.id()),
                    List.of(out(ReferenceFlows.ELECTRICITY, 1, null), out(into.co2e(), g / 1000, null)), List.of(),
                    List.of(), Set.of(ImpactCategories.CLIMATE));
            into.addProcess(p, d, p.name(), g + " g CO2-eq/kWh, " + level + ", vintage " + vintage
                    + (n.has("pue") ? ", PUE " + n.path("pue").asText() : ""));
        });
    }
}
