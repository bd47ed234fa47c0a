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
 * {@code hardware_components}: server components priced per die mm2, per cm2 of memory die, per GB, per kg or per
 * item ({@code component:<id>[_per_<driver>]}), kg CO2-eq and kg Sb-eq each, and primary energy (MJ, booked as
 * {@code primary_energy_unspecified}) where the source gives it. A die component's density (GB per cm2: mean,
 * min, max), a power supply's default mass and range and a blade enclosure's blade count travel as tags of the
 * process, for the bottom-up hardware rule.
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
        Flow pe = into.flow("primary_energy_unspecified");
        root.path("components").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            String name = c.path("name").asText();
            for (String driver : List.of("mm2", "cm2", "gb", "kg", "base")) {
                String gwpKey = driver.equals("base") ? "gwp_base" : "gwp_per_" + driver;
                String adpKey = driver.equals("base") ? "adp_base" : "adp_per_" + driver;
                if (!c.has(gwpKey)) {
                    continue;
                }
                Unit unit = switch (driver) {
                    case "mm2" -> Units.of("mm2");
                    case "cm2" -> Units.of("cm2");
                    case "gb" -> Units.of("GB");
                    case "kg" -> Units.of("kg");
                    default -> Units.of("item");
                };
                String suffix = driver.equals("base") ? "" : "_per_" + driver;
                String id = "component:" + e.getKey() + suffix;
                Flow product = Flow.product(("component_" + e.getKey() + suffix), name + (driver.equals("base")
                        ? "" : " (per " + unit + ")"), unit);
                into.addProductFlow(product);
                String peKey = driver.equals("base") ? "pe_base" : "pe_per_" + driver;
                List<Exchange> exchanges = new java.util.ArrayList<>(List.of(out(product, 1, null),
                        out(co2e, c.path(gwpKey).asDouble(), null),
                        new Exchange(adp, Direction.INPUT, Amount.of(c.path(adpKey).asDouble()), Units.of("kg"),
                                false, "", null)));
                if (c.has(peKey)) {
                    exchanges.add(new Exchange(pe, Direction.INPUT, Amount.of(c.path(peKey).asDouble()), Units.of("MJ"),
                            false, "", null));
                }
                Map<String, String> tags = new java.util.LinkedHashMap<>();
                tags.put("dataset", d.id());
                c.path("density_gb_per_cm2").fields().forEachRemaining(t -> tags.put("density_gb_per_cm2_" + t.getKey(),
                        t.getValue().asText()));
                if (c.has("default_mass_kg")) {
                    tags.put("default_mass_kg", c.path("default_mass_kg").asText());
                    c.path("mass_range_kg").fields().forEachRemaining(t -> tags.put("mass_kg_" + t.getKey(), t.getValue().asText()));
                }
                if (c.has("blades")) {
                    tags.put("blades", c.path("blades").asText());
                }
                Process p = new Process(id, "Manufacturing of " + name + (driver.equals("base") ? "" : ", per " + unit),
                        LifecycleStage.MANUFACTURING, null, tags, exchanges, List.of(), List.of(),
                        Set.of(ImpactCategories.CLIMATE, ImpactCategories.ADP_ELEMENTS));
                into.addProcess(p, d, p.name(), c.path(gwpKey).asDouble() + " kg CO2-eq and " + c.path(adpKey).asDouble()
                        + " kg Sb-eq" + (c.has(peKey) ? " and " + c.path(peKey).asDouble() + " MJ primary energy" : "")
                        + " per " + unit);
            }
        });
    }
}
