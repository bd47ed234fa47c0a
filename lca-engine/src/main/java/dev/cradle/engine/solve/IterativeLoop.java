package dev.cradle.engine.solve;

/**
 * A scaled loop block {@code Â} (n×n, CSC) solved by restarted GMRES (Saad and Schultz, "GMRES: a
 * generalized minimal residual algorithm for solving nonsymmetric linear systems", SIAM J. Sci. Stat.
 * Comput. 7(3), 1986), right-preconditioned by the incomplete LU factorisation with the pattern of Â,
 * ILU(0) (Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., SIAM 2003, Algorithm 10.4) in a
 * providers-first order of the loop ({@link #providersFirst}, where ILU(0) is nearly exact);
 * {@code Âᵀ} is solved the same way with the transposed preconditioner {@code (L·U)⁻ᵀ}. Memory is
 * O(nnz(Â) + {@value #RESTART}·n): no fill, which is why it wins on loops whose LU would fill in
 * catastrophically (dense market rows and columns, random cycles; see docs/performance.md).
 *
 * <p>Iterates until {@code ‖b − Â·x‖₂ ≤ tolerance·‖b‖₂} (1e-13 for a solve, 1e-4 for a refinement step's correction: {@link LoopFactor}), {@value #MAX_ITERATIONS}
 * iterations, or a restart cycle that does not halve the residual (stagnation at rounding level); the answer is then checked like every other ({@link CheckedFactorization}: componentwise
 * backward error of the whole, unscaled system at most 1e-10 after refinement, else refused). In a
 * scaled productive loop {@code Â = I − M̂} with the spectral radius of M̂ equal to the loop's gain ρ < 1,
 * so the preconditioned iteration converges; a gain near 1 slows it, and the residual check reports it.
 * Immutable; thread-safe.
 */
final class IterativeLoop implements LoopFactor {
    static final int RESTART = 40;
    static final int MAX_ITERATIONS = 2000;

    private final int n;
    private final int[] colStart;
    private final int[] rows;
    private final double[] values;
    /** ILU(0) in CSR: L (unit, strictly lower) and U (upper with diagonal) share the pattern of Â. */
    private final int[] rowStart;
    private final int[] cols;
    private final double[] lu;
    private final int[] diag;
    private final double norm1;
    /** Where each of the caller's columns sits in the providers-first order the iteration works in. */
    private final int[] position;

    private IterativeLoop(int n, int[] colStart, int[] rows, double[] values, int[] rowStart, int[] cols,
                          double[] lu, int[] diag, double norm1, int[] position) {
        this.n = n;
        this.colStart = colStart;
        this.rows = rows;
        this.values = values;
        this.rowStart = rowStart;
        this.cols = cols;
        this.lu = lu;
        this.diag = diag;
        this.norm1 = norm1;
        this.position = position;
    }

