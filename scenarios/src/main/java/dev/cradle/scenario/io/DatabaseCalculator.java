package dev.cradle.scenario.io;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.PreparedSystem;
import dev.cradle.engine.result.CumulativeResults;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where imported databases meet the engine: builds the product system, compiles it
 * (falling back, process by process, to the stored amounts where Cradle cannot compile a database
 * formula — each such process is a note of the report), factorises A once and solves {@code Aᵀ·y = (C·B)ᵀ}
 * once per indicator (adjoint solves), which gives every process's cumulative result per unit of its
 * reference product.
 */
public final class DatabaseCalculator {
    private DatabaseCalculator() {
    }

    /** The compiled whole database, and the link it was compiled from (possibly with formula fallbacks). */
    public record Compiled(LinkedDatabase linked, CompiledSystem system) {
    }

    /** The database as one product system delivering one unit of the first process's reference product. */
    public static ProductSystem productSystem(LinkedDatabase linked, List<ImpactMethod> methods) {
        Process first = linked.processes().get(0);
        Flow ref = linked.database().processes().get(0).referenceFlow();
        FunctionalUnit fu = new FunctionalUnit("1 " + ref.referenceUnit() + " of " + ref.name(), ref, first.id(),
                dev.cradle.model.Amount.of(1), ref.referenceUnit());
        return new ProductSystem(linked.database().name(), linked.processes(), fu, linked.globalParameters(), methods,
                linked.allocationMethod());
    }

    /**
     * Compiles the linked database with {@code methods}. Processes whose formulas do not compile are
     * re-linked with their stored amounts, with a note each; any other problem is thrown.
     */
    public static Compiled compile(LinkedDatabase linked, List<ImpactMethod> methods) {
        try {
            return new Compiled(linked, Cradle.compile(productSystem(linked, methods)));
        } catch (ModelException e) {
            Set<String> bad = new HashSet<>();
            List<String> notes = new ArrayList<>();
            for (ModelProblem p : e.problems()) {
                String path = p.path();
                if (!path.startsWith("process:")) {
                    throw e;
                }
                int slash = path.indexOf('/');
                String id = slash < 0 ? path.substring(8) : path.substring(8, slash);
                bad.add(id);
                notes.add("process " + id + ": " + p.message() + "; the amounts stored in the file are used instead of "
                        + "its formulas");
            }
            if (bad.isEmpty() || !linked.report().options().formulas()) {
                throw e;
            }
            LinkedDatabase again = DatabaseLinker.link(linked.database(), linked.report().options(), bad);
            List<String> all = new ArrayList<>(again.report().notes());
            all.addAll(notes);
            LinkingReport r = again.report();
            again = new LinkedDatabase(again.database(), again.processes(), again.globalParameters(),
                    again.allocationMethod(), new LinkingReport(r.options(), r.processes(), r.linkedByDefault(),
                    r.linkedUnique(), r.ambiguous(), r.missing(), r.allocation(), all));
            return new Compiled(again, Cradle.compile(productSystem(again, methods)));
        }
    }

    /** Elementary flows that occur in at least one exchange, with their CAS numbers ("" when unknown). */
    public static Map<Flow, String> usedElementaryFlows(LinkedDatabase linked) {
        Map<Flow, String> used = new LinkedHashMap<>();
        for (Process p : linked.processes()) {
            for (Exchange e : p.exchanges()) {
                if (e.flow().isElementary()) {
                    used.putIfAbsent(e.flow(), linked.database().casNumbers().getOrDefault(e.flow().id(), ""));
                }
            }
        }
        return used;
    }

    /**
     * The whole database characterised with {@code libraryMethods}, compiled and factorised once: any
     * demand vector at solve time ({@link #demand}) and every process's cumulative results reuse it.
     */
    public record Prepared(Compiled compiled, PreparedSystem system, List<FlowMapping.MatchReport> matches) {
        /**
         * The result for a final demand given as amounts of each process's reference product (in the
         * product's reference unit), keyed by the database's process UUID.
         *
         * @throws IllegalArgumentException naming a process that is not in the database
         */
        public LcaResult demand(Map<String, Double> amounts) {
            double[] f = new double[system.system().techIndex().size()];
            for (Map.Entry<String, Double> e : amounts.entrySet()) {
                Database.Process p = compiled.linked().database().process(e.getKey()).orElseThrow(
                        () -> new IllegalArgumentException("no process " + e.getKey() + " in the database"));
                int j = system.system().techIndex().indexOf(p.id(), p.referenceFlow().id()).orElseThrow();
                // a waste treatment's demand is negative (docs/methodology.md §3)
                f[j] += (p.referenceFlow().isWaste() ? -1 : 1) * e.getValue();
            }
            return system.calculate(f);
        }
    }

    /** Links the library's methods to the database's flows, compiles and factorises. */
    public static Prepared prepare(LinkedDatabase linked, List<ImpactMethod> libraryMethods, FlowMapping mapping) {
        Map<Flow, String> used = usedElementaryFlows(linked);
        List<ImpactMethod> methods = new ArrayList<>();
        List<FlowMapping.MatchReport> matches = new ArrayList<>();
        for (ImpactMethod m : libraryMethods) {
            FlowMapping.Mapped mapped = mapping.map(m, used);
            methods.add(mapped.method());
            matches.addAll(mapped.reports());
        }
        Compiled compiled = compile(linked, methods);
        return new Prepared(compiled, Cradle.calculator().prepare(compiled.system()), matches);
    }

    /**
     * Every process's cumulative result for each of {@code libraryMethods}, characterised through
     * {@code mapping}, from one factorisation.
     */
    public static DatabaseResults calculate(LinkedDatabase linked, List<ImpactMethod> libraryMethods, FlowMapping mapping) {
        Prepared prepared = prepare(linked, libraryMethods, mapping);
        Compiled compiled = prepared.compiled();
        List<FlowMapping.MatchReport> matches = prepared.matches();
        CumulativeResults cumulative = prepared.system().cumulativeResults();
        int kk = cumulative.impactIndex().size();
        List<String> keys = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int k = 0; k < kk; k++) {
            keys.add(cumulative.impactIndex().at(k).key());
            units.add(cumulative.impactIndex().at(k).category().indicatorUnit().symbol());
        }
        List<DatabaseResults.Row> rows = new ArrayList<>();
        for (Database.Process p : compiled.linked().database().processes()) {
            Flow ref = p.referenceFlow();
            int j = cumulative.techIndex().indexOf(p.id(), ref.id()).orElseThrow();
            rows.add(new DatabaseResults.Row(p.id(), p.name().trim(), ref.name().trim(), ref.referenceUnit().symbol(),
                    cumulative.column(j)));
        }
        String solver = cumulative.solverMethod() + String.format(java.util.Locale.ROOT, ", condition estimate %.3g",
                cumulative.conditionEstimate()) + (cumulative.warnings().isEmpty() ? ""
                : "; warnings: " + String.join("; ", cumulative.warnings()));
        return new DatabaseResults(compiled.linked(), keys, units, rows, solver, matches);
    }

}
