package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.out;
import static dev.cradle.factors.LibraryAssembly.round;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code transport}: one t·km by mode, {@code freight:<mode>}, kg CO2-eq = tank-to-wheel + well-to-tank. */
final class FreightReader implements DatasetReader {
    @Override
    public String kind() {
        return "transport";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        root.path("modes").fields().forEachRemaining(e -> {
            double kg = e.getValue().path("ttw").asDouble() + e.getValue().path("wtt").asDouble();
            Process p = new Process("freight:" + e.getKey(), e.getValue().path("name").asText(), LifecycleStage.TRANSPORT,
                    null, Map.of("dataset", d.id()), List.of(out(ReferenceFlows.FREIGHT, 1, null), out(into.co2e(), kg, null)),
                    List.of(), List.of(), Set.of(ImpactCategories.CLIMATE));
            into.addProcess(p, d, p.name(), round(kg) + " kg CO2-eq/t*km (well-to-wheel)");
        });
    }
}
