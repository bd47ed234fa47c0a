package dev.cradle.engine.solve;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Partitioned evaluation: a foreground (the AI system; small, parametric, redrawn in every Monte Carlo
 * draw) linked to a static background solved once ({@link BackgroundIntensities}). With the whole
 * technosphere in block form (the background supplies the foreground and never buys from it)
 * <pre>
 *   [ A_ff   0    ] [s_f]   [f]
 *   [ A_bf  A_bb  ] [s_b] = [0]
 * </pre>
 * the foreground's scaling is {@code s_f = A_ff⁻¹·f}, the background's {@code s_b = −A_bb⁻¹·A_bf·s_f},
 * and the impacts are {@code h = C·B_f·s_f − Λ·A_bf·s_f} with {@code Λ = C·B_b·A_bb⁻¹}: each draw costs a
 * solve of the foreground and a product with the k × n_b table Λ over the foreground's background
 * inputs only, never a background solve. A_bf holds the foreground's inputs of background products
 * with A's signs (inputs negative), in the background's product units.
 *
 * <p>Every foreground solve checks its residual ({@link Factorization}); Λ was checked when solved.
 * Immutable: one instance serves any number of draws and threads.
 */
public final class PartitionedSystem {
    private final BackgroundIntensities background;
    private final double[][] c;
    private final Solver solver;

    /**
     * @param background the background, solved once
     * @param c characterisation (k × m) of the foreground's interventions: the same indicators, in the same
     *          order, as the background's
     * @param solver the strategy for the foreground ({@link SolverSelector})
     */
    public PartitionedSystem(BackgroundIntensities background, double[][] c, Solver solver) {
        if (c.length != background.indicators()) {
            throw new IllegalArgumentException(c.length + " indicators for a background with "
                    + background.indicators());
        }
        this.background = background;
        this.c = c;
        this.solver = solver;
    }

    /**
     * The impacts of one draw of the foreground: {@code h = C·B_f·s_f − Λ·A_bf·s_f} with
     * {@code s_f = A_ff⁻¹·f} (k values, the indicators' units).
     *
     * @param aff the foreground technosphere, n_f × n_f
     * @param bf the foreground interventions, m × n_f
     * @param abf the foreground's inputs from the background, n_b × n_f (inputs negative)
     * @param f the final demand on the foreground, n_f
     * @throws SingularSystemException when the foreground cannot be solved
     */
    public double[] evaluate(DMatrixSparseCSC aff, DMatrixSparseCSC bf, DMatrixSparseCSC abf, double[] f) {
        if (abf.numRows != background.products() || abf.numCols != aff.numCols || bf.numCols != aff.numCols) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "shapes: A_ff %d×%d, B_f %d×%d, A_bf %d×%d for a background of %d products", aff.numRows,
                    aff.numCols, bf.numRows, bf.numCols, abf.numRows, abf.numCols, background.products()));
        }
        double[] s = solver.factorize(aff).solve(f);
        double[] h = new double[c.length];
        for (int j = 0; j < s.length; j++) {
            if (s[j] == 0) {
                continue;
            }
            for (int p = bf.col_idx[j]; p < bf.col_idx[j + 1]; p++) {
                double g = bf.nz_values[p] * s[j];
                for (int k = 0; k < h.length; k++) {
                    h[k] += c[k][bf.nz_rows[p]] * g;
                }
            }
            background.accumulate(abf, j, -s[j], h);
        }
        return h;
    }
}
