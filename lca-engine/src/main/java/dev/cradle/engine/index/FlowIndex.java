package dev.cradle.engine.index;

import dev.cradle.model.Flow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Which elementary flow is row i of the intervention matrix B (and column i of C). Immutable. */
public final class FlowIndex {
    private final List<Flow> rows;
    private final Map<String, Integer> byId = new HashMap<>();

    public FlowIndex(List<Flow> rows) {
        this.rows = List.copyOf(rows);
        for (int i = 0; i < this.rows.size(); i++) {
            if (byId.put(this.rows.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate flow " + this.rows.get(i).id());
            }
        }
    }

    public int size() {
        return rows.size();
    }

    public Flow at(int i) {
        return rows.get(i);
    }

    public OptionalInt indexOf(String flowId) {
        Integer i = byId.get(flowId);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public List<Flow> flows() {
        return rows;
    }
}
