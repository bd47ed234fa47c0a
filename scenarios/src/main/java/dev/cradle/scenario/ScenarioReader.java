package dev.cradle.scenario;

import dev.cradle.engine.calc.Suggestions;
import dev.cradle.model.AllocationFactor;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Amount;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.FlowType;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MissingUnitException;
import dev.cradle.model.MlPhase;
import dev.cradle.model.NotAQuantityException;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Quantity;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import dev.cradle.model.UnknownUnitException;
import dev.cradle.scenario.yaml.YamlDocument;
import dev.cradle.scenario.yaml.YamlNode;
import dev.cradle.scenario.yaml.YamlNode.ListNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import dev.cradle.scenario.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the positioned YAML tree of a generic scenario file into a {@link ProductSystem} and a
 * {@link SourceMap}, checking every key, type, unit and reference on the way. The format is
 * documented in docs/scenario-reference.md; {@link #KEYS} is the single list of allowed keys.
 */
final class ScenarioReader {
    /** Allowed keys per kind of map; a key outside its list is an error with a suggestion. */
    static final Map<String, List<String>> KEYS = Map.ofEntries(
            Map.entry("scenario", List.of("cradle", "name", "description", "allocation", "parameters", "flows",
                    "processes", "methods", "functional_unit", "functional_units", "datacenters", "hardware", "models", "workloads", "databases")),
            Map.entry("database", List.of("id", "path", "allocation", "ambiguous")),
            Map.entry("database_link", List.of("database", "process")),
            Map.entry("datacenter", List.of("id", "name", "grid", "grid_mix", "grid_intensity", "country", "pue",
                    "wue_onsite", "offsite_water", "market_intensity", "renewable_share", "tenancy", "infrastructure")),
            Map.entry("tenancy", List.of("it_power", "period")),
            Map.entry("infrastructure", List.of("id", "name", "embodied", "capacity", "lifetime", "allocation")),
            Map.entry("hardware", List.of("id", "name", "archetype", "embodied", "inventory", "count", "lifetime",
                    "utilisation", "datacenter", "power", "idle_power", "idle_energy", "period", "mass", "transport",
                    "recycling_rate", "idle_allocation")),
            Map.entry("transport_leg", List.of("mode", "distance")),
            Map.entry("model", List.of("id", "name", "amortise_training_over", "service_life", "derived_from",
                    "downstream_tasks")),
            Map.entry("amortisation", List.of("queries", "tokens")),
            Map.entry("workload", List.of("id", "model", "phase", "hardware", "device_hours", "flops", "energy",
                    "codecarbon", "carbontracker", "experiment_impact_tracker", "power_samples", "energy_per_query",
                    "energy_per_token", "deployment", "power", "runs", "queries", "tokens", "period", "storage")),
            Map.entry("storage", List.of("capacity", "duration")),
            Map.entry("codecarbon", List.of("file", "project_name", "run_id", "from", "until", "skip_corrupt_rows", "grid")),
            Map.entry("carbontracker", List.of("file", "log", "pue", "grid")),
            Map.entry("experiment_impact_tracker", List.of("file", "skip_corrupt_rows")),
            Map.entry("power_samples", List.of("file", "time", "device", "power", "energy", "skip_corrupt_rows")),
            Map.entry("flops", List.of("total", "peak_per_device", "utilisation", "devices")),
            Map.entry("deployment", List.of("devices", "period")),
            Map.entry("allocation_rule", List.of("fixed", "formula")),
            Map.entry("flow", List.of("id", "name", "type", "unit", "compartment", "sub_compartment", "location")),
            Map.entry("parameter", List.of("name", "value", "formula", "unit", "description", "uncertainty")),
            Map.entry("process", List.of("id", "name", "stage", "phase", "tags", "parameters", "inputs", "outputs",
                    "allocation", "description")),
            Map.entry("exchange", List.of("flow", "amount", "unit", "formula", "provider", "avoided", "uncertainty",
                    "comment")),
            Map.entry("allocation", List.of("physical", "economic", "causal")),
            Map.entry("causal", List.of("flow", "factors")),
            Map.entry("method", List.of("id", "name", "categories")),
            Map.entry("category", List.of("id", "name", "unit", "factors")),
            Map.entry("factor", List.of("flow", "value")),
            Map.entry("functional_unit", List.of("flow", "amount", "unit", "formula", "process", "description", "kind",
                    "model", "id")),
            Map.entry("uncertainty", List.of("distribution", "mean", "sd", "geometric_mean", "geometric_sd", "min",
                    "mode", "max")));

    record Result(ProductSystem system, String description, SourceMap sources, List<Problem> problems,
                  dev.cradle.engine.ai.AiStudy ai, List<Problem> warnings, List<String> background) {
    }

    private dev.cradle.engine.ai.AiStudy ai;

    final YamlDocument doc;
    private final List<Problem> problems = new ArrayList<>();
    final SourceMap sources = new SourceMap();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    final dev.cradle.factors.FactorLibrary library = dev.cradle.factors.FactorLibrary.bundled();
    private final Map<String, Process> libraryProcesses = new LinkedHashMap<>();
    private final BackgroundDatabases databases = new BackgroundDatabases(this);

    /** The scenario's background databases (read before the AI declarations, which may link to them). */
    BackgroundDatabases backgroundDatabases() {
        return databases;
    }
    private boolean usesLibraryMethods;

    /** Where referenced files (CodeCarbon CSVs) may be read from. */
    final StudyFolder folder;

    private ScenarioReader(YamlDocument doc, StudyFolder folder) {
        this.doc = doc;
        this.folder = folder;
    }

    static Result read(YamlDocument doc) {
        return read(doc, StudyFolder.of(doc.file()));
    }

    static Result read(YamlDocument doc, StudyFolder folder) {
        ScenarioReader r = new ScenarioReader(doc, folder);
        ProductSystem system = r.scenario();
        return new Result(r.problems.isEmpty() ? system : null, r.description, r.sources, r.problems, r.ai,
                List.copyOf(r.warnings), r.databases.explanation());
    }

    private String description = "";

    void problem(Position pos, String message) {
        problems.add(new Problem(doc.file(), pos, message));
    }

    private final List<Problem> warnings = new ArrayList<>();

    /** Something that is valid but probably not what the author meant; printed, and stored with the results. */
    void warn(Position pos, String message) {
        warnings.add(new Problem(doc.file(), pos, message));
    }

    // ---- generic helpers -------------------------------------------------------------------------

    Optional<MapNode> asMap(YamlNode n, String what) {
        if (n instanceof MapNode m) {
            return Optional.of(m);
        }
        problem(pos(n), what + " must be a map of keys and values, not " + kind(n));
        return Optional.empty();
    }

    List<YamlNode> asList(YamlNode n, String what) {
        if (n instanceof ListNode l) {
            return l.items();
        }
        problem(pos(n), what + " must be a list (items starting with '- '), not " + kind(n));
        return List.of();
    }

    static Position pos(YamlNode n) {
        return n == null ? Position.UNKNOWN : n.position();
    }

    private static String kind(YamlNode n) {
        return n == null ? "nothing" : n.kind();
    }

    /** Reports keys that are not allowed for this kind of map, with a suggestion. */
    void checkKeys(MapNode m, String kindOfMap) {
        List<String> allowed = KEYS.get(kindOfMap);
        for (YamlNode.Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                String hint = Suggestions.closest(e.key(), allowed).map(s -> "did you mean '" + s + "'?")
                        .orElse("allowed keys: " + String.join(", ", allowed));
                problem(e.keyPosition(), "unknown key '" + Messages.shorten(e.key()) + "' in " + kindOfMap.replace('_', ' ') + "; " + hint);
            }
        }
    }

    /** Longest ids and names accepted: they are echoed in every report and trace. */
    static final Map<String, Integer> TEXT_LIMITS = Map.of("id", 200, "name", 1000);

    Optional<String> text(MapNode m, String key, boolean required, String where) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty() || (n.get() instanceof ScalarNode s && s.text() == null)) {
            if (required) {
                problem(m.position(), where + " needs '" + key + "'");
            }
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode s) {
            Integer limit = TEXT_LIMITS.get(key);
            if (limit != null && s.text().length() > limit) {
                problem(pos(n.get()), "'" + key + "' is " + s.text().length() + " characters long; " + key + "s are limited "
                        + "to " + limit + " characters ('" + Messages.shorten(s.text()) + "')");
                return Optional.empty();
            }
            return Optional.of(s.text());
        }
        problem(pos(n.get()), "'" + key + "' must be a single value, not " + kind(n.get()));
        return Optional.empty();
    }

    Optional<Double> number(YamlNode n, String what) {
        if (n instanceof ScalarNode s && s.text() != null) {
            try {
                double v = Double.parseDouble(s.text().trim());
                if (Double.isFinite(v)) {
                    return Optional.of(v);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problem(pos(n), what + " must be a finite number, not " + describe(n));
        return Optional.empty();
    }

    /**
     * A number in the domain of field {@code kind.key} ({@link NumericFields}); outside it, a problem at
     * the number's position saying what would be right.
     */
    Optional<Double> number(YamlNode n, String kind, String key, String where) {
        return number(n, "'" + key + "'" + (where.isEmpty() ? "" : " of " + where))
                .flatMap(v -> inDomain(n, v, kind, key, where, null));
    }

    /** {@code v}, read from {@code n} (as {@code written}, null for the number itself), if inside the field's domain. */
    Optional<Double> inDomain(YamlNode n, double v, String kind, String key, String where, String written) {
        Domain d = NumericFields.of(kind, key);
        if (d.accepts(v)) {
            return Optional.of(v);
        }
        String shown = written != null ? written : n instanceof ScalarNode s && s.text() != null ? s.text().trim()
                : Double.toString(v);
        problem(pos(n), "'" + key + "'" + (where.isEmpty() ? "" : " of " + where) + " is " + Messages.shorten(shown)
                + "; it must be " + d.rule() + NumericFields.hint(kind, key));
        return Optional.empty();
    }

    static String describe(YamlNode n) {
        return n instanceof ScalarNode s && s.text() != null ? "'" + Messages.shorten(s.text()) + "'" : kind(n);
    }

    Optional<Boolean> bool(YamlNode n, String what) {
        if (n instanceof ScalarNode s && s.text() != null && !s.quoted()
                && (s.text().equals("true") || s.text().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s.text()));
        }
        problem(pos(n), what + " must be true or false, not " + describe(n));
        return Optional.empty();
    }

    <E> Optional<E> choice(MapNode m, String key, Function<String, Optional<E>> parse, List<String> options,
                                   boolean required, String where) {
        return text(m, key, required, where).flatMap(t -> {
            Optional<E> v = parse.apply(t);
            if (v.isEmpty()) {
                String hint = Suggestions.closest(t, options).map(s -> "did you mean '" + s + "'?")
                        .orElse("use one of: " + String.join(", ", options));
                problem(pos(m.get(key).orElse(m)), "'" + Messages.shorten(t) + "' is not a valid " + key.replace('_', ' ') + "; " + hint);
            }
            return v;
        });
    }

    /**
     * A message for a quantity that did not parse or convert ({@link Quantity#parse}, {@link Quantity#in}), by
     * the failure's type, with the value shortened and, for an unknown unit, the units it matches ignoring
     * case ({@code w} → {@code W}).
     */
    static String quantityProblem(IllegalArgumentException failure, String written) {
        if (failure instanceof UnknownUnitException u) {
            return unknownUnit(u.symbol());
        }
        if (failure instanceof NotAQuantityException) {
            return "expected a number and a unit such as '12 kWh', not '" + Messages.shorten(written.trim()) + "'";
        }
        if (failure instanceof MissingUnitException) {
            return "'" + Messages.shorten(written.trim()) + "' has no unit; write the unit after the number, e.g. '12 kWh'";
        }
        return Messages.shorten(failure.getMessage());
    }

    /** "unknown unit 'w'; did you mean 'W'? (units are case-sensitive)", or the nearest symbols. */
    static String unknownUnit(String symbol) {
        List<String> sameLetters = Units.all().keySet().stream()
                .filter(k -> k.equalsIgnoreCase(symbol.trim())).sorted().toList();
        String hint = !sameLetters.isEmpty()
                ? "did you mean " + String.join(" or ", sameLetters.stream().map(x -> "'" + x + "'").toList())
                        + "? (units are case-sensitive)"
                : Suggestions.closest(symbol, Units.all().keySet()).map(x -> "did you mean '" + x + "'?")
                        .orElse("see docs/scenario-reference.md for the list of units");
        return "unknown unit '" + Messages.shorten(symbol) + "'; " + hint;
    }

    Optional<Unit> unit(YamlNode n, String symbol) {
        Optional<Unit> u = Units.find(symbol);
        if (u.isEmpty()) {
            problem(pos(n), unknownUnit(symbol));
        }
        return u;
    }

    // ---- the scenario ----------------------------------------------------------------------------

    private ProductSystem scenario() {
        if (doc.root() == null) {
            return null;
        }
        Optional<MapNode> rootMap = asMap(doc.root(), "a scenario file");
        if (rootMap.isEmpty()) {
            return null;
        }
        MapNode root = rootMap.get();
        checkKeys(root, "scenario");
        sources.element("system", root.position());
        root.get("cradle").ifPresent(v -> number(v, "'cradle' (the format version)").ifPresent(ver -> {
            if (ver != 1) {
                problem(v.position(), "this Cradle reads scenario format 1; the file says " + ver);
            }
        }));
        String name = text(root, "name", false, "the scenario").orElse(doc.file().getFileName().toString());
        description = text(root, "description", false, "the scenario").orElse("");
        AllocationMethod allocation = choice(root, "allocation", AllocationMethod::fromKey,
                names(AllocationMethod.values(), AllocationMethod::key), false, "the scenario")
                .orElse(AllocationMethod.PHYSICAL);

        boolean aiPresent = AiSectionReader.present(root);
        root.get("databases").ifPresent(databases::read);
        root.get("flows").ifPresentOrElse(n -> asList(n, "'flows'").forEach(this::flow), () -> {
            if (!aiPresent) {
                problem(root.position(), "the scenario needs 'flows' (or AI declarations: datacenters, hardware, workloads)");
            }
        });
        List<Parameter> params = root.get("parameters").map(n -> parameters(n, "parameter:")).orElse(List.of());
        List<Process> processes = new ArrayList<>();
        root.get("processes").ifPresentOrElse(n -> asList(n, "'processes'").forEach(p -> process(p).ifPresent(processes::add)),
                () -> {
                    if (!aiPresent) {
                        problem(root.position(), "the scenario needs 'processes' (or AI declarations)");
                    }
                });
        List<ImpactMethod> methods = new ArrayList<>();
        root.get("methods").ifPresent(n -> asList(n, "'methods'").forEach(m -> {
            if (m instanceof ScalarNode s && s.text() != null) {
                libraryMethod(s).ifPresent(methods::add);
            } else {
                method(m).ifPresent(methods::add);
            }
        }));
        boolean aiFunctionalUnit = aiPresent && (root.get("functional_unit").isEmpty() || root.get("functional_units").isPresent()
                || root.get("functional_unit").get() instanceof MapNode fm && fm.get("kind").isPresent());
        if (!aiPresent) {
            root.get("functional_units").ifPresent(n -> problem(pos(n), "'functional_units' lists the functional units of "
                    + "an AI study (kind: study, trained_model, query, 1000_tokens, year_of_service); a scenario without "
                    + "datacenters, hardware, models or workloads has one 'functional_unit' with a flow"));
        }
        Optional<FunctionalUnit> fu = aiFunctionalUnit ? Optional.empty()
                : root.get("functional_unit").flatMap(this::functionalUnit);
        if (root.get("functional_unit").isEmpty() && root.get("functional_units").isEmpty() && !aiPresent) {
            problem(root.position(), "the scenario needs a 'functional_unit' (the flow and amount the study is about)");
        }
        if (aiPresent) {
            root.get("functional_unit").filter(n -> n instanceof MapNode).ifPresent(n -> checkKeys((MapNode) n,
                    "functional_unit"));
            var declarations = new AiSectionReader(this, root).read();
            if (problems.isEmpty()) {
                try {
                    ai = dev.cradle.engine.Cradle.aiCompiler(library).compile(declarations);
                    processes.addAll(ai.processes());
                    params = new ArrayList<>(params);
                    params.addAll(ai.parameters());
                    if (aiFunctionalUnit) {
                        fu = Optional.of(ai.functionalUnit());
                    }
                    if (root.get("methods").isEmpty()) {
                        methods.addAll(library.defaultMethods());
                        usesLibraryMethods = true;
                    }
                } catch (dev.cradle.engine.ModelException e) {
                    problems.addAll(ScenarioLoader.located(doc.file(), sources, e).problems());
                }
            }
        }
        if (usesLibraryMethods) {
            checkFlowsAreLibraryFlows(root);
        }
        processes.addAll(libraryProcesses.values());
        processes.addAll(databases.processes());
        List<ImpactMethod> characterised = new ArrayList<>(databases.characterise(methods));
        methods.clear();
        methods.addAll(characterised);
        if (!problems.isEmpty() || fu.isEmpty()) {
            return null;
        }
        return new ProductSystem(name, processes, fu.get(), params, methods, allocation);
    }

    private Optional<ImpactMethod> libraryMethod(ScalarNode s) {
        Optional<ImpactMethod> m = library.method(s.text());
        if (m.isEmpty()) {
            problem(s.position(), "unknown library method '" + s.text() + "'"
                    + Suggestions.didYouMean(s.text(), library.methods().keySet())
                    + " (library methods: " + String.join(", ", library.methods().keySet()) + ")");
        } else {
            usesLibraryMethods = true;
        }
        return m;
    }

    /**
     * With library methods, an elementary flow the scenario declares itself would not be
     * characterised: a silent zero. Such flows are errors unless the library knows them.
     */
    private void checkFlowsAreLibraryFlows(MapNode root) {
        root.get("flows").filter(n -> n instanceof ListNode).ifPresent(n -> ((ListNode) n).items().forEach(item -> {
            if (item instanceof MapNode m) {
                m.get("id").filter(v -> v instanceof ScalarNode).map(v -> ((ScalarNode) v).text()).ifPresent(id -> {
                    Flow f = flows.get(id);
                    if (f != null && f.isElementary() && library.flow(id).isEmpty()) {
                        problem(m.position(), "elementary flow '" + id + "' is not in the factor library, so the "
                                + "library's methods would not characterise it (a silent zero); use a library flow"
                                + Suggestions.closest(id, library.flows().keySet()).map(x -> " such as '" + x + "'").orElse("")
                                + " (see 'cradle factors'), or declare your own method");
                    }
                });
            }
        }));
    }

    static <E> List<String> names(E[] values, Function<E, String> key) {
        return Arrays.stream(values).map(key).toList();
    }

    private void flow(YamlNode n) {
        asMap(n, "a flow").ifPresent(m -> {
            checkKeys(m, "flow");
            Optional<String> id = text(m, "id", true, "a flow");
            Optional<FlowType> type = choice(m, "type", t -> Arrays.stream(FlowType.values())
                            .filter(x -> x.name().equalsIgnoreCase(t.trim())).findFirst(),
                    List.of("product", "waste", "elementary"), true, "a flow");
            Optional<Unit> unit = text(m, "unit", true, "a flow").flatMap(u -> unit(m.get("unit").get(), u));
            Optional<Compartment> compartment = choice(m, "compartment", Compartment::fromLabel,
                    names(Compartment.values(), Compartment::label), false, "a flow");
            if (id.isEmpty() || type.isEmpty() || unit.isEmpty()) {
                return;
            }
            if (type.get() == FlowType.ELEMENTARY && compartment.isEmpty() && m.get("compartment").isEmpty()) {
                problem(m.position(), "elementary flow '" + id.get() + "' needs a 'compartment' (one of "
                        + String.join(", ", names(Compartment.values(), Compartment::label)) + ")");
                return;
            }
            if (type.get() != FlowType.ELEMENTARY && m.get("compartment").isPresent()) {
                problem(m.entry("compartment").get().keyPosition(), "only elementary flows have a compartment; '"
                        + id.get() + "' is a " + type.get().name().toLowerCase() + " flow");
                return;
            }
            if (compartment.isEmpty() && type.get() == FlowType.ELEMENTARY) {
                return;
            }
            if (flows.containsKey(id.get())) {
                problem(pos(m.get("id").get()), "flow id '" + id.get() + "' is declared twice; flow ids must be unique");
                return;
            }
            flows.put(id.get(), new Flow(id.get(), text(m, "name", false, "").orElse(id.get()), type.get(), unit.get(),
                    compartment.orElse(null), text(m, "sub_compartment", false, "").orElse(""),
                    text(m, "location", false, "").orElse("")));
        });
    }

    Optional<Flow> flowRef(MapNode m, String where) {
        return text(m, "flow", true, where).flatMap(id -> {
            Flow f = flows.get(id);
            if (f == null) {
                f = library.flow(id).orElse(null);
            }
            if (f == null) {
                java.util.Set<String> known = new java.util.TreeSet<>(flows.keySet());
                known.addAll(library.flows().keySet());
                problem(pos(m.get("flow").get()), "unknown flow '" + id + "'"
                        + Suggestions.didYouMean(id, known) + " (declare it under 'flows', or use a library flow)");
            }
            return Optional.ofNullable(f);
        });
    }

    private List<Parameter> parameters(YamlNode n, String pathPrefix) {
        List<Parameter> out = new ArrayList<>();
        for (YamlNode item : asList(n, "'parameters'")) {
            asMap(item, "a parameter").ifPresent(m -> {
                checkKeys(m, "parameter");
                Optional<String> name = text(m, "name", true, "a parameter");
                if (name.isEmpty()) {
                    return;
                }
                if (!Parameter.isValidName(name.get())) {
                    problem(pos(m.get("name").get()), "parameter name '" + name.get()
                            + "' must start with a letter or '_' and contain only letters, digits and '_'");
                    return;
                }
                String path = pathPrefix + name.get();
                sources.element(path, m.position());
                Optional<Amount> amount = valueOrFormula(m, path, "parameter '" + name.get() + "'");
                Uncertainty u = m.get("uncertainty").flatMap(this::uncertainty).orElse(null);
                amount.ifPresent(a -> out.add(new Parameter(name.get(), a, text(m, "unit", false, "").orElse(""), u,
                        text(m, "description", false, "").orElse(""))));
            });
        }
        return out;
    }

    /** A parameter's {@code value} (a number) or {@code formula} (text), exactly one. */
    private Optional<Amount> valueOrFormula(MapNode m, String path, String what) {
        Optional<YamlNode> value = m.get("value");
        Optional<YamlNode> formula = m.get("formula");
        if (value.isPresent() == formula.isPresent()) {
            problem(m.position(), what + " needs exactly one of 'value' (a number) or 'formula' (an expression)");
            return Optional.empty();
        }
        if (value.isPresent()) {
            return number(value.get(), "'value' of " + what).map(Amount::of);
        }
        return formulaText(formula.get(), path, what);
    }

    private Optional<Amount> formulaText(YamlNode n, String path, String what) {
        if (n instanceof ScalarNode s && s.text() != null && !s.text().isBlank()) {
            sources.formula(path, doc.contentStart(s));
            if (s.numeric()) {
                return number(n, "'formula' of " + what).map(Amount::of);
            }
            return Optional.of(Amount.formula(s.text()));
        }
        problem(pos(n), "'formula' of " + what + " must be an expression such as 'hours * power_w / 1000'");
        return Optional.empty();
    }

    private Optional<Uncertainty> uncertainty(YamlNode n) {
        Optional<MapNode> mm = asMap(n, "'uncertainty'");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        checkKeys(m, "uncertainty");
        Optional<String> dist = text(m, "distribution", true, "an uncertainty");
        if (dist.isEmpty()) {
            return Optional.empty();
        }
        Function<String, Optional<Double>> num = k -> m.get(k).flatMap(v -> number(v, "uncertainty", k, ""))
                .or(() -> {
                    problem(m.position(), dist.get() + " needs '" + k + "'");
                    return Optional.empty();
                });
        try {
            switch (dist.get()) {
                case "normal": {
                    var a = num.apply("mean");
                    var b = num.apply("sd");
                    return a.isPresent() && b.isPresent() ? Optional.of(new Uncertainty.Normal(a.get(), b.get())) : Optional.empty();
                }
                case "lognormal": {
                    var a = num.apply("geometric_mean");
                    var b = num.apply("geometric_sd");
                    return a.isPresent() && b.isPresent() ? Optional.of(new Uncertainty.LogNormal(a.get(), b.get())) : Optional.empty();
                }
                case "uniform": {
                    var a = num.apply("min");
                    var b = num.apply("max");
                    return a.isPresent() && b.isPresent() ? Optional.of(new Uncertainty.Uniform(a.get(), b.get())) : Optional.empty();
                }
                case "triangular": {
                    var a = num.apply("min");
                    var b = num.apply("mode");
                    var c = num.apply("max");
                    return a.isPresent() && b.isPresent() && c.isPresent()
                            ? Optional.of(new Uncertainty.Triangular(a.get(), b.get(), c.get())) : Optional.empty();
                }
                default:
                    problem(pos(m.get("distribution").get()), "unknown distribution '" + dist.get()
                            + "'; use normal, lognormal, uniform or triangular");
                    return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            problem(m.position(), e.getMessage().replace("need ", "it needs ") + "; got " + describeNumbers(m));
            return Optional.empty();
        }
    }

    private static String describeNumbers(MapNode m) {
        return String.join(", ", m.entries().stream().filter(e -> e.value() instanceof ScalarNode sc && sc.numeric())
                .map(e -> e.key() + " " + ((ScalarNode) e.value()).text()).toList());
    }

    private final Map<String, Position> processIds = new java.util.HashMap<>();

    private Optional<Process> process(YamlNode n) {
        Optional<MapNode> mm = asMap(n, "a process");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        checkKeys(m, "process");
        Optional<String> id = text(m, "id", true, "a process");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String path = "process:" + id.get();
        Position first = processIds.putIfAbsent(id.get(), m.get("id").get().position());
        if (first != null) {
            problem(m.get("id").get().position(), "process id '" + id.get() + "' is used twice (first at line "
                    + first.line() + ", column " + first.column() + "); process ids must be unique");
            return Optional.empty();
        }
        sources.element(path, m.position());
        Optional<LifecycleStage> stage = choice(m, "stage", LifecycleStage::fromKey,
                names(LifecycleStage.values(), LifecycleStage::key), true, "process '" + id.get() + "'");
        Optional<MlPhase> phase = choice(m, "phase", MlPhase::fromKey, names(MlPhase.values(), MlPhase::key),
                false, "process '" + id.get() + "'");
        Map<String, String> tags = new LinkedHashMap<>();
        m.get("tags").flatMap(t -> asMap(t, "'tags'")).ifPresent(t -> t.entries().forEach(e -> {
            if (e.value() instanceof ScalarNode s && s.text() != null) {
                tags.put(e.key(), s.text());
            } else {
                problem(pos(e.value()), "tag '" + e.key() + "' must have a single value");
            }
        }));
        List<Parameter> params = m.get("parameters").map(p -> parameters(p, path + "/parameter:")).orElse(List.of());
        List<Exchange> exchanges = new ArrayList<>();
        int[] index = {0};
        for (String side : List.of("inputs", "outputs")) {
            Direction dir = side.equals("inputs") ? Direction.INPUT : Direction.OUTPUT;
            m.get(side).ifPresent(list -> asList(list, "'" + side + "'").forEach(item -> {
                String xPath = path + "/exchange:" + index[0];
                exchange(item, dir, xPath).ifPresent(x -> {
                    exchanges.add(x);
                    index[0]++;
                });
            }));
        }
        List<AllocationFactor> factors = m.get("allocation").map(a -> allocation(a, path)).orElse(List.of());
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Process(id.get(), text(m, "name", false, "").orElse(id.get()), stage.get(),
                phase.orElse(null), tags, exchanges, params, factors));
    }

    private Optional<Exchange> exchange(YamlNode n, Direction dir, String path) {
        Optional<MapNode> mm = asMap(n, "an exchange");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        checkKeys(m, "exchange");
        sources.element(path, m.position());
        Optional<Flow> flow = flowRef(m, "an exchange");
        Optional<AmountInUnit> amount = amount(m, "exchange", path, "the exchange", flow.map(Flow::referenceUnit).orElse(null));
        boolean avoided = m.get("avoided").flatMap(v -> bool(v, "'avoided'")).orElse(false);
        Uncertainty u = m.get("uncertainty").flatMap(this::uncertainty).orElse(null);
        String provider = text(m, "provider", false, "").orElse("");
        if (databases.names(provider)) {
            var link = databases.link(provider, flow.orElse(null), m.get("provider").get(), path);
            provider = link.map(BackgroundDatabases.Link::processId).orElse(provider);
            flow = link.isPresent() ? Optional.of(link.get().flow()) : flow;
        } else if (provider.contains(":")) {
            Optional<Process> bg = library.process(provider);
            if (bg.isPresent()) {
                libraryProcesses.putIfAbsent(provider, bg.get());
            } else {
                problem(pos(m.get("provider").get()), "unknown library process '" + provider + "'"
                        + Suggestions.didYouMean(provider, library.processes().keySet())
                        + " (list them with 'cradle factors')");
            }
        }
        if (flow.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
        }
        if (avoided && flow.get().isElementary()) {
            problem(pos(m.get("avoided").get()), "only product and waste flows can be avoided; '" + flow.get().id()
                    + "' is elementary");
            return Optional.empty();
        }
        return Optional.of(new Exchange(flow.get(), dir, amount.get().amount(), amount.get().unit(), avoided, provider, u));
    }

    private record AmountInUnit(Amount amount, Unit unit) {
    }

    /**
     * {@code amount: 12} (in {@code unit}, default the flow's), {@code amount: "12 kWh"}, or
     * {@code formula: "..."} with {@code unit}.
     */
    private Optional<AmountInUnit> amount(MapNode m, String kind, String path, String what, Unit defaultUnit) {
        Optional<YamlNode> amount = m.get("amount");
        Optional<YamlNode> formula = m.get("formula");
        Optional<Unit> explicitUnit = text(m, "unit", false, what).flatMap(u -> unit(m.get("unit").get(), u));
        if (m.get("unit").isPresent() && explicitUnit.isEmpty()) {
            return Optional.empty();
        }
        if (amount.isPresent() == formula.isPresent()) {
            problem(m.position(), what + " needs exactly one of 'amount' (e.g. 12 or '12 kWh') or 'formula'");
            return Optional.empty();
        }
        if (formula.isPresent()) {
            Optional<Amount> f = formulaText(formula.get(), path, what);
            Unit u = explicitUnit.orElse(defaultUnit);
            return f.map(a -> new AmountInUnit(a, u));
        }
        YamlNode a = amount.get();
        if (a instanceof ScalarNode s && s.text() != null && s.quoted()) {
            try {
                Quantity q = Quantity.parse(s.text());
                if (explicitUnit.isPresent()) {
                    problem(pos(a), "the amount '" + Messages.shorten(s.text()) + "' already has a unit; remove 'unit'");
                    return Optional.empty();
                }
                if (!Double.isFinite(q.value())) {
                    problem(pos(a), "the amount '" + Messages.shorten(s.text()) + "' is too large to calculate with "
                            + "(beyond about 1.8e308); check its magnitude and unit");
                    return Optional.empty();
                }
                if (inDomain(a, q.value(), kind, "amount", kind.equals("exchange") ? "" : what, s.text()).isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new AmountInUnit(Amount.of(q.value()), q.unit()));
            } catch (IllegalArgumentException e) {
                problem(pos(a), "the amount: " + quantityProblem(e, s.text())
                        + "; or use 'formula' for an expression");
                return Optional.empty();
            }
        }
        return number(a, kind, "amount", kind.equals("exchange") ? "" : what).map(v -> new AmountInUnit(Amount.of(v), explicitUnit.orElse(defaultUnit)));
    }

    private List<AllocationFactor> allocation(YamlNode n, String processPath) {
        List<AllocationFactor> out = new ArrayList<>();
        Optional<MapNode> mm = asMap(n, "'allocation'");
        if (mm.isEmpty()) {
            return out;
        }
        MapNode m = mm.get();
        checkKeys(m, "allocation");
        for (String method : List.of("physical", "economic")) {
            m.get(method).flatMap(v -> asMap(v, "'" + method + "' allocation")).ifPresent(shares ->
                    shares.entries().forEach(e -> factorValue(e.value(), processPath + "/allocation:" + out.size())
                            .ifPresent(a -> {
                                sources.element(processPath + "/allocation:" + out.size(), e.keyPosition());
                                out.add(new AllocationFactor(AllocationMethod.fromKey(method).orElseThrow(), e.key(), "", a));
                            })));
        }
        m.get("causal").ifPresent(c -> asList(c, "'causal' allocation").forEach(item -> asMap(item, "a causal factor")
                .ifPresent(cm -> {
                    checkKeys(cm, "causal");
                    Optional<Flow> flow = flowRef(cm, "a causal allocation");
                    cm.get("factors").flatMap(f -> asMap(f, "'factors'")).ifPresent(shares ->
                            shares.entries().forEach(e -> factorValue(e.value(), processPath + "/allocation:" + out.size())
                                    .ifPresent(a -> flow.ifPresent(fl -> {
                                        sources.element(processPath + "/allocation:" + out.size(), e.keyPosition());
                                        out.add(new AllocationFactor(AllocationMethod.CAUSAL, e.key(), fl.id(), a));
                                    }))));
                    if (cm.get("factors").isEmpty()) {
                        problem(cm.position(), "a causal allocation needs 'factors' (product: share)");
                    }
                })));
        return out;
    }

    private Optional<Amount> factorValue(YamlNode n, String path) {
        if (n instanceof ScalarNode s && s.quoted() && s.text() != null) {
            return formulaText(n, path, "the allocation factor");
        }
        return number(n, "an allocation factor").flatMap(v -> inDomain(n, v, "allocation", "physical", "", null)
                .map(Amount::of));
    }

    private Optional<ImpactMethod> method(YamlNode n) {
        Optional<MapNode> mm = asMap(n, "a method");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        checkKeys(m, "method");
        Optional<String> id = text(m, "id", true, "a method");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        sources.element("method:" + id.get(), m.position());
        List<ImpactCategory> categories = new ArrayList<>();
        m.get("categories").ifPresentOrElse(c -> asList(c, "'categories'").forEach(item -> asMap(item, "a category")
                .ifPresent(cm -> category(cm, "method:" + id.get()).ifPresent(categories::add))),
                () -> problem(m.position(), "method '" + id.get() + "' needs 'categories'"));
        return Optional.of(new ImpactMethod(id.get(), text(m, "name", false, "").orElse(id.get()), categories));
    }

    private Optional<ImpactCategory> category(MapNode m, String methodPath) {
        checkKeys(m, "category");
        Optional<String> id = text(m, "id", true, "an impact category");
        Optional<String> unit = text(m, "unit", true, "an impact category");
        if (id.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        String path = methodPath + "/category:" + id.get();
        sources.element(path, m.position());
        List<CharacterisationFactor> factors = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        m.get("factors").ifPresent(fs -> {
            List<YamlNode> items = asList(fs, "'factors'");
            for (int i = 0; i < items.size(); i++) {
                int x = i;
                asMap(items.get(i), "a characterisation factor").ifPresent(fm -> {
                    checkKeys(fm, "factor");
                    Optional<Flow> flow = flowRef(fm, "a characterisation factor");
                    Optional<Double> v = fm.get("value").flatMap(val -> number(val, "'value'"));
                    if (fm.get("value").isEmpty()) {
                        problem(fm.position(), "a characterisation factor needs 'value'");
                    }
                    if (flow.isPresent() && !flow.get().isElementary()) {
                        problem(pos(fm.get("flow").get()), "characterisation factors apply to elementary flows; '"
                                + flow.get().id() + "' is a " + flow.get().type().name().toLowerCase() + " flow");
                        return;
                    }
                    if (flow.isPresent() && !seen.add(flow.get().id())) {
                        problem(fm.position(), "category '" + id.get() + "' has two factors for flow '"
                                + flow.get().id() + "'");
                        return;
                    }
                    if (flow.isPresent() && v.isPresent()) {
                        sources.element(path + "/factor:" + factors.size(), fm.position());
                        factors.add(CharacterisationFactor.of(flow.get(), v.get()));
                    }
                });
            }
        });
        return Optional.of(new ImpactCategory(id.get(), text(m, "name", false, "").orElse(id.get()),
                Units.indicator(unit.get()), factors));
    }

    private Optional<FunctionalUnit> functionalUnit(YamlNode n) {
        Optional<MapNode> mm = asMap(n, "'functional_unit'");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        checkKeys(m, "functional_unit");
        m.get("id").ifPresent(idNode -> problem(pos(idNode), "'id' names one of an AI study's functional units (with 'kind'); "
                + "a functional unit with a flow is the scenario's only one: remove 'id'"));
        sources.element("functional_unit", m.position());
        Optional<Flow> flow = flowRef(m, "the functional unit");
        Optional<AmountInUnit> amount = amount(m, "functional_unit", "functional_unit", "the functional unit",
                flow.map(Flow::referenceUnit).orElse(null));
        if (flow.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
        }
        if (flow.get().isElementary()) {
            problem(pos(m.get("flow").get()), "the functional unit's flow must be a product or waste, not the elementary flow '"
                    + flow.get().id() + "'");
            return Optional.empty();
        }
        return Optional.of(new FunctionalUnit(text(m, "description", false, "").orElse(""), flow.get(),
                text(m, "process", false, "").orElse(""), amount.get().amount(), amount.get().unit()));
    }
}
