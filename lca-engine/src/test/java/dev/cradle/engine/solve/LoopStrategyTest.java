package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/** The rule that sends a loop to sparse LU or to preconditioned GMRES, and the fill prediction it rests on. */
class LoopStrategyTest {

    /** Pattern arrays of a dense n×n matrix. */
    private static int[][] dense(int n) {
        int[] colStart = new int[n + 1];
        int[] rows = new int[n * n];
        for (int j = 0; j < n; j++) {
            colStart[j + 1] = (j + 1) * n;
            for (int i = 0; i < n; i++) {
                rows[j * n + i] = i;
            }
        }
        return new int[][] {colStart, rows};
    }

    /**
     * A dense pattern: the Cholesky factor is full whatever the order, column counts n, n−1, …, 1, so the
     * predicted work is Σ c² = n(n+1)(2n+1)/6; for n = 10, 385.
     */
    @Test
    void aDensePatternPredictsTheSumOfSquaredColumnCounts() {
        int[][] d = dense(10);
        assertEquals(385.0, CsLu.predictedFlops(10, d[0], d[1]));
    }

    /** A tridiagonal loop has no fill: column counts 2, …, 2, 1, so Σ c² = 4(n−1) + 1. */
    @Test
    void aChainLoopPredictsNoFill() {
        int n = 1000;
        int[] colStart = new int[n + 1];
        int[] rows = new int[3 * n - 2];
        int nz = 0;
        for (int j = 0; j < n; j++) {
            for (int i = Math.max(0, j - 1); i <= Math.min(n - 1, j + 1); i++) {
                rows[nz++] = i;
            }
            colStart[j + 1] = nz;
        }
        assertEquals(4.0 * (n - 1) + 1, CsLu.predictedFlops(n, colStart, rows));
        assertEquals(SolverSelector.LoopStrategy.SPARSE_LU,
                SolverSelector.loopStrategy(n, nz, CsLu.predictedFlops(n, colStart, rows)));
    }

    /** A dense 500-process loop (500·501·1001/6 ≈ 4.2e7 predicted flops, above 3e7) goes to GMRES. */
    @Test
    void aLoopThatWouldFillInGoesToGmres() {
        int[][] d = dense(500);
        double flops = CsLu.predictedFlops(500, d[0], d[1]);
        assertEquals(500.0 * 501 * 1001 / 6, flops);
        assertEquals(SolverSelector.LoopStrategy.PRECONDITIONED_GMRES,
                SolverSelector.loopStrategy(500, 500 * 500, flops));
    }

    /** USLCI's loops are small: the engine factorises them (the method names LU, not GMRES). */
    @Test
    void uslciIsFactorisedByLu() {
        DMatrixSparseCSC a = UslciMatrix.technosphere();
        String method = new SolverSelector().factorize(a).method();
        assertTrue(method.startsWith("sparse LU by blocks"), method);
    }
}
