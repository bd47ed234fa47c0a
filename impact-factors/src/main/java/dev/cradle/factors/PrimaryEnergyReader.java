package dev.cradle.factors;

import static dev.cradle.factors.LibraryAssembly.round;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.Process;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceFlows;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code electricity_primary_energy}: the primary energy of one kWh from each generation technology, MJ
 * non-renewable and renewable, added to the technology's {@code grid_source:<id>} process (read first) as
 * resource inputs, with the primary energy categories added to its coverage. A technology the dataset
 * lists that the generation-technology dataset does not know is an error of the bundled data.
 */
final class PrimaryEnergyReader implements DatasetReader {
    @Override
    public String kind() {
        return "electricity_primary_energy";
    }

    @Override
    public Set<String> after() {
        return Set.of("elementary_flows", "electricity_sources");
    }

    @Override
    public void read(Dataset d, JsonNode root, LibraryAssembly into) {
        Flow nonRenewable = into.flowOrFail(ReferenceFlows.PRIMARY_ENERGY_NONRENEWABLE, d.file());
        Flow renewable = into.flowOrFail(ReferenceFlows.PRIMARY_ENERGY_RENEWABLE, d.file());
        root.path("sources").fields().forEachRemaining(e -> {
            String id = "grid_source:" + e.getKey();
            Process p = into.processes.get(id);
            if (p == null) {
                throw new IllegalStateException(d.file() + ": unknown generation technology '" + e.getKey() + "'");
            }
            double nr = e.getValue().path("nonrenewable").asDouble(Double.NaN);
            double r = e.getValue().path("renewable").asDouble(Double.NaN);
            if (!(nr >= 0) || !(r >= 0)) {
                throw new IllegalStateException(d.file() + ": " + e.getKey() + " needs nonrenewable and renewable MJ/kWh >= 0");
            }
            List<Exchange> x = new ArrayList<>(p.exchanges());
            x.add(new Exchange(nonRenewable, Direction.INPUT, Amount.of(nr), nonRenewable.referenceUnit(), false, "", null));
            x.add(new Exchange(renewable, Direction.INPUT, Amount.of(r), renewable.referenceUnit(), false, "", null));
            Set<String> coverage = new LinkedHashSet<>(p.coverage());
            coverage.addAll(List.of(ImpactCategories.PE_NONRENEWABLE, ImpactCategories.PE_RENEWABLE,
                    ImpactCategories.PE_TOTAL));
            into.processes.put(id, new Process(p.id(), p.name(), p.stage(), p.phase(), p.tags(), x, p.parameters(),
                    p.allocationFactors(), coverage));
            into.entries.computeIfPresent("process:" + id, (k, entry) -> new LibraryEntry(entry.id(), entry.kind(),
                    entry.name(), entry.summary() + ", primary energy " + round(nr) + " MJ non-renewable + " + round(r)
                    + " MJ renewable per kWh", entry.dataset()));
        });
    }
}
