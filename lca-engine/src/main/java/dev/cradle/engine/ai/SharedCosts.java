package dev.cradle.engine.ai;

import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Expression;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splitting one shared cost into per-workload processes, with the allocation recorded and traced. */
final class SharedCosts {
    private SharedCosts() {
    }

    /**
     * Splits {@code whole} among {@code sharing}: each workload gets a process whose exchanges are the whole
     * cost's times its share ({@link Allocator#shareValues}), trees when the cost or the share reads parameters.
     *
     * @param amount the cost for the study at the central values, in {@code unit} (for the allocation record)
     * @param whole  exchanges of the whole cost for the study (constant or tree amounts)
     */
    static void allocate(CompilationContext ctx, String rule, String path, String costId, String description, double amount, String unit,
                         AllocationRule allocation, List<WorkloadFacts> sharing, List<Exchange> whole,
                         LifecycleStage stage, Set<String> coverage, String origin, List<String> basis) {
        if (sharing.isEmpty()) {
            ctx.problem(path, "no workload shares the cost '" + costId + "'");
            return;
        }
        Value[] shares;
        try {
            shares = Allocator.shareValues(allocation, sharing, ctx::declared);
        } catch (Allocator.AllocationException e) {
            ctx.problem(path, "cannot allocate '" + costId + "': " + e.getMessage());
            return;
        }
        Map<String, Double> byWorkload = new LinkedHashMap<>();
        for (int i = 0; i < sharing.size(); i++) {
            WorkloadFacts f = sharing.get(i);
            byWorkload.put(f.workload().id(), shares[i].central());
            String id = "workload:" + f.workload().id() + "/" + costId;
            Flow product = Rules.product("share:" + f.workload().id() + "/" + costId, description + ", share of "
                    + f.workload().id());
            List<Exchange> x = new ArrayList<>();
            x.add(Rules.output(product, 1));
            for (Exchange e : whole) {
                x.add(scale(e, shares[i]));
            }
            Process p = Rules.process(id, description + " (share of " + f.workload().id() + ")", stage,
                    f.workload().phase(), Rules.tags(f.workload().model(), f.hardware().id(), f.hardware().datacenter()),
                    x, coverage);
            List<String> lines = new ArrayList<>(basis);
            lines.add("rule " + allocation.key() + ": share of " + f.workload().id() + " = " + Rules.fmt(shares[i].central()));
            ctx.add(p, new Trace(id, rule, "shared cost " + costId, origin, lines));
            ctx.feedRun(f.workload().id(), product, 1);
        }
        ctx.allocations.add(new AllocationRecord(costId, description, amount, unit, allocation.key(), byWorkload));
    }

    /** {@code e} times {@code share}: a constant when both are, else the tree {@code amount * share}. */
    private static Exchange scale(Exchange e, Value share) {
        Expression amount = e.amount() instanceof Amount.Constant c ? new Expression.Number(c.value(), 0)
                : ((Amount.Tree) e.amount()).expression();
        if (amount instanceof Expression.Number n && share.isConstant()) {
            return e.withAmount(Amount.of(n.value() * share.central()));
        }
        return e.withAmount(Amount.of(new Expression.Binary("*", amount, share.tree(), 0)));
    }
}
