package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

/** Partitioned evaluation gives what the whole system gives. */
class PartitionedSystemTest {

    /**
     * By hand: background of one process (product "steel", 1 kg per run) emitting 2 kg CO2 per kg; the
     * foreground process makes 1 unit, emits 1 kg CO2 and buys 3 kg steel. GWP (C = 1 per kg CO2):
     * h = 1·1 + 3·2 = 7 kg CO2e per unit.
     */
    @Test
    void oneForegroundProcessOnOneBackgroundProcess() {
        DMatrixSparseCSC abb = SingularityTest.matrix(1, new double[] {0, 0, 1});
        DMatrixSparseCSC bb = SingularityTest.matrix(1, new double[] {0, 0, 2});
        double[][] c = {{1}};
        BackgroundIntensities bg = BackgroundIntensities.of(abb, bb, c, new SolverSelector());
        PartitionedSystem system = new PartitionedSystem(bg, c, new SolverSelector());
        double[] h = system.evaluate(SingularityTest.matrix(1, new double[] {0, 0, 1}),
                SingularityTest.matrix(1, new double[] {0, 0, 1}), SingularityTest.matrix(1, new double[] {0, 0, -3}),
                new double[] {1});
        assertArrayEquals(new double[] {7}, h, 1e-15);
    }

    /**
     * A random productive background with loops (SolverProperties.productive) and a random foreground with
     * loops among itself, buying from random background products: the partitioned result equals C·B·s of
     * the assembled whole system solved by the engine, within 1e-9 relative.
     */
    @Property(tries = 200)
    void agreesWithTheWholeSystem(@ForAll long seed) {
        Random rnd = new Random(seed);
        DMatrixSparseCSC abb = SolverProperties.productive(rnd, false);
        DMatrixSparseCSC aff = SolverProperties.productive(rnd, rnd.nextBoolean());
        int nb = abb.numCols;
        int nf = aff.numCols;
        int m = 1 + rnd.nextInt(6);
        int k = 1 + rnd.nextInt(3);
        DMatrixSparseCSC bb = random(m, nb, 0.4, rnd, 1);
        DMatrixSparseCSC bf = random(m, nf, 0.4, rnd, 1);
        DMatrixSparseCSC abf = random(nb, nf, 0.2, rnd, -1);
        double[][] c = new double[k][m];
        for (double[] row : c) {
            for (int i = 0; i < m; i++) {
                row[i] = rnd.nextDouble() < 0.7 ? rnd.nextDouble() * 10 : 0;
            }
        }
        double[] f = new double[nf];
        f[rnd.nextInt(nf)] = 1 + rnd.nextDouble();
        BackgroundIntensities bg = BackgroundIntensities.of(abb, bb, c, new SolverSelector());
        double[] h = new PartitionedSystem(bg, c, new SolverSelector()).evaluate(aff, bf, abf, f);

        // whole system: foreground columns 0..nf-1, background nf..nf+nb-1
        int n = nf + nb;
        DMatrixSparseTriplet a = new DMatrixSparseTriplet(n, n, 0);
        DMatrixSparseTriplet b = new DMatrixSparseTriplet(m, n, 0);
        copy(aff, a, 0, 0);
        copy(abb, a, nf, nf);
        copy(abf, a, nf, 0);
        copy(bf, b, 0, 0);
        copy(bb, b, 0, nf);
        double[] demand = new double[n];
        System.arraycopy(f, 0, demand, 0, nf);
        double[] s = new SolverSelector().factorize(DConvertMatrixStruct.convert(a, (DMatrixSparseCSC) null))
                .solve(demand);
        double[][] cb = dev.cradle.engine.matrix.CharacterisedInterventions.of(DConvertMatrixStruct.convert(b, (DMatrixSparseCSC) null), c);
        double[] expected = new double[k];
        for (int q = 0; q < k; q++) {
            for (int j = 0; j < n; j++) {
                expected[q] += cb[q][j] * s[j];
            }
        }
        double d = Dense.relativeDifference(h, expected);
        assertTrue(d <= 1e-9, "relative difference " + d);
    }

    private static DMatrixSparseCSC random(int rows, int cols, double density, Random rnd, double sign) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(rows, cols, 0);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                if (rnd.nextDouble() < density) {
                    t.addItem(i, j, sign * Math.pow(10, -2 + 4 * rnd.nextDouble()));
                }
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    private static void copy(DMatrixSparseCSC from, DMatrixSparseTriplet to, int rowOffset, int colOffset) {
        for (int j = 0; j < from.numCols; j++) {
            for (int p = from.col_idx[j]; p < from.col_idx[j + 1]; p++) {
                to.addItem(from.nz_rows[p] + rowOffset, j + colOffset, from.nz_values[p]);
            }
        }
    }
}
