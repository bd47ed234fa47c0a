package dev.cradle.engine.calc;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.model.Exchange;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links each product input and waste output to the column of its provider (openLCA's provider
 * linking, with one rule): the provider the exchange names, else the only process that provides the
 * flow. No provider, an ambiguous one, or a named one that does not provide the flow is reported,
 * never guessed. The functional unit's reference flow is linked the same way.
 */
final class ProviderLinker {
    /** The result of a link that failed (reported). */
    static final int UNLINKED = -1;

    private final ProductSystem system;
    private final TechIndex tech;
    private final List<ModelProblem> problems;
    private final Map<String, List<Integer>> providersByFlow = new HashMap<>();

    ProviderLinker(ProductSystem system, TechIndex tech, List<ModelProblem> problems) {
        this.system = system;
        this.tech = tech;
        this.problems = problems;
        for (int j = 0; j < tech.size(); j++) {
            providersByFlow.computeIfAbsent(tech.at(j).flowId(), k -> new ArrayList<>()).add(j);
        }
    }

    /** The provider column of exchange {@code e} of process {@code p} (at {@code path}), or {@link #UNLINKED}. */
    int link(Process p, Exchange e, String path) {
        List<Integer> candidates = providersByFlow.getOrDefault(e.flow().id(), List.of());
        String what = e.flow().isWaste() ? "treats the waste" : "provides";
        if (e.providerId().isPresent()) {
            String wanted = e.provider();
            List<Integer> named = candidates.stream().filter(j -> tech.at(j).processId().equals(wanted)).toList();
            if (named.isEmpty()) {
                boolean exists = system.process(wanted).isPresent();
                problem(path, exists ? "the named provider '" + wanted + "' does not " + (e.flow().isWaste()
                        ? "treat" : "provide") + " '" + e.flow().id() + "'"
                        : "the named provider '" + wanted + "' is not a process of this system"
                        + Suggestions.didYouMean(wanted, system.processes().stream().map(Process::id).toList()));
                return UNLINKED;
            }
            return named.get(0);
        }
        if (candidates.isEmpty()) {
            problem(path, "no process " + what + " '" + e.flow().id() + "' needed by process '" + p.id()
                    + "'; add a process with it as " + (e.flow().isWaste() ? "a waste input" : "an output")
                    + ", or model it as an elementary flow");
            return UNLINKED;
        }
        if (candidates.size() > 1) {
            problem(path, "'" + e.flow().id() + "' is provided by several processes (" + labels(candidates)
                    + "); name one with 'provider'");
            return UNLINKED;
        }
        return candidates.get(0);
    }

    /**
     * The column of the functional unit's reference flow (its named process's, if any); 0 after reporting
     * a missing or ambiguous provider.
     */
    int referenceColumn() {
        FunctionalUnit fu = system.functionalUnit();
        List<Integer> candidates = providersByFlow.getOrDefault(fu.referenceFlow().id(), List.of());
        if (!fu.provider().isEmpty()) {
            candidates = candidates.stream().filter(j -> tech.at(j).processId().equals(fu.provider())).toList();
        }
        if (candidates.isEmpty()) {
            problem("functional_unit", "no process " + (fu.provider().isEmpty() ? "" : "named '" + fu.provider() + "' ")
                    + "provides the reference flow '" + fu.referenceFlow().id() + "'");
            return 0;
        }
        if (candidates.size() > 1) {
            problem("functional_unit", "the reference flow '" + fu.referenceFlow().id() + "' is provided by several "
                    + "processes (" + labels(candidates) + "); name one with 'process'");
            return 0;
        }
        return candidates.get(0);
    }

    private String labels(List<Integer> columns) {
        return String.join(", ", columns.stream().map(j -> tech.at(j).processId()).toList());
    }

    private void problem(String path, String message) {
        problems.add(ModelProblem.at(path, message));
    }
}
