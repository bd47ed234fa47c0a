package dev.cradle.engine.result;

import dev.cradle.engine.calc.SolverProblems;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.CharacterisedInterventions;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SingularSystemException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The numbers of one solved system (openLCA's {@code ResultProvider} over a factorisation), immutable and
 * thread-safe. Computed when constructed:
 * <ul>
 *   <li>scaling vector {@code s}, the solution of {@code A·s = f};</li>
 *   <li>inventory {@code g = B·s} (each elementary flow in its reference unit, positive in its natural
 *       direction);</li>
 *   <li>characterised interventions {@code (C·B)[k][j]} (indicator k per run of column j), direct results
 *       {@code H[k][j] = (C·B)[k][j]·s[j]} and indicator results {@code h[k] = Σ_j H[k][j] = (C·g)[k]}.</li>
 * </ul>
 * Computed on first request and kept (each at most once per indicator or system, whichever thread asks):
 * the intensities {@code y_k = (C·B·A⁻¹)[k]} (one adjoint solve on the factorisation) and the loop factors
 * {@code lf_j = 1 / (A[j][j]·(A⁻¹)[j][j])}. Arrays handed out by public methods are copies.
 */
public final class ResultProvider {
    private final TechIndex techIndex;
    private final FlowIndex flowIndex;
    private final ImpactIndex impactIndex;
    private final MatrixData data;
    private final Factorization factorization;
    private final double[] scaling;
    private final double[] inventory;
    private final double[] impacts;
    private final double[][] direct;
    private final double[][] characterised;
    private final AtomicReferenceArray<double[]> intensities;
    private final AtomicReference<double[]> loopFactors = new AtomicReference<>();

    /**
     * Solves {@code A·s = f} on {@code factorization} and computes g, C·B, H and h.
     *
     * @throws SingularSystemException when the solve's residual check fails
     */
    public ResultProvider(TechIndex techIndex, FlowIndex flowIndex, ImpactIndex impactIndex, MatrixData data,
                          Factorization factorization) {
        this.techIndex = techIndex;
        this.flowIndex = flowIndex;
        this.impactIndex = impactIndex;
        this.data = data;
        this.factorization = factorization;
        this.scaling = factorization.solve(data.demand());
        DMatrixSparseCSC b = data.interventions();
        int n = techIndex.size();
        int kk = impactIndex.size();
        inventory = new double[flowIndex.size()];
        for (int j = 0; j < n; j++) {
            for (int p = b.col_idx[j]; p < b.col_idx[j + 1]; p++) {
                inventory[b.nz_rows[p]] += b.nz_values[p] * scaling[j];
            }
        }
        characterised = CharacterisedInterventions.of(b, data.characterisation());
        direct = new double[kk][n];
        impacts = new double[kk];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < kk; k++) {
                direct[k][j] = characterised[k][j] * scaling[j];
                impacts[k] += direct[k][j];
            }
        }
        intensities = new AtomicReferenceArray<>(kk);
    }

    public TechIndex techIndex() {
        return techIndex;
    }

    public FlowIndex flowIndex() {
        return flowIndex;
    }

    public ImpactIndex impactIndex() {
        return impactIndex;
    }

    /** How the technosphere was solved. */
    public String solverMethod() {
        return factorization.method();
    }

    /** The solver's warnings for this system; empty when none. */
    public List<String> solverWarnings() {
        return factorization.warnings();
    }

    /** The solver's condition estimate of the scaled technosphere. */
    public double conditionEstimate() {
        return factorization.conditionEstimate();
    }

    /** The technosphere A (shared, not copied: do not modify). */
    DMatrixSparseCSC technosphere() {
        return data.technosphere();
    }

    /** The final demand f (shared: do not modify). */
    double[] demand() {
        return data.demand();
    }

    /** The scaling vector s (shared: do not modify). */
    double[] scaling() {
        return scaling;
    }

    /** The inventory g (shared: do not modify). */
    double[] inventory() {
        return inventory;
    }

    /** The indicator results h (shared: do not modify). */
    double[] impacts() {
        return impacts;
    }

    /** {@code H[k][j]}: indicator k of column j's own interventions at its scaling. */
    double directImpact(int k, int j) {
        return direct[k][j];
    }

    /** {@code B[i][j]·s[j]}: flow i released or consumed by column j itself. */
    double directInventory(int i, int j) {
        return data.interventions().get(i, j) * scaling[j];
    }

    /** {@code (C·B)[k]}: indicator k per one run of each column (shared: do not modify). */
    double[] characterisedInterventions(int k) {
        return characterised[k];
    }

    /**
     * Indicator k's intensity per unit of each product, {@code y = (C·B·A⁻¹)[k]} from {@code Aᵀ·y = (C·B)[k]ᵀ};
     * solved once (shared: do not modify).
     *
     * @throws dev.cradle.engine.ModelException naming the processes at fault when the adjoint solve fails
     */
    double[] intensities(int k) {
        double[] y = intensities.get(k);
        if (y == null) {
            try {
                y = factorization.solveTransposed(characterised[k].clone());
            } catch (SingularSystemException e) {
                throw SolverProblems.toModelException(e, techIndex);
            }
            intensities.compareAndSet(k, null, y);
            y = intensities.get(k);
        }
        return y;
    }

    /**
     * openLCA's loop factors {@code lf_j = 1 / (A[j][j] · (A⁻¹)[j][j])}: 1 outside loops (and for every column
     * of an acyclic system, solved by topological order), less than 1 for a column whose product returns to
     * it through a loop. One solve per column, once (shared: do not modify).
     */
    double[] loopFactors() {
        double[] lf = loopFactors.get();
        if (lf == null) {
            DMatrixSparseCSC a = data.technosphere();
            int n = scaling.length;
            lf = new double[n];
            boolean acyclic = solverMethod().startsWith("topological");
            for (int j = 0; j < n; j++) {
                lf[j] = 1;
                if (!acyclic) {
                    double[] e = new double[n];
                    e[j] = 1;
                    lf[j] = 1 / (a.get(j, j) * solveChecked(e)[j]);
                }
            }
            loopFactors.compareAndSet(null, lf);
            lf = loopFactors.get();
        }
        return lf;
    }

    private double[] solveChecked(double[] f) {
        try {
            return factorization.solve(f);
        } catch (SingularSystemException e) {
            throw SolverProblems.toModelException(e, techIndex);
        }
    }
}
