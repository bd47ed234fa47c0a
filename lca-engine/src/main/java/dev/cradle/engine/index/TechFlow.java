package dev.cradle.engine.index;

import dev.cradle.model.Flow;
import dev.cradle.model.Process;
import java.util.Objects;

/**
 * A column of the technosphere matrix: a process together with one product it provides (or one
 * waste it treats). A multi-output process has one such pair per co-product.
 */
public record TechFlow(Process process, Flow flow) {
    public TechFlow {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(flow, "flow");
    }

    public String processId() {
        return process.id();
    }

    public String flowId() {
        return flow.id();
    }

    /** {@code process} for single-output processes' reports, {@code process [flow]} when it matters. */
    public String label() {
        return process.providedFlows().size() > 1 ? process.id() + " [" + flow.id() + "]" : process.id();
    }
}
