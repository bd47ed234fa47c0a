package dev.cradle.scenario;

import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.scenario.io.Database;
import dev.cradle.scenario.io.DatabaseCache;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseException;
import dev.cradle.scenario.io.DatabaseReport;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import dev.cradle.scenario.io.LinkedDatabase;
import dev.cradle.scenario.yaml.YamlChecker;
import dev.cradle.scenario.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario's background databases (item "databases" of docs/scenario-reference.md): a scenario
 * names a database once — the bundled {@code uslci} or a folder or zip next to the scenario — and
 * links any product input to one of its processes with {@code provider: "uslci:<process name or
 * UUID>"} instead of inlining its supply chain. The whole database joins the product system (one
 * factorisation solves foreground and background together), the input's flow becomes the database
 * process's reference product (units converted where they share a dimension, e.g. kWh → MJ), and the
 * scenario's library methods are extended to the database's elementary flows through {@link FlowMapping}.
 * Every link, the linking report and the coverage are lines of {@code cradle explain}.
 */
final class BackgroundDatabases {
    private final ScenarioReader reader;
    private final Map<String, LinkedDatabase> byId = new LinkedHashMap<>();
    /** Declared ids, including those whose database could not be read (already reported). */
    private final java.util.Set<String> declared = new java.util.HashSet<>();
    private final Map<String, Boolean> used = new LinkedHashMap<>();
    /** Databases an AI grid links to: their flows are characterised, their processes not joined. */
    private final java.util.Set<String> inventoryOnly = new java.util.LinkedHashSet<>();
    private final List<String> explanation = new ArrayList<>();

    BackgroundDatabases(ScenarioReader reader) {
        this.reader = reader;
    }

    /** Reads the scenario's {@code databases} list: {@code - {id: uslci, path: uslci, ambiguous: cut-off}}. */
    void read(YamlNode list) {
        for (YamlNode item : reader.yaml.asList(list, "'databases'")) {
            reader.yaml.asMap(item, "a database").ifPresent(m -> {
                reader.yaml.checkKeys(m, "database");
                Optional<String> id = reader.yaml.text(m, "id", true, "a database");
                Optional<String> path = reader.yaml.text(m, "path", true, "a database");
                if (id.isEmpty() || path.isEmpty()) {
                    return;
                }
                declared.add(id.get());
                ImportOptions options = ImportOptions.defaults();
                Optional<String> amb = reader.yaml.text(m, "ambiguous", false, "a database");
                if (amb.isPresent()) {
                    var a = ImportOptions.Ambiguity.fromKey(amb.get());
                    if (a.isEmpty()) {
                        reader.yaml.problem(YamlChecker.pos(m.get("ambiguous").get()), "'ambiguous' is cut-off or first-by-id, not '"
                                + amb.get() + "'");
                        return;
                    }
                    options = options.withAmbiguous(a.get());
                }
                Optional<String> alloc = reader.yaml.text(m, "allocation", false, "a database");
                if (alloc.isPresent()) {
                    var a = ImportOptions.Allocation.fromKey(alloc.get());
                    if (a.isEmpty()) {
                        reader.yaml.problem(YamlChecker.pos(m.get("allocation").get()), "'allocation' is as-defined, none, "
                                + "physical, economic or causal, not '" + alloc.get() + "'");
                        return;
                    }
                    options = options.withAllocation(a.get());
                }
                String where = path.get();
                if (!path.get().equals("uslci") && !path.get().equals("uslci-ecospold2")) {
                    try {
                        // inside the study's folder (or an --allow-root), like every file a scenario reads
                        where = reader.folder.resolveFileOrFolder(path.get()).toString();
                    } catch (StudyFolder.RefusedFile e) {
                        reader.yaml.problem(YamlChecker.pos(m.get("path").get()), "database '" + id.get() + "': "
                                + e.getMessage());
                        return;
                    }
                }
                try {
                    byId.put(id.get(), DatabaseCache.linked(where, options));
                } catch (DatabaseException e) {
                    e.problems().forEach(p -> reader.yaml.problem(YamlChecker.pos(m.get("path").get()), p));
                }
            });
        }
    }

    /** True when {@code provider} is written {@code <database id>:<process>} for a declared database. */
    boolean names(String provider) {
        int colon = provider.indexOf(':');
        return colon > 0 && declared.contains(provider.substring(0, colon));
    }

    /** The resolved link of a {@code <database id>:<process>} provider: the process and its reference flow. */
    record Link(String processId, Flow flow) {
    }

