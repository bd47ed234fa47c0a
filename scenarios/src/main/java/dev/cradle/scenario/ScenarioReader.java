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
import dev.cradle.model.MlPhase;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Quantity;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.scenario.yaml.YamlChecker;
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
 * Reads the positioned YAML tree of a scenario file into a {@link ParsedScenario} — parsing and checking
 * only: every key, type, unit and reference is checked on the way, and no rule runs. Sections, in reading
 * order: header, {@code databases} ({@link BackgroundDatabases}), {@code flows}, {@code parameters}
 * ({@link ParameterReader}), {@code processes}, {@code methods}, {@code functional_unit}, and the AI
 * declarations ({@link AiSectionReader}); numeric fields through {@link FieldValues}, generic YAML checks
 * through {@link YamlChecker}. The format is documented in docs/scenario-reference.md; {@link #KEYS} is the
 * single list of allowed keys.
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
                    "recycling_rate", "idle_allocation", "components", "end_of_life")),
            Map.entry("component", List.of("type", "units", "die_area", "core_units", "die_area_per_core", "capacity",
                    "density", "mass", "archetype", "enclosure", "card", "factors", "vram", "vram_dies", "vram_die_area",
                    "pcb_area", "heatsink_mass", "casing_mass", "distance_boat", "distance_truck", "distance_plane")),
            Map.entry("transport_leg", List.of("mode", "distance", "database", "process")),
            Map.entry("inventory_link", List.of("database", "process", "amount")),
            Map.entry("model", List.of("id", "name", "amortise_training_over", "service_life", "derived_from",
                    "downstream_tasks", "total_parameters", "active_parameters", "quantisation_bits")),
            Map.entry("amortisation", List.of("queries", "tokens")),
            Map.entry("workload", List.of("id", "model", "phase", "hardware", "device_hours", "flops", "energy",
                    "codecarbon", "carbontracker", "experiment_impact_tracker", "power_samples", "energy_per_query",
                    "energy_per_token", "deployment", "power", "runs", "queries", "tokens", "period", "storage", "llm_inference")),
            Map.entry("llm_inference", List.of("requests", "output_tokens", "latency", "throughput", "batch_size",
                    "gpu_memory", "server_power", "gpus_per_server")),
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
                    "mode", "max", "values", "probabilities", "value", "pedigree", "basic_variance")));

    final YamlDocument doc;
    /** Problems, warnings and typed access to the YAML tree. */
    final YamlChecker yaml;
    /** Numeric fields: literals, quantities and formulas over parameters, each checked against its domain. */
    final FieldValues fields;
    /** Global and process parameters, formulas and distributions. */
    private final ParameterReader parameterReader;
    final SourceMap sources = new SourceMap();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    final dev.cradle.factors.FactorLibrary library = dev.cradle.factors.FactorLibrary.bundled();
    private final Map<String, Process> libraryProcesses = new LinkedHashMap<>();
    private final BackgroundDatabases databases = new BackgroundDatabases(this);
    /** Where referenced files (CodeCarbon CSVs) may be read from. */
    final StudyFolder folder;

    private ScenarioReader(YamlDocument doc, StudyFolder folder) {
        this.doc = doc;
        this.folder = folder;
        this.yaml = new YamlChecker(doc, KEYS);
        this.fields = new FieldValues(yaml);
        this.parameterReader = new ParameterReader(yaml, fields, sources);
    }

    /** The scenario's background databases (read before the AI declarations, which may link to them). */
    BackgroundDatabases backgroundDatabases() {
        return databases;
    }

    static ParsedScenario read(YamlDocument doc) {
        return read(doc, StudyFolder.of(doc.file()));
    }

    /**
     * Reads {@code doc} into a {@link ParsedScenario}: parsing and checking only, no rule runs.
     *
     * @throws ScenarioException with every problem found, at its line and column
     */
    static ParsedScenario read(YamlDocument doc, StudyFolder folder) {
        ScenarioReader r = new ScenarioReader(doc, folder);
        ParsedScenario s = r.scenario();
        if (r.yaml.hasProblems() || s == null) {
            throw new ScenarioException(r.yaml.problems());
        }
        return s;
    }

    // ---- the scenario, section by section --------------------------------------------------------

    private ParsedScenario scenario() {
        if (doc.root() == null) {
            yaml.problem(Position.UNKNOWN, "the scenario file is empty");
            return null;
        }
        Optional<MapNode> rootMap = yaml.asMap(doc.root(), "a scenario file");
        if (rootMap.isEmpty()) {
            return null;
        }
        MapNode root = rootMap.get();
        yaml.checkKeys(root, "scenario");
        sources.element("system", root.position());
        root.get("cradle").ifPresent(v -> yaml.number(v, "'cradle' (the format version)").ifPresent(ver -> {
            if (ver != 1) {
                yaml.problem(v.position(), "this Cradle reads scenario format 1; the file says " + ver);
            }
        }));
        String name = yaml.text(root, "name", false, "the scenario").orElse(doc.file().getFileName().toString());
        String description = yaml.text(root, "description", false, "the scenario").orElse("");
        AllocationMethod allocation = yaml.choice(root, "allocation", AllocationMethod::fromKey,
                names(AllocationMethod.values(), AllocationMethod::key), false, "the scenario")
                .orElse(AllocationMethod.PHYSICAL);

        boolean aiPresent = AiSectionReader.present(root);
        root.get("databases").ifPresent(databases::read);
        root.get("flows").ifPresentOrElse(n -> yaml.asList(n, "'flows'").forEach(this::flow), () -> {
            if (!aiPresent) {
                yaml.problem(root.position(), "the scenario needs 'flows' (or AI declarations: datacenters, hardware, workloads)");
            }
        });
        List<Parameter> params = root.get("parameters").map(n -> parameterReader.globals(n)).orElse(List.of());
        fields.declare(params);
        List<Process> processes = new ArrayList<>();
        root.get("processes").ifPresentOrElse(n -> yaml.asList(n, "'processes'").forEach(p -> process(p)
                        .ifPresent(processes::add)),
                () -> {
                    if (!aiPresent) {
                        yaml.problem(root.position(), "the scenario needs 'processes' (or AI declarations)");
                    }
                });
        List<ImpactMethod> methods = new ArrayList<>();
        boolean usesLibraryMethods = false;
        for (YamlNode m : root.get("methods").map(n -> yaml.asList(n, "'methods'")).orElse(List.of())) {
            if (m instanceof ScalarNode s && s.text() != null) {
                Optional<ImpactMethod> lm = libraryMethod(s);
                lm.ifPresent(methods::add);
                usesLibraryMethods |= lm.isPresent();
            } else {
                method(m).ifPresent(methods::add);
            }
        }
        boolean aiFunctionalUnit = aiPresent && (root.get("functional_unit").isEmpty() || root.get("functional_units").isPresent()
                || root.get("functional_unit").get() instanceof MapNode fm && fm.get("kind").isPresent());
        if (!aiPresent) {
            root.get("functional_units").ifPresent(n -> yaml.problem(YamlChecker.pos(n), "'functional_units' lists the functional units of "
                    + "an AI study (kind: study, trained_model, query, 1000_tokens, year_of_service); a scenario without "
                    + "datacenters, hardware, models or workloads has one 'functional_unit' with a flow"));
        }
        Optional<FunctionalUnit> fu = aiFunctionalUnit ? Optional.empty()
                : root.get("functional_unit").flatMap(this::functionalUnit);
        if (root.get("functional_unit").isEmpty() && root.get("functional_units").isEmpty() && !aiPresent) {
            yaml.problem(root.position(), "the scenario needs a 'functional_unit' (the flow and amount the study is about)");
        }
        AiScenario declarations = null;
        if (aiPresent) {
            root.get("functional_unit").filter(n -> n instanceof MapNode).ifPresent(n -> yaml.checkKeys((MapNode) n,
                    "functional_unit"));
            declarations = new AiSectionReader(this, root).read();
            if (root.get("methods").isEmpty()) {
                methods.addAll(library.defaultMethods());
                usesLibraryMethods = true;
            }
        }
        if (usesLibraryMethods) {
            checkFlowsAreLibraryFlows(root);
        }
        List<Process> background = new ArrayList<>(libraryProcesses.values());
        background.addAll(databases.processes());
        List<ImpactMethod> characterised = databases.characterise(methods);
        if (yaml.hasProblems() || (fu.isEmpty() && declarations == null)) {
            return null;
        }
        return new ParsedScenario(doc.file(), name, description, allocation, params, List.copyOf(flows.values()),
                processes, background, characterised, fu.orElse(null), declarations, fields.checks(), sources,
                yaml.warnings(), databases.explanation());
    }

    private Optional<ImpactMethod> libraryMethod(ScalarNode s) {
        Optional<ImpactMethod> m = library.method(s.text());
        if (m.isEmpty()) {
            yaml.problem(s.position(), "unknown library method '" + s.text() + "'"
                    + Suggestions.didYouMean(s.text(), library.methods().keySet())
                    + " (library methods: " + String.join(", ", library.methods().keySet()) + ")");
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
                        yaml.problem(m.position(), "elementary flow '" + id + "' is not in the factor library, so the "
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
        yaml.asMap(n, "a flow").ifPresent(m -> {
            yaml.checkKeys(m, "flow");
            Optional<String> id = yaml.text(m, "id", true, "a flow");
            Optional<FlowType> type = yaml.choice(m, "type", t -> Arrays.stream(FlowType.values())
                            .filter(x -> x.name().equalsIgnoreCase(t.trim())).findFirst(),
                    List.of("product", "waste", "elementary"), true, "a flow");
            Optional<Unit> unit = yaml.text(m, "unit", true, "a flow").flatMap(u -> yaml.unit(m.get("unit").get(), u));
            Optional<Compartment> compartment = yaml.choice(m, "compartment", Compartment::fromLabel,
                    names(Compartment.values(), Compartment::label), false, "a flow");
            if (id.isEmpty() || type.isEmpty() || unit.isEmpty()) {
                return;
            }
            if (type.get() == FlowType.ELEMENTARY && compartment.isEmpty() && m.get("compartment").isEmpty()) {
                yaml.problem(m.position(), "elementary flow '" + id.get() + "' needs a 'compartment' (one of "
                        + String.join(", ", names(Compartment.values(), Compartment::label)) + ")");
                return;
            }
            if (type.get() != FlowType.ELEMENTARY && m.get("compartment").isPresent()) {
                yaml.problem(m.entry("compartment").get().keyPosition(), "only elementary flows have a compartment; '"
                        + id.get() + "' is a " + type.get().name().toLowerCase() + " flow");
                return;
            }
            if (compartment.isEmpty() && type.get() == FlowType.ELEMENTARY) {
                return;
            }
            if (flows.containsKey(id.get())) {
                yaml.problem(YamlChecker.pos(m.get("id").get()), "flow id '" + id.get() + "' is declared twice; flow ids must be unique");
                return;
            }
            flows.put(id.get(), new Flow(id.get(), yaml.text(m, "name", false, "").orElse(id.get()), type.get(), unit.get(),
                    compartment.orElse(null), yaml.text(m, "sub_compartment", false, "").orElse(""),
                    yaml.text(m, "location", false, "").orElse("")));
        });
    }

    Optional<Flow> flowRef(MapNode m, String where) {
        return yaml.text(m, "flow", true, where).flatMap(id -> {
            Flow f = flows.get(id);
            if (f == null) {
                f = library.flow(id).orElse(null);
            }
            if (f == null) {
                java.util.Set<String> known = new java.util.TreeSet<>(flows.keySet());
                known.addAll(library.flows().keySet());
                yaml.problem(YamlChecker.pos(m.get("flow").get()), "unknown flow '" + id + "'"
                        + Suggestions.didYouMean(id, known) + " (declare it under 'flows', or use a library flow)");
            }
            return Optional.ofNullable(f);
        });
    }

    private final Map<String, Position> processIds = new java.util.HashMap<>();

    private Optional<Process> process(YamlNode n) {
        Optional<MapNode> mm = yaml.asMap(n, "a process");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        yaml.checkKeys(m, "process");
        Optional<String> id = yaml.text(m, "id", true, "a process");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String path = "process:" + id.get();
        Position first = processIds.putIfAbsent(id.get(), m.get("id").get().position());
        if (first != null) {
            yaml.problem(m.get("id").get().position(), "process id '" + id.get() + "' is used twice (first at line "
                    + first.line() + ", column " + first.column() + "); process ids must be unique");
            return Optional.empty();
        }
        sources.element(path, m.position());
        Optional<LifecycleStage> stage = yaml.choice(m, "stage", LifecycleStage::fromKey,
                names(LifecycleStage.values(), LifecycleStage::key), true, "process '" + id.get() + "'");
        Optional<MlPhase> phase = yaml.choice(m, "phase", MlPhase::fromKey, names(MlPhase.values(), MlPhase::key),
                false, "process '" + id.get() + "'");
        Map<String, String> tags = new LinkedHashMap<>();
        m.get("tags").flatMap(t -> yaml.asMap(t, "'tags'")).ifPresent(t -> t.entries().forEach(e -> {
            if (e.value() instanceof ScalarNode s && s.text() != null) {
                tags.put(e.key(), s.text());
            } else {
                yaml.problem(YamlChecker.pos(e.value()), "tag '" + e.key() + "' must have a single value");
            }
        }));
        List<Parameter> params = m.get("parameters").map(p -> parameterReader.locals(p, path)).orElse(List.of());
        List<Exchange> exchanges = new ArrayList<>();
        int[] index = {0};
        for (String side : List.of("inputs", "outputs")) {
            Direction dir = side.equals("inputs") ? Direction.INPUT : Direction.OUTPUT;
            m.get(side).ifPresent(list -> yaml.asList(list, "'" + side + "'").forEach(item -> {
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
        return Optional.of(new Process(id.get(), yaml.text(m, "name", false, "").orElse(id.get()), stage.get(),
                phase.orElse(null), tags, exchanges, params, factors));
    }

    private Optional<Exchange> exchange(YamlNode n, Direction dir, String path) {
        Optional<MapNode> mm = yaml.asMap(n, "an exchange");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        yaml.checkKeys(m, "exchange");
        sources.element(path, m.position());
        Optional<Flow> flow = flowRef(m, "an exchange");
        Optional<AmountInUnit> amount = amount(m, "exchange", path, "the exchange", flow.map(Flow::referenceUnit).orElse(null));
        boolean avoided = m.get("avoided").flatMap(v -> yaml.bool(v, "'avoided'")).orElse(false);
        Uncertainty u = m.get("uncertainty").flatMap(x -> parameterReader.uncertainty(x, amount.map(a -> a.amount()
                instanceof Amount.Constant c ? c.value() : null).orElse(null), amount.map(a -> a.unit() == null ? ""
                : a.unit().symbol()).orElse(""))).orElse(null);
        String provider = yaml.text(m, "provider", false, "").orElse("");
        if (databases.names(provider)) {
            var link = databases.link(provider, flow.orElse(null), m.get("provider").get(), path);
            provider = link.map(BackgroundDatabases.Link::processId).orElse(provider);
            flow = link.isPresent() ? Optional.of(link.get().flow()) : flow;
        } else if (provider.contains(":")) {
            Optional<Process> bg = library.process(provider);
            if (bg.isPresent()) {
                libraryProcesses.putIfAbsent(provider, bg.get());
            } else {
                yaml.problem(YamlChecker.pos(m.get("provider").get()), "unknown library process '" + provider + "'"
                        + Suggestions.didYouMean(provider, library.processes().keySet())
                        + " (list them with 'cradle factors')");
            }
        }
        if (flow.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
        }
        if (avoided && flow.get().isElementary()) {
            yaml.problem(YamlChecker.pos(m.get("avoided").get()), "only product and waste flows can be avoided; '" + flow.get().id()
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
        Optional<Unit> explicitUnit = yaml.text(m, "unit", false, what).flatMap(u -> yaml.unit(m.get("unit").get(), u));
        if (m.get("unit").isPresent() && explicitUnit.isEmpty()) {
            return Optional.empty();
        }
        if (amount.isPresent() == formula.isPresent()) {
            yaml.problem(m.position(), what + " needs exactly one of 'amount' (e.g. 12 or '12 kWh') or 'formula'");
            return Optional.empty();
        }
        if (formula.isPresent()) {
            Optional<Amount> f = parameterReader.formulaText(formula.get(), path, what);
            Unit u = explicitUnit.orElse(defaultUnit);
            return f.map(a -> new AmountInUnit(a, u));
        }
        YamlNode a = amount.get();
        if (a instanceof ScalarNode s && s.text() != null && s.quoted()) {
            try {
                Quantity q = Quantity.parse(s.text());
                if (explicitUnit.isPresent()) {
                    yaml.problem(YamlChecker.pos(a), "the amount '" + Messages.shorten(s.text()) + "' already has a unit; remove 'unit'");
                    return Optional.empty();
                }
                if (!Double.isFinite(q.value())) {
                    yaml.problem(YamlChecker.pos(a), "the amount '" + Messages.shorten(s.text()) + "' is too large to calculate with "
                            + "(beyond about 1.8e308); check its magnitude and unit");
                    return Optional.empty();
                }
                if (fields.inDomain(a, q.value(), kind, "amount", kind.equals("exchange") ? "" : what, s.text()).isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new AmountInUnit(Amount.of(q.value()), q.unit()));
            } catch (IllegalArgumentException e) {
                yaml.problem(YamlChecker.pos(a), "the amount: " + YamlChecker.quantityProblem(e, s.text())
                        + "; or use 'formula' for an expression");
                return Optional.empty();
            }
        }
        return fields.number(a, kind, "amount", kind.equals("exchange") ? "" : what).map(v -> new AmountInUnit(Amount.of(v), explicitUnit.orElse(defaultUnit)));
    }

    private List<AllocationFactor> allocation(YamlNode n, String processPath) {
        List<AllocationFactor> out = new ArrayList<>();
        Optional<MapNode> mm = yaml.asMap(n, "'allocation'");
        if (mm.isEmpty()) {
            return out;
        }
        MapNode m = mm.get();
        yaml.checkKeys(m, "allocation");
        for (String method : List.of("physical", "economic")) {
            m.get(method).flatMap(v -> yaml.asMap(v, "'" + method + "' allocation")).ifPresent(shares ->
                    shares.entries().forEach(e -> factorValue(e.value(), processPath + "/allocation:" + out.size())
                            .ifPresent(a -> {
                                sources.element(processPath + "/allocation:" + out.size(), e.keyPosition());
                                out.add(new AllocationFactor(AllocationMethod.fromKey(method).orElseThrow(), e.key(), "", a));
                            })));
        }
        m.get("causal").ifPresent(c -> yaml.asList(c, "'causal' allocation").forEach(item -> yaml.asMap(item, "a causal factor")
                .ifPresent(cm -> {
                    yaml.checkKeys(cm, "causal");
                    Optional<Flow> flow = flowRef(cm, "a causal allocation");
                    cm.get("factors").flatMap(f -> yaml.asMap(f, "'factors'")).ifPresent(shares ->
                            shares.entries().forEach(e -> factorValue(e.value(), processPath + "/allocation:" + out.size())
                                    .ifPresent(a -> flow.ifPresent(fl -> {
                                        sources.element(processPath + "/allocation:" + out.size(), e.keyPosition());
                                        out.add(new AllocationFactor(AllocationMethod.CAUSAL, e.key(), fl.id(), a));
                                    }))));
                    if (cm.get("factors").isEmpty()) {
                        yaml.problem(cm.position(), "a causal allocation needs 'factors' (product: share)");
                    }
                })));
        return out;
    }

    private Optional<Amount> factorValue(YamlNode n, String path) {
        if (n instanceof ScalarNode s && s.quoted() && s.text() != null) {
            return parameterReader.formulaText(n, path, "the allocation factor");
        }
        return yaml.number(n, "an allocation factor").flatMap(v -> fields.inDomain(n, v, "allocation", "physical", "", null)
                .map(Amount::of));
    }

    private Optional<ImpactMethod> method(YamlNode n) {
        Optional<MapNode> mm = yaml.asMap(n, "a method");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        yaml.checkKeys(m, "method");
        Optional<String> id = yaml.text(m, "id", true, "a method");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        sources.element("method:" + id.get(), m.position());
        List<ImpactCategory> categories = new ArrayList<>();
        m.get("categories").ifPresentOrElse(c -> yaml.asList(c, "'categories'").forEach(item -> yaml.asMap(item, "a category")
                .ifPresent(cm -> category(cm, "method:" + id.get()).ifPresent(categories::add))),
                () -> yaml.problem(m.position(), "method '" + id.get() + "' needs 'categories'"));
        return Optional.of(new ImpactMethod(id.get(), yaml.text(m, "name", false, "").orElse(id.get()), categories));
    }

    private Optional<ImpactCategory> category(MapNode m, String methodPath) {
        yaml.checkKeys(m, "category");
        Optional<String> id = yaml.text(m, "id", true, "an impact category");
        Optional<String> unit = yaml.text(m, "unit", true, "an impact category");
        if (id.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        String path = methodPath + "/category:" + id.get();
        sources.element(path, m.position());
        List<CharacterisationFactor> factors = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        m.get("factors").ifPresent(fs -> {
            List<YamlNode> items = yaml.asList(fs, "'factors'");
            for (int i = 0; i < items.size(); i++) {
                int x = i;
                yaml.asMap(items.get(i), "a characterisation factor").ifPresent(fm -> {
                    yaml.checkKeys(fm, "factor");
                    Optional<Flow> flow = flowRef(fm, "a characterisation factor");
                    Optional<Double> v = fm.get("value").flatMap(val -> yaml.number(val, "'value'"));
                    if (fm.get("value").isEmpty()) {
                        yaml.problem(fm.position(), "a characterisation factor needs 'value'");
                    }
                    if (flow.isPresent() && !flow.get().isElementary()) {
                        yaml.problem(YamlChecker.pos(fm.get("flow").get()), "characterisation factors apply to elementary flows; '"
                                + flow.get().id() + "' is a " + flow.get().type().name().toLowerCase() + " flow");
                        return;
                    }
                    if (flow.isPresent() && !seen.add(flow.get().id())) {
                        yaml.problem(fm.position(), "category '" + id.get() + "' has two factors for flow '"
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
        return Optional.of(new ImpactCategory(id.get(), yaml.text(m, "name", false, "").orElse(id.get()),
                Units.indicator(unit.get()), factors));
    }

    private Optional<FunctionalUnit> functionalUnit(YamlNode n) {
        Optional<MapNode> mm = yaml.asMap(n, "'functional_unit'");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        yaml.checkKeys(m, "functional_unit");
        m.get("id").ifPresent(idNode -> yaml.problem(YamlChecker.pos(idNode), "'id' names one of an AI study's functional "
                + "units (with 'kind'); a functional unit with a flow is the scenario's only one: remove 'id'"));
        sources.element("functional_unit", m.position());
        Optional<Flow> flow = flowRef(m, "the functional unit");
        Optional<AmountInUnit> amount = amount(m, "functional_unit", "functional_unit", "the functional unit",
                flow.map(Flow::referenceUnit).orElse(null));
        if (flow.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
        }
        if (flow.get().isElementary()) {
            yaml.problem(YamlChecker.pos(m.get("flow").get()), "the functional unit's flow must be a product or waste, not the elementary flow '"
                    + flow.get().id() + "'");
            return Optional.empty();
        }
        return Optional.of(new FunctionalUnit(yaml.text(m, "description", false, "").orElse(""), flow.get(),
                yaml.text(m, "process", false, "").orElse(""), amount.get().amount(), amount.get().unit()));
    }
}
