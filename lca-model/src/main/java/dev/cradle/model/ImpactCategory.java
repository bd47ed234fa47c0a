package dev.cradle.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One midpoint impact category of an LCIA method, e.g. climate change (GWP100) in kg CO2-eq:
 * {@code h = Σ_flows factor × inventory}.
 */
public record ImpactCategory(String id, String name, Unit indicatorUnit, List<CharacterisationFactor> factors,
                             java.util.Set<String> uncharacterisedFlows) {

    /**
     * @param uncharacterisedFlows ids of flows the method is known not to characterise (e.g. neodymium
     *                             in CML-IA ADP): their presence in an inventory is reported, not hidden
     */
    public ImpactCategory(String id, String name, Unit indicatorUnit, List<CharacterisationFactor> factors) {
        this(id, name, indicatorUnit, factors, java.util.Set.of());
    }

    public ImpactCategory {
        uncharacterisedFlows = java.util.Set.copyOf(uncharacterisedFlows == null ? java.util.Set.of()
                : uncharacterisedFlows);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(indicatorUnit, "indicatorUnit");
        name = name == null || name.isBlank() ? id : name;
        factors = List.copyOf(factors);
        Set<String> seen = new HashSet<>();
        for (CharacterisationFactor f : factors) {
            if (!seen.add(f.flow().id())) {
                throw new IllegalArgumentException("impact category '" + id + "' has two factors for flow '"
                        + f.flow().id() + "'");
            }
        }
    }
}
