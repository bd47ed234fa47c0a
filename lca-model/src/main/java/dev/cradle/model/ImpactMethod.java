package dev.cradle.model;

import java.util.List;
import java.util.Objects;

/** An LCIA method: a named set of impact categories, e.g. IPCC AR6 GWP100. */
public record ImpactMethod(String id, String name, List<ImpactCategory> categories) {
    public ImpactMethod {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        categories = List.copyOf(categories);
    }
}
