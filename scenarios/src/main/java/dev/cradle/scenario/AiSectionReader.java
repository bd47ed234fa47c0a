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
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Quantity;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
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
        Position p = ScenarioReader.pos(n);
        return r.doc.file() + ":" + p.line() + ":" + p.column();
    }

    // ---- quantities --------------------------------------------------------------------------------

    /** A quantity of one dimension converted to {@code target}: a number means the target unit. */
    Optional<Double> quantity(MapNode m, String key, Dimension dim, String target, boolean required, String where) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            if (required) {
                r.problem(m.position(), where + " needs '" + key + "'");
            }
            return Optional.empty();
        }
        YamlNode v = n.get();
        if (v instanceof ScalarNode s && s.text() != null && s.numeric()) {
            return r.number(v, "'" + key + "'");
        }
        if (v instanceof ScalarNode s && s.text() != null) {
            try {
                Quantity q = Quantity.parse(s.text());
                if (q.unit().dimension() != dim) {
                    r.problem(v.position(), "'" + key + "' is " + q.unit().dimension().label() + " (" + q.unit()
                            + ") but must be " + dim.label() + ", e.g. '" + example(dim) + "'");
                    return Optional.empty();
                }
                return Optional.of(q.in(Units.of(target)));
            } catch (IllegalArgumentException e) {
                r.problem(v.position(), "'" + key + "': " + e.getMessage() + "; e.g. '" + example(dim) + "'");
                return Optional.empty();
            }
        }
        r.problem(ScenarioReader.pos(v), "'" + key + "' must be a quantity such as '" + example(dim) + "'");
        return Optional.empty();
    }

    private static String example(Dimension d) {
        return switch (d) {
            case ENERGY -> "120 kWh";
            case POWER -> "400 W";
            case TIME -> "6 years";
            case MASS -> "1.7 kg";
            case DISTANCE -> "19000 km";
            case VOLUME -> "2 L";
            default -> "1 " + d.baseUnit();
        };
    }

    /**
     * A ratio such as {@code "429 g/kWh"} or {@code "0.55 L/kWh"}: numerator of {@code num} dimension per
     * kWh, converted to {@code target} per kWh. A bare number means the target unit per kWh.
     */
    Optional<Double> perKwh(MapNode m, String key, Dimension num, String target) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        YamlNode v = n.get();
        if (v instanceof ScalarNode s && s.numeric()) {
            return r.number(v, "'" + key + "'");
        }
        String hint = num == Dimension.MASS ? "'429 g/kWh' or '0.954 lb/kWh'" : "'0.55 L/kWh'";
        if (v instanceof ScalarNode s && s.text() != null && s.text().contains("/")) {
            String text = s.text().trim();
            int slash = text.lastIndexOf('/');
            try {
                Quantity top = Quantity.parse(text.substring(0, slash));
                Unit bottom = Units.of(text.substring(slash + 1).trim());
                if (top.unit().dimension() != num || bottom.dimension() != Dimension.ENERGY) {
                    r.problem(v.position(), "'" + key + "' must be " + num.label() + " per energy, such as " + hint);
                    return Optional.empty();
                }
                return Optional.of(top.in(Units.of(target)) / bottom.convert(1, Units.of("kWh")));
            } catch (IllegalArgumentException e) {
                r.problem(v.position(), "'" + key + "': " + e.getMessage() + "; write it like " + hint);
                return Optional.empty();
            }
        }
        r.problem(ScenarioReader.pos(v), "'" + key + "' must be a rate such as " + hint);
        return Optional.empty();
    }

    private Optional<Double> fraction(MapNode m, String key, boolean zeroAllowed, String where) {
        return m.get(key).flatMap(v -> r.number(v, "'" + key + "'").flatMap(x -> {
            boolean ok = zeroAllowed ? x >= 0 && x <= 1 : x > 0 && x <= 1;
            if (!ok) {
                r.problem(v.position(), "'" + key + "' of " + where + " is " + x + "; it must lie in "
                        + (zeroAllowed ? "[0, 1]" : "(0, 1]"));
                return Optional.empty();
            }
            return Optional.of(x);
        }));
    }

    private Optional<Double> positive(Optional<Double> v, MapNode m, String key, String where) {
        if (v.isPresent() && !(v.get() > 0)) {
            r.problem(ScenarioReader.pos(m.get(key).orElse(m)), "'" + key + "' of " + where + " must be greater than zero");
            return Optional.empty();
        }
        return v;
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
                    r.problem(s.position(), "unknown allocation rule '" + s.text() + "'"
                            + Suggestions.didYouMean(s.text(), RULES) + "; use one of " + String.join(", ", RULES)
                            + ", {fixed: {...}} or {formula: \"...\"}");
                    yield Optional.empty();
                }
            };
        }
        Optional<MapNode> m = r.asMap(n, "an allocation rule");
        if (m.isEmpty()) {
            return Optional.empty();
        }
        r.checkKeys(m.get(), "allocation_rule");
        if (m.get().get("fixed").isPresent()) {
            Map<String, Double> shares = new LinkedHashMap<>();
            r.asMap(m.get().get("fixed").get(), "'fixed'").ifPresent(f -> f.entries().forEach(e ->
                    r.number(e.value(), "a fixed share").ifPresent(v -> shares.put(e.key(), v))));
            double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1) > 1e-6) {
                r.problem(m.get().get("fixed").get().position(), "fixed shares sum to " + sum + ", not 1");
                return Optional.empty();
            }
            return Optional.of(new AllocationRule.Fixed(shares));
        }
        if (m.get().get("formula").isPresent()) {
            return r.text(m.get(), "formula", true, "an allocation formula").map(AllocationRule.Formula::new);
        }
        r.problem(m.get().position(), "an allocation rule map needs 'fixed' or 'formula'");
        return Optional.empty();
    }

    // ---- sections ------------------------------------------------------------------------------------

    AiScenario read() {
        List<Datacenter> datacenters = new ArrayList<>();
        root.get("datacenters").ifPresent(n -> r.asList(n, "'datacenters'").forEach(d -> datacenter(d)
                .ifPresent(datacenters::add)));
        Set<String> dcIds = new LinkedHashSet<>(datacenters.stream().map(Datacenter::id).toList());
        List<Hardware> hardware = new ArrayList<>();
        root.get("hardware").ifPresent(n -> r.asList(n, "'hardware'").forEach(h -> hardware(h, dcIds)
                .ifPresent(hardware::add)));
        List<Model> models = new ArrayList<>();
        root.get("models").ifPresent(n -> r.asList(n, "'models'").forEach(m -> model(m).ifPresent(models::add)));
        Set<String> modelIds = new LinkedHashSet<>(models.stream().map(Model::id).toList());
        models.forEach(m -> {
            if (!m.derivedFrom().isEmpty() && !modelIds.contains(m.derivedFrom())) {
                r.problem(Position.UNKNOWN, "model '" + m.id() + "' is derived from '" + m.derivedFrom()
                        + "', which is not declared");
            }
        });
        Set<String> hwIds = new LinkedHashSet<>(hardware.stream().map(Hardware::id).toList());
        List<Workload> workloads = new ArrayList<>();
        root.get("workloads").ifPresent(n -> r.asList(n, "'workloads'").forEach(w -> workload(w, hwIds, modelIds, hardware)
                .ifPresent(workloads::add)));
        AiFunctionalUnit fu = functionalUnit(modelIds);
        return new AiScenario(datacenters, hardware, models, workloads, fu);
    }

    private Optional<String> id(MapNode m, String kind, Set<String> seen) {
        Optional<String> id = r.text(m, "id", true, "a " + kind);
        if (id.isPresent()) {
            if (!seen.add(kind + ":" + id.get())) {
                r.problem(m.position(), kind + " id '" + id.get() + "' is used twice");
                return Optional.empty();
            }
            r.sources.element(kind + ":" + id.get(), m.position());
        }
        return id;
    }

    private final Set<String> ids = new LinkedHashSet<>();

    /**
     * A required reference to another declaration: its id, or a problem at its position saying that
     * {@code owner} names an undeclared id, with a suggestion.
     */
    private Optional<String> reference(MapNode m, String key, Set<String> known, String owner, String relation,
                                       String section) {
        Optional<String> ref = r.text(m, key, true, owner);
        if (ref.isPresent() && !known.contains(ref.get())) {
            r.problem(m.get(key).get().position(), owner + " " + relation + " '" + ref.get() + "', which is not declared"
                    + section + Suggestions.didYouMean(ref.get(), known));
        }
        return ref;
    }

    /** A declaration's map, with its keys checked against {@code kind}'s list. */
    private Optional<MapNode> section(YamlNode n, String what, String kind) {
        Optional<MapNode> m = r.asMap(n, what);
        m.ifPresent(map -> r.checkKeys(map, kind));
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
            r.problem(m.position(), where + " needs exactly one of 'grid' (a region code such as FR or gcp/us-central1), "
                    + "'grid_mix' (generation shares) or 'grid_intensity' (such as '429 g/kWh')");
        }
        Declarations.Grid grid = null;
        String country = r.text(m, "country", false, where).orElse("");
        if (m.get("grid").isPresent()) {
            Optional<String> code = r.text(m, "grid", true, where);
            if (code.isPresent()) {
                if (r.library.process("grid:" + code.get()).isEmpty()) {
                    r.problem(m.get("grid").get().position(), "unknown grid '" + code.get() + "'"
                            + Suggestions.didYouMean("grid:" + code.get(), r.library.processes().keySet()).replace("grid:", "")
                            + " (countries by ISO code, e.g. FR; cloud regions, e.g. gcp/us-central1)");
                }
                grid = new Declarations.RegionGrid(code.get());
                if (country.isEmpty() && code.get().length() == 2) {
                    country = code.get();
                }
            }
        } else if (m.get("grid_mix").isPresent()) {
            Map<String, Double> shares = new LinkedHashMap<>();
            r.asMap(m.get("grid_mix").get(), "'grid_mix'").ifPresent(mix -> mix.entries().forEach(e -> {
                if (r.library.process("grid_source:" + e.key()).isEmpty()) {
                    r.problem(e.keyPosition(), "unknown generation technology '" + e.key() + "'" + Suggestions.didYouMean(
                            e.key(), r.library.processes().keySet().stream().filter(k -> k.startsWith("grid_source:"))
                                    .map(k -> k.substring(12)).toList()));
                }
                r.number(e.value(), "a generation share").ifPresent(v -> shares.put(e.key(), v));
            }));
            double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
            if (!shares.isEmpty() && Math.abs(sum - 1) > 1e-6) {
                r.problem(m.get("grid_mix").get().position(), "the generation shares sum to " + sum + ", not 1");
            }
            grid = new Declarations.MixGrid(shares);
        } else if (m.get("grid_intensity").isPresent()) {
            grid = perKwh(m, "grid_intensity", Dimension.MASS, "kg").map(Declarations.ExplicitGrid::new).orElse(null);
        }
        double pue = r.number(m.get("pue").orElse(null) == null ? new ScalarNode("1", false, true, m.position())
                : m.get("pue").get(), "'pue'").orElse(1.0);
        if (pue < 1) {
            r.problem(ScenarioReader.pos(m.get("pue").orElse(m)), "PUE " + pue + " is below 1; PUE = facility energy / IT energy ≥ 1");
        }
        double wue = perKwh(m, "wue_onsite", Dimension.VOLUME, "L").orElse(0.0);
        double offsite = perKwh(m, "offsite_water", Dimension.VOLUME, "L").orElse(Double.NaN);
        double market = perKwh(m, "market_intensity", Dimension.MASS, "kg").orElse(Double.NaN);
        Optional<Double> renewable = fraction(m, "renewable_share", true, where);
        if (renewable.isPresent() && !Double.isNaN(market)) {
            r.problem(m.position(), where + ": give 'market_intensity' or 'renewable_share', not both");
        }
        double tenantMw = Double.NaN;
        double tenancyH = Double.NaN;
        if (m.get("tenancy").isPresent()) {
            Optional<MapNode> t = r.asMap(m.get("tenancy").get(), "'tenancy'");
            if (t.isPresent()) {
                r.checkKeys(t.get(), "tenancy");
                tenantMw = positive(quantity(t.get(), "it_power", Dimension.POWER, "MW", true, "a tenancy"), t.get(),
                        "it_power", "the tenancy").orElse(Double.NaN);
                tenancyH = positive(quantity(t.get(), "period", Dimension.TIME, "h", true, "a tenancy"), t.get(),
                        "period", "the tenancy").orElse(Double.NaN);
            }
        }
        List<Infrastructure> infra = new ArrayList<>();
        m.get("infrastructure").ifPresent(list -> r.asList(list, "'infrastructure'").forEach(item -> r.asMap(item,
                "an infrastructure item").ifPresent(im -> {
                    r.checkKeys(im, "infrastructure");
                    Optional<String> iid = r.text(im, "id", true, "an infrastructure item");
                    double embodied = quantity(im, "embodied", Dimension.MASS, "kg", false, "infrastructure")
                            .orElse(Double.NaN);
                    Optional<Double> capacity = positive(quantity(im, "capacity", Dimension.POWER, "MW", true,
                            "an infrastructure item"), im, "capacity", "infrastructure");
                    Optional<Double> life = positive(quantity(im, "lifetime", Dimension.TIME, "h", false,
                            "an infrastructure item"), im, "lifetime", "infrastructure");
                    Optional<AllocationRule> rule = rule(im.get("allocation").orElse(null),
                            new AllocationRule.ByReservedCapacity());
                    if (iid.isPresent() && capacity.isPresent() && rule.isPresent()) {
                        double lifeH = life.orElse(r.library.datacenterLifetimeYears() * 8760);
                        infra.add(new Infrastructure(iid.get(), r.text(im, "name", false, "").orElse(iid.get()), embodied,
                                capacity.get(), lifeH, rule.get(), origin(im)));
                    }
                })));
        if (id.isEmpty() || grid == null) {
            return Optional.empty();
        }
        Datacenter dc = new Datacenter(id.get(), r.text(m, "name", false, "").orElse(id.get()), grid, country, pue, wue,
                offsite, market, renewable.orElse(Double.NaN), infra, tenantMw, tenancyH, origin(m));
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
        String archetype = r.text(m, "archetype", false, where).orElse("");
        if (!archetype.isEmpty() && r.library.process("device:" + archetype).isEmpty()
                && r.library.process("component:" + archetype).isEmpty()) {
            r.problem(m.get("archetype").get().position(), "unknown device archetype '" + archetype + "'"
                    + Suggestions.didYouMean("device:" + archetype, r.library.processes().keySet()).replace("device:", "")
                    + " (see 'cradle factors search device')");
        }
        Map<String, Double> embodied = new LinkedHashMap<>();
        m.get("embodied").flatMap(e -> r.asMap(e, "'embodied'")).ifPresent(e -> e.entries().forEach(x -> {
            String flowId = HardwareEmbodiedRule.EMBODIED_FLOWS.get(x.key());
            if (flowId == null) {
                r.problem(x.keyPosition(), "embodied figures can be given for " + String.join(", ",
                        HardwareEmbodiedRule.EMBODIED_FLOWS.keySet()) + "; not '" + x.key() + "'"
                        + Suggestions.didYouMean(x.key(), HardwareEmbodiedRule.EMBODIED_FLOWS.keySet()));
                return;
            }
            Flow f = r.library.flow(flowId).orElseThrow();
            MapNode wrapper = new MapNode(List.of(new YamlNode.Entry(x.key(), x.keyPosition(), x.value())), x.keyPosition());
            quantity(wrapper, x.key(), f.referenceUnit().dimension(), f.referenceUnit().symbol(), true, where)
                    .ifPresent(v -> embodied.put(x.key(), v));
        }));
        Map<LifecycleStage, List<Exchange>> inventory = new EnumMap<>(LifecycleStage.class);
        m.get("inventory").flatMap(i -> r.asMap(i, "'inventory'")).ifPresent(inv -> inv.entries().forEach(e -> {
            Optional<LifecycleStage> stage = LifecycleStage.fromKey(e.key());
            if (stage.isEmpty() || stage.get() == LifecycleStage.USE) {
                r.problem(e.keyPosition(), "inventory stages are raw_material_extraction, manufacturing, transport and "
                        + "end_of_life; not '" + e.key() + "'");
                return;
            }
            List<Exchange> x = new ArrayList<>();
            r.asList(e.value(), "an inventory stage").forEach(item -> r.asMap(item, "an inventory exchange").ifPresent(ex -> {
                Optional<Flow> f = r.flowRef(ex, "an inventory exchange");
                Optional<YamlNode> amt = ex.get("amount");
                if (f.isPresent() && !f.get().isElementary()) {
                    r.problem(ex.position(), "hardware inventories list elementary flows (emissions, resources); '"
                            + f.get().id() + "' is a " + f.get().type().name().toLowerCase() + " flow");
                    return;
                }
                if (f.isPresent() && amt.isPresent()) {
                    MapNode wrapper = new MapNode(List.of(new YamlNode.Entry("amount", ex.position(), amt.get())),
                            ex.position());
                    Unit u = f.get().referenceUnit();
                    quantity(wrapper, "amount", u.dimension(), u.symbol(), true, "an inventory exchange")
                            .ifPresent(v -> x.add(naturalExchange(f.get(), v)));
                } else if (amt.isEmpty()) {
                    r.problem(ex.position(), "an inventory exchange needs 'amount'");
                }
            }));
            stage.ifPresent(s -> inventory.put(s, x));
        }));
        if (archetype.isEmpty() && embodied.isEmpty() && inventory.isEmpty()) {
            r.problem(m.position(), where + " needs an 'archetype' from the factor library, 'embodied' figures or an "
                    + "'inventory'");
        }
        int count = r.number(m.get("count").orElse(new ScalarNode("1", false, true, m.position())), "'count'")
                .map(Double::intValue).orElse(1);
        if (count < 1) {
            r.problem(ScenarioReader.pos(m.get("count").orElse(m)), "'count' of " + where + " must be at least 1");
        }
        Optional<Double> life = positive(quantity(m, "lifetime", Dimension.TIME, "h", true, where), m, "lifetime", where);
        double utilisation = m.get("utilisation").isPresent() ? fraction(m, "utilisation", false, where).orElse(Double.NaN) : 1;
        double power = quantity(m, "power", Dimension.POWER, "W", false, where).orElse(Double.NaN);
        double idlePower = quantity(m, "idle_power", Dimension.POWER, "W", false, where).orElse(Double.NaN);
        double idleEnergy = quantity(m, "idle_energy", Dimension.ENERGY, "kWh", false, where).orElse(Double.NaN);
        double period = positive(quantity(m, "period", Dimension.TIME, "h", false, where), m, "period", where)
                .orElse(Double.NaN);
        if (!Double.isNaN(idlePower) && Double.isNaN(period)) {
            r.problem(m.get("idle_power").get().position(), where + ": 'idle_power' needs the 'period' the hardware is held");
        }
        double mass = quantity(m, "mass", Dimension.MASS, "kg", false, where).orElse(Double.NaN);
        List<TransportLeg> legs = new ArrayList<>();
        m.get("transport").ifPresent(t -> r.asList(t, "'transport'").forEach(item -> r.asMap(item, "a transport leg")
                .ifPresent(leg -> {
                    r.checkKeys(leg, "transport_leg");
                    Optional<String> mode = r.text(leg, "mode", true, "a transport leg");
                    if (mode.isPresent() && r.library.process("freight:" + mode.get()).isEmpty()) {
                        r.problem(leg.get("mode").get().position(), "unknown transport mode '" + mode.get()
                                + "'; use air, sea, road or rail");
                    }
                    quantity(leg, "distance", Dimension.DISTANCE, "km", true, "a transport leg")
                            .ifPresent(km -> mode.ifPresent(md -> legs.add(new TransportLeg(md, km))));
                })));
        if (!legs.isEmpty() && Double.isNaN(mass)) {
            r.problem(m.get("transport").get().position(), where + ": transport needs the device 'mass'");
        }
        double recycling = fraction(m, "recycling_rate", true, where).orElse(Double.NaN);
        Optional<AllocationRule> idleRule = rule(m.get("idle_allocation").orElse(null), new AllocationRule.ByDeviceHours());
        if (id.isEmpty() || dc.isEmpty() || life.isEmpty() || Double.isNaN(utilisation) || idleRule.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Hardware(id.get(), r.text(m, "name", false, "").orElse(id.get()), archetype, embodied,
                inventory, count, life.get(), utilisation, dc.get(), power, idlePower, idleEnergy, period, mass, legs,
                recycling, idleRule.get(), origin(m)));
    }

    /** An elementary exchange in its flow's natural direction: resources and water in, emissions out. */
    private static Exchange naturalExchange(Flow f, double amount) {
        boolean in = f.compartment() == dev.cradle.model.Compartment.RESOURCE
                || f.compartment() == dev.cradle.model.Compartment.WATER_CONSUMED;
        return in ? Exchange.input(f, amount, f.referenceUnit()) : Exchange.output(f, amount, f.referenceUnit());
    }

    private Optional<Model> model(YamlNode n) {
        Optional<MapNode> mm = section(n, "a model", "model");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        Optional<String> id = id(m, "model", ids);
        double queries = 0;
        double tokens = 0;
        if (m.get("amortise_training_over").isPresent()) {
            Optional<MapNode> a = r.asMap(m.get("amortise_training_over").get(), "'amortise_training_over'");
            if (a.isPresent()) {
                r.checkKeys(a.get(), "amortisation");
                queries = a.get().get("queries").flatMap(v -> r.number(v, "'queries'")).orElse(0.0);
                tokens = a.get().get("tokens").flatMap(v -> r.number(v, "'tokens'")).orElse(0.0);
            }
        }
        double life = quantity(m, "service_life", Dimension.TIME, "year", false, "a model").orElse(Double.NaN);
        double tasks = m.get("downstream_tasks").flatMap(v -> r.number(v, "'downstream_tasks'")).orElse(Double.NaN);
        if (!Double.isNaN(tasks) && tasks < 1) {
            r.problem(m.get("downstream_tasks").get().position(), "'downstream_tasks' must be at least 1");
        }
        double q = queries;
        double t = tokens;
        return id.map(i -> new Model(i, r.text(m, "name", false, "").orElse(i), q, t, life,
                r.text(m, "derived_from", false, "").orElse(""), tasks, origin(m)));
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
        Optional<MlPhase> phase = r.choice(m, "phase", MlPhase::fromKey, ScenarioReader.names(MlPhase.values(),
                MlPhase::key), true, where);
        List<String> alsoUses = new ArrayList<>();
        Optional<String> hw;
        if (m.get("hardware").orElse(null) instanceof ListNode list) {
            List<String> names = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (item instanceof ScalarNode sc && sc.text() != null) {
                    names.add(sc.text());
                    if (!hwIds.contains(sc.text())) {
                        r.problem(item.position(), where + " runs on hardware '" + sc.text() + "', which is not declared"
                                + Suggestions.didYouMean(sc.text(), hwIds));
                    }
                } else {
                    r.problem(ScenarioReader.pos(item), "'hardware' lists hardware ids");
                }
            }
            hw = names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
            if (names.size() > 1) {
                alsoUses.addAll(names.subList(1, names.size()));
            }
            if (names.isEmpty()) {
                r.problem(list.position(), where + " needs at least one hardware id");
            }
        } else {
            hw = reference(m, "hardware", hwIds, where, "runs on hardware", "");
        }
        List<String> energyKeys = List.of("device_hours", "flops", "energy", "codecarbon", "carbontracker",
                "experiment_impact_tracker", "power_samples", "energy_per_query", "energy_per_token", "storage");
        long given = energyKeys.stream().filter(k -> m.get(k).isPresent()).count();
        boolean measuredWithHours = m.get("energy").isPresent() && m.get("device_hours").isPresent();
        if (given != 1 && !(given == 2 && measuredWithHours)) {
            r.problem(m.position(), where + " needs one way to know its energy: 'device_hours', 'flops', 'energy' "
                    + "(measured, optionally with 'device_hours'), 'codecarbon' (an emissions.csv), 'carbontracker', "
                    + "'experiment_impact_tracker', 'power_samples' or 'energy_per_query'");
            return Optional.empty();
        }
        double power = quantity(m, "power", Dimension.POWER, "W", false, where).orElse(Double.NaN);
        double runs = m.get("runs").flatMap(v -> r.number(v, "'runs'")).orElse(1.0);
        if (runs <= 0) {
            r.problem(m.get("runs").get().position(), "'runs' must be greater than zero");
        }
        double queries = m.get("queries").flatMap(v -> r.number(v, "'queries'")).orElse(0.0);
        double tokens = m.get("tokens").flatMap(v -> r.number(v, "'tokens'")).orElse(0.0);
        double period = quantity(m, "period", Dimension.TIME, "h", false, where).orElse(Double.NaN);
        Optional<Hardware> hwDecl = hardware.stream().filter(h -> hw.isPresent() && h.id().equals(hw.get())).findFirst();
        Declarations.Energy energy = null;
        if (m.get("energy").isPresent()) {
            double dh = m.get("device_hours").flatMap(v -> r.number(v, "'device_hours'")).orElse(Double.NaN);
            energy = quantity(m, "energy", Dimension.ENERGY, "kWh", true, where)
                    .map(kwh -> new Declarations.Measured(kwh, Double.isNaN(dh) ? 0 : dh, "declared")).orElse(null);
        } else if (m.get("storage").isPresent()) {
            // storage as capacity × time: the hardware's devices are gigabytes, so device-hours are GB-hours
            energy = r.asMap(m.get("storage").get(), "'storage'").flatMap(st -> {
                r.checkKeys(st, "storage");
                Optional<Double> gb = quantity(st, "capacity", Dimension.DATA_SIZE, "GB", true, "'storage'");
                Optional<Double> hours = quantity(st, "duration", Dimension.TIME, "h", true, "'storage'");
                return gb.isPresent() && hours.isPresent()
                        ? Optional.of(new Declarations.DeviceHours(gb.get() * hours.get())) : Optional.empty();
            }).orElse(null);
        } else if (m.get("device_hours").isPresent()) {
            energy = m.get("device_hours").flatMap(v -> r.number(v, "'device_hours'"))
                    .map(Declarations.DeviceHours::new).orElse(null);
        } else if (m.get("flops").isPresent()) {
            energy = r.asMap(m.get("flops").get(), "'flops'").flatMap(f -> {
                r.checkKeys(f, "flops");
                Optional<Double> total = f.get("total").flatMap(v -> r.number(v, "'total'"));
                Optional<Double> peak = f.get("peak_per_device").flatMap(v -> r.number(v, "'peak_per_device' (FLOP/s)"));
                Optional<Double> util = fraction(f, "utilisation", false, "the FLOPs");
                int devices = f.get("devices").flatMap(v -> r.number(v, "'devices'")).map(Double::intValue)
                        .orElse(hwDecl.map(Hardware::count).orElse(1));
                if (total.isEmpty() || peak.isEmpty() || util.isEmpty()) {
                    r.problem(f.position(), "'flops' needs 'total', 'peak_per_device' (FLOP/s) and 'utilisation'");
                    return Optional.empty();
                }
                return Optional.of(new Declarations.Flops(total.get(), peak.get(), util.get(), devices));
            }).orElse(null);
        } else if (m.get("codecarbon").isPresent()) {
            energy = CodeCarbonReader.read(r, m.get("codecarbon").get(), hwDecl.map(Hardware::count).orElse(1)).orElse(null);
        } else if (MeasurementKeys.KEYS.stream().anyMatch(k -> m.get(k).isPresent())) {
            String key = MeasurementKeys.KEYS.stream().filter(k -> m.get(k).isPresent()).findFirst().orElseThrow();
            energy = MeasurementKeys.read(r, key, m.get(key).get(), hwDecl.map(Hardware::count).orElse(1)).orElse(null);
        } else {
            boolean perToken = m.get("energy_per_token").isPresent();
            String key = perToken ? "energy_per_token" : "energy_per_query";
            Optional<Double> perUnit = quantity(m, key, Dimension.ENERGY, "kWh", true, where);
            double dh = 0;
            if (m.get("deployment").isPresent()) {
                Optional<MapNode> d = r.asMap(m.get("deployment").get(), "'deployment'");
                if (d.isPresent()) {
                    r.checkKeys(d.get(), "deployment");
                    int devices = d.get().get("devices").flatMap(v -> r.number(v, "'devices'")).map(Double::intValue)
                            .orElse(hwDecl.map(Hardware::count).orElse(1));
                    double hours = quantity(d.get(), "period", Dimension.TIME, "h", true, "a deployment").orElse(0.0);
                    dh = devices * hours;
                    if (Double.isNaN(period)) {
                        period = hours;
                    }
                }
            }
            if ((perToken ? tokens : queries) <= 0) {
                r.problem(m.position(), where + ": '" + key + "' needs the number of '" + (perToken ? "tokens" : "queries")
                        + "'");
            }
            double deviceHours = dh;
            energy = perUnit.map(kwh -> perToken ? (Declarations.Energy) new Declarations.PerToken(kwh, deviceHours)
                    : new Declarations.PerQuery(kwh, deviceHours)).orElse(null);
        }
        if (id.isEmpty() || model.isEmpty() || phase.isEmpty() || hw.isEmpty() || energy == null) {
            return Optional.empty();
        }
        return Optional.of(new Workload(id.get(), model.get(), phase.get(), hw.get(), energy, power, runs, queries, tokens,
                period, alsoUses, origin(m)));
    }

    private AiFunctionalUnit functionalUnit(Set<String> modelIds) {
        Optional<MapNode> fu = root.get("functional_unit").filter(n -> n instanceof MapNode).map(n -> (MapNode) n);
        if (fu.isEmpty() || fu.get().get("kind").isEmpty()) {
            return new AiFunctionalUnit(FunctionalUnitKind.STUDY, "", 1, origin(root));
        }
        MapNode m = fu.get();
        Map<String, FunctionalUnitKind> kinds = new LinkedHashMap<>();
        kinds.put("study", FunctionalUnitKind.STUDY);
        kinds.put("trained_model", FunctionalUnitKind.TRAINED_MODEL);
        kinds.put("query", FunctionalUnitKind.QUERY);
        kinds.put("1000_tokens", FunctionalUnitKind.THOUSAND_TOKENS);
        kinds.put("year_of_service", FunctionalUnitKind.YEAR_OF_SERVICE);
        Optional<FunctionalUnitKind> kind = r.choice(m, "kind", k -> Optional.ofNullable(kinds.get(k)),
                List.copyOf(kinds.keySet()), true, "the functional unit");
        String model = r.text(m, "model", false, "").orElse("");
        if (kind.isPresent() && kind.get() != FunctionalUnitKind.STUDY) {
            if (model.isEmpty()) {
                r.problem(m.position(), "a functional unit of kind '" + kind.get().name().toLowerCase() + "' needs 'model'");
            } else if (!modelIds.contains(model)) {
                r.problem(m.get("model").get().position(), "unknown model '" + model + "'"
                        + Suggestions.didYouMean(model, modelIds));
            }
        }
        double amount = m.get("amount").flatMap(v -> r.number(v, "'amount'")).orElse(1.0);
        return new AiFunctionalUnit(kind.orElse(FunctionalUnitKind.STUDY), model, amount, origin(m));
    }
}
