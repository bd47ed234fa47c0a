package dev.cradle.engine.result;

import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The result of one calculation: a thin immutable facade over a {@link ResultProvider} (which holds the
 * numbers: scaling vector s, inventory {@code g = B·s}, indicator results {@code h = C·g}, direct results
 * {@code H[k][j] = (C·B)[k][j]·s[j]} and the factorisation for intensities) that answers by identifier and
 * groups contributions by process, life cycle stage, ML phase and tag (each grouping sums to {@code h[k]}).
 * Upstream trees are built on first request and kept, one per indicator, safely shared between threads.
 * Every array returned is a copy.
 */
public final class LcaResult {
    /** Group name for processes without an ML phase or without a given tag. */
    public static final String UNASSIGNED = "(unassigned)";

    private final ResultProvider provider;
    private final AtomicReferenceArray<UpstreamTree> upstreamTrees;

    public LcaResult(ResultProvider provider) {
        this.provider = provider;
        this.upstreamTrees = new AtomicReferenceArray<>(provider.impactIndex().size());
    }

    /**
     * Solves {@code A·s = f} on a factorisation of A: {@code new LcaResult(new ResultProvider(…))}.
     *
     * @throws dev.cradle.engine.solve.SingularSystemException when the solve's residual check fails
     */
    public LcaResult(TechIndex techIndex, FlowIndex flowIndex, ImpactIndex impactIndex, MatrixData data,
                     Factorization factorization) {
        this(new ResultProvider(techIndex, flowIndex, impactIndex, data, factorization));
    }

    /** The numbers behind this result. */
    public ResultProvider provider() {
        return provider;
    }

    public TechIndex techIndex() {
        return provider.techIndex();
    }

    public FlowIndex flowIndex() {
        return provider.flowIndex();
    }

    public ImpactIndex impactIndex() {
        return provider.impactIndex();
    }

    /** How the technosphere was solved. */
    public String solverMethod() {
        return provider.solverMethod();
    }

    /** The solver's warnings for this system (e.g. ill-conditioning with its estimate); empty when none. */
    public List<String> solverWarnings() {
        return provider.solverWarnings();
    }

    /** The solver's condition estimate of the scaled technosphere (see {@link Factorization#conditionEstimate()}). */
    public double conditionEstimate() {
        return provider.conditionEstimate();
    }

    /** The scaling vector s: how many times each process (column) runs. */
    public double[] scalingVector() {
        return provider.scaling().clone();
    }

    /** The final demand vector f. */
    public double[] demand() {
        return provider.demand().clone();
    }

    /** Inventory g: each elementary flow's total, in its reference unit. */
    public double[] inventory() {
        return provider.inventory().clone();
    }

    /** Inventory total of one elementary flow. */
    public double inventory(String flowId) {
        return provider.inventory()[flowIndex().indexOf(flowId)
                .orElseThrow(() -> new NoSuchElementException("no flow " + flowId))];
    }

    /** Indicator results h, in the order of {@link #impactIndex()}. */
    public double[] impacts() {
        return provider.impacts().clone();
    }

    /** One indicator result, by {@code method/category} key or category id. */
    public double impact(String indicator) {
        return provider.impacts()[indicatorRow(indicator)];
    }

    public int indicatorRow(String indicator) {
        return impactIndex().indexOf(indicator).orElseThrow(() -> new NoSuchElementException("no indicator " + indicator));
    }

