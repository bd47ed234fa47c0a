package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * The verdict and the answer do not depend on the order of the processes or on the units: USLCI with
 * its columns and rows permuted, every product expressed in another unit (row i × u_i, e.g. kg → t)
 * and every process written for another reference amount (column j × v_j) is still solved, without
 * warning, and gives the same scaling vector mapped back ({@code s'_j = s_j / v_j}).
 */
class UslciInvarianceProperties {
    private static final DMatrixSparseCSC A = UslciMatrix.technosphere();
    private static final Factorization BASE = new SolverSelector().factorize(A);

    @Property(tries = 25)
    void orderAndUnitsChangeNeitherTheVerdictNorTheAnswer(@ForAll long seed) {
        Random rnd = new Random(seed);
        int n = A.numCols;
        int[] perm = shuffled(n, rnd);
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.pow(10, -6 + 12 * rnd.nextDouble());
            v[i] = Math.pow(10, -6 + 12 * rnd.nextDouble());
        }
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, A.nz_length);
        for (int j = 0; j < n; j++) {
            for (int p = A.col_idx[j]; p < A.col_idx[j + 1]; p++) {
                int i = A.nz_rows[p];
                t.addItem(perm[i], perm[j], u[i] * A.nz_values[p] * v[j]);
            }
        }
        DMatrixSparseCSC changed = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        Factorization f = new SolverSelector().factorize(changed);
        assertEquals(BASE.method(), f.method());
        assertTrue(f.warnings().isEmpty(), f.warnings().toString());
        // an estimate whose value depends on the pivot order (see SolverProperties): same order of magnitude
        double ratio = f.conditionEstimate() / BASE.conditionEstimate();
        assertTrue(ratio > 0.1 && ratio < 10, BASE.conditionEstimate() + " became " + f.conditionEstimate());
        for (int k = 0; k < 5; k++) {
            int j = rnd.nextInt(n);
            double[] demand = new double[n];
            demand[j] = 1;
            double[] s = BASE.solve(demand);
            double[] changedDemand = new double[n];
            changedDemand[perm[j]] = u[j];
            double[] s2 = f.solve(changedDemand);
            double[] mappedBack = new double[n];
            for (int i = 0; i < n; i++) {
                mappedBack[i] = s2[perm[i]] * v[i];
            }
            assertTrue(Dense.relativeDifference(mappedBack, s) <= 1e-9, "column " + j);
        }
    }

    private static int[] shuffled(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[k];
            p[k] = tmp;
        }
        return p;
    }
}
