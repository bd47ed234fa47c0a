package dev.cradle.engine.result;

import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.calc.SolverProblems;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SingularSystemException;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The result of one calculation, immutable (every array getter returns a copy):
 * <ul>
 *   <li>scaling vector {@code s}, the solution of {@code A·s = f};</li>
 *   <li>inventory {@code g = B·s}, each elementary flow in its reference unit, positive in its
 *       natural direction (emitted, or consumed for resources and water);</li>
 *   <li>indicator results {@code h = C·g};</li>
 *   <li>direct contributions {@code H[k][j] = Σ_i C[k][i]·B[i][j]·s[j]}, grouped by process, life cycle
 *       stage, ML phase and tag: each grouping sums to {@code h[k]};</li>
 *   <li>upstream trees and loop-corrected upstream totals, computed on demand.</li>
 * </ul>
 */
public final class LcaResult {
    /** Group name for processes without an ML phase or without a given tag. */
    public static final String UNASSIGNED = "(unassigned)";

    private final TechIndex techIndex;
    private final FlowIndex flowIndex;
    private final ImpactIndex impactIndex;
    private final MatrixData data;
    private final Factorization factorization;
    private final double[] scaling;
    private final double[] inventory;
    private final double[] impacts;
    private final double[][] direct;
    /** (C·B)[k][j]: indicator k per one run of column j. */
    private final double[][] characterised;

    public LcaResult(TechIndex techIndex, FlowIndex flowIndex, ImpactIndex impactIndex, MatrixData data,
                     Factorization factorization) {
        this.techIndex = techIndex;
        this.flowIndex = flowIndex;
        this.impactIndex = impactIndex;
        this.data = data;
        this.factorization = factorization;
        this.scaling = factorization.solve(data.demand());
        DMatrixSparseCSC b = data.interventions();
        double[][] c = data.characterisation();
        int n = techIndex.size();
        int kk = impactIndex.size();
        inventory = new double[flowIndex.size()];
        characterised = new double[kk][n];
        direct = new double[kk][n];
        impacts = new double[kk];
        for (int j = 0; j < n; j++) {
            for (int p = b.col_idx[j]; p < b.col_idx[j + 1]; p++) {
                int i = b.nz_rows[p];
                inventory[i] += b.nz_values[p] * scaling[j];
                for (int k = 0; k < kk; k++) {
                    characterised[k][j] += c[k][i] * b.nz_values[p];
                }
            }
            for (int k = 0; k < kk; k++) {
                direct[k][j] = characterised[k][j] * scaling[j];
                impacts[k] += direct[k][j];
            }
        }
    }

    public TechIndex techIndex() {
        return techIndex;
    }

    public FlowIndex flowIndex() {
        return flowIndex;
    }

    public ImpactIndex impactIndex() {
        return impactIndex;
    }

    /** How the technosphere was solved. */
    public String solverMethod() {
        return factorization.method();
    }

    /** The solver's warnings for this system (e.g. ill-conditioning with its estimate); empty when none. */
    public List<String> solverWarnings() {
        return factorization.warnings();
    }

    /** The solver's condition estimate of the scaled technosphere (see {@link Factorization#conditionEstimate()}). */
    public double conditionEstimate() {
        return factorization.conditionEstimate();
    }

    /** The scaling vector s: how many times each process (column) runs. */
    public double[] scalingVector() {
        return scaling.clone();
    }

    /** The final demand vector f. */
    public double[] demand() {
        return data.demand().clone();
    }

    /** Inventory g: each elementary flow's total, in its reference unit. */
    public double[] inventory() {
        return inventory.clone();
    }

    /** Inventory total of one elementary flow. */
    public double inventory(String flowId) {
        return inventory[flowIndex.indexOf(flowId).orElseThrow(() -> new NoSuchElementException("no flow " + flowId))];
    }

    /** Indicator results h, in the order of {@link #impactIndex()}. */
    public double[] impacts() {
        return impacts.clone();
    }

    /** One indicator result, by {@code method/category} key or category id. */
    public double impact(String indicator) {
        return impacts[indicatorRow(indicator)];
    }

    public int indicatorRow(String indicator) {
        return impactIndex.indexOf(indicator).orElseThrow(() -> new NoSuchElementException("no indicator " + indicator));
    }