    /** Resolves {@code provider} for an input of {@code flow}; reports a problem at {@code node} when it cannot. */
    Optional<Link> link(String provider, Flow flow, YamlNode node, String exchangePath) {
        int colon = provider.indexOf(':');
        String dbId = provider.substring(0, colon);
        String wanted = provider.substring(colon + 1).trim();
        LinkedDatabase db = byId.get(dbId);
        if (db == null) {
            return Optional.empty(); // the database could not be read: reported at its 'path'
        }
        List<Database.Process> found = db.database().processes().stream()
                .filter(p -> p.id().equals(wanted) || p.name().trim().equals(wanted)).toList();
        if (found.size() != 1) {
            List<String> names = db.database().processes().stream().map(p -> p.name().trim()).toList();
            reader.yaml.problem(YamlChecker.pos(node), found.isEmpty()
                    ? "database '" + dbId + "' has no process '" + wanted + "'"
                    + dev.cradle.engine.calc.Suggestions.didYouMean(wanted, names) + " (list them with 'cradle db info "
                    + dbId + "')"
                    : "database '" + dbId + "' has " + found.size() + " processes named '" + wanted
                    + "'; name one by its UUID: " + found.stream().map(Database.Process::id).toList());
            return Optional.empty();
        }
        Database.Process p = found.get(0);
        Flow ref = p.referenceFlow();
        if (flow != null && !flow.referenceUnit().isCompatibleWith(ref.referenceUnit())) {
            reader.yaml.problem(YamlChecker.pos(node), "'" + p.name().trim() + "' in database '" + dbId + "' provides '"
                    + ref.name().trim() + "' in " + ref.referenceUnit() + ", which cannot be converted from this input's '"
                    + flow.id() + "' (" + flow.referenceUnit() + ")");
            return Optional.empty();
        }
        used.put(dbId, true);
        explanation.add(exchangePath + "  ->  " + dbId + ": '" + p.name().trim() + "' (" + p.id() + "), its reference "
                + "product '" + ref.name().trim() + "' in " + ref.referenceUnit());
        return Optional.of(new Link(p.id(), ref));
    }

    /**
     * A datacenter's {@code grid: {database: uslci, process: "Electricity, at grid, US, 2010"}} (process by
     * name or UUID): the linked process must provide energy; its cumulative results per kWh (the library's
     * default methods, one factorisation of the database) go into the trace. Problems are reported at the
     * key that is wrong.
     */
    Optional<dev.cradle.engine.ai.Declarations.DatabaseGrid> grid(YamlNode.MapNode link, String where) {
        reader.yaml.checkKeys(link, "database_link");
        Flow kwh = Flow.product("electricity", "Electricity", dev.cradle.model.Units.of("kWh"));
        return resolve(link, where, " grid", "the grid of " + where, kwh).map(s -> {
            double perKwh = dev.cradle.model.Units.of("kWh").conversionFactorTo(s.ref().referenceUnit());
            Solved k = solve(s.dbId(), s.db(), s.processId(), perKwh);
            return new dev.cradle.engine.ai.Declarations.DatabaseGrid(s.dbId(), s.processId(), s.name(), k.inventory(),
                    k.cumulative());
        });
    }

    /**
     * A part of a device's life cycle linked to a background process ({@code database}, {@code process} keys of
     * {@code link}, already key-checked): the process solved once for one unit of its reference product. With
     * {@code expected} non-null, the process's reference unit must convert from it (t*km for freight, kg for end
     * of life). Problems are reported at the key that is wrong.
     */
    Optional<dev.cradle.engine.ai.Declarations.BackgroundProcess> backgroundProcess(YamlNode.MapNode link, String where,
                                                                                   Flow expected) {
        return resolve(link, where, "", where, expected).map(s -> {
            Solved one = solve(s.dbId(), s.db(), s.processId(), 1.0);
            return new dev.cradle.engine.ai.Declarations.BackgroundProcess(s.dbId(), s.processId(), s.name(),
                    s.ref().referenceUnit().symbol(), one.inventory(), one.cumulative());
        });
    }

    /** The reference unit of a linked background process (a unit of the database's own when Cradle lacks it). */
    dev.cradle.model.Unit unitOf(dev.cradle.engine.ai.Declarations.BackgroundProcess p) {
        return byId.get(p.database()).database().process(p.processId()).orElseThrow().referenceFlow().referenceUnit();
    }

    /** A {@code database}/{@code process} pair resolved to a process and its reference flow. */
    private record Resolved(String dbId, LinkedDatabase db, String processId, String name, Flow ref) {
    }

    private record Solved(Map<Flow, Double> inventory, Map<String, Double> cumulative) {
    }

