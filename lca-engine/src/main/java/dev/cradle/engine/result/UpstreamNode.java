package dev.cradle.engine.result;

import dev.cradle.engine.index.TechFlow;
import java.util.List;

/**
 * One node of an upstream tree: a product supplied to its parent, how much of it, and the indicator
 * result it carries with everything upstream of it.
 *
 * @param provider     the process/product supplying this node
 * @param amount       amount of the product required by the parent, in the flow's reference unit
 * @param direct       indicator result of this node's own interventions for that amount
 * @param total        indicator result of this node including all upstream (direct + Σ children)
 * @param share        {@code total} as a fraction of the root's total
 * @param children     suppliers of this node above the cut-off, largest |total| first
 * @param cutOff       summed total of the children left out by the cut-off or the depth limit
 */
public record UpstreamNode(TechFlow provider, double amount, double direct, double total, double share,
                           List<UpstreamNode> children, double cutOff) {
    public UpstreamNode {
        children = List.copyOf(children);
    }
}
