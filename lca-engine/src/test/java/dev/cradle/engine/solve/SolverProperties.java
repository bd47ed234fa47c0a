package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * Every strategy agrees with every other on random productive technospheres: the block solver the engine
 * uses (its loops by sparse LU, or by ILU(0)-preconditioned GMRES), the whole-system Ruiz-scaled LU, topological substitution (acyclic systems), a dense LU
 * (Apache Commons Math) and the matrix-free fixed point, for demands and adjoint solves, within 1e-9
 * relative to the solution's size.
 */
class SolverProperties {
    private static final double TOLERANCE = 1e-9;

    /**
     * A random productive technosphere {@code A = diag(σ·u)·(I − M)·diag(v)}: M has 1–4 requirements per
     * column (one in ten a credit, negative) with |column sums| below 0.9, so every loop's gain is below
     * 0.9; units u and reference amounts v span 10^±3; one product in ten is a waste (σ = −1).
     */
    static DMatrixSparseCSC productive(Random rnd, boolean acyclic) {
        int n = 2 + rnd.nextInt(40);
        double[] u = new double[n];
        double[] v = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.pow(10, -3 + 6 * rnd.nextDouble());
            v[i] = Math.pow(10, -3 + 6 * rnd.nextDouble());
            sigma[i] = rnd.nextDouble() < 0.1 ? -1 : 1;
        }
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 5 * n);
        for (int j = 0; j < n; j++) {
            t.addItem(j, j, sigma[j] * u[j] * v[j]);
            int count = 1 + rnd.nextInt(4);
            double[] m = new double[count];
            int[] rows = new int[count];
            double sum = 0;
            for (int k = 0; k < count; k++) {
                rows[k] = acyclic ? (j + 1 < n ? j + 1 + rnd.nextInt(n - j - 1) : -1) : rnd.nextInt(n);
                m[k] = rnd.nextDouble() * (rnd.nextDouble() < 0.1 ? -1 : 1);
                sum += Math.abs(m[k]);
            }
            double target = 0.9 * rnd.nextDouble();
            List<Integer> used = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                if (i < 0 || i == j || used.contains(i)) {
                    continue;
                }
                used.add(i);
                t.addItem(i, j, -sigma[i] * u[i] * (m[k] * target / sum) * v[j]);
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    @Property(tries = 300)
    void everyStrategyAgreesOnSystemsWithLoops(@ForAll long seed) {
        agree(productive(new Random(seed), false), new Random(seed + 1), false);
    }

    @Property(tries = 200)
    void everyStrategyAgreesOnAcyclicSystems(@ForAll long seed) {
        agree(productive(new Random(seed), true), new Random(seed + 1), true);
    }

    /**
     * Permuting the processes and changing units (rows × u, columns × v, 10^±4) changes neither the
     * verdict, nor the loop gain, nor the answer (mapped back, s'_j = s_j/v_j), and the condition estimate
     * stays within an order of magnitude (it is an estimate whose value depends on the pivot order).
     * Half the systems have every requirement multiplied by 10, which makes many loops non-productive.
     */
    @Property(tries = 200)
    void theVerdictDoesNotDependOnOrderOrUnits(@ForAll long seed) {
        Random rnd = new Random(seed);
        DMatrixSparseCSC a = productive(rnd, false);
        if (rnd.nextBoolean()) {
            for (int j = 0; j < a.numCols; j++) {
                for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                    if (a.nz_rows[p] != j) {
                        a.nz_values[p] *= 10;
                    }
                }
            }
        }
        int n = a.numCols;
        int[] perm = new int[n];
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            u[i] = Math.pow(10, -4 + 8 * rnd.nextDouble());
            v[i] = Math.pow(10, -4 + 8 * rnd.nextDouble());
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[k];
            perm[k] = tmp;
        }
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, a.nz_length);
        for (int j = 0; j < n; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                t.addItem(perm[i], perm[j], u[i] * a.nz_values[p] * v[j]);
            }
        }
        DMatrixSparseCSC changed = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        Factorization base = null;
        SingularSystemException refused = null;
        try {
            base = new SolverSelector().factorize(a);
        } catch (SingularSystemException e) {
            refused = e;
        }
        net.jqwik.api.statistics.Statistics.collect(refused == null ? "solved" : refused.kind().toString());
        if (refused != null) {
            SingularSystemException again = null;
            try {
                new SolverSelector().factorize(changed);
            } catch (SingularSystemException e) {
                again = e;
            }
            assertTrue(again != null, "refused as " + refused.getMessage() + " but solved after reordering");
            assertEquals(refused.kind(), again.kind());
            assertEquals(refused.gain(), again.gain(), 1e-9 * Math.max(1, Math.abs(refused.gain())));
            int[] mapped = java.util.Arrays.stream(refused.columns()).map(j -> perm[j]).sorted().toArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(mapped, again.columns());
            return;
        }
        Factorization f = new SolverSelector().factorize(changed);
        // The Hager–Higham estimate is a lower bound of the scaled system's 1-norm condition number whose
        // value depends on the pivot sequence (the AMD order changes with the process order), so it is not
        // bit-invariant: seed 4223126 gives 254.5 before and 435.0 after a permutation. What must hold is
        // that both estimates describe the same system: within an order of magnitude of each other.
        double ratio = f.conditionEstimate() / base.conditionEstimate();
        assertTrue(ratio > 0.1 && ratio < 10, "condition estimate " + base.conditionEstimate() + " became "
                + f.conditionEstimate() + " after reordering and new units");
        assertEquals(base.warnings().size(), f.warnings().size());
        double[] demand = new double[n];
        int j = rnd.nextInt(n);
        demand[j] = 1;
        double[] s = base.solve(demand);
        double[] changedDemand = new double[n];
        changedDemand[perm[j]] = u[j];
        double[] s2 = f.solve(changedDemand);
        double[] back = new double[n];
        for (int i = 0; i < n; i++) {
            back[i] = s2[perm[i]] * v[i];
        }
        assertClose(s, back, "after reordering and new units");
    }

    private static void agree(DMatrixSparseCSC a, Random rnd, boolean acyclic) {
        int n = a.numCols;
        double[] f = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < 3; k++) {
            f[rnd.nextInt(n)] += rnd.nextDouble() * 10;
        }
        for (int i = 0; i < n; i++) {
            c[i] = rnd.nextDouble() < 0.5 ? rnd.nextDouble() : 0;
        }
        double[][] dense = Dense.toArray(a);
        DecompositionSolver lu = Dense.lu(dense);
        DecompositionSolver luT = Dense.lu(Dense.transpose(dense));
        double[] reference = FixedPoint.solve(a, f);
        double[] referenceT = FixedPoint.solveTransposed(a, c);
        List<Factorization> strategies = new ArrayList<>(List.of(new BlockTriangularSolver().factorize(a),
                new SparseLuSolver().factorize(a), new SolverSelector().factorize(a),
                new BlockTriangularSolver(BlockTriangularSolver.LoopMethod.LU).factorize(a),
                new BlockTriangularSolver(BlockTriangularSolver.LoopMethod.GMRES).factorize(a)));
        if (acyclic) {
            strategies.add(new TopologicalSolver().factorize(a));
        }
        // The dense LU is Commons Math's, unscaled, on columns and rows scaled by 10^±3 each: its error grows with
        // the condition of the unscaled matrix (seen: 1.08e-9 on a 37-process system), so it is held to 1e-7 —
        // it is a second opinion here; the fixed-point iteration is the reference every Cradle strategy meets to 1e-9.
        assertClose(reference, Dense.solve(lu, f), "dense LU", DENSE_TOLERANCE);
        assertClose(referenceT, Dense.solve(luT, c), "dense LU, transposed", DENSE_TOLERANCE);
        for (Factorization s : strategies) {
            assertClose(reference, s.solve(f), s.method());
            assertClose(referenceT, s.solveTransposed(c), s.method() + ", transposed");
            assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        }
        if (acyclic) {
            assertEquals(1.0, new SolverSelector().factorize(a).conditionEstimate());
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertClose(expected, actual, what, TOLERANCE);
    }

    private static void assertClose(double[] expected, double[] actual, String what, double tolerance) {
        double d = Dense.relativeDifference(actual, expected);
        assertTrue(d <= tolerance, what + ": relative difference " + d);
    }

    /** Unscaled dense LU (Commons Math), a second opinion: see {@link #agree}. */
    private static final double DENSE_TOLERANCE = 1e-7;
}
