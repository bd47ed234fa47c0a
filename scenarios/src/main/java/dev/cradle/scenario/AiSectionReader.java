package dev.cradle.scenario;

import dev.cradle.engine.ai.AllocationRule;
import dev.cradle.engine.ai.Declarations;
import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.TransportLeg;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.ai.HardwareEmbodiedRule;
import dev.cradle.engine.calc.Suggestions;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;
import dev.cradle.scenario.FieldValues.FieldUnit;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Quantity;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import dev.cradle.scenario.yaml.YamlChecker;
import dev.cradle.scenario.yaml.YamlNode;
import dev.cradle.scenario.yaml.YamlNode.ListNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import dev.cradle.scenario.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the AI sections of a scenario — {@code datacenters}, {@code hardware}, {@code models},
 * {@code workloads} and an AI functional unit — into {@link AiScenario} records, checking every
 * value, unit, range and cross-reference at its line and column. Documented in
 * docs/scenario-reference.md ("AI declarations").
 */
final class AiSectionReader {
    private final ScenarioReader r;
    private final MapNode root;

    AiSectionReader(ScenarioReader reader, MapNode root) {
        this.r = reader;
        this.root = root;
    }

    static boolean present(MapNode root) {
        return root.get("datacenters").isPresent() || root.get("hardware").isPresent()
                || root.get("workloads").isPresent() || root.get("models").isPresent();
    }

    private String origin(YamlNode n) {
        Position p = YamlChecker.pos(n);
        return r.doc.file() + ":" + p.line() + ":" + p.column();
    }

    // ---- numeric fields ------------------------------------------------------------------------------

    static final FieldUnit NUMBER = FieldUnit.NUMBER;
    static final FieldUnit KWH = FieldUnit.of(Dimension.ENERGY, "kWh");
    static final FieldUnit WATT = FieldUnit.of(Dimension.POWER, "W");
    static final FieldUnit MEGAWATT = FieldUnit.of(Dimension.POWER, "MW");
    static final FieldUnit HOURS = FieldUnit.of(Dimension.TIME, "h");
    static final FieldUnit YEARS = FieldUnit.of(Dimension.TIME, "year");
    static final FieldUnit KG = FieldUnit.of(Dimension.MASS, "kg");
    static final FieldUnit KM = FieldUnit.of(Dimension.DISTANCE, "km");
    static final FieldUnit GB = FieldUnit.of(Dimension.DATA_SIZE, "GB");
    static final FieldUnit MM2 = FieldUnit.of(Dimension.AREA, "mm2");
    static final FieldUnit KG_PER_KWH = FieldUnit.perKwh(Dimension.MASS, "kg");
    static final FieldUnit L_PER_KWH = FieldUnit.perKwh(Dimension.VOLUME, "L");

    /**
     * The field {@code kind.key} of {@code m} as an expression in {@code unit} (a number, a quantity, a parameter
     * or a formula with its unit; see {@link FieldValues}); empty when absent or unreadable (then a problem).
     */
    private Optional<Expression> value(MapNode m, String kind, String key, FieldUnit unit, boolean required, String where) {
        return r.fields.field(m, kind, key, unit, required, where);
    }

    /**
     * An optional field with a default: the default when absent, the field when readable, empty (after a
     * problem) when written but unreadable.
     */
    private Optional<Expression> valueOr(MapNode m, String kind, String key, FieldUnit unit, String where, double fallback) {
        return m.get(key).isEmpty() ? Optional.of(FieldValues.literal(fallback)) : value(m, kind, key, unit, false, where);
    }

    /** An optional field: null when absent or unreadable (the problem is reported). */
    private Expression optional(MapNode m, String kind, String key, FieldUnit unit, String where) {
        return value(m, kind, key, unit, false, where).orElse(null);
    }

    /** The value of a map entry (an embodied figure, a generation share) as a field of {@code kind.field}. */
    private Optional<Expression> entry(YamlNode.Entry x, String kind, String field, FieldUnit unit, String where) {
        MapNode wrapper = new MapNode(List.of(new YamlNode.Entry(x.key(), x.keyPosition(), x.value())), x.keyPosition());
        return r.fields.field(wrapper, x.key(), kind, field, unit, true, where);
    }

    /**
     * Values that must sum to one (generation shares): checked now when all are numbers, else at the
     * parameters' central values.
     */
    private void sumsToOne(Map<String, Expression> values, YamlNode at, String what) {
        if (values.isEmpty()) {
            return;
        }
        Expression sum = null;
        for (Expression e : values.values()) {
            sum = sum == null ? e : e instanceof Expression.Number b && sum instanceof Expression.Number a
                    ? FieldValues.literal(a.value() + b.value()) : new Expression.Binary("+", sum, e, 0);
        }
        java.util.function.DoublePredicate ok = v -> Math.abs(v - 1) <= 1e-6;
        java.util.function.DoubleFunction<String> message = v -> what + " sum to " + v + ", not 1";
        if (sum instanceof Expression.Number n) {
            if (!ok.test(n.value())) {
                r.yaml.problem(at.position(), message.apply(n.value()));
            }
        } else {
            Expression total = sum;
            r.fields.check(new FieldValues.CentralCheck(at.position(), total, ok,
                    v -> message.apply(v) + " at the parameters' central values", what, "a sum of 1 (within 1e-6)",
                    "write one share as 1 minus the others (e.g. 'gas: 1 - coal - nuclear'), so that every draw sums to 1"));
        }
    }

    // ---- allocation rules ---------------------------------------------------------------------------

    static final List<String> RULES = List.of("by_device_hours", "by_energy", "by_flops", "by_reserved_capacity", "equal");

    Optional<AllocationRule> rule(YamlNode n, AllocationRule fallback) {
        if (n == null) {
            return Optional.of(fallback);
        }
        if (n instanceof ScalarNode s && s.text() != null) {
            return switch (s.text()) {
                case "by_device_hours" -> Optional.of(new AllocationRule.ByDeviceHours());
                case "by_energy" -> Optional.of(new AllocationRule.ByEnergy());
                case "by_flops" -> Optional.of(new AllocationRule.ByFlops());
                case "by_reserved_capacity" -> Optional.of(new AllocationRule.ByReservedCapacity());
                case "equal" -> Optional.of(new AllocationRule.Equal());
                default -> {
                    r.yaml.problem(s.position(), "unknown allocation rule '" + s.text() + "'"
                            + Suggestions.didYouMean(s.text(), RULES) + "; use one of " + String.join(", ", RULES)
                            + ", {fixed: {...}} or {formula: \"...\"}");
                    yield Optional.empty();
                }
            };
        }
        Optional<MapNode> m = r.yaml.asMap(n, "an allocation rule");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        r.yaml.checkKeys(m.get(), "allocation_rule");
        if (m.get().get("fixed").isPresent()) {
            Map<String, Expression> shares = new LinkedHashMap<>();
            r.yaml.asMap(m.get().get("fixed").get(), "'fixed'").ifPresent(f -> f.entries().forEach(e ->
                    entry(e, "allocation_rule", "fixed", NUMBER, "the fixed shares").ifPresent(v -> shares.put(e.key(), v))));
            sumsToOne(shares, m.get().get("fixed").get(), "fixed shares");
            return Optional.of(new AllocationRule.Fixed(shares));
        }
        if (m.get().get("formula").isPresent()) {
            return r.yaml.text(m.get(), "formula", true, "an allocation formula").map(AllocationRule.Formula::new);
        }
        r.yaml.problem(m.get().position(), "an allocation rule map needs 'fixed' or 'formula'");
        return Optional.empty();
    }

    // ---- sections ------------------------------------------------------------------------------------