    /**
     * Prepares Â (CSC arrays, rows sorted within columns, no duplicates; copied), or returns null when the
     * ILU(0) meets a zero pivot or Â has no diagonal entry in some column.
     */
    static IterativeLoop of(int n, int[] colStart, int[] rows, double[] values) {
        int[] order = providersFirst(n, colStart, rows);
        int[] position = new int[n];
        for (int k = 0; k < n; k++) {
            position[order[k]] = k;
        }
        int nz = colStart[n];
        int[] pStart = new int[n + 1];
        int[] pRows = new int[nz];
        double[] pValues = new double[nz];
        int fill = 0;
        for (int k = 0; k < n; k++) {
            int j = order[k];
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                pRows[fill] = position[rows[p]];
                pValues[fill++] = values[p];
            }
            pStart[k + 1] = fill;
        }
        return ordered(n, pStart, pRows, pValues, position);
    }

    /**
     * The loop's processes with every provider before its consumers wherever the loop allows: the
     * post-order of a depth-first search from each consumer to its providers (column j to the rows i of
     * its inputs), so only the edges that close a cycle point the other way. In this order Â is upper
     * triangular but for those edges, and ILU(0) is nearly its exact LU (the Gauss–Seidel ordering of
     * supply chains); in an arbitrary order ILU(0) drops much more and GMRES iterates longer.
     */
    static int[] providersFirst(int n, int[] colStart, int[] rows) {
        int[] order = new int[n];
        int count = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int root = 0; root < n; root++) {
            if (seen[root]) {
                continue;
            }
            int top = 0;
            stack[0] = root;
            seen[root] = true;
            next[root] = colStart[root];
            while (top >= 0) {
                int j = stack[top];
                if (next[j] < colStart[j + 1]) {
                    int i = rows[next[j]++];
                    if (!seen[i]) {
                        seen[i] = true;
                        next[i] = colStart[i];
                        stack[++top] = i;
                    }
                } else {
                    order[count++] = j;
                    top--;
                }
            }
        }
        return order;
    }

    private static IterativeLoop ordered(int n, int[] colStart, int[] rows, double[] values, int[] position) {
        int nz = colStart[n];
        int[] rowStart = new int[n + 1];
        for (int p = 0; p < nz; p++) {
            rowStart[rows[p] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        int[] next = java.util.Arrays.copyOf(rowStart, n);
        int[] cols = new int[nz];
        double[] lu = new double[nz];
        double norm1 = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int q = next[rows[p]]++;
                cols[q] = j;
                lu[q] = values[p];
                s += Math.abs(values[p]);
            }
            norm1 = Math.max(norm1, s);
        }
        int[] diag = new int[n];
        int[] where = new int[n];
        java.util.Arrays.fill(where, -1);
        for (int i = 0; i < n; i++) {
            diag[i] = -1;
            for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
                where[cols[q]] = q;
                if (cols[q] == i) {
                    diag[i] = q;
                }
            }
            if (diag[i] < 0) {
                return null;
            }
            // IKJ: eliminate with every earlier row k that row i touches, keeping the pattern
            for (int q = rowStart[i]; q < diag[i]; q++) {
                int k = cols[q];
                double pivot = lu[diag[k]];
                if (pivot == 0) {
                    return null;
                }
                double l = lu[q] / pivot;
                lu[q] = l;
                for (int r = diag[k] + 1; r < rowStart[k + 1]; r++) {
                    int w = where[cols[r]];
                    if (w >= 0) {
                        lu[w] -= l * lu[r];
                    }
                }
            }
            for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
                where[cols[q]] = -1;
            }
            if (lu[diag[i]] == 0) {
                return null;
            }
        }
        return new IterativeLoop(n, colStart, rows, values, rowStart, cols, lu, diag, norm1, position);
    }

    @Override
    public String kind() {
        return "GMRES";
    }

    @Override
    public double[] solve(double[] b, double tolerance) {
        return inCallersOrder(gmres(inOwnOrder(b), false, tolerance));
    }

    @Override
    public double[] solveTransposed(double[] c, double tolerance) {
        return inCallersOrder(gmres(inOwnOrder(c), true, tolerance));
    }

    private double[] inOwnOrder(double[] v) {
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[position[j]] = v[j];
        }
        return out;
    }

    private double[] inCallersOrder(double[] v) {
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = v[position[j]];
        }
        return out;
    }

    @Override
    public double conditionEstimate() {
        return norm1 * ConditionEstimator.inverseNorm1(n, this::solve, this::solveTransposed);
    }

    /** y = Â·x or Âᵀ·x. */
    private void multiply(double[] x, double[] y, boolean transposed) {
        if (transposed) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                    s += values[p] * x[rows[p]];
                }
                y[j] = s;
            }
        } else {
            java.util.Arrays.fill(y, 0.0);
            for (int j = 0; j < n; j++) {
                double xj = x[j];
                if (xj != 0) {
                    for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                        y[rows[p]] += values[p] * xj;
                    }
                }
            }
        }
    }

    /** v := (L·U)⁻¹·v, or (L·U)⁻ᵀ·v = L⁻ᵀ·U⁻ᵀ·v when transposed. */
    private void precondition(double[] v, boolean transposed) {
        if (!transposed) {
            for (int i = 0; i < n; i++) {
                double s = v[i];
                for (int q = rowStart[i]; q < diag[i]; q++) {
                    s -= lu[q] * v[cols[q]];
                }
                v[i] = s;
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = v[i];
                for (int q = diag[i] + 1; q < rowStart[i + 1]; q++) {
                    s -= lu[q] * v[cols[q]];
                }
                v[i] = s / lu[diag[i]];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double yi = v[i] / lu[diag[i]];
                v[i] = yi;
                for (int q = diag[i] + 1; q < rowStart[i + 1]; q++) {
                    v[cols[q]] -= lu[q] * yi;
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                double zi = v[i];
                for (int q = rowStart[i]; q < diag[i]; q++) {
                    v[cols[q]] -= lu[q] * zi;
                }
            }
        }
    }

    /** Right-preconditioned restarted GMRES(m) with modified Gram–Schmidt and Givens rotations. */
    private double[] gmres(double[] b, boolean transposed, double tolerance) {
        int m = Math.min(RESTART, n);
        double[] x = new double[n];
        double bNorm = norm2(b);
        if (bNorm == 0) {
            return x;
        }
        // basis vectors allocated as the iteration reaches them: a well-preconditioned loop converges in a
        // tenth of the restart length, and zeroing unused vectors would cost more than the iterations
        double[][] v = new double[m + 1][];
        double[][] z = new double[m][];
        v[0] = new double[n];
        double[][] h = new double[m + 1][m];
        double[] cs = new double[m];
        double[] sn = new double[m];
        double[] g = new double[m + 1];
        double[] r = new double[n];
        double[] w = new double[n];
        int iterations = 0;
        double previous = Double.POSITIVE_INFINITY;
        while (iterations < MAX_ITERATIONS) {
            multiply(x, w, transposed);
            for (int i = 0; i < n; i++) {
                r[i] = b[i] - w[i];
            }
            double beta = norm2(r);
            if (beta <= tolerance * bNorm || !(beta < 0.5 * previous)) {
                return x; // converged, or a restart cycle stagnated at rounding level: the check decides
            }
            previous = beta;
            for (int i = 0; i < n; i++) {
                v[0][i] = r[i] / beta;
            }
            java.util.Arrays.fill(g, 0.0);
            g[0] = beta;
            int k = 0;
            for (; k < m && iterations < MAX_ITERATIONS; k++, iterations++) {
                if (z[k] == null) {
                    z[k] = new double[n];
                    v[k + 1] = new double[n];
                }
                System.arraycopy(v[k], 0, z[k], 0, n);
                precondition(z[k], transposed);
                multiply(z[k], w, transposed);
                for (int i = 0; i <= k; i++) {
                    double d = dot(w, v[i]);
                    h[i][k] = d;
                    axpy(-d, v[i], w);
                }
                double hn = norm2(w);
                h[k + 1][k] = hn;
                if (hn != 0) {
                    for (int i = 0; i < n; i++) {
                        v[k + 1][i] = w[i] / hn;
                    }
                }
                for (int i = 0; i < k; i++) {
                    double t = cs[i] * h[i][k] + sn[i] * h[i + 1][k];
                    h[i + 1][k] = -sn[i] * h[i][k] + cs[i] * h[i + 1][k];
                    h[i][k] = t;
                }
                double rho = Math.hypot(h[k][k], h[k + 1][k]);
                if (rho == 0) {
                    break;
                }
                cs[k] = h[k][k] / rho;
                sn[k] = h[k + 1][k] / rho;
                h[k][k] = rho;
                h[k + 1][k] = 0;
                g[k + 1] = -sn[k] * g[k];
                g[k] = cs[k] * g[k];
                if (Math.abs(g[k + 1]) <= tolerance * bNorm || hn == 0) {
                    k++;
                    iterations++;
                    break;
                }
            }
            // x += Z·y with H·y = g (upper triangular k×k)
            double[] y = new double[k];
            for (int i = k - 1; i >= 0; i--) {
                double s = g[i];
                for (int j = i + 1; j < k; j++) {
                    s -= h[i][j] * y[j];
                }
                y[i] = s / h[i][i];
            }
            for (int j = 0; j < k; j++) {
                axpy(y[j], z[j], x);
            }
            if (k == 0) {
                break;
            }
        }
        return x;
    }

    private static double norm2(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
