package dev.cradle.engine.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Which process/product pair is column j of the technosphere matrix A (and of B). Immutable. */
public final class TechIndex {
    private final List<TechFlow> columns;
    private final Map<String, Integer> byKey = new HashMap<>();

    public TechIndex(List<TechFlow> columns) {
        this.columns = List.copyOf(columns);
        for (int j = 0; j < this.columns.size(); j++) {
            TechFlow t = this.columns.get(j);
            if (byKey.put(key(t.processId(), t.flowId()), j) != null) {
                throw new IllegalArgumentException("duplicate column " + t.label());
            }
        }
    }

    private static String key(String process, String flow) {
        return process + '\u0000' + flow;
    }

    public int size() {
        return columns.size();
    }

    public TechFlow at(int j) {
        return columns.get(j);
    }

    public OptionalInt indexOf(String processId, String flowId) {
        Integer j = byKey.get(key(processId, flowId));
        return j == null ? OptionalInt.empty() : OptionalInt.of(j);
    }

    public List<TechFlow> columns() {
        return columns;
    }
}