    /** Resolves {@code database} and {@code process} of {@code link} to a process, not joined to the system. */
    private Optional<Resolved> resolve(YamlNode.MapNode link, String where, String pathSuffix, String what, Flow expected) {
        Optional<String> dbId = reader.yaml.text(link, "database", true, what);
        Optional<String> process = reader.yaml.text(link, "process", true, what);
        if (dbId.isEmpty() || process.isEmpty()) {
            return Optional.empty();
        }
        if (!declared.contains(dbId.get())) {
            String hint = dev.cradle.engine.calc.Suggestions.didYouMean(dbId.get(), declared);
            reader.yaml.problem(YamlChecker.pos(link.get("database").get()), "unknown database '" + dbId.get() + "'"
                    + (!hint.isEmpty() ? hint : declared.isEmpty() ? "; the scenario declares no database: add 'databases: [{id: " + dbId.get()
                    + ", path: uslci}]' (the bundled USLCI) or a folder or zip of your own"
                    : "; declared databases: " + String.join(", ", new java.util.TreeSet<>(declared))));
            return Optional.empty();
        }
        boolean joined = used.containsKey(dbId.get());
        Optional<Link> l = link(dbId.get() + ":" + process.get(), expected, link.get("process").get(), where + pathSuffix);
        LinkedDatabase db = byId.get(dbId.get());
        if (l.isEmpty() || db == null) {
            return Optional.empty();
        }
        if (!joined) {
            used.remove(dbId.get()); // not joined to the system: the declaration carries its inventory per unit
        }
        inventoryOnly.add(dbId.get()); // its flows are characterised like a joined database's
        String processId = l.get().processId();
        Database.Process p = db.database().process(processId).orElseThrow();
        return Optional.of(new Resolved(dbId.get(), db, processId, p.name().trim(), l.get().flow()));
    }

    /** The database solved for {@code amount} of {@code processId}'s reference product: g and h (default methods). */
    private Solved solve(String dbId, LinkedDatabase db, String processId, double amount) {
        var prepared = DatabaseCache.prepared(db, reader.library.defaultMethods(),
                new FlowMapping(reader.library.flows().values()));
        dev.cradle.engine.result.LcaResult one;
        synchronized (prepared) {
            one = prepared.demand(Map.of(processId, amount));
        }
        Map<Flow, Double> inventory = new LinkedHashMap<>();
        double[] g = one.inventory();
        for (int i = 0; i < g.length; i++) {
            if (g[i] != 0) {
                inventory.put(one.flowIndex().at(i), g[i]);
            }
        }
        Map<String, Double> cumulative = new LinkedHashMap<>();
        double[] h = one.impacts();
        for (int k = 0; k < h.length; k++) {
            cumulative.putIfAbsent(one.impactIndex().at(k).category().id(), h[k]);
        }
        return new Solved(inventory, cumulative);
    }

    /** The processes of every database a link uses. */
    List<Process> processes() {
        List<Process> out = new ArrayList<>();
        byId.forEach((id, db) -> {
            if (used.containsKey(id)) {
                out.addAll(db.processes());
            }
        });
        return out;
    }

    /** {@code methods} with factors added for the linked databases' elementary flows (library methods only). */
    List<ImpactMethod> characterise(List<ImpactMethod> methods) {
        if (used.isEmpty() && inventoryOnly.isEmpty()) {
            return methods;
        }
        FlowMapping mapping = new FlowMapping(reader.library.flows().values());
        List<ImpactMethod> out = new ArrayList<>();
        for (ImpactMethod m : methods) {
            ImpactMethod current = m;
            for (Map.Entry<String, LinkedDatabase> e : byId.entrySet()) {
                if (!used.containsKey(e.getKey()) && !inventoryOnly.contains(e.getKey())) {
                    continue;
                }
                FlowMapping.Mapped mapped = mapping.map(m, DatabaseCalculator.usedElementaryFlows(e.getValue()));
                current = merge(current, mapped.method());
                for (FlowMapping.MatchReport r : mapped.reports()) {
                    explanation.add("  coverage in " + e.getKey() + ": " + DatabaseReport.coverage(List.of(r), false).get(0));
                }
            }
            out.add(current);
        }
        byId.forEach((id, db) -> {
            if (used.containsKey(id) || inventoryOnly.contains(id)) {
                explanation.add(0, "Background database " + id + ": " + String.join("; ", DatabaseReport.summary(db)));
            }
        });
        return out;
    }

    private static ImpactMethod merge(ImpactMethod base, ImpactMethod extra) {
        List<ImpactCategory> cats = new ArrayList<>();
        for (int i = 0; i < base.categories().size(); i++) {
            ImpactCategory c = base.categories().get(i);
            List<CharacterisationFactor> factors = new ArrayList<>(c.factors());
            java.util.Set<String> have = new java.util.HashSet<>();
            factors.forEach(f -> have.add(f.flow().id()));
            extra.categories().get(i).factors().stream().filter(f -> have.add(f.flow().id())).forEach(factors::add);
            cats.add(new ImpactCategory(c.id(), c.name(), c.indicatorUnit(), factors, c.uncharacterisedFlows()));
        }
        return new ImpactMethod(base.id(), base.name(), cats);
    }

    /** What {@code cradle explain} shows about the background: databases, links, coverage. */
    List<String> explanation() {
        return List.copyOf(explanation);
    }
}