    /**
     * Processes that take part in the result (non-zero scaling) but whose data does not cover
     * indicator k's category: their contribution to it is unknown, not zero.
     */
    public List<String> notCoveredBy(int k) {
        String category = impactIndex.at(k).category().id();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < scaling.length; j++) {
            if (scaling[j] != 0 && !techIndex.at(j).process().covers(category)) {
                out.add(techIndex.at(j).label());
            }
        }
        return out;
    }

    /** Elementary flows in the inventory that indicator k's method is known not to characterise. */
    public List<String> uncharacterisedFlows(int k) {
        var unknown = impactIndex.at(k).category().uncharacterisedFlows();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < inventory.length; i++) {
            if (inventory[i] != 0 && unknown.contains(flowIndex.at(i).id())) {
                out.add(flowIndex.at(i).id());
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
        return direct[k][j];
    }

    /** Direct amount of elementary flow i released or consumed by column j: {@code B[i][j]·s[j]}. */
    public double directInventory(int i, int j) {
        return data.interventions().get(i, j) * scaling[j];
    }

    /** Contributions of each process/product column to indicator k. */
    public Contributions byProcess(int k) {
        return group(k, j -> techIndex.at(j).label());
    }

    /** Contributions of each life cycle stage to indicator k (all five stages, in life cycle order). */
    public Contributions byStage(int k) {
        Map<String, Double> seed = new LinkedHashMap<>();
        for (LifecycleStage s : LifecycleStage.values()) {
            seed.put(s.title(), 0.0);
        }
        return group(k, j -> techIndex.at(j).process().stage().title(), seed);
    }

    /** Contributions of each ML phase to indicator k; processes without a phase go to {@link #UNASSIGNED}. */
    public Contributions byPhase(int k) {
        return group(k, j -> techIndex.at(j).process().mlPhase().map(MlPhase::key).orElse(UNASSIGNED));
    }

    /** True when at least one process declares an ML phase. */
    public boolean hasPhases() {
        return techIndex.columns().stream().anyMatch(t -> t.process().phase() != null);
    }

    /** Contributions by the value of tag {@code key}; untagged processes go to {@link #UNASSIGNED}. */
    public Contributions byTag(int k, String key) {
        return group(k, j -> techIndex.at(j).process().tags().getOrDefault(key, UNASSIGNED));
    }

    private Contributions group(int k, IntFunction<String> groupOf) {
        return group(k, groupOf, new LinkedHashMap<>());
    }

    private Contributions group(int k, IntFunction<String> groupOf, Map<String, Double> seed) {
        Map<String, Double> values = new LinkedHashMap<>(seed);
        for (int j = 0; j < techIndex.size(); j++) {
            values.merge(groupOf.apply(j), direct[k][j], Double::sum);
        }
        ImpactIndex.Indicator ind = impactIndex.at(k);
        return new Contributions(ind.key(), ind.category().indicatorUnit().symbol(), impacts[k], values);
    }

    /**
     * Indicator k's intensity per unit of each product: {@code y = (C·B·A⁻¹)[k]}, from {@code Aᵀ·y = (C·B)[k]ᵀ}.
     */
    public double[] intensities(int k) {
        try {
            return factorization.solveTransposed(characterisedInterventions(k));
        } catch (SingularSystemException e) {
            throw SolverProblems.toModelException(e, techIndex);
        }
    }

    private double[] characterisedInterventions(int k) {
        return characterised[k].clone();
    }

    /**
     * Upstream total of every column for indicator k, counted once even inside loops (openLCA's loop
     * factor): {@code total_j = y_j · t_j · lf_j} with total requirement {@code t_j = A[j][j]·s_j} and
     * loop factor {@code lf_j = 1 / (A[j][j] · (A⁻¹)[j][j])} (1 outside loops). The reference column's
     * upstream total equals {@code h[k]}.
     */
    public double[] upstreamTotals(int k) {
        double[] y = intensities(k);
        DMatrixSparseCSC a = data.technosphere();
        boolean acyclic = solverMethod().startsWith("topological");
        double[] out = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            double ajj = a.get(j, j);
            double loopFactor = 1;
            if (!acyclic) {
                double[] e = new double[y.length];
                e[j] = 1;
                loopFactor = 1 / (ajj * solveChecked(e)[j]);
            }
            out[j] = y[j] * ajj * scaling[j] * loopFactor;
        }
        return out;
    }

    private double[] solveChecked(double[] f) {
        try {
            return factorization.solve(f);
        } catch (SingularSystemException e) {
            throw SolverProblems.toModelException(e, techIndex);
        }
    }

    /**
     * The upstream tree of indicator k: the reference product at the root, each node's suppliers as
     * children with the amount the node pulls from them, expanded while a child's |total| is at least
     * {@code cutoff} × |root total| and the depth is at most {@code maxDepth}. With intensities y, a
     * node of column i and amount r runs its process {@code r / A[i][i]} times; its direct result is
     * {@code (C·B)[k][i]·r/A[i][i]}, each child c gets {@code −A[c][i]·r/A[i][i]}, and
     * {@code total = y_i·r = direct + Σ children totals} holds exactly, loops included (a loop shows as
     * a repeated, shrinking branch, never as extra impact).
     */
    public UpstreamNode upstreamTree(int k, double cutoff, int maxDepth) {
        double[] y = intensities(k);
        double[] cb = characterisedInterventions(k);
        DMatrixSparseCSC a = data.technosphere();
        int root = -1;
        double[] f = data.demand();
        for (int j = 0; j < f.length; j++) {
            if (f[j] != 0) {
                root = j;
            }
        }
        double rootTotal = y[root] * f[root];
        double threshold = Math.abs(cutoff * rootTotal);
        return node(root, f[root], y, cb, a, rootTotal, threshold, maxDepth);
    }

    private UpstreamNode node(int i, double amount, double[] y, double[] cb, DMatrixSparseCSC a, double rootTotal,
                              double threshold, int depthLeft) {
        double runs = amount / a.get(i, i);
        double total = y[i] * amount;
        List<int[]> kids = new ArrayList<>();
        List<Double> kidAmounts = new ArrayList<>();
        for (int p = a.col_idx[i]; p < a.col_idx[i + 1]; p++) {
            int c = a.nz_rows[p];
            if (c != i && a.nz_values[p] != 0) {
                kids.add(new int[] {c});
                kidAmounts.add(-a.nz_values[p] * runs);
            }
        }
        List<UpstreamNode> children = new ArrayList<>();
        double cut = 0;
        for (int x = 0; x < kids.size(); x++) {
            int c = kids.get(x)[0];
            double amt = kidAmounts.get(x);
            double childTotal = y[c] * amt;
            if (depthLeft <= 0 || Math.abs(childTotal) < threshold || childTotal == 0) {
                cut += childTotal;
            } else {
                children.add(node(c, amt, y, cb, a, rootTotal, threshold, depthLeft - 1));
            }
        }
        children.sort(Comparator.comparingDouble((UpstreamNode n) -> -Math.abs(n.total())));
        TechFlow provider = techIndex.at(i);
        return new UpstreamNode(provider, amount, cb[i] * runs, total, rootTotal == 0 ? 0 : total / rootTotal,
                children, cut);
    }
}
