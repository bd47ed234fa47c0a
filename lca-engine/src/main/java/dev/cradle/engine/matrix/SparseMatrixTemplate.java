package dev.cradle.engine.matrix;

import java.util.Arrays;
import java.util.TreeMap;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The fixed non-zero pattern of a sparse matrix, computed once; {@link #fill(double[])} then builds
 * a CSC matrix from one value per non-zero without sorting or hashing, so Monte Carlo iterations
 * rebuild A and B in O(non-zeros).
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
        private final TreeMap<Long, Integer> slots = new TreeMap<>();
        private final java.util.List<long[]> requests = new java.util.ArrayList<>();

        public Builder(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }

        /** Registers a position; returns a ticket resolved by {@link #slotOf(int)} after {@link #build()}. */
        public int add(int row, int col) {
            if (row < 0 || row >= rows || col < 0 || col >= cols) {
                throw new IndexOutOfBoundsException(row + "," + col);
            }
            long key = (long) col * rows + row;
            slots.putIfAbsent(key, -1);
            requests.add(new long[] {key});
            return requests.size() - 1;
        }

        private int[] ticketSlots;

        public SparseMatrixTemplate build() {
            int nz = slots.size();
            int[] colIdx = new int[cols + 1];
            int[] nzRows = new int[nz];
            int s = 0;
            for (var e : slots.entrySet()) {
                long key = e.getKey();
                int col = (int) (key / rows);
                int row = (int) (key % rows);
                nzRows[s] = row;
                colIdx[col + 1]++;
                e.setValue(s++);
            }
            for (int c = 0; c < cols; c++) {
                colIdx[c + 1] += colIdx[c];
            }
            ticketSlots = new int[requests.size()];
            for (int t = 0; t < ticketSlots.length; t++) {
                ticketSlots[t] = slots.get(requests.get(t)[0]);
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
