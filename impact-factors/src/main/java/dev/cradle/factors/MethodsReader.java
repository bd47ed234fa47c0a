package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.FlowType;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Units;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code lcia_methods}: impact methods and their characterisation factors. A file with {@code regions}
 * (AWARE 2.0) first declares one water-consumed flow per location with its factor; categories marked
 * {@code regionalised_factors: consumption} or {@code aware} then characterise those flows.
 */
final class MethodsReader implements DatasetReader {
    @Override
    public String kind() {
        return "lcia_methods";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        if (root.has("regions")) {
            readRegions(d, root, into);
        }
        for (JsonNode m : root.path("methods")) {
            List<ImpactCategory> categories = new ArrayList<>();
            for (JsonNode c : m.path("categories")) {
                categories.add(category(d, c, into));
            }
            ImpactMethod method = new ImpactMethod(m.path("id").asText(), m.path("name").asText(), categories);
            if (into.methods.put(method.id(), method) != null) {
                throw new IllegalStateException(d.file() + ": method " + method.id() + " declared twice");
            }
            into.entries.put("method:" + method.id(), new LibraryEntry(method.id(), "method", method.name(),
                    categories.size() + " categor" + (categories.size() == 1 ? "y" : "ies") + ": "
                            + String.join(", ", categories.stream().map(c -> c.id() + " (" + c.indicatorUnit() + ", "
                            + c.factors().size() + " factors)").toList()), d));
        }
    }

    private static void readRegions(Dataset d, JsonNode root, LibraryAssembly into) {
        into.awareGlobal = root.path("global_default").asDouble(Double.NaN);
        if (!(into.awareGlobal > 0)) {
            throw new IllegalStateException(d.file() + ": regions need a positive global_default");
        }
        root.path("regions").fields().forEachRemaining(e -> {
            String code = e.getKey().toUpperCase(Locale.ROOT);
            into.awareFactors.put(code, e.getValue().asDouble());
            String id = FactorLibrary.waterFlowId(code);
            if (into.flow(id) == null) {
                into.addFlow(new Flow(id, "Water, consumed, " + code, FlowType.ELEMENTARY, Units.of("m3"),
                        Compartment.WATER_CONSUMED, "", code), d);
            }
            into.waterRegions.put(code, id);
        });
    }

    private static ImpactCategory category(Dataset d, JsonNode c, LibraryAssembly into) {
        List<CharacterisationFactor> cfs = new ArrayList<>();
        c.path("factors").fields().forEachRemaining(e -> cfs.add(CharacterisationFactor.of(
                into.flowOrFail(e.getKey(), d.file()), e.getValue().asDouble())));
        String regional = c.path("regionalised_factors").asText("");
        if (regional.equals("consumption")) {
            into.waterRegions.values().forEach(id -> cfs.add(CharacterisationFactor.of(into.flow(id), 1.0)));
        } else if (regional.equals("aware")) {
            cfs.add(CharacterisationFactor.of(into.flow(ReferenceFlows.WATER_CONSUMED), into.awareGlobal));
            into.awareFactors.forEach((code, cf) -> cfs.add(CharacterisationFactor.of(
                    into.flow(into.waterRegions.get(code)), cf)));
        }
        if (c.path("id").asText().equals(ImpactCategories.WATER_SCARCITY)) {
            cfs.add(CharacterisationFactor.of(into.flow(ReferenceFlows.WATER_SCARCITY_WORLD_EQ), 1.0));
        }
        if (c.path("id").asText().equals(ImpactCategories.TOX_CANCER)) {
            cfs.add(CharacterisationFactor.of(into.flow(ReferenceFlows.TOX_CANCER_CTUH), 1.0));
        }
        if (c.path("id").asText().equals(ImpactCategories.TOX_NON_CANCER)) {
            cfs.add(CharacterisationFactor.of(into.flow(ReferenceFlows.TOX_NON_CANCER_CTUH), 1.0));
        }
        if (c.path("id").asText().equals(ImpactCategories.ADP_ELEMENTS)) {
            cfs.add(CharacterisationFactor.of(into.flow(ReferenceFlows.ADP_ELEMENTS_SB_EQ), 1.0));
        }
        Set<String> uncharacterised = new LinkedHashSet<>();
        c.path("not_characterised").forEach(n -> uncharacterised.add(into.flowOrFail(n.asText(), d.file()).id()));
        return new ImpactCategory(c.path("id").asText(), c.path("name").asText(),
                Units.indicator(c.path("unit").asText()), cfs, uncharacterised);
    }
}