    /**
     * The ids written in a section, whether or not their declarations are valid: a reference to a
     * declaration with a problem elsewhere is not "not declared" (that problem is reported where it is).
     */
    private Set<String> writtenIds(String section) {
        Set<String> out = new LinkedHashSet<>();
        root.get(section).filter(n -> n instanceof ListNode).ifPresent(n -> ((ListNode) n).items().forEach(item -> {
            if (item instanceof MapNode m && m.get("id").orElse(null) instanceof ScalarNode s && s.text() != null) {
                out.add(s.text());
            }
        }));
        return out;
    }

    /** The base models named by some model's {@code derived_from}. */
    private Set<String> derivedFromValues() {
        Set<String> out = new LinkedHashSet<>();
        root.get("models").filter(n -> n instanceof ListNode).ifPresent(n -> ((ListNode) n).items().forEach(item -> {
            if (item instanceof MapNode m && m.get("derived_from").orElse(null) instanceof ScalarNode s && s.text() != null) {
                out.add(s.text());
            }
        }));
        return out;
    }

    AiScenario read() {
        List<Datacenter> datacenters = new ArrayList<>();
        root.get("datacenters").ifPresent(n -> r.yaml.asList(n, "'datacenters'").forEach(d -> datacenter(d)
                .ifPresent(datacenters::add)));
        Set<String> dcIds = writtenIds("datacenters");
        List<Hardware> hardware = new ArrayList<>();
        root.get("hardware").ifPresent(n -> r.yaml.asList(n, "'hardware'").forEach(h -> hardware(h, dcIds)
                .ifPresent(hardware::add)));
        List<Model> models = new ArrayList<>();
        root.get("models").ifPresent(n -> r.yaml.asList(n, "'models'").forEach(m -> model(m).ifPresent(models::add)));
        Set<String> modelIds = writtenIds("models");
        Set<String> hwIds = writtenIds("hardware");
        List<Workload> workloads = new ArrayList<>();
        root.get("workloads").ifPresent(n -> r.yaml.asList(n, "'workloads'").forEach(w -> workload(w, hwIds, modelIds, hardware)
                .ifPresent(workloads::add)));
        List<AiFunctionalUnit> units = functionalUnits(modelIds);
        r.sources.element("functional_unit", YamlChecker.pos(root.get("functional_units").or(() -> root.get("functional_unit")).orElse(root)));
        return new AiScenario(datacenters, hardware, models, workloads, units);
    }

    private Optional<String> id(MapNode m, String kind, Set<String> seen) {
        Optional<String> id = r.yaml.text(m, "id", true, "a " + kind);
        if (id.isPresent()) {
            if (!seen.add(kind + ":" + id.get())) {
                r.yaml.problem(m.get("id").get().position(), kind + " id '" + id.get() + "' is used twice; ids must be "
                        + "unique within their section");
                return Optional.empty();
            }
            r.sources.element(kind + ":" + id.get(), m.position());
        }
        return id;
    }

    private final Set<String> ids = new LinkedHashSet<>();
    /** The architecture (parameter counts, quantisation) of each model that declares one, for 'llm_inference'. */
    private final Map<String, LlmInferenceReader.Architecture> architectures = new LinkedHashMap<>();

    /**
     * A required reference to another declaration: its id, or a problem at its position saying that
     * {@code owner} names an undeclared id, with a suggestion.
     */
    private Optional<String> reference(MapNode m, String key, Set<String> known, String owner, String relation,
                                       String section) {
        Optional<String> ref = r.yaml.text(m, key, true, owner);
        if (ref.isPresent() && !known.contains(ref.get())) {
            r.yaml.problem(m.get(key).get().position(), owner + " " + relation + " '" + ref.get() + "', which is not declared"
                    + section + Suggestions.didYouMean(ref.get(), known));
        }
        return ref;
    }

    /** A declaration's map, with its keys checked against {@code kind}'s list. */
    private Optional<MapNode> section(YamlNode n, String what, String kind) {
        Optional<MapNode> m = r.yaml.asMap(n, what);
        m.ifPresent(map -> r.yaml.checkKeys(map, kind));
        return m;
    }

