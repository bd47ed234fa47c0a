package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code building}: datacenter building and infrastructure per MW of IT capacity,
 * {@code building:datacenter}, kg CO2-eq (uniform between min and max) over its service life in years.
 */
final class BuildingReader implements DatasetReader {
    @Override
    public String kind() {
        return "building";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        JsonNode e = root.path("embodied_per_mw");
        into.datacenterLifetimeYears = root.path("lifetime_years").asDouble();
        Process p = new Process("building:datacenter", "Datacenter building and infrastructure, per MW of IT capacity",
                LifecycleStage.MANUFACTURING, null, Map.of("dataset", d.id()),
                List.of(out(ReferenceFlows.DATACENTER_CAPACITY, 1, null), out(into.co2e(), e.path("default").asDouble(),
                        new Uncertainty.Uniform(e.path("min").asDouble(), e.path("max").asDouble()))),
                List.of(), List.of(), Set.of(ImpactCategories.CLIMATE));
        into.addProcess(p, d, p.name(), e.path("default").asDouble() / 1000 + " t CO2-eq per MW over "
                + into.datacenterLifetimeYears + " years (upper estimate)");
    }
}
