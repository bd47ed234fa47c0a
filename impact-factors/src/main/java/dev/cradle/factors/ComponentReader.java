package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.out;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import dev.cradle.model.data.ImpactCategories;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hardware_components}: server components priced per die mm2, per GB, per kg or per item
 * ({@code component:<id>[_per_<driver>]}), kg CO2-eq and kg Sb-eq each.
 */
final class ComponentReader implements DatasetReader {
    @Override
    public String kind() {
        return "hardware_components";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        Flow co2e = into.co2e();
        Flow adp = into.flow("adp_elements_sb_eq");
        root.path("components").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            String name = c.path("name").asText();
            for (String driver : List.of("mm2", "gb", "kg", "base")) {
                String gwpKey = driver.equals("base") ? "gwp_base" : "gwp_per_" + driver;
                String adpKey = driver.equals("base") ? "adp_base" : "adp_per_" + driver;
                if (!c.has(gwpKey)) {
                    continue;
                }
                Unit unit = switch (driver) {
                    case "mm2" -> Units.of("mm2");
                    case "gb" -> Units.of("GB");
                    case "kg" -> Units.of("kg");
                    default -> Units.of("item");
                };
                String suffix = driver.equals("base") ? "" : "_per_" + driver;
                String id = "component:" + e.getKey() + suffix;
                Flow product = Flow.product(("component_" + e.getKey() + suffix), name + (driver.equals("base")
                        ? "" : " (per " + unit + ")"), unit);
                into.addProductFlow(product);
                Process p = new Process(id, "Manufacturing of " + name + (driver.equals("base") ? "" : ", per " + unit),
                        LifecycleStage.MANUFACTURING, null, Map.of("dataset", d.id()),
                        List.of(out(product, 1, null), out(co2e, c.path(gwpKey).asDouble(), null),
                                new Exchange(adp, Direction.INPUT, Amount.of(c.path(adpKey).asDouble()), Units.of("kg"),
                                        false, "", null)), List.of(), List.of(), Set.of(ImpactCategories.CLIMATE, ImpactCategories.ADP_ELEMENTS));
                into.addProcess(p, d, p.name(), c.path(gwpKey).asDouble() + " kg CO2-eq and " + c.path(adpKey).asDouble()
                        + " kg Sb-eq per " + unit);
            }
        });
    }
}