    private Optional<Datacenter> datacenter(YamlNode n) {
        Optional<MapNode> mm = section(n, "a datacenter", "datacenter");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        Optional<String> id = id(m, "datacenter", ids);
        String where = "datacenter '" + id.orElse("?") + "'";
        int gridKeys = (m.get("grid").isPresent() ? 1 : 0) + (m.get("grid_mix").isPresent() ? 1 : 0)
                + (m.get("grid_intensity").isPresent() ? 1 : 0);
        if (gridKeys != 1) {
            r.yaml.problem(m.position(), where + " needs exactly one of 'grid' (a region code such as FR or gcp/us-central1), "
                    + "'grid_mix' (generation shares) or 'grid_intensity' (such as '429 g/kWh')");
        }
        Declarations.Grid grid = null;
        String country = r.yaml.text(m, "country", false, where).orElse("");
        if (m.get("grid").isPresent() && m.get("grid").get() instanceof MapNode link) {
            grid = r.backgroundDatabases().grid(link, where).orElse(null);
            if (grid != null) {
                for (String key : List.of("market_intensity", "renewable_share")) {
                    m.get(key).ifPresent(k -> r.yaml.problem(k.position(), where + ": '" + key + "' cannot apply to a grid "
                            + "linked to a database process: the market-based result of its electricity is the same "
                            + "process (equal to location-based); remove '" + key + "' or use a library grid code"));
                }
            }
        } else if (m.get("grid").isPresent()) {
            Optional<String> code = r.yaml.text(m, "grid", true, where);
            if (code.isPresent()) {
                if (r.library.process("grid:" + code.get()).isEmpty()) {
                    r.yaml.problem(m.get("grid").get().position(), "unknown grid '" + code.get() + "'"
                            + Suggestions.didYouMean("grid:" + code.get(), r.library.processes().keySet()).replace("grid:", "")
                            + "; " + r.library.missingGridAdvice(code.get())
                            + " (countries by ISO code, e.g. FR; sub-national zones, e.g. CA-QC; cloud regions, e.g. gcp/us-central1)");
                }
                grid = new Declarations.RegionGrid(code.get());
                if (country.isEmpty() && !code.get().contains("/")) {
                    country = code.get(); // a country or a sub-national zone (CA-QC): its AWARE factor, or the nearest level
                }
            }
        } else if (m.get("grid_mix").isPresent()) {
            Map<String, Expression> shares = new LinkedHashMap<>();
            r.yaml.asMap(m.get("grid_mix").get(), "'grid_mix'").ifPresent(mix -> mix.entries().forEach(e -> {
                if (r.library.process("grid_source:" + e.key()).isEmpty()) {
                    r.yaml.problem(e.keyPosition(), "unknown generation technology '" + e.key() + "'" + Suggestions.didYouMean(
                            e.key(), r.library.processes().keySet().stream().filter(k -> k.startsWith("grid_source:"))
                                    .map(k -> k.substring(12)).toList()));
                }
                entry(e, "datacenter", "grid_mix", NUMBER, where).ifPresent(v -> shares.put(e.key(), v));
            }));
            sumsToOne(shares, m.get("grid_mix").get(), "the generation shares");
            grid = new Declarations.MixGrid(shares);
        } else if (m.get("grid_intensity").isPresent()) {
            grid = value(m, "datacenter", "grid_intensity", KG_PER_KWH, false, where)
                    .map(v -> new Declarations.ExplicitGrid(v)).orElse(null);
        }
        Optional<Expression> pue = valueOr(m, "datacenter", "pue", NUMBER, where, 1.0);
        Expression wue = valueOr(m, "datacenter", "wue_onsite", L_PER_KWH, where, 0.0).orElse(null);
        Expression offsite = optional(m, "datacenter", "offsite_water", L_PER_KWH, where);
        Expression market = optional(m, "datacenter", "market_intensity", KG_PER_KWH, where);
        Expression renewable = optional(m, "datacenter", "renewable_share", NUMBER, where);
        if (renewable != null && market != null) {
            r.yaml.problem(m.position(), where + ": give 'market_intensity' or 'renewable_share', not both");
        }
        Expression tenantMw = null;
        Expression tenancyH = null;
        if (m.get("tenancy").isPresent()) {
            Optional<MapNode> t = r.yaml.asMap(m.get("tenancy").get(), "'tenancy'");
            if (t.isPresent()) {
                r.yaml.checkKeys(t.get(), "tenancy");
                tenantMw = value(t.get(), "tenancy", "it_power", MEGAWATT, true, "the tenancy").orElse(null);
                tenancyH = value(t.get(), "tenancy", "period", HOURS, true, "the tenancy").orElse(null);
            }
        }
        List<Infrastructure> infra = new ArrayList<>();
        Set<String> infraIds = new LinkedHashSet<>();
        m.get("infrastructure").ifPresent(list -> r.yaml.asList(list, "'infrastructure'").forEach(item -> r.yaml.asMap(item,
                "an infrastructure item").ifPresent(im -> {
                    r.yaml.checkKeys(im, "infrastructure");
                    Optional<String> iid = r.yaml.text(im, "id", true, "an infrastructure item");
                    if (iid.isPresent() && !infraIds.add(iid.get())) {
                        r.yaml.problem(im.get("id").get().position(), "infrastructure id '" + iid.get() + "' is used twice in "
                                + where + "; ids must be unique");
                    }
                    String infraName = "infrastructure '" + iid.orElse("?") + "'";
                    Expression embodied = optional(im, "infrastructure", "embodied", KG, infraName);
                    Optional<Expression> capacity = value(im, "infrastructure", "capacity", MEGAWATT, true, infraName);
                    Optional<Expression> life = value(im, "infrastructure", "lifetime", HOURS, false, infraName);
                    Optional<AllocationRule> rule = rule(im.get("allocation").orElse(null),
                            new AllocationRule.ByReservedCapacity());
                    if (iid.isPresent() && capacity.isPresent() && rule.isPresent()) {
                        Expression lifeH = life.orElse(FieldValues.literal(r.library.datacenterLifetimeYears() * 8760));
                        infra.add(new Infrastructure(iid.get(), r.yaml.text(im, "name", false, "").orElse(iid.get()), embodied,
                                capacity.get(), lifeH, rule.get(), origin(im)));
                    }
                })));
        double tenantLiteral = FieldValues.literalOrNaN(tenantMw);
        List<Infrastructure> literalCapacity = infra.stream().filter(i -> i.capacityMw() instanceof Expression.Number).toList();
        if (!Double.isNaN(tenantLiteral)) {
            // against the smallest item only: one problem, not one per item (a capacity that reads parameters is
            // checked by the rules, at the parameters' central values)
            for (Infrastructure i : literalCapacity.stream().min(java.util.Comparator.comparingDouble(i ->
                    FieldValues.literalOrNaN(i.capacityMw()))).stream().toList()) {
                double tenantMwValue = tenantLiteral;
                if (tenantMwValue > FieldValues.literalOrNaN(i.capacityMw()) * (1 + 1e-9)) {
                    YamlNode at = ((MapNode) m.get("tenancy").get()).get("it_power").orElse(m);
                    r.yaml.problem(at.position(), "the tenancy of " + where + " holds " + Messages.number(tenantMwValue) + " MW of IT "
                            + "power, more than the " + Messages.number(FieldValues.literalOrNaN(i.capacityMw())) + " MW capacity of infrastructure '"
                            + i.id() + "'; a tenancy is a part of the building: make 'it_power' at most the capacity "
                            + "(check both units)");
                }
            }
        }
        if (id.isEmpty() || grid == null || pue.isEmpty()) {
            return Optional.empty();
        }
        Datacenter dc = new Datacenter(id.get(), r.yaml.text(m, "name", false, "").orElse(id.get()), grid, country, pue.get(),
                wue, offsite, market, renewable, infra, tenantMw, tenancyH, origin(m));
        return Optional.of(dc);
    }

