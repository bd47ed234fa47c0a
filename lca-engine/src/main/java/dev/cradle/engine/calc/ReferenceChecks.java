package dev.cradle.engine.calc;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.model.Exchange;
import dev.cradle.model.Process;
import java.util.List;

/**
 * Checks of reference amounts at the parameters' declared values, since every other amount of a process
 * is per unit of its reference: what a process provides (or treats) must be greater than zero, and a
 * process that uses its own product must make more of it than it uses (the net output is its reference).
 */
final class ReferenceChecks {
    private final AmountCompiler amounts;
    private final double[] defaults;
    private final List<ModelProblem> problems;

    /** @param defaults the parameters' declared values, or null when they failed to compile (nothing is checked) */
    ReferenceChecks(AmountCompiler amounts, double[] defaults, List<ModelProblem> problems) {
        this.amounts = amounts;
        this.defaults = defaults;
        this.problems = problems;
    }

    /** The provided (or treated) {@code amount} of exchange {@code e} must be greater than zero. */
    void providedAmount(Process p, Exchange e, CompiledFormula amount, String path) {
        double made = defaults != null && amount != null ? amount.evaluate(defaults) : Double.NaN;
        if (made == 0 || (!e.flow().isWaste() && made < 0)) {
            problem(path, "process '" + p.id() + "' provides " + SystemCompiler.round(made) + " " + e.unit() + " of '"
                    + e.flow().id() + "'; the reference amount must be greater than zero (amounts are per unit of it)");
        } else if (e.flow().isWaste() && made < 0) {
            problem(path, "process '" + p.id() + "' treats " + SystemCompiler.round(made) + " " + e.unit()
                    + " of the waste '" + e.flow().id() + "'; the amount treated must be greater than zero");
        }
    }

    /**
     * A process that uses its own product as an input must make more of it than it uses: the net output
     * (output − input, in the flow's reference unit) is its reference amount. Stops at the first amount that
     * cannot be computed (a problem reported where it is compiled).
     */
    void selfConsumption(TechIndex tech) {
        if (defaults == null) {
            return;
        }
        for (int j = 0; j < tech.size(); j++) {
            TechFlow column = tech.at(j);
            Process p = column.process();
            double made = 0;
            double used = 0;
            int firstInput = -1;
            for (int x = 0; x < p.exchanges().size(); x++) {
                Exchange e = p.exchanges().get(x);
                if (!e.flow().id().equals(column.flowId()) || e.avoided()
                        || (e.providerId().isPresent() && !e.provider().equals(p.id()))) {
                    continue;
                }
                double v = inReferenceUnit(e, p.id());
                if (Double.isNaN(v)) {
                    return;
                }
                if (e.isProviderSide()) {
                    made += v;
                } else {
                    used += v;
                    firstInput = firstInput < 0 ? x : firstInput;
                }
            }
            if (firstInput >= 0 && made > 0 && used >= made) {
                boolean waste = column.flow().isWaste();
                problem("process:" + p.id() + "/exchange:" + firstInput, "process '" + p.id() + "' "
                        + (waste ? "produces " : "consumes ") + SystemCompiler.round(used) + " of its own "
                        + (waste ? "waste" : "product") + " '" + column.flowId() + "' but " + (waste ? "treats " : "makes ")
                        + SystemCompiler.round(made) + "; it must " + (waste ? "treat" : "make") + " more than it "
                        + (waste ? "produces" : "consumes") + " (the net amount is its reference), or remove the self-"
                        + (waste ? "output" : "input"));
            }
        }
    }

    /** An exchange's amount at the declared values in its flow's reference unit; NaN if not computable. */
    private double inReferenceUnit(Exchange e, String processId) {
        if (!e.unit().isCompatibleWith(e.flow().referenceUnit())) {
            return Double.NaN;
        }
        return amounts.valueAt(e.amount(), processId, defaults) * e.unit().conversionFactorTo(e.flow().referenceUnit());
    }

    private void problem(String path, String message) {
        problems.add(ModelProblem.at(path, message));
    }
}
