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

    /**
     * A quantity of one dimension converted to {@code target} (a number means the target unit), inside
     * the domain of field {@code kind.key}.
     */
    Optional<Double> quantity(MapNode m, String kind, String key, Dimension dim, String target, boolean required,
                              String where) {
        return quantity(m, key, kind, key, dim, target, required, where);
    }

    /** As above, for a value written under {@code key} whose domain is that of {@code kind.field}. */
    Optional<Double> quantity(MapNode m, String key, String kind, String field, Dimension dim, String target,
                              boolean required, String where) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            if (required) {
                r.problem(m.position(), where + " needs '" + key + "'");
            }
            return Optional.empty();
        }
        YamlNode v = n.get();
        String of = where.isEmpty() ? "" : " of " + where;
        if (v instanceof ScalarNode s && s.text() != null && s.numeric()) {
            return r.number(v, "'" + key + "'" + of).flatMap(x -> r.inDomain(v, x, kind, field, where, null));
        }
        if (v instanceof ScalarNode s && s.text() != null) {
            try {
                Quantity q = Quantity.parse(s.text());
                if (q.unit().dimension() != dim) {
                    r.problem(v.position(), "'" + key + "'" + of + " is " + q.unit().dimension().label() + " (" + q.unit()
                            + ") but must be " + dim.label() + ", e.g. '" + example(dim) + "'");
                    return Optional.empty();
                }
                double converted = q.in(Units.of(target));
                if (!Double.isFinite(converted)) {
                    r.problem(v.position(), "'" + key + "'" + of + " is " + Messages.shorten(s.text().trim())
                            + ", too large to calculate with in " + target + " (beyond about 1.8e308); check its "
                            + "magnitude and unit");
                    return Optional.empty();
                }
                return r.inDomain(v, converted, kind, field, where, s.text().trim());
            } catch (IllegalArgumentException e) {
                r.problem(v.position(), "'" + key + "'" + of + ": " + ScenarioReader.quantityProblem(e, s.text())
                        + "; e.g. '" + example(dim) + "'");
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
    Optional<Double> perKwh(MapNode m, String key, Dimension num, String target, String where) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        YamlNode v = n.get();
        if (v instanceof ScalarNode s && s.numeric()) {
            return r.number(v, "datacenter", key, where);
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
                double rate = top.in(Units.of(target)) / bottom.convert(1, Units.of("kWh"));
                if (!Double.isFinite(rate)) {
                    r.problem(v.position(), "'" + key + "' of " + where + " is " + Messages.shorten(text)
                            + ", too large to calculate with (beyond about 1.8e308); check its magnitude and units");
                    return Optional.empty();
                }
                return r.inDomain(v, rate, "datacenter", key, where, text);
            } catch (IllegalArgumentException e) {
                r.problem(v.position(), "'" + key + "': " + ScenarioReader.quantityProblem(e, text) + "; write it like "
                        + hint);
                return Optional.empty();
            }
        }
        r.problem(ScenarioReader.pos(v), "'" + key + "' must be a rate such as " + hint);
        return Optional.empty();
    }

    /** The number under {@code key}, if present, inside the domain of {@code kind.key}. */
    private Optional<Double> num(MapNode m, String kind, String key, String where) {
        return m.get(key).flatMap(v -> r.number(v, kind, key, where));
    }

    /** A whole number of devices under {@code key} in the domain of {@code kind.key}, or {@code fallback}. */
    private Optional<Integer> count(MapNode m, String kind, String key, String where, int fallback) {
        if (m.get(key).isEmpty()) {
            return Optional.of(fallback);
        }
        return num(m, kind, key, where).map(Double::intValue);
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
                    r.number(e.value(), "allocation_rule", "fixed", "").ifPresent(v -> shares.put(e.key(), v))));
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
        root.get("datacenters").ifPresent(n -> r.asList(n, "'datacenters'").forEach(d -> datacenter(d)
                .ifPresent(datacenters::add)));
        Set<String> dcIds = writtenIds("datacenters");
        List<Hardware> hardware = new ArrayList<>();
        root.get("hardware").ifPresent(n -> r.asList(n, "'hardware'").forEach(h -> hardware(h, dcIds)
                .ifPresent(hardware::add)));
        List<Model> models = new ArrayList<>();
        root.get("models").ifPresent(n -> r.asList(n, "'models'").forEach(m -> model(m).ifPresent(models::add)));
        Set<String> modelIds = writtenIds("models");
        Set<String> hwIds = writtenIds("hardware");
        List<Workload> workloads = new ArrayList<>();
        root.get("workloads").ifPresent(n -> r.asList(n, "'workloads'").forEach(w -> workload(w, hwIds, modelIds, hardware)
                .ifPresent(workloads::add)));
        List<AiFunctionalUnit> units = functionalUnits(modelIds);
        r.sources.element("functional_unit", ScenarioReader.pos(root.get("functional_units").or(() -> root.get("functional_unit")).orElse(root)));
        return new AiScenario(datacenters, hardware, models, workloads, units);
    }

    private Optional<String> id(MapNode m, String kind, Set<String> seen) {
        Optional<String> id = r.text(m, "id", true, "a " + kind);
        if (id.isPresent()) {
            if (!seen.add(kind + ":" + id.get())) {
                r.problem(m.get("id").get().position(), kind + " id '" + id.get() + "' is used twice; ids must be "
                        + "unique within their section");
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
        if (m.get("grid").isPresent() && m.get("grid").get() instanceof MapNode link) {
            grid = r.backgroundDatabases().grid(link, where).orElse(null);
            if (grid != null) {
                for (String key : List.of("market_intensity", "renewable_share")) {
                    m.get(key).ifPresent(k -> r.problem(k.position(), where + ": '" + key + "' cannot apply to a grid "
                            + "linked to a database process: the market-based result of its electricity is the same "
                            + "process (equal to location-based); remove '" + key + "' or use a library grid code"));
                }
            }
        } else if (m.get("grid").isPresent()) {
            Optional<String> code = r.text(m, "grid", true, where);
            if (code.isPresent()) {
                if (r.library.process("grid:" + code.get()).isEmpty()) {
                    r.problem(m.get("grid").get().position(), "unknown grid '" + code.get() + "'"
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
            Map<String, Double> shares = new LinkedHashMap<>();
            r.asMap(m.get("grid_mix").get(), "'grid_mix'").ifPresent(mix -> mix.entries().forEach(e -> {
                if (r.library.process("grid_source:" + e.key()).isEmpty()) {
                    r.problem(e.keyPosition(), "unknown generation technology '" + e.key() + "'" + Suggestions.didYouMean(
                            e.key(), r.library.processes().keySet().stream().filter(k -> k.startsWith("grid_source:"))
                                    .map(k -> k.substring(12)).toList()));
                }
                r.number(e.value(), "datacenter", "grid_mix", where).ifPresent(v -> shares.put(e.key(), v));
            }));
            double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
            if (!shares.isEmpty() && Math.abs(sum - 1) > 1e-6) {
                r.problem(m.get("grid_mix").get().position(), "the generation shares sum to " + sum + ", not 1");
            }
            grid = new Declarations.MixGrid(Declarations.numbers(shares));
        } else if (m.get("grid_intensity").isPresent()) {
            grid = perKwh(m, "grid_intensity", Dimension.MASS, "kg", where).map(v -> new Declarations.ExplicitGrid(Declarations.number(v))).orElse(null);
        }
        double pue = m.get("pue").isPresent() ? num(m, "datacenter", "pue", where).orElse(Double.NaN) : 1.0;
        double wue = perKwh(m, "wue_onsite", Dimension.VOLUME, "L", where).orElse(0.0);
        double offsite = perKwh(m, "offsite_water", Dimension.VOLUME, "L", where).orElse(Double.NaN);
        double market = perKwh(m, "market_intensity", Dimension.MASS, "kg", where).orElse(Double.NaN);
        Optional<Double> renewable = num(m, "datacenter", "renewable_share", where);
        if (renewable.isPresent() && !Double.isNaN(market)) {
            r.problem(m.position(), where + ": give 'market_intensity' or 'renewable_share', not both");
        }
        double tenantMw = Double.NaN;
        double tenancyH = Double.NaN;
        if (m.get("tenancy").isPresent()) {
            Optional<MapNode> t = r.asMap(m.get("tenancy").get(), "'tenancy'");
            if (t.isPresent()) {
                r.checkKeys(t.get(), "tenancy");
                tenantMw = quantity(t.get(), "tenancy", "it_power", Dimension.POWER, "MW", true, "the tenancy")
                        .orElse(Double.NaN);
                tenancyH = quantity(t.get(), "tenancy", "period", Dimension.TIME, "h", true, "the tenancy")
                        .orElse(Double.NaN);
            }
        }
        List<Infrastructure> infra = new ArrayList<>();
        Set<String> infraIds = new LinkedHashSet<>();
        m.get("infrastructure").ifPresent(list -> r.asList(list, "'infrastructure'").forEach(item -> r.asMap(item,
                "an infrastructure item").ifPresent(im -> {
                    r.checkKeys(im, "infrastructure");
                    Optional<String> iid = r.text(im, "id", true, "an infrastructure item");
                    if (iid.isPresent() && !infraIds.add(iid.get())) {
                        r.problem(im.get("id").get().position(), "infrastructure id '" + iid.get() + "' is used twice in "
                                + where + "; ids must be unique");
                    }
                    String infraName = "infrastructure '" + iid.orElse("?") + "'";
                    double embodied = quantity(im, "infrastructure", "embodied", Dimension.MASS, "kg", false, infraName)
                            .orElse(Double.NaN);
                    Optional<Double> capacity = quantity(im, "infrastructure", "capacity", Dimension.POWER, "MW", true,
                            infraName);
                    Optional<Double> life = quantity(im, "infrastructure", "lifetime", Dimension.TIME, "h", false, infraName);
                    Optional<AllocationRule> rule = rule(im.get("allocation").orElse(null),
                            new AllocationRule.ByReservedCapacity());
                    if (iid.isPresent() && capacity.isPresent() && rule.isPresent()) {
                        double lifeH = life.orElse(r.library.datacenterLifetimeYears() * 8760);
                        infra.add(new Infrastructure(iid.get(), r.text(im, "name", false, "").orElse(iid.get()), Declarations.number(embodied),
                                Declarations.number(capacity.get()), Declarations.number(lifeH), rule.get(), origin(im)));
                    }
                })));
        if (!Double.isNaN(tenantMw)) {
            // against the smallest item only: one problem, not one per item
            for (Infrastructure i : infra.stream().min(java.util.Comparator.comparingDouble(i -> Declarations.literal(i.capacityMw())))
                    .stream().toList()) {
                if (tenantMw > Declarations.literal(i.capacityMw()) * (1 + 1e-9)) {
                    YamlNode at = ((MapNode) m.get("tenancy").get()).get("it_power").orElse(m);
                    r.problem(at.position(), "the tenancy of " + where + " holds " + Messages.number(tenantMw) + " MW of IT "
                            + "power, more than the " + Messages.number(Declarations.literal(i.capacityMw())) + " MW capacity of infrastructure '"
                            + i.id() + "'; a tenancy is a part of the building: make 'it_power' at most the capacity "
                            + "(check both units)");
                }
            }
        }
        if (id.isEmpty() || grid == null || Double.isNaN(pue)) {
            return Optional.empty();
        }
        Datacenter dc = new Datacenter(id.get(), r.text(m, "name", false, "").orElse(id.get()), grid, country, Declarations.number(pue), Declarations.number(wue),
                Declarations.number(offsite), Declarations.number(market), Declarations.number(renewable.orElse(Double.NaN)), infra, Declarations.number(tenantMw), Declarations.number(tenancyH), origin(m));
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
            quantity(wrapper, x.key(), "hardware", "embodied", f.referenceUnit().dimension(), f.referenceUnit().symbol(),
                    true, where).ifPresent(v -> {
                        embodied.put(x.key(), v);
                        if (v == 0) {
                            r.warn(x.value().position(), "'" + x.key() + "' embodied of " + where + " is 0: the devices "
                                    + "then count as covered for this indicator with no impact at all; if 0 is a "
                                    + "placeholder, remove it (the indicator is then reported as not covered) or give "
                                    + "the real figure");
                        }
                    });
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
                    quantity(wrapper, "amount", "exchange", "amount", u.dimension(), u.symbol(), true, "an inventory exchange")
                            .ifPresent(v -> x.add(naturalExchange(f.get(), v)));
                } else if (amt.isEmpty()) {
                    r.problem(ex.position(), "an inventory exchange needs 'amount'");
                }
            }));
            stage.ifPresent(s -> inventory.put(s, x));
        }));
        if (archetype.isEmpty() && m.get("embodied").isEmpty() && m.get("inventory").isEmpty()) {
            r.problem(m.position(), where + " needs an 'archetype' from the factor library, 'embodied' figures or an "
                    + "'inventory'");
        }
        Optional<Integer> count = count(m, "hardware", "count", where, 1);
        Optional<Double> life = quantity(m, "hardware", "lifetime", Dimension.TIME, "h", true, where);
        double utilisation = m.get("utilisation").isPresent() ? num(m, "hardware", "utilisation", where)
                .orElse(Double.NaN) : 1;
        double power = quantity(m, "hardware", "power", Dimension.POWER, "W", false, where).orElse(Double.NaN);
        double idlePower = quantity(m, "hardware", "idle_power", Dimension.POWER, "W", false, where).orElse(Double.NaN);
        double idleEnergy = quantity(m, "hardware", "idle_energy", Dimension.ENERGY, "kWh", false, where)
                .orElse(Double.NaN);
        double period = quantity(m, "hardware", "period", Dimension.TIME, "h", false, where).orElse(Double.NaN);
        if (!Double.isNaN(idlePower) && Double.isNaN(period)) {
            r.problem(m.get("idle_power").get().position(), where + ": 'idle_power' needs the 'period' the hardware is held");
        }
        double mass = quantity(m, "hardware", "mass", Dimension.MASS, "kg", false, where).orElse(Double.NaN);
        List<TransportLeg> legs = new ArrayList<>();
        m.get("transport").ifPresent(t -> r.asList(t, "'transport'").forEach(item -> r.asMap(item, "a transport leg")
                .ifPresent(leg -> {
                    r.checkKeys(leg, "transport_leg");
                    Optional<String> mode = r.text(leg, "mode", true, "a transport leg");
                    if (mode.isPresent() && r.library.process("freight:" + mode.get()).isEmpty()) {
                        r.problem(leg.get("mode").get().position(), "unknown transport mode '" + mode.get()
                                + "'; use air, sea, road or rail");
                    }
                    quantity(leg, "transport_leg", "distance", Dimension.DISTANCE, "km", true, "a transport leg")
                            .ifPresent(km -> mode.ifPresent(md -> legs.add(new TransportLeg(md, Declarations.number(km)))));
                })));
        if (!legs.isEmpty() && m.get("mass").isEmpty()) {
            r.problem(m.get("transport").get().position(), where + ": transport needs the device 'mass'");
        }
        double recycling = num(m, "hardware", "recycling_rate", where).orElse(Double.NaN);
        Optional<AllocationRule> idleRule = rule(m.get("idle_allocation").orElse(null), new AllocationRule.ByDeviceHours());
        if (id.isEmpty() || dc.isEmpty() || life.isEmpty() || Double.isNaN(utilisation) || idleRule.isEmpty()
                || count.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Hardware(id.get(), r.text(m, "name", false, "").orElse(id.get()), archetype, Declarations.numbers(embodied),
                inventory, Declarations.number(count.get()), Declarations.number(life.get()), Declarations.number(utilisation), dc.get(), Declarations.number(power), Declarations.number(idlePower), Declarations.number(idleEnergy), Declarations.number(period), Declarations.number(mass), legs,
                Declarations.number(recycling), idleRule.get(), origin(m)));
    }

    /** An elementary exchange in its flow's natural direction: resources and water in, emissions out. */
    private static Exchange naturalExchange(Flow f, double amount) {
        return f.isInputByNature() ? Exchange.input(f, amount, f.referenceUnit()) : Exchange.output(f, amount, f.referenceUnit());
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
                queries = num(a.get(), "amortisation", "queries", "'amortise_training_over'").orElse(0.0);
                tokens = num(a.get(), "amortisation", "tokens", "'amortise_training_over'").orElse(0.0);
            }
        }
        String where = "model '" + id.orElse("?") + "'";
        double life = quantity(m, "model", "service_life", Dimension.TIME, "year", false, where).orElse(Double.NaN);
        double tasks = num(m, "model", "downstream_tasks", where).orElse(Double.NaN);
        String derivedFrom = r.text(m, "derived_from", false, where).orElse("");
        if (!derivedFrom.isEmpty() && !writtenIds("models").contains(derivedFrom)) {
            r.problem(m.get("derived_from").get().position(), where + " is derived from '" + Messages.shorten(derivedFrom)
                    + "', which is not declared under 'models'" + Suggestions.didYouMean(derivedFrom, writtenIds("models")));
        }
        if (m.get("downstream_tasks").isPresent() && id.isPresent()) {
            boolean isBase = derivedFromValues().contains(id.get());
            Position at = m.entry("downstream_tasks").get().keyPosition();
            if (!isBase && !derivedFrom.isEmpty()) {
                r.problem(at, "'downstream_tasks' belongs on the base model '" + Messages.shorten(derivedFrom)
                        + "', whose training the downstream models share; on " + where + " (derived from it) it "
                        + "would be ignored: move it to model '" + Messages.shorten(derivedFrom) + "'");
            } else if (!isBase) {
                r.warn(at, "'downstream_tasks' of " + where + " has no effect: no model is 'derived_from' it, so its "
                        + "training is not shared; declare the fine-tuned models with 'derived_from: " + id.get() + "'");
            }
        }
        double q = queries;
        double t = tokens;
        return id.map(i -> new Model(i, r.text(m, "name", false, "").orElse(i), Declarations.number(q), Declarations.number(t), Declarations.number(life),
                derivedFrom, Declarations.number(tasks), origin(m)));
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
        String ways = "'device_hours', 'flops', 'energy' (measured, optionally with 'device_hours'), 'codecarbon' "
                + "(an emissions.csv), 'carbontracker', 'experiment_impact_tracker', 'power_samples', 'energy_per_query', "
                + "'energy_per_token' or 'storage'";
        if (given == 0) {
            r.problem(m.position(), where + " needs one way to know its energy: " + ways);
            return Optional.empty();
        }
        if (given > 1 && !(given == 2 && measuredWithHours)) {
            List<YamlNode.Entry> keys = m.entries().stream().filter(e -> energyKeys.contains(e.key())).toList();
            r.problem(keys.get(1).keyPosition(), where + " gives " + (given == 2 ? "two" : given) + " ways to know its "
                    + "energy (" + String.join(", ", keys.stream().map(e -> "'" + e.key() + "'").toList())
                    + "); keep one of them (only 'energy' may come with 'device_hours')");
            return Optional.empty();
        }
        double power = quantity(m, "workload", "power", Dimension.POWER, "W", false, where).orElse(Double.NaN);
        double runs = m.get("runs").isPresent() ? num(m, "workload", "runs", where).orElse(Double.NaN) : 1.0;
        double queries = num(m, "workload", "queries", where).orElse(0.0);
        double tokens = num(m, "workload", "tokens", where).orElse(0.0);
        double period = quantity(m, "workload", "period", Dimension.TIME, "h", false, where).orElse(Double.NaN);
        Optional<Hardware> hwDecl = hardware.stream().filter(h -> hw.isPresent() && h.id().equals(hw.get())).findFirst();
        Declarations.Energy energy = null;
        if (m.get("energy").isPresent()) {
            double dh = num(m, "workload", "device_hours", where).orElse(Double.NaN);
            energy = quantity(m, "workload", "energy", Dimension.ENERGY, "kWh", true, where)
                    .map(kwh -> new Declarations.Measured(Declarations.number(kwh), Declarations.number(Double.isNaN(dh) ? 0 : dh), "declared")).orElse(null);
        } else if (m.get("storage").isPresent()) {
            // storage as capacity × time: the hardware's devices are gigabytes, so device-hours are GB-hours
            energy = r.asMap(m.get("storage").get(), "'storage'").flatMap(st -> {
                r.checkKeys(st, "storage");
                Optional<Double> gb = quantity(st, "storage", "capacity", Dimension.DATA_SIZE, "GB", true, "'storage'");
                Optional<Double> hours = quantity(st, "storage", "duration", Dimension.TIME, "h", true, "'storage'");
                return gb.isPresent() && hours.isPresent()
                        ? Optional.of(new Declarations.DeviceHours(Declarations.number(gb.get() * hours.get()))) : Optional.empty();
            }).orElse(null);
        } else if (m.get("device_hours").isPresent()) {
            energy = num(m, "workload", "device_hours", where).map(v -> new Declarations.DeviceHours(Declarations.number(v))).orElse(null);
        } else if (m.get("flops").isPresent()) {
            energy = r.asMap(m.get("flops").get(), "'flops'").flatMap(f -> {
                r.checkKeys(f, "flops");
                Optional<Double> total = num(f, "flops", "total", "'flops'");
                Optional<Double> peak = num(f, "flops", "peak_per_device", "'flops' (FLOP/s)");
                Optional<Double> util = num(f, "flops", "utilisation", "'flops'");
                Optional<Integer> devices = count(f, "flops", "devices", "'flops'", hwDecl.map(x -> (int) Declarations.literal(x.count())).orElse(1));
                List<String> missing = java.util.stream.Stream.of("total", "peak_per_device", "utilisation")
                        .filter(k -> f.get(k).isEmpty()).toList();
                if (!missing.isEmpty()) {
                    r.problem(f.position(), "'flops' needs 'total', 'peak_per_device' (FLOP/s) and 'utilisation'; "
                            + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
                }
                if (total.isEmpty() || peak.isEmpty() || util.isEmpty() || devices.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Declarations.Flops(Declarations.number(total.get()), Declarations.number(peak.get()), Declarations.number(util.get()), Declarations.number(devices.get())));
            }).orElse(null);
        } else if (m.get("codecarbon").isPresent()) {
            energy = CodeCarbonReader.read(r, m.get("codecarbon").get(), hwDecl.map(x -> (int) Declarations.literal(x.count())).orElse(1)).orElse(null);
        } else if (MeasurementKeys.KEYS.stream().anyMatch(k -> m.get(k).isPresent())) {
            String key = MeasurementKeys.KEYS.stream().filter(k -> m.get(k).isPresent()).findFirst().orElseThrow();
            energy = MeasurementKeys.read(r, key, m.get(key).get(), hwDecl.map(x -> (int) Declarations.literal(x.count())).orElse(1)).orElse(null);
        } else {
            boolean perToken = m.get("energy_per_token").isPresent();
            String key = perToken ? "energy_per_token" : "energy_per_query";
            Optional<Double> perUnit = quantity(m, "workload", key, Dimension.ENERGY, "kWh", true, where);
            double dh = 0;
            if (m.get("deployment").isPresent()) {
                Optional<MapNode> d = r.asMap(m.get("deployment").get(), "'deployment'");
                if (d.isPresent()) {
                    r.checkKeys(d.get(), "deployment");
                    int devices = count(d.get(), "deployment", "devices", "the deployment",
                            hwDecl.map(x -> (int) Declarations.literal(x.count())).orElse(1)).orElse(0);
                    double hours = quantity(d.get(), "deployment", "period", Dimension.TIME, "h", true, "the deployment")
                            .orElse(0.0);
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
            energy = perUnit.map(kwh -> perToken ? (Declarations.Energy) new Declarations.PerToken(Declarations.number(kwh), Declarations.number(deviceHours))
                    : new Declarations.PerQuery(Declarations.number(kwh), Declarations.number(deviceHours))).orElse(null);
        }
        if (energy instanceof Declarations.DeviceHours || energy instanceof Declarations.Flops) {
            tdpWarning(m, where, power, hwDecl);
        }
        if (id.isEmpty() || model.isEmpty() || phase.isEmpty() || hw.isEmpty() || energy == null || Double.isNaN(runs)) {
            return Optional.empty();
        }
        return Optional.of(new Workload(id.get(), model.get(), phase.get(), hw.get(), energy, Declarations.number(power), Declarations.number(runs), Declarations.number(queries), Declarations.number(tokens),
                Declarations.number(period), alsoUses, origin(m)));
    }

    /**
     * A workload whose energy is computed from device-hours draws, without a declared power, the
     * archetype's average power, or its TDP when the library knows no average: a default that moves
     * the result (a measured run typically averages well below TDP), so it is said.
     */
    private void tdpWarning(MapNode m, String where, double workloadPower, Optional<Hardware> hw) {
        if (!Double.isNaN(workloadPower) || hw.isEmpty() || !Double.isNaN(Declarations.literal(hw.get().powerW()))
                || hw.get().archetype().isEmpty()) {
            return;
        }
        r.library.devicePower(hw.get().archetype()).ifPresent(p -> {
            if (Double.isNaN(p.averageW()) && !Double.isNaN(p.tdpW())) {
                r.warn(m.position(), where + " has no 'power' (nor has hardware '" + hw.get().id() + "'), so its devices "
                        + "draw the TDP of " + hw.get().archetype() + ", " + Messages.number(p.tdpW()) + " W, all the time; "
                        + "real runs usually average well below TDP: give the measured average 'power' on the workload "
                        + "or the hardware");
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
                r.problem(ScenarioReader.pos(root.get("functional_unit").get()), "the scenario has both 'functional_unit' "
                        + "and 'functional_units'; write every unit in the list 'functional_units' (the first is the "
                        + "primary unit)");
            }
            List<AiFunctionalUnit> units = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            List<YamlNode> items = r.asList(list.get(), "'functional_units'");
            if (items.isEmpty() && list.get() instanceof ListNode) {
                r.problem(ScenarioReader.pos(list.get()), "'functional_units' is empty; list at least one unit, e.g. "
                        + "{kind: study}");
            }
            for (YamlNode item : items) {
                if (!(item instanceof MapNode m)) {
                    r.problem(ScenarioReader.pos(item), "each item of 'functional_units' is a map such as "
                            + "{kind: query, model: chat-7b}");
                    continue;
                }
                r.checkKeys(m, "functional_unit");
                if (m.get("kind").isEmpty()) {
                    r.problem(m.position(), "each item of 'functional_units' needs 'kind' (study, trained_model, query, "
                            + "1000_tokens or year_of_service)");
                    continue;
                }
                AiFunctionalUnit u = functionalUnit(m, modelIds);
                if (!seen.add(u.id())) {
                    r.problem(m.position(), "functional unit '" + u.id() + "' is listed twice; give each unit of the "
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
        double amount = m.get("amount").isPresent() ? num(m, "functional_unit", "amount", "the functional unit")
                .orElse(1.0) : 1.0;
        String id = r.text(m, "id", false, "").orElse("");
        AiFunctionalUnit unit = new AiFunctionalUnit(id, kind.orElse(FunctionalUnitKind.STUDY), model,
                Declarations.number(amount), origin(m));
        r.sources.element("functional_unit:" + unit.id(), m.position());
        return unit;
    }
}