    private Optional<Hardware> hardware(YamlNode n, Set<String> dcIds) {
        Optional<MapNode> mm = section(n, "a hardware group", "hardware");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        Optional<String> id = id(m, "hardware", ids);
        String where = "hardware '" + id.orElse("?") + "'";
        Optional<String> dc = reference(m, "datacenter", dcIds, where, "sits in datacenter", "");
        String archetype = r.yaml.text(m, "archetype", false, where).orElse("");
        if (!archetype.isEmpty() && r.library.process("device:" + archetype).isEmpty()
                && r.library.process("component:" + archetype).isEmpty()) {
            r.yaml.problem(m.get("archetype").get().position(), "unknown device archetype '" + archetype + "'"
                    + Suggestions.didYouMean("device:" + archetype, r.library.processes().keySet()).replace("device:", "")
                    + " (see 'cradle factors search device')");
        }
        Map<String, Expression> embodied = new LinkedHashMap<>();
        m.get("embodied").flatMap(e -> r.yaml.asMap(e, "'embodied'")).ifPresent(e -> e.entries().forEach(x -> {
            String flowId = HardwareEmbodiedRule.EMBODIED_FLOWS.get(x.key());
            if (flowId == null) {
                r.yaml.problem(x.keyPosition(), "embodied figures can be given for " + String.join(", ",
                        HardwareEmbodiedRule.EMBODIED_FLOWS.keySet()) + "; not '" + x.key() + "'"
                        + Suggestions.didYouMean(x.key(), HardwareEmbodiedRule.EMBODIED_FLOWS.keySet()));
                return;
            }
            Flow f = r.library.flow(flowId).orElseThrow();
            entry(x, "hardware", "embodied", FieldUnit.of(f.referenceUnit().dimension(), f.referenceUnit().symbol()), where)
                    .ifPresent(v -> {
                        embodied.put(x.key(), v);
                        if (FieldValues.literalOrNaN(v) == 0) {
                            r.yaml.warn(x.value().position(), "'" + x.key() + "' embodied of " + where + " is 0: the devices "
                                    + "then count as covered for this indicator with no impact at all; if 0 is a "
                                    + "placeholder, remove it (the indicator is then reported as not covered) or give "
                                    + "the real figure");
                        }
                    });
        }));
        Map<LifecycleStage, List<Exchange>> inventory = new EnumMap<>(LifecycleStage.class);
        List<Declarations.BackgroundLink> background = new ArrayList<>();
        m.get("inventory").flatMap(i -> r.yaml.asMap(i, "'inventory'")).ifPresent(inv -> inv.entries().forEach(e -> {
            Optional<LifecycleStage> stage = LifecycleStage.fromKey(e.key());
            if (stage.isEmpty() || stage.get() == LifecycleStage.USE) {
                r.yaml.problem(e.keyPosition(), "inventory stages are raw_material_extraction, manufacturing, transport and "
                        + "end_of_life; not '" + e.key() + "'");
                return;
            }
            List<Exchange> x = new ArrayList<>();
            r.yaml.asList(e.value(), "an inventory stage").forEach(item -> r.yaml.asMap(item, "an inventory exchange").ifPresent(ex -> {
                if (ex.get("database").isPresent() && stage.isPresent()) {
                    inventoryLink(ex, stage.get(), where + " " + e.key(), background);
                    return;
                }
                Optional<Flow> f = r.flowRef(ex, "an inventory exchange");
                Optional<YamlNode> amt = ex.get("amount");
                if (f.isPresent() && !f.get().isElementary()) {
                    r.yaml.problem(ex.position(), "hardware inventories list elementary flows (emissions, resources); '"
                            + f.get().id() + "' is a " + f.get().type().name().toLowerCase() + " flow");
                    return;
                }
                if (f.isPresent() && amt.isPresent()) {
                    MapNode wrapper = new MapNode(List.of(new YamlNode.Entry("amount", ex.position(), amt.get())),
                            ex.position());
                    Unit u = f.get().referenceUnit();
                    r.fields.field(wrapper, "amount", "exchange", "amount", FieldUnit.of(u.dimension(), u.symbol()), true,
                            "an inventory exchange").ifPresent(v -> x.add(naturalExchange(f.get(), v)));
                } else if (amt.isEmpty()) {
                    r.yaml.problem(ex.position(), "an inventory exchange needs 'amount'");
                }
            }));
            // a stage of linked materials only has no explicit inventory (which would claim complete coverage)
            stage.filter(s -> !x.isEmpty() || background.stream().noneMatch(l -> l.stage() == s))
                    .ifPresent(s -> inventory.put(s, x));
        }));
        List<Declarations.Component> components = components(m, where);
        if (archetype.isEmpty() && m.get("embodied").isEmpty() && m.get("inventory").isEmpty()
                && m.get("components").isEmpty()) {
            r.yaml.problem(m.position(), where + " needs an 'archetype' from the factor library, 'embodied' figures, an "
                    + "'inventory' or its 'components'");
        }
        Optional<Expression> count = valueOr(m, "hardware", "count", NUMBER, where, 1);
        Optional<Expression> life = value(m, "hardware", "lifetime", HOURS, true, where);
        Optional<Expression> utilisation = valueOr(m, "hardware", "utilisation", NUMBER, where, 1);
        Expression power = optional(m, "hardware", "power", WATT, where);
        Expression idlePower = optional(m, "hardware", "idle_power", WATT, where);
        Expression idleEnergy = optional(m, "hardware", "idle_energy", KWH, where);
        Expression period = optional(m, "hardware", "period", HOURS, where);
        if (idlePower != null && m.get("period").isEmpty()) {
            r.yaml.problem(m.get("idle_power").get().position(), where + ": 'idle_power' needs the 'period' the hardware is held");
        }
        Expression mass = optional(m, "hardware", "mass", KG, where);
        List<TransportLeg> legs = new ArrayList<>();
        boolean[] linkedLegs = {false};
        m.get("transport").ifPresent(t -> r.yaml.asList(t, "'transport'").forEach(item -> r.yaml.asMap(item, "a transport leg")
                .ifPresent(leg -> {
                    r.yaml.checkKeys(leg, "transport_leg");
                    if (leg.get("database").isPresent() || leg.get("process").isPresent()) {
                        linkedLegs[0] = true;
                        transportLink(leg, mass, where, background);
                        return;
                    }
                    Optional<String> mode = r.yaml.text(leg, "mode", true, "a transport leg");
                    if (mode.isPresent() && r.library.process("freight:" + mode.get()).isEmpty()) {
                        r.yaml.problem(leg.get("mode").get().position(), "unknown transport mode '" + mode.get()
                                + "'; use air, sea, road or rail");
                    }
                    value(leg, "transport_leg", "distance", KM, true, "a transport leg")
                            .ifPresent(km -> mode.ifPresent(md -> legs.add(new TransportLeg(md, km))));
                })));
        if ((!legs.isEmpty() || linkedLegs[0]) && m.get("mass").isEmpty()) {
            r.yaml.problem(m.get("transport").get().position(), where + ": transport needs the device 'mass'");
        }
        Expression recycling = optional(m, "hardware", "recycling_rate", NUMBER, where);
        m.get("end_of_life").flatMap(x -> r.yaml.asMap(x, "'end_of_life'")).ifPresent(link -> {
            r.yaml.checkKeys(link, "database_link");
            endOfLifeLink(link, m, mass, where, background);
        });
        Optional<AllocationRule> idleRule = rule(m.get("idle_allocation").orElse(null), new AllocationRule.ByDeviceHours());
        if (id.isEmpty() || dc.isEmpty() || life.isEmpty() || utilisation.isEmpty() || idleRule.isEmpty()
                || count.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Hardware(id.get(), r.yaml.text(m, "name", false, "").orElse(id.get()), archetype, embodied,
                inventory, count.get(), life.get(), utilisation.get(), dc.get(), power, idlePower, idleEnergy, period, mass,
                legs, recycling, idleRule.get(), origin(m), components, background));
    }

    /**
     * A hardware group's bill of components (Boavizta's bottom-up model), each item {@code {type, units, ...}} with
     * the sizes its type needs: cpu {@code die_area} or {@code core_units} and {@code die_area_per_core}; ram and
     * ssd {@code capacity} (per module or drive) and optionally {@code density}; power_supply optionally
     * {@code mass}; gpu an {@code archetype}; case an {@code enclosure} (rack or blade).
     */
    private List<Declarations.Component> components(MapNode m, String where) {
        List<Declarations.Component> out = new ArrayList<>();
        Map<String, List<String>> sizes = Map.of("cpu", List.of("die_area", "core_units", "die_area_per_core"),
                "ram", List.of("capacity", "density"), "ssd", List.of("capacity", "density"), "hdd", List.of(),
                "gpu", GPU_KEYS, "motherboard", List.of(), "power_supply", List.of("mass"),
                "case", List.of("enclosure"), "assembly", List.of());
        m.get("components").ifPresent(list -> r.yaml.asList(list, "'components'").forEach(item -> r.yaml.asMap(item,
                "a component").ifPresent(c -> {
                    r.yaml.checkKeys(c, "component");
                    Optional<String> type = r.yaml.text(c, "type", true, "a component of " + where);
                    if (type.isEmpty()) {
                        return;
                    }
                    if (!sizes.containsKey(type.get())) {
                        r.yaml.problem(c.get("type").get().position(), "unknown component type '" + type.get() + "' in "
                                + where + "; use cpu, ram, ssd, hdd, gpu, motherboard, power_supply, case or assembly"
                                + Suggestions.didYouMean(type.get(), sizes.keySet()));
                        return;
                    }
                    String what = type.get() + " of " + where;
                    for (YamlNode.Entry e : c.entries()) {
                        if (!e.key().equals("type") && !e.key().equals("units") && !sizes.get(type.get()).contains(e.key())) {
                            r.yaml.problem(e.keyPosition(), "'" + e.key() + "' does not apply to a " + type.get()
                                    + " component; a " + type.get() + " takes " + (sizes.get(type.get()).isEmpty() ? "only 'units'"
                                    : "'units' and " + String.join(", ", sizes.get(type.get()).stream().map(k -> "'" + k + "'").toList())));
                        }
                    }
                    Optional<Expression> units = valueOr(c, "component", "units", NUMBER, what, 1);
                    Expression die = optional(c, "component", "die_area", MM2, what);
                    Expression cores = optional(c, "component", "core_units", NUMBER, what);
                    Expression perCore = optional(c, "component", "die_area_per_core", MM2, what);
                    Expression capacity = optional(c, "component", "capacity", GB, what);
                    Expression density = optional(c, "component", "density", NUMBER, what);
                    Expression mass = optional(c, "component", "mass", KG, what);
                    String gpu = r.yaml.text(c, "archetype", false, what).orElse("");
                    String enclosure = r.yaml.text(c, "enclosure", false, what).orElse("rack");
                    boolean ok = units.isPresent();
                    Declarations.GpuCardSpec card = null;
                    switch (type.get()) {
                        case "cpu" -> {
                            boolean byDie = c.get("die_area").isPresent();
                            boolean anyCore = c.get("core_units").isPresent() || c.get("die_area_per_core").isPresent();
                            boolean byCores = c.get("core_units").isPresent() && c.get("die_area_per_core").isPresent();
                            if (byDie ? anyCore : !byCores) {
                                r.yaml.problem(c.position(), "the cpu of " + where + " needs its 'die_area' (e.g. 588 mm2), or "
                                        + "'core_units' and 'die_area_per_core' (e.g. 24 and 24.5 mm2), not both");
                                ok = false;
                            }
                        }
                        case "ram", "ssd" -> {
                            if (c.get("capacity").isEmpty()) {
                                r.yaml.problem(c.position(), "the " + what + " needs its 'capacity' per "
                                        + (type.get().equals("ram") ? "module (e.g. 32 GB)" : "drive (e.g. 400 GB)"));
                                ok = false;
                            }
                        }
                        case "gpu" -> {
                            boolean byParts = GPU_KEYS.stream().anyMatch(k -> !k.equals("archetype") && c.get(k).isPresent());
                            if (byParts) {
                                if (!gpu.isEmpty()) {
                                    r.yaml.problem(c.get("archetype").get().position(), "the gpu of " + where + " is an "
                                            + "'archetype' or a card described by its parts ('card', 'die_area', 'vram', ...), not both");
                                    ok = false;
                                } else {
                                    card = gpuCard(c, what, die, mass);
                                    ok &= card != null;
                                }
                            } else if (gpu.isEmpty()) {
                                r.yaml.problem(c.position(), "the gpu of " + where + " needs an 'archetype' from the factor library "
                                        + "(e.g. nvidia-h100-sxm; 'cradle factors search gpu'), or the card's parts: a documented "
                                        + "'card' (e.g. nvidia-h100-pcie-80gb; 'cradle factors search gpu card') and/or its sizes");
                                ok = false;
                            } else if (r.library.process("device:" + gpu).isEmpty()) {
                                r.yaml.problem(c.get("archetype").get().position(), "unknown device archetype '" + gpu + "'"
                                        + Suggestions.didYouMean("device:" + gpu, r.library.processes().keySet()).replace("device:", "")
                                        + " (see 'cradle factors search gpu')");
                                ok = false;
                            }
                        }
                        case "case" -> {
                            if (!enclosure.equals("rack") && !enclosure.equals("blade")) {
                                r.yaml.problem(c.get("enclosure").get().position(), "a case 'enclosure' is rack or blade; not '"
                                        + enclosure + "'");
                                ok = false;
                            }
                        }
                        default -> { }
                    }
                    if (ok) {
                        out.add(new Declarations.Component(Declarations.ComponentKind.valueOf(type.get().toUpperCase(
                                java.util.Locale.ROOT)), units.get(), die, cores, perCore, capacity, density, mass, gpu,
                                enclosure, origin(c), card));
                    }
                })));
        return out;
    }

