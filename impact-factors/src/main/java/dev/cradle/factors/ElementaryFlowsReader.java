package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.FlowType;
import dev.cradle.model.Units;
import dev.cradle.model.data.ReferenceFlows;
import java.util.List;

/**
 * {@code elementary_flows}: the elementary flows the methods characterise, plus the pre-characterised
 * flows (kg Sb-eq, m3 world-eq, CTUh as cases) for sources that publish impacts rather than inventories, like openLCA's
 * virtual flows for results used as providers, and the product flows of the background processes.
 */
final class ElementaryFlowsReader implements DatasetReader {
    @Override
    public String kind() {
        return "elementary_flows";
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        for (JsonNode f : root.path("flows")) {
            Compartment c = Compartment.fromLabel(f.path("compartment").asText())
                    .orElseThrow(() -> new IllegalStateException(d.file() + ": bad compartment in " + f));
            into.addFlow(new Flow(f.path("id").asText(), f.path("name").asText(), FlowType.ELEMENTARY,
                    Units.of(f.path("unit").asText()), c, "", ""), d);
        }
        into.addFlow(Flow.elementary(ReferenceFlows.ADP_ELEMENTS_SB_EQ,
                "Abiotic depletion of elements, pre-characterised (kg Sb-eq)", Units.of("kg"), Compartment.RESOURCE), d);
        into.addFlow(Flow.elementary(ReferenceFlows.WATER_SCARCITY_WORLD_EQ,
                "Water scarcity, pre-characterised (m3 world-eq)", Units.of("m3"), Compartment.WATER_CONSUMED), d);
        into.addFlow(Flow.elementary(ReferenceFlows.TOX_CANCER_CTUH,
                "Human toxicity, cancer effects, pre-characterised (CTUh, cases)", Units.of("item"), Compartment.AIR), d);
        into.addFlow(Flow.elementary(ReferenceFlows.TOX_NON_CANCER_CTUH,
                "Human toxicity, non-cancer effects, pre-characterised (CTUh, cases)", Units.of("item"), Compartment.AIR), d);
        for (Flow f : List.of(ReferenceFlows.ELECTRICITY, ReferenceFlows.FREIGHT, ReferenceFlows.EWASTE,
                ReferenceFlows.DATACENTER_CAPACITY)) {
            into.addProductFlow(f);
        }
    }
}
