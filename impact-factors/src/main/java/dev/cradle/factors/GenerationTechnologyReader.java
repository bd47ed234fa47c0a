package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.in;
import static dev.cradle.factors.LibraryAssembly.out;
import static dev.cradle.factors.LibraryAssembly.round;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import dev.cradle.model.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code electricity_sources}: one kWh from a generation technology, {@code grid_source:<id>}: life-cycle
 * g CO2-eq/kWh as a triangular distribution (min, median, max) and water consumed, gal/MWh converted to
 * m3/kWh (× 3.785411784 L/gal / 1000 / 1000); where an {@code electricity_source_results} dataset stands in
 * for the technology, its covered categories too (pre-characterised CTUh flows, fossil energy in MJ).
 */
final class GenerationTechnologyReader implements DatasetReader {
    @Override
    public String kind() {
        return "electricity_sources";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows", "electricity_source_results");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        root.path("sources").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            double min = s.path("min").asDouble();
            double median = s.path("median").asDouble();
            double max = s.path("max").asDouble();
            double litresPerKwh = s.path("water_gal_per_mwh").asDouble() * 3.785411784 / 1000;
            List<Exchange> exchanges = new ArrayList<>(List.of(out(ReferenceFlows.ELECTRICITY, 1, null),
                    out(into.co2e(), median / 1000, new Uncertainty.Triangular(min / 1000, median / 1000, max / 1000)),
                    in(into.flow(ReferenceFlows.WATER_CONSUMED), litresPerKwh / 1000)));
            Set<String> coverage = new LinkedHashSet<>(List.of(ImpactCategories.CLIMATE, ImpactCategories.WATER,
                    ImpactCategories.WATER_SCARCITY));
            String proxy = "";
            LibraryAssembly.SourceResult r = into.sourceResults.get(e.getKey());
            if (r != null) {
                // the US proxy (docs/factors.md): pre-characterised toxicity and fossil energy of the same source
                for (String c : r.covers()) {
                    exchanges.add(switch (c) {
                        case ImpactCategories.TOX_CANCER -> out(into.flow(ReferenceFlows.TOX_CANCER_CTUH), r.value(c), null);
                        case ImpactCategories.TOX_NON_CANCER -> out(into.flow(ReferenceFlows.TOX_NON_CANCER_CTUH), r.value(c), null);
                        case ImpactCategories.ADP_FOSSIL -> in(into.flow(ReferenceFlows.FOSSIL_ENERGY), r.value(c));
                        default -> throw new IllegalStateException(r.dataset().file() + ": cannot carry category " + c);
                    });
                    coverage.add(c);
                }
                proxy = "; " + String.join(", ", r.covers()) + " from " + r.dataset().id() + " '" + r.name() + "' (US proxy)";
            }
            Process p = new Process("grid_source:" + e.getKey(), "Electricity from " + s.path("name").asText(),
                    LifecycleStage.USE, null, Map.of("dataset", d.id()), exchanges, List.of(), List.of(), coverage);
            into.addProcess(p, d, p.name(), median + " g CO2-eq/kWh (range " + min + "-" + max + "), "
                    + round(litresPerKwh) + " L water/kWh" + proxy);
        });
    }
}
