package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.MatrixData;
import dev.cradle.engine.result.LcaResult;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The engine's boundary against overflow: no infinite or NaN number enters a solve or leaves a
 * result. Amounts are finite when written, but products of large inputs (a factor of 1e308 times
 * an inventory of 10) overflow; this names the process and indicator that did, as the user's
 * input at fault.
 */
final class FiniteCheck {
    private FiniteCheck() {
    }

    /** The matrices' entries and the demand are finite, or a {@link ModelException} names the processes. */
    static void matrices(MatrixData data, TechIndex tech) {
        List<ModelProblem> problems = new ArrayList<>();
        columns(data.technosphere(), tech, "an exchange with another process", problems);
        columns(data.interventions(), tech, "an elementary exchange", problems);
        for (double f : data.demand()) {
            if (!Double.isFinite(f)) {
                problems.add(ModelProblem.at("functional_unit", "the functional unit's amount is not a finite number ("
                        + f + "); check its formula and unit"));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
    }

    private static void columns(DMatrixSparseCSC m, TechIndex tech, String what, List<ModelProblem> problems) {
        for (int j = 0; j < m.numCols; j++) {
            for (int p = m.col_idx[j]; p < m.col_idx[j + 1]; p++) {
                if (!Double.isFinite(m.nz_values[p])) {
                    problems.add(ModelProblem.at("process:" + tech.at(j).processId(), "process '" + tech.at(j).processId()
                            + "' has " + what + " whose amount is not a finite number (" + m.nz_values[p]
                            + "): a formula or a unit conversion overflowed; check the magnitudes of its amounts"));
                    break;
                }
            }
        }
    }

    /** Every scaling factor, inventory amount, impact and process contribution is finite. */
    static void result(LcaResult r) {
        TechIndex tech = r.techIndex();
        double[] s = r.scalingVector();
        for (int j = 0; j < s.length; j++) {
            if (!Double.isFinite(s[j])) {
                throw ModelException.of("process:" + tech.at(j).processId(), "the system's solution is not finite at process '"
                        + tech.at(j).processId() + "' (" + s[j] + "); check formulas for divisions by zero and amounts "
                        + "for extreme magnitudes");
            }
        }
        double[] g = r.inventory();
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                String flow = r.flowIndex().at(i).id();
                throw ModelException.of(culprit(r, tech, j -> r.directInventory(flowRow(r, flow), j)),
                        "the inventory of '" + flow + "' overflows (" + g[i] + "): the amounts emitted or consumed are too "
                                + "large to add up; check their magnitudes and units");
            }
        }
        ImpactIndex impacts = r.impactIndex();
        for (int k = 0; k < impacts.size(); k++) {
            int kk = k;
            boolean bad = !Double.isFinite(r.impacts()[k]);
            for (int j = 0; j < tech.size() && !bad; j++) {
                bad = !Double.isFinite(r.directImpact(k, j));
            }
            if (bad) {
                throw ModelException.of(culprit(r, tech, j -> r.directImpact(kk, j)), "the result for '"
                        + impacts.at(k).key() + "' overflows (" + r.impacts()[k] + "): characterisation factors × "
                        + "amounts exceed the range of a double (about 1.8e308); check the magnitudes of the factors "
                        + "and amounts");
            }
        }
    }

    private static int flowRow(LcaResult r, String flowId) {
        return r.flowIndex().indexOf(flowId).orElseThrow();
    }

    /** The path of the first process whose contribution is not finite, or the largest one. */
    private static String culprit(LcaResult r, TechIndex tech, java.util.function.IntToDoubleFunction contribution) {
        int best = -1;
        double largest = -1;
        for (int j = 0; j < tech.size(); j++) {
            double v = contribution.applyAsDouble(j);
            if (!Double.isFinite(v)) {
                return "process:" + tech.at(j).processId();
            }
            if (Math.abs(v) > largest) {
                largest = Math.abs(v);
                best = j;
            }
        }
        return best < 0 ? "system" : "process:" + tech.at(best).processId();
    }
}
