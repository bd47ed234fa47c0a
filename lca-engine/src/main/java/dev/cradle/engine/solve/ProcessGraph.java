package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/**
 * The supply graph of a technosphere matrix: an edge from consumer column j to provider row i for
 * every non-zero off-diagonal entry A[i][j]. Self-loops (the diagonal) are not edges.
 */
public final class ProcessGraph {
    private final int n;
    private final int[][] providers; // providers[j] = rows i != j with A[i][j] != 0
    private final int[][] consumers; // consumers[i] = columns j != i with A[i][j] != 0

    public ProcessGraph(DMatrixSparseCSC a) {
        n = a.numCols;
        int[] providerCount = new int[n];
        int[] consumerCount = new int[n];
        for (int j = 0; j < n; j++) {
            for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) {
                int i = a.nz_rows[k];
                if (i != j && a.nz_values[k] != 0) {
                    providerCount[j]++;
                    consumerCount[i]++;
                }
            }
        }
        providers = new int[n][];
        consumers = new int[n][];
        for (int v = 0; v < n; v++) {
            providers[v] = new int[providerCount[v]];
            consumers[v] = new int[consumerCount[v]];
        }
        int[] pFill = new int[n];
        int[] cFill = new int[n];
        for (int j = 0; j < n; j++) {
            for (int k = a.col_idx[j]; k < a.col_idx[j + 1]; k++) {
                int i = a.nz_rows[k];
                if (i != j && a.nz_values[k] != 0) {
                    providers[j][pFill[j]++] = i;
                    consumers[i][cFill[i]++] = j;
                }
            }
        }
    }

    /**
     * Kahn's algorithm: columns ordered so that every consumer comes before its providers, or null
     * when the graph has a cycle.
     */
    public int[] consumersFirstOrder() {
        int[] pendingConsumers = new int[n];
        for (int i = 0; i < n; i++) {
            pendingConsumers[i] = consumers[i].length;
        }
        int[] order = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (pendingConsumers[i] == 0) {
                order[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int i : providers[order[head]]) {
                if (--pendingConsumers[i] == 0) {
                    order[tail++] = i;
                }
            }
        }
        return tail == n ? order : null;
    }
}
