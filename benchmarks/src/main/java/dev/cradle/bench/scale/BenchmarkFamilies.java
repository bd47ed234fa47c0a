package dev.cradle.bench.scale;

import dev.cradle.engine.solve.UslciMatrix;
import java.util.Random;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * The benchmark families that ship with Cradle (benchmarks/README.md). Every generator is seeded: the same
 * arguments give bit-identical matrices on every machine ({@link java.util.Random} is specified).
 *
 * <ul>
 *   <li>{@link #uslci}: USLCI's real technosphere (766 processes, lca-engine test resource, MIT / US federal
 *   data) with seeded synthetic B and C (the resource holds A only).</li>
 *   <li>{@link #regional}: k regional replicas of USLCI, grown the way ecoinvent grows: every region has its
 *   own copy of every process (amounts varied ±10 %), each product input goes {@value #OWN_REGION} to the
 *   region's own producer and the rest to a global market of that product, which mixes all regions'
 *   producers with random shares. One loop then spans all regions through the markets.</li>
 *   <li>{@link #harsh}: random technosphere in the manner of the measurement: about 11 non-zeros
 *   per column, one large loop (5 % of processes take one input from downstream), shuffled order, a
 *   tunable share of processes as widely used markets (every other process takes two market inputs, a
 *   market mixes 20 producers), units spanning 10^±2.</li>
 * </ul>
 *
 * All are productive by construction: {@code A = diag(u)·(I − M)·diag(v)} with the column sums of M at
 * most 0.8 in consistent units (so every loop gain is at most 0.8), or USLCI's own amounts.
 */
public final class BenchmarkFamilies {
    /** Share of a regional process's input bought in its own region (the rest from the global market). */
    public static final double OWN_REGION = 0.6;
    /** Elementary flows in B and indicators in C for every family. */
    public static final int FLOWS = 200;
    public static final int INDICATORS = 10;

    private BenchmarkFamilies() {
    }

    /** USLCI, 766 processes. */
    public static BenchmarkSystem uslci(long seed) {
        DMatrixSparseCSC a = UslciMatrix.technosphere();
        Random rnd = new Random(seed);
        return new BenchmarkSystem("uslci", a, interventions(a.numCols, rnd), characterisation(rnd));
    }

    /**
     * The bundled USLCI database (scenarios' {@code uslci}: openLCA JSON-LD, 766 processes) as
     * {@code cradle db calc uslci} compiles it: linked with the default policy, real B, C from the
     * library's default methods through the documented flow mapping.
     */
    public static BenchmarkSystem uslciDatabase() {
        dev.cradle.factors.FactorLibrary lib = dev.cradle.factors.FactorLibrary.bundled();
        dev.cradle.scenario.io.DatabaseCalculator.Prepared prepared = dev.cradle.scenario.io.DatabaseCalculator.prepare(
                dev.cradle.scenario.io.DatabaseLinker.link(dev.cradle.scenario.io.Databases.read("uslci"),
                        dev.cradle.scenario.io.ImportOptions.defaults()),
                lib.defaultMethods(), new dev.cradle.scenario.io.FlowMapping(lib.flows().values()));
        dev.cradle.engine.matrix.MatrixData m = prepared.compiled().system().matrices();
        return new BenchmarkSystem("uslci-db", m.technosphere(), m.interventions(), m.characterisation());
    }

    /** Regional replicas of USLCI with at least {@code processes} processes (whole regions; at least one). */
    public static BenchmarkSystem regional(int processes, long seed) {
        DMatrixSparseCSC a0 = UslciMatrix.technosphere();
        int n0 = a0.numCols;
        Random rnd = new Random(seed);
        // products that some other process consumes get a global market
        int[] marketOf = new int[n0];
        java.util.Arrays.fill(marketOf, -1);
        int markets = 0;
        for (int j = 0; j < n0; j++) {
            for (int p = a0.col_idx[j]; p < a0.col_idx[j + 1]; p++) {
                int i = a0.nz_rows[p];
                if (i != j && marketOf[i] < 0) {
                    marketOf[i] = markets++;
                }
            }
        }
        int k = Math.max(1, (processes - markets + n0 - 1) / n0);
        int n = k * n0 + markets;
        int base = k * n0;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, k * a0.col_idx[n0] * 2 + markets * (k + 1));
        for (int r = 0; r < k; r++) {
            int off = r * n0;
            for (int j = 0; j < n0; j++) {
                for (int p = a0.col_idx[j]; p < a0.col_idx[j + 1]; p++) {
                    int i = a0.nz_rows[p];
                    double v = a0.nz_values[p];
                    if (i == j) {
                        t.addItem(off + i, off + j, v);
                    } else {
                        double w = v * (0.9 + 0.2 * rnd.nextDouble());
                        t.addItem(off + i, off + j, OWN_REGION * w);
                        t.addItem(base + marketOf[i], off + j, (1 - OWN_REGION) * w);
                    }
                }
            }
        }
        // a market makes one unit of the product (in the product's unit, diagonal 1) from all regions;
        // consumers' amounts are already in that unit
        for (int i = 0; i < n0; i++) {
            if (marketOf[i] < 0) {
                continue;
            }
            int m = base + marketOf[i];
            t.addItem(m, m, 1.0);
            double[] share = new double[k];
            double sum = 0;
            for (int r = 0; r < k; r++) {
                share[r] = 0.2 + rnd.nextDouble();
                sum += share[r];
            }
            for (int r = 0; r < k; r++) {
                t.addItem(r * n0 + i, m, -share[r] / sum);
            }
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        return new BenchmarkSystem("regional-" + n, a, interventions(n, rnd), characterisation(rnd));
    }

    /** The harsh synthetic family: n processes, {@code marketShare} of them markets (0.01 in the issue). */
    public static BenchmarkSystem harsh(int n, double marketShare, long seed) {
        Random rnd = new Random(seed);
        int markets = Math.max(1, (int) Math.round(marketShare * n));
        // hidden order: position 0 is most downstream; providers sit further upstream, except back-edges
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 12 * n);
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.pow(10, -2 + 4 * rnd.nextDouble());
            v[i] = Math.pow(10, -2 + 4 * rnd.nextDouble());
        }
        int[] shuffle = permutation(n, rnd);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int j = 0; j < n; j++) {
            used.clear();
            used.add(j);
            boolean market = j < markets;
            int count = market ? 20 : 8;
            int[] rows = new int[count + 3];
            int filled = 0;
            for (int q = 0; q < count; q++) {
                int i = market ? markets + rnd.nextInt(n - markets) : upstream(j, n, markets, rnd);
                if (i >= 0 && used.add(i)) {
                    rows[filled++] = i;
                }
            }
            if (!market) {
                for (int q = 0; q < 2; q++) {
                    int i = rnd.nextInt(markets);
                    if (used.add(i)) {
                        rows[filled++] = i;
                    }
                }
                if (rnd.nextDouble() < 0.05 && j > markets) {
                    int i = markets + rnd.nextInt(j - markets);
                    if (used.add(i)) {
                        rows[filled++] = i;
                    }
                }
            }
            double[] m = new double[filled];
            double sum = 0;
            for (int q = 0; q < filled; q++) {
                m[q] = rnd.nextDouble() + 0.05;
                sum += m[q];
            }
            double gain = 0.3 + 0.5 * rnd.nextDouble();
            t.addItem(shuffle[j], shuffle[j], u[j] * v[j]);
            for (int q = 0; q < filled; q++) {
                int i = rows[q];
                t.addItem(shuffle[i], shuffle[j], -u[i] * (m[q] * gain / sum) * v[j]);
            }
        }
        DMatrixSparseCSC a = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        String share = String.valueOf(marketShare).replace('.', 'p');
        return new BenchmarkSystem("harsh-" + n + "-m" + share, a, interventions(n, rnd), characterisation(rnd));
    }

    /** A provider upstream of j (a larger hidden position, not a market), or -1 at the top of the chain. */
    private static int upstream(int j, int n, int markets, Random rnd) {
        int from = Math.max(j + 1, markets);
        return from >= n ? -1 : from + rnd.nextInt(n - from);
    }

    private static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int x = p[i];
            p[i] = p[k];
            p[k] = x;
        }
        return p;
    }

    /** B: 3–6 of {@value #FLOWS} flows per process, log-uniform amounts over 10^±3. */
    static DMatrixSparseCSC interventions(int n, Random rnd) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(FLOWS, n, 5 * n);
        for (int j = 0; j < n; j++) {
            int count = 3 + rnd.nextInt(4);
            java.util.Set<Integer> rows = new java.util.TreeSet<>();
            while (rows.size() < count) {
                rows.add(rnd.nextInt(FLOWS));
            }
            for (int i : rows) {
                t.addItem(i, j, Math.pow(10, -3 + 6 * rnd.nextDouble()));
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    /** C: {@value #INDICATORS} indicators, each characterising 30 % of the flows with factors in (0, 100]. */
    static double[][] characterisation(Random rnd) {
        double[][] c = new double[INDICATORS][FLOWS];
        for (double[] row : c) {
            for (int i = 0; i < FLOWS; i++) {
                row[i] = rnd.nextDouble() < 0.3 ? 100 * (1 - rnd.nextDouble()) : 0;
            }
        }
        return c;
    }
}
