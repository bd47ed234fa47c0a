package dev.cradle.engine.index;

import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Which (method, category) pair is row k of the characterisation matrix C. Immutable. */
public final class ImpactIndex {
    /** One indicator: a category of a method. */
    public record Indicator(ImpactMethod method, ImpactCategory category) {
        public String key() {
            return method.id() + "/" + category.id();
        }
    }

    private final List<Indicator> rows;

    public ImpactIndex(List<ImpactMethod> methods) {
        List<Indicator> r = new ArrayList<>();
        for (ImpactMethod m : methods) {
            for (ImpactCategory c : m.categories()) {
                r.add(new Indicator(m, c));
            }
        }
        this.rows = List.copyOf(r);
    }

    public int size() {
        return rows.size();
    }

    public Indicator at(int k) {
        return rows.get(k);
    }

    public List<Indicator> indicators() {
        return rows;
    }

    /** Row of a category, found by {@code method/category} key or by category id alone. */
    public OptionalInt indexOf(String key) {
        for (int k = 0; k < rows.size(); k++) {
            Indicator ind = rows.get(k);
            if (ind.key().equals(key) || ind.category().id().equals(key)) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }
}
