package dev.cradle.engine.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

class SparseMatrixTemplateTest {

    /**
     * Positions registered out of order and twice: (2,1), (0,0), (1,1), (0,0) again. Column-major slots are
     * (0,0)=0, (1,1)=1, (2,1)=2; both tickets of (0,0) share slot 0.
     */
    @Test
    void slotsAreColumnMajorAndRepeatsShareOne() {
        SparseMatrixTemplate.Builder b = new SparseMatrixTemplate.Builder(3, 2);
        int t21 = b.add(2, 1);
        int t00 = b.add(0, 0);
        int t11 = b.add(1, 1);
        int t00again = b.add(0, 0);
        SparseMatrixTemplate template = b.build();
        assertEquals(3, template.nonZeros());
        assertEquals(0, b.slotOf(t00));
        assertEquals(0, b.slotOf(t00again));
        assertEquals(1, b.slotOf(t11));
        assertEquals(2, b.slotOf(t21));
        DMatrixSparseCSC m = template.fill(new double[] {5, 7, -3});
        assertArrayEquals(new int[] {0, 1, 3}, java.util.Arrays.copyOf(m.col_idx, 3));
        assertEquals(5, m.get(0, 0));
        assertEquals(7, m.get(1, 1));
        assertEquals(-3, m.get(2, 1));
        assertEquals(0, m.get(1, 0));
    }

    @Test
    void positionsOutsideTheMatrixAreRefused() {
        SparseMatrixTemplate.Builder b = new SparseMatrixTemplate.Builder(3, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> b.add(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> b.add(0, -1));
    }

    /** A 100,000-process chain registered last column first: ticket 0, the last diagonal, is the last of 2n−1 slots. */
    @Test
    void manyPositionsAssemble() {
        int n = 100_000;
        SparseMatrixTemplate.Builder b = new SparseMatrixTemplate.Builder(n, n);
        for (int j = n - 1; j >= 0; j--) {
            b.add(j, j);
            if (j > 0) {
                b.add(j - 1, j);
            }
        }
        assertEquals(2 * n - 1, b.build().nonZeros());
        assertEquals(2 * n - 2, b.slotOf(0));
    }
}