    /**
     * Processes that take part in the result (non-zero scaling) but whose data does not cover
     * indicator k's category: their contribution to it is unknown, not zero.
     */
    public List<String> notCoveredBy(int k) {
        String category = impactIndex().at(k).category().id();
        double[] s = provider.scaling();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < s.length; j++) {
            if (s[j] != 0 && !techIndex().at(j).process().covers(category)) {
                out.add(techIndex().at(j).label());
            }
        }
        return out;
    }

    /** Elementary flows in the inventory that indicator k's method is known not to characterise. */
    public List<String> uncharacterisedFlows(int k) {
        var unknown = impactIndex().at(k).category().uncharacterisedFlows();
        double[] g = provider.inventory();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            if (g[i] != 0 && unknown.contains(flowIndex().at(i).id())) {
                out.add(flowIndex().at(i).id());
            }
        }
        return out;
    }

    /** True when every process and flow of the result is covered by indicator k. */
    public boolean isComplete(int k) {
        return notCoveredBy(k).isEmpty() && uncharacterisedFlows(k).isEmpty();
    }

    /** Direct result of column j for indicator k: its own interventions, characterised. */
    public double directImpact(int k, int j) {
        return provider.directImpact(k, j);
    }

    /** Direct amount of elementary flow i released or consumed by column j: {@code B[i][j]·s[j]}. */
    public double directInventory(int i, int j) {
        return provider.directInventory(i, j);
    }

    /** Contributions of each process/product column to indicator k. */
    public Contributions byProcess(int k) {
        return group(k, j -> techIndex().at(j).label(), new LinkedHashMap<>());
    }

    /** Contributions of each life cycle stage to indicator k (all five stages, in life cycle order). */
    public Contributions byStage(int k) {
        Map<String, Double> seed = new LinkedHashMap<>();
        for (LifecycleStage s : LifecycleStage.values()) {
            seed.put(s.title(), 0.0);
        }
        return group(k, j -> techIndex().at(j).process().stage().title(), seed);
    }

    /** Contributions of each ML phase to indicator k; processes without a phase go to {@link #UNASSIGNED}. */
    public Contributions byPhase(int k) {
        return group(k, j -> techIndex().at(j).process().mlPhase().map(MlPhase::key).orElse(UNASSIGNED),
                new LinkedHashMap<>());
    }

    /** True when at least one process declares an ML phase. */
    public boolean hasPhases() {
        return techIndex().columns().stream().anyMatch(t -> t.process().phase() != null);
    }

    /** Contributions by the value of tag {@code key}; untagged processes go to {@link #UNASSIGNED}. */
    public Contributions byTag(int k, String key) {
        return group(k, j -> techIndex().at(j).process().tags().getOrDefault(key, UNASSIGNED), new LinkedHashMap<>());
    }

    private Contributions group(int k, IntFunction<String> groupOf, Map<String, Double> seed) {
        Map<String, Double> values = new LinkedHashMap<>(seed);
        for (int j = 0; j < techIndex().size(); j++) {
            values.merge(groupOf.apply(j), provider.directImpact(k, j), Double::sum);
        }
        ImpactIndex.Indicator ind = impactIndex().at(k);
        return new Contributions(ind.key(), ind.category().indicatorUnit().symbol(), provider.impacts()[k], values);
    }

    /**
     * Indicator k's intensity per unit of each product: {@code y = (C·B·A⁻¹)[k]}, from {@code Aᵀ·y = (C·B)[k]ᵀ}.
     *
     * @throws dev.cradle.engine.ModelException naming the processes at fault when the adjoint solve fails
     */
    public double[] intensities(int k) {
        return provider.intensities(k).clone();
    }

    /**
     * Upstream total of every column for indicator k, counted once even inside loops (openLCA's loop
     * factor): {@code total_j = y_j · t_j · lf_j} with total requirement {@code t_j = A[j][j]·s_j} and
     * loop factor {@code lf_j = 1 / (A[j][j] · (A⁻¹)[j][j])} (1 outside loops). The reference column's
     * upstream total equals {@code h[k]}.
     */
    public double[] upstreamTotals(int k) {
        double[] y = provider.intensities(k);
        double[] s = provider.scaling();
        double[] lf = provider.loopFactors();
        var a = provider.technosphere();
        double[] out = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            out[j] = y[j] * a.get(j, j) * s[j] * lf[j];
        }
        return out;
    }

    /**
     * The upstream tree of indicator k, expanded lazily as it is walked; built on first request and kept.
     *
     * @throws dev.cradle.engine.ModelException naming the processes at fault when the adjoint solve fails
     */
    public UpstreamTree upstreamTree(int k) {
        UpstreamTree tree = upstreamTrees.get(k);
        if (tree == null) {
            upstreamTrees.compareAndSet(k, null, new UpstreamTree(techIndex(), provider.technosphere(),
                    provider.intensities(k), provider.characterisedInterventions(k), provider.demand()));
            tree = upstreamTrees.get(k);
        }
        return tree;
    }

    /**
     * The upstream tree of indicator k as a snapshot (see {@link UpstreamTree}): the reference product at the
     * root, each node's suppliers as children with the amount the node pulls from them, expanded while a
     * child's |total| is at least {@code cutoff} × |root total| and the depth is at most {@code maxDepth}.
     */
    public UpstreamNode upstreamTree(int k, double cutoff, int maxDepth) {
        return upstreamTree(k).expand(cutoff, maxDepth);
    }
}
