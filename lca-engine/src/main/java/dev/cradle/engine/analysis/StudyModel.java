package dev.cradle.engine.analysis;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.FunctionalUnitDemands;
import dev.cradle.engine.calc.LcaCalculator;
import dev.cradle.engine.solve.Factorization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A compiled study as a {@link ParametricModel} whose outputs are, for every functional unit and indicator, the
 * total and its contributions by each breakdown (life cycle stage, ML phase, model, device, …): the numbers the
 * deterministic report groups from {@code LcaResult.byStage} and friends, for any parameter vector.
 *
 * <p><b>One solve per draw.</b> Each evaluation fills A and B from the compiled terms into scratch arrays
 * ({@link CompiledSystem#technosphereValues}, no matrix objects), solves {@code A·s = e_c} once per distinct
 * reference column c of the units (unit u's scaling is {@code f_u · s_c}, the demand being linear), computes the
 * direct results {@code d[k][j] = Σᵢ C[k][i]·B[i][j]} once, and sums {@code d[k][j]·s_u[j]} into the total and into
 * the group of column j in each breakdown. So every contribution of a draw comes from the same solution, and the
 * groups of a breakdown sum to the total of that draw (up to rounding), as the groups partition the columns.
 *
 * <p><b>Solving.</b> When A's pattern has no loop (a chain or tree of processes: every AI study without a looped
 * background), the solve is substitution in a fixed topological order, precomputed; every solve is checked by the
 * componentwise backward error {@code max_i |f − A·s|_i / (|A|·|s| + |f|)_i ≤} {@link Factorization#RESIDUAL_BOUND}.
 * With loops, A is factorised by the engine's solver ({@link LcaCalculator#prepare}), whose solves check their own
 * residual; an evaluator keeps its last factorisation and reuses it while A's values are bit for bit the same
 * (the common case where only B, the characterisation or foreground amounts outside A are uncertain); the
 * substitution path likewise keeps its solutions while A is unchanged (the BLOOM example's A is all numbers).
 * A's and B's values come from {@link CompiledSystem}'s flat terms: the amounts of plain arithmetic run as one
 * register program ({@code FlatArithmetic}), the rest as compiled formulas, each value the same double either way.
 *
 * <p>Outputs that are zero by structure (no column of the group has an intervention the indicator
 * characterises) are left out: they cannot vary.
 */
public final class StudyModel extends CompiledParameterSlots {

    /**
     * A way to group the columns: {@code groupOf.apply(j)} is column j's group (e.g. its stage title), or null
     * for a column outside the breakdown; groups are listed in {@code order} first, then as first met.
     */
    public record Breakdown(String name, IntFunction<String> groupOf, List<String> order) {
        public Breakdown {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(groupOf, "groupOf");
            order = order == null ? List.of() : List.copyOf(order);
        }
    }

    /**
     * One output.
     *
     * @param unit      index of the functional unit in the demands
     * @param indicator row of the impact index
     * @param breakdown index in the breakdowns, or −1 for the total
     * @param group     the group's name ({@code "total"} for the total)
     */
    public record Output(int unit, int indicator, int breakdown, String group) {
    }

    private final FunctionalUnitDemands demands;
    private final LcaCalculator calculator;
    private final List<Output> outputs;
    private final List<String> breakdownNames;
    private final List<String> names;
    private final int n;
    private final int indicators;
    // A pattern
    private final int[] aCol;
    private final int[] aRow;
    private final int[] diagonal; // slot of A[j][j] per column, -1 when absent
    private final int[] order; // topological order (consumers before suppliers), null when A has a loop
    // B pattern and C per B slot
    private final int[] bCol;
    private final int[] cStart; // per B slot: its characterisation factors in [cStart[s], cStart[s+1])
    private final int[] cIndicator;
    private final double[] cFactor;
    // demands: distinct reference columns
    private final int[] referenceColumns;
    private final int[] unitColumn; // per unit: index into referenceColumns
    // outputs per (unit, indicator, column): indices into the output vector, total first
    private final int[][] target;

    private StudyModel(CompiledSystem system, FunctionalUnitDemands demands, LcaCalculator calculator,
                       List<Breakdown> breakdowns) {
        super(system);
        this.demands = demands;
        this.calculator = calculator;
        this.breakdownNames = breakdowns.stream().map(Breakdown::name).toList();
        var a = system.technospherePattern();
        var b = system.interventionPattern();
        this.n = a.columns();
        this.indicators = system.impactIndex().size();
        this.aCol = a.columnPointers();
        this.aRow = a.rowIndices();
        this.diagonal = new int[n];
        Arrays.fill(diagonal, -1);
        for (int j = 0; j < n; j++) {
            for (int s = aCol[j]; s < aCol[j + 1]; s++) {
                if (aRow[s] == j) {
                    diagonal[j] = s;
                }
            }
        }
        this.order = topologicalOrder();
        this.bCol = b.columnPointers();
        int[] bRow = b.rowIndices();
        double[][] c = system.characterisation();
        cStart = new int[bRow.length + 1];
        List<int[]> pairs = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        for (int s = 0; s < bRow.length; s++) {
            for (int k = 0; k < indicators; k++) {
                double f = c[k][bRow[s]];
                if (f != 0) {
                    pairs.add(new int[] {k});
                    factors.add(f);
                }
            }
            cStart[s + 1] = pairs.size();
        }
        cIndicator = pairs.stream().mapToInt(p -> p[0]).toArray();
        cFactor = factors.stream().mapToDouble(Double::doubleValue).toArray();
        // which indicators each column touches (structurally)
        boolean[][] touches = new boolean[indicators][n];
        for (int j = 0; j < n; j++) {
            for (int s = bCol[j]; s < bCol[j + 1]; s++) {
                for (int q = cStart[s]; q < cStart[s + 1]; q++) {
                    touches[cIndicator[q]][j] = true;
                }
            }
        }
        int units = demands.units().size();
        Map<Integer, Integer> distinct = new LinkedHashMap<>();
        unitColumn = new int[units];
        for (int u = 0; u < units; u++) {
            unitColumn[u] = distinct.computeIfAbsent(demands.column(u), x -> distinct.size());
        }
        referenceColumns = distinct.keySet().stream().mapToInt(Integer::intValue).toArray();
        // the outputs
        List<Output> outs = new ArrayList<>();
        List<String> outNames = new ArrayList<>();
        target = new int[units * indicators * n][];
        String[][] groupOf = new String[breakdowns.size()][n];
        List<List<String>> groups = new ArrayList<>();
        for (int br = 0; br < breakdowns.size(); br++) {
            Breakdown bd = breakdowns.get(br);
            List<String> g = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                groupOf[br][j] = bd.groupOf().apply(j);
            }
            for (String o : bd.order()) {
                if (Arrays.asList(groupOf[br]).contains(o)) {
                    g.add(o);
                }
            }
            for (int j = 0; j < n; j++) {
                if (groupOf[br][j] != null && !g.contains(groupOf[br][j])) {
                    g.add(groupOf[br][j]);
                }
            }
            groups.add(g);
        }
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < indicators; k++) {
                String prefix = demands.units().get(u).id() + "|" + system.impactIndex().at(k).key() + "|";
                int total = outs.size();
                outs.add(new Output(u, k, -1, "total"));
                outNames.add(prefix + "total");
                List<List<Integer>> targets = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    List<Integer> t = new ArrayList<>();
                    t.add(total);
                    targets.add(t);
                }
                for (int br = 0; br < breakdowns.size(); br++) {
                    for (String g : groups.get(br)) {
                        int index = -1;
                        for (int j = 0; j < n; j++) {
                            if (g.equals(groupOf[br][j]) && touches[k][j]) {
                                if (index < 0) {
                                    index = outs.size();
                                    outs.add(new Output(u, k, br, g));
                                    outNames.add(prefix + breakdowns.get(br).name() + "|" + g);
                                }
                                targets.get(j).add(index);
                            }
                        }
                    }
                }
                for (int j = 0; j < n; j++) {
                    target[(u * indicators + k) * n + j] = targets.get(j).stream().mapToInt(Integer::intValue).toArray();
                }
            }
        }
        this.outputs = List.copyOf(outs);
        this.names = List.copyOf(outNames);
        // flat accumulation lists per unit: only the (indicator, column) pairs a characterised intervention reaches
        pairStart = new int[units + 1];
        List<Integer> pd = new ArrayList<>();
        List<Integer> ps = new ArrayList<>();
        List<Integer> flat = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < indicators; k++) {
                for (int j = 0; j < n; j++) {
                    if (!touches[k][j]) {
                        continue;
                    }
                    pd.add(k * n + j);
                    ps.add(flat.size());
                    for (int o : target[(u * indicators + k) * n + j]) {
                        flat.add(o);
                    }
                }
            }
            pairStart[u + 1] = pd.size();
        }
        ps.add(flat.size());
        // the direct results the pairs read, each once, in (k, j) order
        int[] directOf = new int[indicators * n];
        Arrays.fill(directOf, -1);
        int[] kj = pd.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        List<Integer> ds = new ArrayList<>();
        List<Integer> dSlot = new ArrayList<>();
        List<Double> dFactor = new ArrayList<>();
        for (int x = 0; x < kj.length; x++) {
            directOf[kj[x]] = x;
            ds.add(dSlot.size());
            int k = kj[x] / n;
            int j = kj[x] % n;
            for (int q = bCol[j]; q < bCol[j + 1]; q++) {
                for (int t = cStart[q]; t < cStart[q + 1]; t++) {
                    if (cIndicator[t] == k) {
                        dSlot.add(q);
                        dFactor.add(cFactor[t]);
                    }
                }
            }
        }
        ds.add(dSlot.size());
        directStart = ds.stream().mapToInt(Integer::intValue).toArray();
        directSlot = dSlot.stream().mapToInt(Integer::intValue).toArray();
        directFactor = dFactor.stream().mapToDouble(Double::doubleValue).toArray();
        pairD = pd.stream().mapToInt(q -> directOf[q]).toArray();
        pairColumn = pd.stream().mapToInt(q -> q % n).toArray();
        pairTargets = ps.stream().mapToInt(Integer::intValue).toArray();
        targets = flat.stream().mapToInt(Integer::intValue).toArray();
        // substitution: per position of the order, the diagonal and the other entries of its column, in slot order
        if (order != null) {
            orderDiagonal = new int[n];
            offStart = new int[n + 1];
            List<Integer> os = new ArrayList<>();
            for (int idx = 0; idx < n; idx++) {
                int j = order[idx];
                orderDiagonal[idx] = diagonal[j];
                for (int q = aCol[j]; q < aCol[j + 1]; q++) {
                    if (aRow[q] != j) {
                        os.add(q);
                    }
                }
                offStart[idx + 1] = os.size();
            }
            offSlot = os.stream().mapToInt(Integer::intValue).toArray();
            offRow = os.stream().mapToInt(q -> aRow[q]).toArray();
        } else {
            orderDiagonal = null;
            offStart = null;
            offSlot = null;
            offRow = null;
        }
    }

    /** Per unit u, pairs [pairStart[u], pairStart[u+1]): direct result pairD[q] (an index into directPairs) and its outputs targets[pairTargets[q]..]. */
    private final int[] pairStart;
    private final int[] pairD;
    private final int[] pairColumn; // the column j of the pair
    private final int[] pairTargets;
    private final int[] targets;
    /**
     * The direct results a unit can reach, d[k][j] = Σ_q C[k][row q]·B[q] over the B slots q of column j, in
     * (k, j) order: number p sums the B slots directSlot[e] times directFactor[e] for e in
     * [directStart[p], directStart[p+1]), in slot order (as a dense d would be filled).
     */
    private final int[] directStart;
    private final int[] directSlot;
    private final double[] directFactor;
    /** Per position in the topological order: the column, its diagonal slot, and its off-diagonal slots [offStart[i], offStart[i+1]). */
    private final int[] orderDiagonal;
    private final int[] offStart;
    private final int[] offSlot;
    private final int[] offRow;

    /**
     * @param system     the compiled system
     * @param demands    its functional units (the primary first)
     * @param calculator the engine's calculator (for systems with loops)
     * @param breakdowns the groupings of the columns to report, e.g. stage, phase, model, device
     */
    public static StudyModel of(CompiledSystem system, FunctionalUnitDemands demands, LcaCalculator calculator,
                                List<Breakdown> breakdowns) {
        return new StudyModel(system, demands, calculator, List.copyOf(breakdowns));
    }

    /** The outputs, in output order. */
    public List<Output> outputs() {
        return outputs;
    }

    /** The name of breakdown {@code i} (as given to {@link #of}). */
    public String breakdownName(int i) {
        return breakdownNames.get(i);
    }

    /** True when A has no loop and is solved by substitution. */
    public boolean substitution() {
        return order != null;
    }

    /** The compiled system. */
    public CompiledSystem system() {
        return system;
    }

    @Override
    public List<String> outputNames() {
        return names;
    }

    @Override
    public Evaluator newEvaluator() {
        return new Scratch()::evaluate;
    }

    /** Kahn's algorithm on the graph "column j buys from row i" (i ≠ j); null when there is a cycle. */
    private int[] topologicalOrder() {
        int[] indegree = new int[n]; // number of consumers of each product row
        for (int j = 0; j < n; j++) {
            for (int s = aCol[j]; s < aCol[j + 1]; s++) {
                if (aRow[s] != j) {
                    indegree[aRow[s]]++;
                }
            }
        }
        int[] out = new int[n];
        int head = 0;
        int tail = 0;
        for (int j = 0; j < n; j++) {
            if (indegree[j] == 0) {
                out[tail++] = j;
            }
        }
        while (head < tail) {
            int j = out[head++];
            for (int s = aCol[j]; s < aCol[j + 1]; s++) {
                int i = aRow[s];
                if (i != j && --indegree[i] == 0) {
                    out[tail++] = i;
                }
            }
        }
        if (tail < n) {
            return null;
        }
        for (int j = 0; j < n; j++) {
            if (diagonal[j] < 0) {
                return null; // no reference output: let the solver say so
            }
        }
        return out;
    }

    /** Half of {@link Factorization#RESIDUAL_BOUND}: a residual below it times the scale passes without dividing. */
    private static final double HALF_BOUND = 0.5 * Factorization.RESIDUAL_BOUND;

    /** One thread's scratch arrays. */
    private final class Scratch {
        private final double[] a = new double[aRow.length];
        private final double[] b = new double[cStart.length - 1];
        private final double[][] s = new double[referenceColumns.length][n];
        private final double[] d = new double[directStart.length - 1];
        private final double[] r = new double[n];
        private final double[] res = new double[2 * n];
        private double[] lastA;
        private Factorization factorization;

        private final CompiledSystem.Work work = system.newWork();

        void evaluate(double[] p, double[] out) {
            system.technosphereValues(p, a, work);
            system.interventionValues(p, b, work);
            if (order != null) {
                // A as in the previous draw (bit for bit; e.g. only B's amounts are uncertain): same solutions
                if (lastA == null || !Arrays.equals(lastA, a)) {
                    for (int c = 0; c < referenceColumns.length; c++) {
                        substitute(referenceColumns[c], s[c]);
                    }
                    if (lastA == null) {
                        lastA = a.clone();
                    } else {
                        System.arraycopy(a, 0, lastA, 0, a.length);
                    }
                }
            } else {
                if (lastA == null || !Arrays.equals(lastA, a)) {
                    factorization = calculator.prepare(system, p).factorization();
                    lastA = a.clone();
                }
                for (int c = 0; c < referenceColumns.length; c++) {
                    double[] f = new double[n];
                    f[referenceColumns[c]] = 1;
                    System.arraycopy(factorization.solve(f), 0, s[c], 0, n);
                }
            }
            // the direct results the outputs read: C·B per (indicator, column), B slots in order, zeros skipped
            for (int x = 0; x < d.length; x++) {
                double v = 0;
                for (int e = directStart[x]; e < directStart[x + 1]; e++) {
                    double bq = b[directSlot[e]];
                    if (bq != 0) {
                        v += directFactor[e] * bq;
                    }
                }
                d[x] = v;
            }
            Arrays.fill(out, 0);
            int units = unitColumn.length;
            for (int u = 0; u < units; u++) {
                double f = demands.demandEntry(u, p);
                double[] su = s[unitColumn[u]];
                for (int q = pairStart[u]; q < pairStart[u + 1]; q++) {
                    double x = d[pairD[q]] * su[pairColumn[q]] * f;
                    if (x == 0) {
                        continue;
                    }
                    for (int t = pairTargets[q]; t < pairTargets[q + 1]; t++) {
                        out[targets[t]] += x;
                    }
                }
            }
        }

        /** A·x = e_c by substitution in topological order; checks the backward error. */
        private void substitute(int c, double[] x) {
            Arrays.fill(r, 0);
            r[c] = 1;
            for (int idx = 0; idx < n; idx++) {
                int j = order[idx];
                double sj = r[j] / a[orderDiagonal[idx]];
                x[j] = sj;
                if (sj == 0) {
                    continue;
                }
                for (int e = offStart[idx]; e < offStart[idx + 1]; e++) {
                    r[offRow[e]] -= a[offSlot[e]] * sj;
                }
            }
            checkResidual(c, x);
        }

        /** Backward error of A·x = e_c: |e_c − A·x|_i / (|A|·|x| + |e_c|)_i. */
        private void checkResidual(int c, double[] x) {
            Arrays.fill(res, 0);
            res[c] = 1;
            res[n + c] = 1;
            for (int j = 0; j < n; j++) {
                double xj = x[j];
                if (xj == 0) {
                    continue;
                }
                for (int q = aCol[j]; q < aCol[j + 1]; q++) {
                    double v = a[q] * xj;
                    res[aRow[q]] -= v;
                    res[n + aRow[q]] += Math.abs(v);
                }
            }
            for (int i = 0; i < n; i++) {
                double scale = res[n + i];
                if (Math.abs(res[i]) <= HALF_BOUND * scale && scale < Double.POSITIVE_INFINITY) {
                    continue; // well inside the bound: the quotient below is at most half of it, no division needed
                }
                double w = scale == 0 ? (res[i] == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(res[i]) / scale;
                if (!(w <= Factorization.RESIDUAL_BOUND)) {
                    throw new ArithmeticException("the technosphere could not be solved accurately at this draw: "
                            + "backward error " + w + " at product '" + system.techIndex().at(i).label()
                            + "' (a zero or non-finite reference output?)");
                }
            }
        }
    }
}
