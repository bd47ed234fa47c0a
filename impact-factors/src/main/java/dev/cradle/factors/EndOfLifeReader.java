package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.in;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code end_of_life}: e-waste treatment (kg CO2-eq per kg recycled and landfilled) and the formal
 * recycling rate by region; one {@code ewaste:<region>} process per kg treated, emitting
 * {@code recycling_rate × recycled + (1 − recycling_rate) × landfilled}.
 */
final class EndOfLifeReader implements DatasetReader {
    @Override
    public String kind() {
        return "end_of_life";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        Flow co2e = into.co2e();
        double recycling = root.path("treatment").path("recycling").asDouble();
        double landfill = root.path("treatment").path("landfill").asDouble();
        into.ewasteRecycling = recycling;
        into.ewasteLandfill = landfill;
        root.path("recycling_rate").fields().forEachRemaining(e -> {
            into.recyclingRates.put(e.getKey(), e.getValue().asDouble());
            String formula = "recycling_rate * " + recycling + " + (1 - recycling_rate) * " + landfill;
            Process p = new Process("ewaste:" + e.getKey(), "E-waste collection and treatment, " + e.getKey()
                    + " recycling rate", LifecycleStage.END_OF_LIFE, null, Map.of("dataset", d.id()),
                    List.of(in(ReferenceFlows.EWASTE, 1), new Exchange(co2e, Direction.OUTPUT, Amount.formula(formula),
                            co2e.referenceUnit(), false, "", null)),
                    List.of(new Parameter("recycling_rate", Amount.of(e.getValue().asDouble()), "",
                            null, "formally collected and recycled share (Global E-waste Monitor 2024)")),
                    List.of(), Set.of(ImpactCategories.CLIMATE));
            into.addProcess(p, d, p.name(), "recycling rate " + e.getValue().asDouble() + "; " + recycling
                    + " kg CO2-eq/kg recycled, " + landfill + " kg CO2-eq/kg landfilled");
        });
    }
}