    /** The keys a gpu component takes: an archetype, or the card model's parts. */
    private static final List<String> GPU_KEYS = List.of("archetype", "card", "factors", "die_area", "vram", "vram_dies",
            "vram_die_area", "pcb_area", "mass", "heatsink_mass", "casing_mass", "distance_boat", "distance_truck",
            "distance_plane");
    /**
     * The largest die, mm2, a 300 mm wafer holds once with a 0.2 mm kerf in the GPU card model (EffectiveDieArea's
     * n = W/s − π d/√(2 s) = 1; EffectiveDieAreaTest computes the same 8,624.61 mm2), the bound on drawn die areas.
     */
    static final double LARGEST_DIE_MM2 = 8624.61;
    /** The card whose sizes a gpu described by its parts takes when it names none: BoaviztAPI's default GPU. */
    static final String DEFAULT_GPU_CARD = "nvidia-h100-pcie-80gb";
    /** The sizes of a gpu card besides 'die_area' and 'mass' (which other components share), with their units. */
    private static final Map<String, FieldUnit> CARD_SIZES = cardSizes();

    private static Map<String, FieldUnit> cardSizes() {
        Map<String, FieldUnit> m = new java.util.LinkedHashMap<>();
        m.put("vram", GB);
        m.put("vram_dies", NUMBER);
        m.put("vram_die_area", MM2);
        m.put("pcb_area", FieldUnit.of(Dimension.AREA, "cm2"));
        m.put("heatsink_mass", KG);
        m.put("casing_mass", KG);
        m.put("distance_boat", KM);
        m.put("distance_truck", KM);
        m.put("distance_plane", KM);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A gpu component described by its parts (the GPU card model): the declared sizes, and the sizes left out taken
     * from the named documented {@code card} or else from BoaviztAPI's default GPU (the H100 PCIe 80GB card); a VRAM
     * die area comes from the card only when the scenario declares neither 'vram' nor 'vram_dies'. Null after a problem.
     */
    private Declarations.GpuCardSpec gpuCard(MapNode c, String what, Expression die, Expression mass) {
        String factors = r.yaml.text(c, "factors", false, what).orElse("boavizta");
        if (!factors.equals("boavizta") && !factors.equals("gpu-calculator")) {
            r.yaml.problem(c.get("factors").get().position(), "the 'factors' of a gpu card are boavizta (Table 2, as BoaviztAPI "
                    + "applies it) or gpu-calculator (the calculator's own average model); not '" + factors + "'"
                    + Suggestions.didYouMean(factors, List.of("boavizta", "gpu-calculator")));
            return null;
        }
        String key = r.yaml.text(c, "card", false, what).orElse("");
        Optional<dev.cradle.factors.GpuCard> named = key.isEmpty() ? Optional.empty() : r.library.gpuCard(key);
        if (!key.isEmpty() && named.isEmpty()) {
            r.yaml.problem(c.get("card").get().position(), "unknown gpu card '" + key + "'"
                    + Suggestions.didYouMean(key, r.library.gpuCards()) + " (documented cards: "
                    + String.join(", ", r.library.gpuCards()) + ")");
            return null;
        }
        dev.cradle.factors.GpuCard from = named.orElseGet(() -> r.library.gpuCard(DEFAULT_GPU_CARD).orElseThrow());
        Map<String, Expression> declared = new java.util.LinkedHashMap<>();
        declared.put("die_area", die);
        declared.put("mass", mass);
        CARD_SIZES.forEach((k, unit) -> declared.put(k, optional(c, "component", k, unit, what)));
        if (declared.keySet().stream().anyMatch(k -> c.get(k).isPresent() && declared.get(k) == null)) {
            return null; // a declared size was unreadable; its problem is reported
        }
        // a die the 300 mm wafer cannot hold once has no effective area (the engine refuses it at the central values);
        // a die area drawn from a distribution is held to the same limit in every draw
        for (String k : List.of("die_area", "vram_die_area")) {
            Expression e = declared.get(k);
            if (e != null && !(e instanceof Expression.Number)) {
                String field = "'" + k + "' of " + what;
                r.fields.check(new FieldValues.CentralCheck(c.get(k).get().position(), e, v -> v <= LARGEST_DIE_MM2,
                        v -> field + " is " + Messages.number(v) + " mm2 at the parameters' central values; one die's area "
                                + "must be at most " + Messages.number(LARGEST_DIE_MM2) + " mm2", field,
                        "at most " + Messages.number(LARGEST_DIE_MM2) + " mm2 (the largest die a 300 mm wafer holds once in "
                                + "the card model; one lithography field is 858 mm2)",
                        "give the distribution a max of " + Messages.number(LARGEST_DIE_MM2) + " mm2 or less"));
            }
        }
        Map<String, Double> card = Map.of("die_area", from.dieAreaMm2(), "vram", from.vramGb(), "vram_dies", from.vramDies(),
                "pcb_area", from.pcbAreaCm2(), "mass", from.massKg(), "heatsink_mass", from.heatsinkMassKg(),
                "casing_mass", from.casingMassKg());
        Map<String, Double> completed = new java.util.LinkedHashMap<>();
        card.forEach((k, v) -> {
            if (declared.get(k) == null) {
                completed.put(k, v);
            }
        });
        if (declared.get("vram_die_area") == null && declared.get("vram") == null && declared.get("vram_dies") == null
                && !Double.isNaN(from.vramDieAreaMm2())) {
            completed.put("vram_die_area", from.vramDieAreaMm2());
        }
        String fromText = completed.isEmpty() ? "" : named.isPresent() ? "card " + from.name()
                : "BoaviztAPI's default GPU (the " + from.name() + " card)";
        return new Declarations.GpuCardSpec(factors, die, declared.get("vram"), declared.get("vram_dies"),
                declared.get("vram_die_area"), declared.get("pcb_area"), mass, declared.get("casing_mass"),
                declared.get("heatsink_mass"), declared.get("distance_boat"), declared.get("distance_truck"),
                declared.get("distance_plane"), completed, fromText, completed.isEmpty() ? "" : from.key());
    }

    /**
     * A material of a hardware inventory linked to a background process: {@code {database: uslci, process:
     * "Aluminum, primary, ingot, at plant", amount: 2 kg}}, the amount per device in a unit of the process's
     * reference product (a number or a formula over the parameters).
     */
    private void inventoryLink(MapNode ex, LifecycleStage stage, String where, List<Declarations.BackgroundLink> out) {
        r.yaml.checkKeys(ex, "inventory_link");
        Optional<YamlNode> amt = ex.get("amount");
        if (amt.isEmpty()) {
            r.yaml.problem(ex.position(), "a linked inventory exchange needs 'amount' (per device, in a unit of the "
                    + "process's reference product, e.g. '2 kg')");
        }
        r.backgroundDatabases().backgroundProcess(ex, where, null).ifPresent(bp -> {
            Unit u = r.backgroundDatabases().unitOf(bp);
            if (amt.isEmpty()) {
                return;
            }
            MapNode wrapper = new MapNode(List.of(new YamlNode.Entry("amount", ex.position(), amt.get())), ex.position());
            r.fields.field(wrapper, "amount", "exchange", "amount", FieldUnit.of(u.dimension(), u.symbol()), true,
                    "a linked inventory exchange").ifPresent(v -> out.add(new Declarations.BackgroundLink(stage, v,
                    "material", bp, origin(ex))));
        });
    }

    /** A freight leg linked to a background transport process (in t*km): mass / 1000 × distance per device. */
    private void transportLink(MapNode leg, Expression mass, String where, List<Declarations.BackgroundLink> out) {
        if (leg.get("mode").isPresent()) {
            r.yaml.problem(leg.get("mode").get().position(), "a transport leg names a library 'mode' or a background "
                    + "'database' and 'process', not both");
            return;
        }
        Optional<Expression> km = value(leg, "transport_leg", "distance", KM, true, "a transport leg");
        Flow freight = Flow.product("freight", "Freight", dev.cradle.model.Units.of("t*km"));
        Optional<Declarations.BackgroundProcess> bp = r.backgroundDatabases().backgroundProcess(leg, where + " transport",
                freight);
        if (bp.isEmpty() || km.isEmpty() || mass == null) {
            return; // a missing mass is reported once for the hardware
        }
        Unit u = r.backgroundDatabases().unitOf(bp.get());
        Expression tkm = scaled(new Expression.Binary("*", new Expression.Binary("/", mass, FieldValues.literal(1000), 0),
                km.get(), 0), freight.referenceUnit().conversionFactorTo(u));
        out.add(new Declarations.BackgroundLink(LifecycleStage.TRANSPORT, tkm, "freight leg: mass / 1000 × distance",
                bp.get(), origin(leg)));
    }

    /** The end of life linked to a background treatment process (in kg): the device mass per device. */
    private void endOfLifeLink(MapNode link, MapNode hw, Expression mass, String where,
                               List<Declarations.BackgroundLink> out) {
        hw.get("recycling_rate").ifPresent(n -> r.yaml.problem(n.position(), where + ": 'recycling_rate' applies to the "
                + "library's e-waste treatment; a linked 'end_of_life' process carries its own treatment: remove one"));
        if (hw.get("mass").isEmpty()) {
            r.yaml.problem(hw.get("end_of_life").get().position(), where + ": a linked 'end_of_life' needs the device 'mass'");
        }
        Flow waste = Flow.product("device_waste", "Device at end of life", dev.cradle.model.Units.of("kg"));
        Optional<Declarations.BackgroundProcess> bp = r.backgroundDatabases().backgroundProcess(link, where + " end_of_life",
                waste);
        if (bp.isEmpty() || mass == null) {
            return;
        }
        Unit u = r.backgroundDatabases().unitOf(bp.get());
        out.add(new Declarations.BackgroundLink(LifecycleStage.END_OF_LIFE, scaled(mass,
                waste.referenceUnit().conversionFactorTo(u)), "end of life: the device mass", bp.get(),
                origin(link)));
    }

    private static Expression scaled(Expression e, double k) {
        return k == 1 ? e : new Expression.Binary("*", e, FieldValues.literal(k), 0);
    }

    /**
     * An elementary exchange in its flow's natural direction whose amount (in the flow's reference unit) is a
     * number or an expression over the parameters (carried as a tree; the rules scale it per device).
     */
    private static Exchange naturalExchange(Flow f, Expression amount) {
        return new Exchange(f, f.naturalDirection(), dev.cradle.model.Amount.of(amount), f.referenceUnit(), false, "", null);
    }

    private Optional<Model> model(YamlNode n) {
        Optional<MapNode> mm = section(n, "a model", "model");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        Optional<String> id = id(m, "model", ids);
        Expression queries = FieldValues.literal(0);
        Expression tokens = FieldValues.literal(0);
        if (m.get("amortise_training_over").isPresent()) {
            Optional<MapNode> a = r.yaml.asMap(m.get("amortise_training_over").get(), "'amortise_training_over'");
            if (a.isPresent()) {
                r.yaml.checkKeys(a.get(), "amortisation");
                queries = valueOr(a.get(), "amortisation", "queries", NUMBER, "'amortise_training_over'", 0).orElse(queries);
                tokens = valueOr(a.get(), "amortisation", "tokens", NUMBER, "'amortise_training_over'", 0).orElse(tokens);
            }
        }
        String where = "model '" + id.orElse("?") + "'";
        Expression life = optional(m, "model", "service_life", YEARS, where);
        Expression tasks = optional(m, "model", "downstream_tasks", NUMBER, where);
        String derivedFrom = r.yaml.text(m, "derived_from", false, where).orElse("");
        if (!derivedFrom.isEmpty() && !writtenIds("models").contains(derivedFrom)) {
            r.yaml.problem(m.get("derived_from").get().position(), where + " is derived from '" + Messages.shorten(derivedFrom)
                    + "', which is not declared under 'models'" + Suggestions.didYouMean(derivedFrom, writtenIds("models")));
        }
        if (m.get("downstream_tasks").isPresent() && id.isPresent()) {
            boolean isBase = derivedFromValues().contains(id.get());
            Position at = m.entry("downstream_tasks").get().keyPosition();
            if (!isBase && !derivedFrom.isEmpty()) {
                r.yaml.problem(at, "'downstream_tasks' belongs on the base model '" + Messages.shorten(derivedFrom)
                        + "', whose training the downstream models share; on " + where + " (derived from it) it "
                        + "would be ignored: move it to model '" + Messages.shorten(derivedFrom) + "'");
            } else if (!isBase) {
                r.yaml.warn(at, "'downstream_tasks' of " + where + " has no effect: no model is 'derived_from' it, so its "
                        + "training is not shared; declare the fine-tuned models with 'derived_from: " + id.get() + "'");
            }
        }
        LlmInferenceReader.model(r, m, where).ifPresent(a -> id.ifPresent(i -> architectures.put(i, a)));
        Expression q = queries;
        Expression t = tokens;
        return id.map(i -> new Model(i, r.yaml.text(m, "name", false, "").orElse(i), q, t, life, derivedFrom, tasks, origin(m)));
    }

    private Optional<Workload> workload(YamlNode n, Set<String> hwIds, Set<String> modelIds, List<Hardware> hardware) {
        Optional<MapNode> mm = section(n, "a workload", "workload");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        Optional<String> id = id(m, "workload", ids);
        String where = "workload '" + id.orElse("?") + "'";
        Optional<String> model = reference(m, "model", modelIds, where, "belongs to model", " under 'models'");
        Optional<MlPhase> phase = r.yaml.choice(m, "phase", MlPhase::fromKey, ScenarioReader.names(MlPhase.values(),
                MlPhase::key), true, where);
        List<String> alsoUses = new ArrayList<>();
        Optional<String> hw;
        if (m.get("hardware").orElse(null) instanceof ListNode list) {
            List<String> names = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (item instanceof ScalarNode sc && sc.text() != null) {
                    names.add(sc.text());
                    if (!hwIds.contains(sc.text())) {
                        r.yaml.problem(item.position(), where + " runs on hardware '" + sc.text() + "', which is not declared"
                                + Suggestions.didYouMean(sc.text(), hwIds));
                    }
                } else {
                    r.yaml.problem(YamlChecker.pos(item), "'hardware' lists hardware ids");
                }
            }
            hw = names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
            if (names.size() > 1) {
                alsoUses.addAll(names.subList(1, names.size()));
            }
            if (names.isEmpty()) {
                r.yaml.problem(list.position(), where + " needs at least one hardware id");
            }
        } else {
            hw = reference(m, "hardware", hwIds, where, "runs on hardware", "");
        }
        List<String> energyKeys = List.of("device_hours", "flops", "energy", "codecarbon", "carbontracker",
                "experiment_impact_tracker", "power_samples", "energy_per_query", "energy_per_token", "storage", "llm_inference");
        long given = energyKeys.stream().filter(k -> m.get(k).isPresent()).count();
        boolean measuredWithHours = m.get("energy").isPresent() && m.get("device_hours").isPresent();
        String ways = "'device_hours', 'flops', 'energy' (measured, optionally with 'device_hours'), 'codecarbon' "
                + "(an emissions.csv), 'carbontracker', 'experiment_impact_tracker', 'power_samples', 'energy_per_query', "
                + "'energy_per_token', 'storage' or 'llm_inference'";
        if (given == 0) {
            r.yaml.problem(m.position(), where + " needs one way to know its energy: " + ways);
            return Optional.empty();
        }
        if (given > 1 && !(given == 2 && measuredWithHours)) {
            List<YamlNode.Entry> keys = m.entries().stream().filter(e -> energyKeys.contains(e.key())).toList();
            r.yaml.problem(keys.get(1).keyPosition(), where + " gives " + (given == 2 ? "two" : given) + " ways to know its "
                    + "energy (" + String.join(", ", keys.stream().map(e -> "'" + e.key() + "'").toList())
                    + "); keep one of them (only 'energy' may come with 'device_hours')");
            return Optional.empty();
        }
        Expression power = optional(m, "workload", "power", WATT, where);
        Optional<Expression> runs = valueOr(m, "workload", "runs", NUMBER, where, 1);
        Expression queries = valueOr(m, "workload", "queries", NUMBER, where, 0).orElse(FieldValues.literal(0));
        Expression tokens = valueOr(m, "workload", "tokens", NUMBER, where, 0).orElse(FieldValues.literal(0));
        Expression period = optional(m, "workload", "period", HOURS, where);
        Optional<Hardware> hwDecl = hardware.stream().filter(h -> hw.isPresent() && h.id().equals(hw.get())).findFirst();
        // the devices a measurement or a deployment runs on, unless it says: the hardware group's count
        Expression hwCount = hwDecl.map(Hardware::count).orElse(FieldValues.literal(1));
        Declarations.Energy energy = null;
        if (m.get("energy").isPresent()) {
            Expression dh = valueOr(m, "workload", "device_hours", HOURS, where, 0).orElse(FieldValues.literal(0));
            energy = value(m, "workload", "energy", KWH, true, where)
                    .map(kwh -> new Declarations.Measured(kwh, dh, "declared")).orElse(null);
        } else if (m.get("storage").isPresent()) {
            // storage as capacity × time: the hardware's devices are gigabytes, so device-hours are GB-hours
            energy = r.yaml.asMap(m.get("storage").get(), "'storage'").flatMap(st -> {
                r.yaml.checkKeys(st, "storage");
                Optional<Expression> gb = value(st, "storage", "capacity", GB, true, "'storage'");
                Optional<Expression> hours = value(st, "storage", "duration", HOURS, true, "'storage'");
                return gb.isPresent() && hours.isPresent()
                        ? Optional.of(new Declarations.DeviceHours(FieldValues.times(gb.get(), hours.get()))) : Optional.empty();
            }).orElse(null);
        } else if (m.get("device_hours").isPresent()) {
            energy = value(m, "workload", "device_hours", HOURS, false, where).map(Declarations.DeviceHours::new).orElse(null);
        } else if (m.get("flops").isPresent()) {
            energy = r.yaml.asMap(m.get("flops").get(), "'flops'").flatMap(f -> {
                r.yaml.checkKeys(f, "flops");
                Optional<Expression> total = value(f, "flops", "total", NUMBER, false, "'flops'");
                Optional<Expression> peak = value(f, "flops", "peak_per_device", NUMBER, false, "'flops' (FLOP/s)");
                Optional<Expression> util = value(f, "flops", "utilisation", NUMBER, false, "'flops'");
                Optional<Expression> devices = f.get("devices").isEmpty() ? Optional.of(hwCount)
                        : value(f, "flops", "devices", NUMBER, false, "'flops'");
                List<String> missing = java.util.stream.Stream.of("total", "peak_per_device", "utilisation")
                        .filter(k -> f.get(k).isEmpty()).toList();
                if (!missing.isEmpty()) {
                    r.yaml.problem(f.position(), "'flops' needs 'total', 'peak_per_device' (FLOP/s) and 'utilisation'; "
                            + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
                }
                if (total.isEmpty() || peak.isEmpty() || util.isEmpty() || devices.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Declarations.Flops(total.get(), peak.get(), util.get(), devices.get()));
            }).orElse(null);
        } else if (m.get("llm_inference").isPresent()) {
            // per-request inference: the workload serves the requests and their output tokens unless it says otherwise
            var llm = LlmInferenceReader.workload(r, m.get("llm_inference").get(), model.map(architectures::get).orElse(null),
                    model.orElse("?"), where);
            energy = llm.orElse(null);
            if (llm.isPresent() && m.get("queries").isEmpty()) {
                queries = llm.get().requests();
            }
            if (llm.isPresent() && m.get("tokens").isEmpty()) {
                tokens = FieldValues.times(llm.get().requests(), llm.get().outputTokens());
            }
        } else if (m.get("codecarbon").isPresent()) {
            energy = CodeCarbonReader.read(r, m.get("codecarbon").get(), hwCount).orElse(null);
        } else if (MeasurementKeys.KEYS.stream().anyMatch(k -> m.get(k).isPresent())) {
            String key = MeasurementKeys.KEYS.stream().filter(k -> m.get(k).isPresent()).findFirst().orElseThrow();
            energy = MeasurementKeys.read(r, key, m.get(key).get(), hwCount).orElse(null);
        } else {
            boolean perToken = m.get("energy_per_token").isPresent();
            String key = perToken ? "energy_per_token" : "energy_per_query";
            Optional<Expression> perUnit = value(m, "workload", key, KWH, true, where);
            Expression dh = FieldValues.literal(0);
            if (m.get("deployment").isPresent()) {
                Optional<MapNode> d = r.yaml.asMap(m.get("deployment").get(), "'deployment'");
                if (d.isPresent()) {
                    r.yaml.checkKeys(d.get(), "deployment");
                    Expression devices = d.get().get("devices").isEmpty() ? hwCount
                            : value(d.get(), "deployment", "devices", NUMBER, false, "the deployment").orElse(FieldValues.literal(0));
                    Expression hours = value(d.get(), "deployment", "period", HOURS, true, "the deployment")
                            .orElse(FieldValues.literal(0));
                    dh = FieldValues.times(devices, hours);
                    if (period == null) {
                        period = hours;
                    }
                }
            }
            Expression served = perToken ? tokens : queries;
            String servedMessage = where + ": '" + key + "' needs the number of '" + (perToken ? "tokens" : "queries") + "'";
            if (served instanceof Expression.Number servedNumber) {
                if (servedNumber.value() <= 0) {
                    r.yaml.problem(m.position(), servedMessage);
                }
            } else {
                r.fields.check(new FieldValues.CentralCheck(m.position(), served, v -> v > 0,
                        v -> servedMessage + " (it is " + Messages.number(v) + " at the parameters' central values)",
                        "the " + (perToken ? "tokens" : "queries") + " of " + where, "greater than 0, as '" + key
                        + "' divides by them", "give them a lognormal, or a triangular, PERT or uniform whose min is above 0"));
            }
            Expression deviceHours = dh;
            energy = perUnit.map(kwh -> perToken ? (Declarations.Energy) new Declarations.PerToken(kwh, deviceHours)
                    : new Declarations.PerQuery(kwh, deviceHours)).orElse(null);
        }
        if (energy instanceof Declarations.DeviceHours || energy instanceof Declarations.Flops) {
            tdpWarning(m, where, power, hwDecl);
        }
        if (id.isEmpty() || model.isEmpty() || phase.isEmpty() || hw.isEmpty() || energy == null || runs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Workload(id.get(), model.get(), phase.get(), hw.get(), energy, power, runs.get(), queries,
                tokens, period, alsoUses, origin(m)));
    }

    /**
     * A workload whose energy is computed from device-hours draws, without a declared power, the
     * archetype's average power, or its TDP when the library knows no average: a default that moves
     * the result (a measured run typically averages well below TDP), so it is said.
     */
    private void tdpWarning(MapNode m, String where, Expression workloadPower, Optional<Hardware> hw) {
        if (workloadPower != null || hw.isEmpty() || hw.get().powerW() != null
                || hw.get().archetype().isEmpty()) {
            return;
        }
        r.library.devicePower(hw.get().archetype()).ifPresent(p -> {
            if (Double.isNaN(p.averageW()) && !Double.isNaN(p.tdpW())) {
                r.yaml.warn(m.position(), where + " has no 'power' (nor has hardware '" + hw.get().id() + "'), so its devices "
                        + "draw the TDP of " + hw.get().archetype() + ", " + Messages.number(p.tdpW()) + " W, all the time; "
                        + "real runs usually average well below TDP"
                        + (p.range() instanceof dev.cradle.model.Uncertainty.Triangular t ? " (the library parameter hardware."
                        + hw.get().id() + ".power spans " + Messages.number(t.min()) + "-" + Messages.number(t.max()) + " W)" : "")
                        + ": give the measured average 'power' on the workload or the hardware");
            }
        });
    }

    /**
     * The study's functional units: the items of {@code functional_units} (a list), or the one
     * {@code functional_unit} with a {@code kind}, or the whole study when neither is written. The first
     * is the primary unit. Ids (default: the kind and model, {@code query:bloom}) must be unique.
     */
    private List<AiFunctionalUnit> functionalUnits(Set<String> modelIds) {
        Optional<YamlNode> list = root.get("functional_units");
        if (list.isPresent()) {
            if (root.get("functional_unit").isPresent()) {
                r.yaml.problem(YamlChecker.pos(root.get("functional_unit").get()), "the scenario has both 'functional_unit' "
                        + "and 'functional_units'; write every unit in the list 'functional_units' (the first is the "
                        + "primary unit)");
            }
            List<AiFunctionalUnit> units = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            List<YamlNode> items = r.yaml.asList(list.get(), "'functional_units'");
            if (items.isEmpty() && list.get() instanceof ListNode) {
                r.yaml.problem(YamlChecker.pos(list.get()), "'functional_units' is empty; list at least one unit, e.g. "
                        + "{kind: study}");
            }
            for (YamlNode item : items) {
                if (!(item instanceof MapNode m)) {
                    r.yaml.problem(YamlChecker.pos(item), "each item of 'functional_units' is a map such as "
                            + "{kind: query, model: chat-7b}");
                    continue;
                }
                r.yaml.checkKeys(m, "functional_unit");
                if (m.get("kind").isEmpty()) {
                    r.yaml.problem(m.position(), "each item of 'functional_units' needs 'kind' (study, trained_model, query, "
                            + "1000_tokens or year_of_service)");
                    continue;
                }
                AiFunctionalUnit u = functionalUnit(m, modelIds);
                if (!seen.add(u.id())) {
                    r.yaml.problem(m.position(), "functional unit '" + u.id() + "' is listed twice; give each unit of the "
                            + "same kind and model its own 'id'");
                }
                units.add(u);
            }
            return units.isEmpty() ? List.of(studyUnit()) : units;
        }
        Optional<MapNode> fu = root.get("functional_unit").filter(n -> n instanceof MapNode).map(n -> (MapNode) n);
        if (fu.isEmpty() || fu.get().get("kind").isEmpty()) {
            return List.of(studyUnit());
        }
        return List.of(functionalUnit(fu.get(), modelIds));
    }

    private AiFunctionalUnit studyUnit() {
        return new AiFunctionalUnit(FunctionalUnitKind.STUDY, "", Declarations.number(1), origin(root));
    }

    private AiFunctionalUnit functionalUnit(MapNode m, Set<String> modelIds) {
        Map<String, FunctionalUnitKind> kinds = new LinkedHashMap<>();
        for (FunctionalUnitKind k : FunctionalUnitKind.values()) {
            kinds.put(AiFunctionalUnit.key(k), k);
        }
        Optional<FunctionalUnitKind> kind = r.yaml.choice(m, "kind", k -> Optional.ofNullable(kinds.get(k)),
                List.copyOf(kinds.keySet()), true, "the functional unit");
        String model = r.yaml.text(m, "model", false, "").orElse("");
        if (kind.isPresent() && kind.get() != FunctionalUnitKind.STUDY) {
            if (model.isEmpty()) {
                r.yaml.problem(m.position(), "a functional unit of kind '" + kind.get().name().toLowerCase() + "' needs 'model'");
            } else if (!modelIds.contains(model)) {
                r.yaml.problem(m.get("model").get().position(), "unknown model '" + model + "'"
                        + Suggestions.didYouMean(model, modelIds));
            }
        }
        Expression amount = valueOr(m, "functional_unit", "amount", NUMBER, "the functional unit", 1.0)
                .orElse(FieldValues.literal(1.0));
        String id = r.yaml.text(m, "id", false, "").orElse("");
        AiFunctionalUnit unit = new AiFunctionalUnit(id, kind.orElse(FunctionalUnitKind.STUDY), model, amount, origin(m));
        r.sources.element("functional_unit:" + unit.id(), m.position());
        return unit;
    }
}
