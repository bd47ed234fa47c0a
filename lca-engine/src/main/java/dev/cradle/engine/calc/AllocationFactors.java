package dev.cradle.engine.calc;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.model.AllocationFactor;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Exchange;
import dev.cradle.model.Process;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allocation of multi-output processes (openLCA's {@code AllocationIndex}): for the column of one
 * co-product, the compiled factor of each allocatable exchange (elementary flows, product inputs, waste
 * outputs). Physical and economic allocation give every exchange the product's share; causal gives an
 * exchange its own factor where one is declared, else the physical share. Shares must be non-negative,
 * cover every co-product and sum to 1 (±{@value #SHARE_TOLERANCE}) at the parameters' declared values.
 * Problems of a process are reported once, with its first co-product's column.
 */
final class AllocationFactors {
    static final double SHARE_TOLERANCE = 1e-6;

    private final AllocationMethod method;
    private final AmountCompiler amounts;
    private final double[] defaults;
    private final List<ModelProblem> problems;

    /**
     * @param defaults the parameters' declared values, or null when they failed to compile (sums are then not checked)
     */
    AllocationFactors(AllocationMethod method, AmountCompiler amounts, double[] defaults, List<ModelProblem> problems) {
        this.method = method;
        this.amounts = amounts;
        this.defaults = defaults;
        this.problems = problems;
    }

    /**
     * The allocation factor per exchange position for {@code column} of {@code p}; empty for a single-output
     * process (factor 1). An exchange without any usable factor gets 0 (and its process a problem).
     */
    Map<Integer, CompiledFormula> of(Process p, TechFlow column) {
        List<Exchange> provided = p.providedFlows();
        Map<Integer, CompiledFormula> out = new HashMap<>();
        if (provided.size() <= 1) {
            return out;
        }
        String pPath = "process:" + p.id();
        List<String> products = provided.stream().map(e -> e.flow().id()).toList();
        boolean firstColumn = column.flowId().equals(products.get(0));
        for (int i = 0; i < p.allocationFactors().size(); i++) {
            AllocationFactor f = p.allocationFactors().get(i);
            if (!products.contains(f.productFlow()) && firstColumn) {
                problem(pPath + "/allocation:" + i, "allocation factor for '" + f.productFlow()
                        + "', which is not a co-product of '" + p.id() + "' (co-products: " + String.join(", ", products) + ")");
            }
        }
        if (method == AllocationMethod.NONE) {
            if (firstColumn) {
                problem(pPath, "process '" + p.id() + "' has several co-products (" + String.join(", ", products)
                        + ") but the allocation method is none; choose physical, economic or causal allocation, "
                        + "or model the extra outputs as avoided products (system expansion)");
            }
            return out;
        }
        AllocationMethod base = method == AllocationMethod.CAUSAL ? AllocationMethod.PHYSICAL : method;
        CompiledFormula baseFactor = factorFor(p, base, column.flowId(), "", products, firstColumn);
        for (int x = 0; x < p.exchanges().size(); x++) {
            Exchange e = p.exchanges().get(x);
            if (e.isProviderSide()) {
                continue;
            }
            CompiledFormula f = null;
            if (method == AllocationMethod.CAUSAL) {
                f = factorFor(p, AllocationMethod.CAUSAL, column.flowId(), e.flow().id(), products, firstColumn);
            }
            if (f == null) {
                f = baseFactor;
            }
            if (f == null) {
                if (firstColumn) {
                    problem(pPath + "/exchange:" + x, "process '" + p.id() + "' needs " + (method == AllocationMethod.CAUSAL
                            ? "a causal factor for '" + e.flow().id() + "' or physical factors" : method.key() + " allocation factors")
                            + " for its co-products " + String.join(", ", products));
                }
                out.put(x, CompiledFormula.constant(0));
            } else {
                out.put(x, f);
            }
        }
        return out;
    }

    /**
     * The factor of {@code product} under {@code m} (for causal: of exchange flow {@code exchangeFlow}), null
     * when the process declares none; when {@code report}, checks that the shares are non-negative, cover
     * every co-product and sum to one.
     */
    private CompiledFormula factorFor(Process p, AllocationMethod m, String product, String exchangeFlow,
                                      List<String> products, boolean report) {
        List<AllocationFactor> relevant = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < p.allocationFactors().size(); i++) {
            AllocationFactor f = p.allocationFactors().get(i);
            if (f.method() == m && f.exchangeFlow().equals(exchangeFlow)) {
                relevant.add(f);
                positions.add(i);
            }
        }
        if (relevant.isEmpty()) {
            return null;
        }
        String pPath = "process:" + p.id();
        String what = m.key() + " allocation factors" + (exchangeFlow.isEmpty() ? "" : " for '" + exchangeFlow + "'");
        CompiledFormula mine = null;
        double sum = 0;
        boolean evaluable = defaults != null;
        for (int i = 0; i < relevant.size(); i++) {
            AllocationFactor f = relevant.get(i);
            CompiledFormula c = amounts.compile(f.factor(), p.id(), pPath + "/allocation:" + positions.get(i));
            if (c == null) {
                evaluable = false;
                continue;
            }
            if (evaluable) {
                double v = c.evaluate(defaults);
                if (v < 0 && report) {
                    problem(pPath + "/allocation:" + positions.get(i), "allocation factor " + v + " for '" + f.productFlow()
                            + "' is negative; shares lie between 0 and 1");
                }
                sum += v;
            }
            if (f.productFlow().equals(product)) {
                mine = c;
            }
        }
        if (report) {
            Set<String> covered = new HashSet<>();
            relevant.forEach(f -> covered.add(f.productFlow()));
            List<String> missing = products.stream().filter(x -> !covered.contains(x)).toList();
            if (!missing.isEmpty()) {
                problem(pPath + "/allocation:" + positions.get(0), what + " of '" + p.id() + "' miss the co-product(s) "
                        + String.join(", ", missing));
            } else if (evaluable && Math.abs(sum - 1) > SHARE_TOLERANCE) {
                problem(pPath + "/allocation:" + positions.get(0), what + " of '" + p.id() + "' sum to "
                        + SystemCompiler.round(sum) + ", not 1");
            }
        }
        return mine;
    }

    private void problem(String path, String message) {
        problems.add(ModelProblem.at(path, message));
    }
}
