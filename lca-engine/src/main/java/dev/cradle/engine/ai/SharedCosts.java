package dev.cradle.engine.ai;

import dev.cradle.model.Exchange;
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
     * @param perUnit exchanges of the whole cost for the study (scaled by each workload's share)
     */
    static void allocate(CompilationContext ctx, String rule, String path, String costId, String description, double amount, String unit,
                         AllocationRule allocation, List<WorkloadFacts> sharing, List<Exchange> whole,
                         LifecycleStage stage, Set<String> coverage, String origin, List<String> basis) {
        if (sharing.isEmpty()) {
            ctx.problem(path, "no workload shares the cost '" + costId + "'");
            return;
        }
        double[] shares;
        try {
            shares = Allocator.shares(allocation, sharing);
        } catch (Allocator.AllocationException e) {
            ctx.problem(path, "cannot allocate '" + costId + "': " + e.getMessage());
            return;
        }
        Map<String, Double> byWorkload = new LinkedHashMap<>();
        for (int i = 0; i < sharing.size(); i++) {
            WorkloadFacts f = sharing.get(i);
            byWorkload.put(f.workload().id(), shares[i]);
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
            lines.add("rule " + allocation.key() + ": share of " + f.workload().id() + " = " + Rules.fmt(shares[i]));
            ctx.add(p, new Trace(id, rule, "shared cost " + costId, origin, lines));
            ctx.feedRun(f.workload().id(), product, 1);
        }
        ctx.allocations.add(new AllocationRecord(costId, description, amount, unit, allocation.key(), byWorkload));
    }

    private static Exchange scale(Exchange e, double k) {
        if (e.amount() instanceof dev.cradle.model.Amount.Constant c) {
            return e.withAmount(dev.cradle.model.Amount.of(c.value() * k));
        }
        String f = ((dev.cradle.model.Amount.Formula) e.amount()).expression();
        return e.withAmount(dev.cradle.model.Amount.formula(Rules.coefficient(k) + " * (" + f + ")"));
    }
}
