package dev.cradle.engine.matrix;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The fixed non-zero pattern of a sparse matrix, computed once; {@link #fill(double[])} then builds
 * a CSC matrix from one value per non-zero without sorting or hashing, so Monte Carlo iterations
 * rebuild A and B in O(non-zeros).
 *
 * <p>Assembly uses primitive arrays only: each registered position is one {@code long} key
 * ({@code col·rows + row}, column-major) in a growing array; {@link Builder#build()} sorts a copy of
 * the keys once (O(t log t) for t registrations, 8 bytes each), removes repeats, and resolves every ticket
 * by binary search. Nothing is boxed (the former {@code TreeMap<Long, Integer>} took about 80 bytes
 * per position).
 */
public final class SparseMatrixTemplate {
    private final int rows;
    private final int cols;
    private final int[] colIdx;
    private final int[] nzRows;

    private SparseMatrixTemplate(int rows, int cols, int[] colIdx, int[] nzRows) {
        this.rows = rows;
        this.cols = cols;
        this.colIdx = colIdx;
        this.nzRows = nzRows;
    }

    /** Collects (row, col) positions and assigns each distinct one a slot. */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private long[] keys = new long[16];
        private int count;
        private int[] ticketSlots;

        public Builder(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }

        /** Registers a position; returns a ticket resolved by {@link #slotOf(int)} after {@link #build()}. */
        public int add(int row, int col) {
            if (row < 0 || row >= rows || col < 0 || col >= cols) {
                throw new IndexOutOfBoundsException(row + "," + col);
            }
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[count] = (long) col * rows + row;
            return count++;
        }

        public SparseMatrixTemplate build() {
            long[] sorted = Arrays.copyOf(keys, count);
            Arrays.sort(sorted);
            int nz = 0;
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    sorted[nz++] = sorted[k];
                }
            }
            int[] colIdx = new int[cols + 1];
            int[] nzRows = new int[nz];
            for (int s = 0; s < nz; s++) {
                int col = (int) (sorted[s] / rows);
                nzRows[s] = (int) (sorted[s] % rows);
                colIdx[col + 1]++;
            }
            for (int c = 0; c < cols; c++) {
                colIdx[c + 1] += colIdx[c];
            }
            ticketSlots = new int[count];
            for (int t = 0; t < count; t++) {
                ticketSlots[t] = Arrays.binarySearch(sorted, 0, nz, keys[t]);
            }
            return new SparseMatrixTemplate(rows, cols, colIdx, nzRows);
        }

        public int slotOf(int ticket) {
            return ticketSlots[ticket];
        }
    }

    public int nonZeros() {
        return nzRows.length;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return cols;
    }

    /** CSC column pointers (length columns + 1): column j's slots are {@code [p[j], p[j+1])}. A copy. */
    public int[] columnPointers() {
        return colIdx.clone();
    }

    /** The row of each slot, in slot order. A copy. */
    public int[] rowIndices() {
        return nzRows.clone();
    }

    /** A new CSC matrix with this pattern and the given values (one per slot; copied). */
    public DMatrixSparseCSC fill(double[] values) {
        DMatrixSparseCSC m = new DMatrixSparseCSC(rows, cols, Math.max(1, nzRows.length));
        System.arraycopy(colIdx, 0, m.col_idx, 0, colIdx.length);
        System.arraycopy(nzRows, 0, m.nz_rows, 0, nzRows.length);
        System.arraycopy(values, 0, m.nz_values, 0, nzRows.length);
        m.nz_length = nzRows.length;
        m.indicesSorted = true;
        return m;
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " with " + nzRows.length + " non-zeros " + Arrays.toString(colIdx);
    }
}
