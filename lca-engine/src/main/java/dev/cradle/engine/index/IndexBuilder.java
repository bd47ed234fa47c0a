package dev.cradle.engine.index;

import dev.cradle.engine.ModelProblem;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the three indices of a product system (openLCA's {@code TechIndex.of}, {@code EnviIndex},
 * {@code ImpactIndex}): the columns of A and B (one per process × provided product, in process order),
 * the rows of B (elementary flows, in order of first use) and the rows of C (indicators, in method
 * order). What makes an index ambiguous is reported into the problem list given, never thrown.
 */
public final class IndexBuilder {
    private IndexBuilder() {
    }

    /**
     * One column per process and product it provides (product outputs; waste inputs for a treatment).
     * Reports a process id used twice (only its first declaration is indexed), a process that provides
     * nothing, and a product provided twice by one process.
     */
    public static TechIndex techIndex(ProductSystem system, List<ModelProblem> problems) {
        Set<String> ids = new HashSet<>();
        for (Process p : system.processes()) {
            if (!ids.add(p.id())) {
                problems.add(ModelProblem.at("process:" + p.id(), "process id '" + p.id() + "' is used twice"));
            }
        }
        List<TechFlow> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Process p : system.processes()) {
            if (!seen.add(p.id())) {
                continue;
            }
            List<Exchange> provided = p.providedFlows();
            if (provided.isEmpty()) {
                problems.add(ModelProblem.at("process:" + p.id(), "process '" + p.id()
                        + "' provides nothing: give it a product output (or, for a waste treatment, a waste input)"));
            }
            Set<String> flowIds = new HashSet<>();
            for (Exchange e : provided) {
                if (flowIds.add(e.flow().id())) {
                    columns.add(new TechFlow(p, e.flow()));
                } else {
                    problems.add(ModelProblem.at("process:" + p.id(), "process '" + p.id() + "' provides '"
                            + e.flow().id() + "' twice; merge the two outputs into one"));
                }
            }
        }
        return new TechIndex(columns);
    }

    /**
     * One row per elementary flow of the system, in order of first use. Reports a flow id declared
     * twice with different type, unit, compartment or location (names may differ).
     */
    public static FlowIndex flowIndex(ProductSystem system, List<ModelProblem> problems) {
        Map<String, Flow> elementary = new LinkedHashMap<>();
        Map<String, Flow> all = new HashMap<>();
        for (Process p : system.processes()) {
            for (int x = 0; x < p.exchanges().size(); x++) {
                Flow f = p.exchanges().get(x).flow();
                Flow prior = all.putIfAbsent(f.id(), f);
                if (prior != null && !sameDefinition(prior, f)) {
                    problems.add(ModelProblem.at("process:" + p.id() + "/exchange:" + x, "flow '" + f.id()
                            + "' is defined twice in different ways (" + describe(prior) + " vs " + describe(f) + ")"));
                }
                if (f.isElementary()) {
                    elementary.putIfAbsent(f.id(), f);
                }
            }
        }
        return new FlowIndex(new ArrayList<>(elementary.values()));
    }

    /** One row per impact category of each method, in declaration order. Reports a method included twice. */
    public static ImpactIndex impactIndex(ProductSystem system, List<ModelProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (ImpactMethod m : system.methods()) {
            if (!seen.add(m.id())) {
                problems.add(ModelProblem.at("method:" + m.id(), "impact method '" + m.id() + "' is included twice"));
            }
        }
        return new ImpactIndex(system.methods());
    }

    /** Two declarations of a flow agree when type, unit, compartment and location agree (names may differ). */
    static boolean sameDefinition(Flow a, Flow b) {
        return a.type() == b.type() && a.referenceUnit().equals(b.referenceUnit()) && a.compartment() == b.compartment()
                && a.location().equals(b.location());
    }

    private static String describe(Flow f) {
        return f.type().name().toLowerCase() + " in " + f.referenceUnit()
                + (f.compartment() == null ? "" : " to " + f.compartment().label());
    }
}
