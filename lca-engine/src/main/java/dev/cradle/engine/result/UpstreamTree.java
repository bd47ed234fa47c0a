package dev.cradle.engine.result;

import dev.cradle.engine.index.TechFlow;
import dev.cradle.engine.index.TechIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The upstream tree of one indicator (openLCA's {@code UpstreamTree}), expanded lazily: the root is the
 * demanded product; a node's suppliers are computed when first asked for and kept. Immutable in what it
 * answers and thread-safe.
 *
 * <p>With intensities {@code y = (C·B·A⁻¹)[k]}, a node of column i and amount r (in the product's reference
 * unit) runs its process {@code r / A[i][i]} times; its direct result is {@code (C·B)[k][i]·r/A[i][i]}, each
 * supplier c gets the amount {@code −A[c][i]·r/A[i][i]}, and {@code total = y_i·r = direct + Σ children
 * totals} holds exactly, loops included (a loop shows as a repeated, shrinking branch, never as extra
 * impact).
 */
public final class UpstreamTree {
    /**
     * One node: column {@code column} supplying {@code amount} of its product to its parent.
     *
     * @param direct the indicator result of the node's own interventions for that amount
     * @param total  the indicator result including everything upstream ({@code y_i·amount})
     */
    public record Node(int column, TechFlow provider, double amount, double direct, double total) {
    }

    private final TechIndex techIndex;
    private final DMatrixSparseCSC technosphere;
    private final double[] intensities;
    private final double[] characterised;
    private final Node root;
    /** Suppliers by (column, amount), which determine a node, in the order of A's column. */
    private final ConcurrentHashMap<Key, List<Node>> suppliers = new ConcurrentHashMap<>();

    private record Key(int column, double amount) {
    }

    /**
     * @param intensities   {@code y = (C·B·A⁻¹)[k]}, not modified
     * @param characterised {@code (C·B)[k]}, not modified
     * @param demand        the final demand f; the root is its (last) non-zero entry
     */
    UpstreamTree(TechIndex techIndex, DMatrixSparseCSC technosphere, double[] intensities, double[] characterised,
                 double[] demand) {
        this.techIndex = techIndex;
        this.technosphere = technosphere;
        this.intensities = intensities;
        this.characterised = characterised;
        int column = -1;
        for (int j = 0; j < demand.length; j++) {
            if (demand[j] != 0) {
                column = j;
            }
        }
        this.root = node(column, demand[column]);
    }

    /** The demanded product with its amount; its total is the indicator result. */
    public Node root() {
        return root;
    }

    /** The suppliers of {@code parent}, largest |total| first; computed on first request. */
    public List<Node> childrenOf(Node parent) {
        List<Node> sorted = new ArrayList<>(inColumnOrder(parent));
        sorted.sort(Comparator.comparingDouble((Node n) -> -Math.abs(n.total())));
        return List.copyOf(sorted);
    }

    private List<Node> inColumnOrder(Node parent) {
        return suppliers.computeIfAbsent(new Key(parent.column(), parent.amount()), this::computeSuppliers);
    }

    private List<Node> computeSuppliers(Key parent) {
        int i = parent.column();
        double runs = parent.amount() / technosphere.get(i, i);
        List<Node> out = new ArrayList<>();
        for (int p = technosphere.col_idx[i]; p < technosphere.col_idx[i + 1]; p++) {
            int c = technosphere.nz_rows[p];
            if (c != i && technosphere.nz_values[p] != 0) {
                out.add(node(c, -technosphere.nz_values[p] * runs));
            }
        }
        return List.copyOf(out);
    }

    private Node node(int i, double amount) {
        double runs = amount / technosphere.get(i, i);
        return new Node(i, techIndex.at(i), amount, characterised[i] * runs, intensities[i] * amount);
    }

    /**
     * The tree expanded while a child's |total| is at least {@code cutoff} × |root total| and the depth is at
     * most {@code maxDepth}; what is left out is summed into each node's {@link UpstreamNode#cutOff()}.
     */
    public UpstreamNode expand(double cutoff, int maxDepth) {
        double threshold = Math.abs(cutoff * root.total());
        return expand(root, threshold, maxDepth);
    }

    private UpstreamNode expand(Node n, double threshold, int depthLeft) {
        List<UpstreamNode> children = new ArrayList<>();
        double cut = 0;
        for (Node child : inColumnOrder(n)) {
            double childTotal = child.total();
            if (depthLeft <= 0 || Math.abs(childTotal) < threshold || childTotal == 0) {
                cut += childTotal;
            } else {
                children.add(expand(child, threshold, depthLeft - 1));
            }
        }
        children.sort(Comparator.comparingDouble((UpstreamNode c) -> -Math.abs(c.total())));
        double rootTotal = root.total();
        return new UpstreamNode(n.provider(), n.amount(), n.direct(), n.total(),
                rootTotal == 0 ? 0 : n.total() / rootTotal, children, cut);
    }
}
