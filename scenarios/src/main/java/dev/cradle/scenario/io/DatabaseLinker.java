package dev.cradle.scenario.io;

import dev.cradle.model.AllocationFactor;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Amount;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links a {@link Database} into model processes under {@link ImportOptions}:
 * <ol>
 * <li>allocation: a multi-output process keeps its co-products only when the chosen method's factors
 *     are usable (every co-product has a share in [0, 1], shares sum to 1 within 1e-6, causal factors
 *     name exchanges of the process); otherwise — or under "none" — its quantitative reference carries
 *     the whole burden and the other co-products are dropped; each case is a line of the report;</li>
 * <li>providers: an input (product input, waste output, avoided product) is linked to the database's
 *     default provider when it names one that provides the flow; else to the unique process providing
 *     the flow; several candidates are resolved by the {@link ImportOptions.Ambiguity} policy; no
 *     candidate means the input is cut off. Every non-default case is listed in the report.</li>
 * </ol>
 * Background processes get the life cycle stage "manufacturing" (the source data has none) and tags
 * {@code database}, {@code location} and {@code category}.
 */
public final class DatabaseLinker {
    private static final double SHARE_TOLERANCE = 1e-6;

    private DatabaseLinker() {
    }

    /** Links {@code db}; linking itself never fails, it reports. */
    public static LinkedDatabase link(Database db, ImportOptions options) {
        return link(db, options, Set.of());
    }

    /**
     * Links {@code db}, using the amounts stored in the files instead of formulas for the processes in
     * {@code withoutFormulas} (those whose formulas Cradle could not compile).
     */
    public static LinkedDatabase link(Database db, ImportOptions options, Set<String> withoutFormulas) {
        List<String> allocationLines = new ArrayList<>();
        Map<String, List<AllocationFactor>> factorsByProcess = new HashMap<>();
        Map<String, Set<String>> provided = new LinkedHashMap<>(); // process id -> flows it provides
        boolean anyAllocated = false;
        for (Database.Process p : db.processes()) {
            Set<String> products = new java.util.LinkedHashSet<>();
            products.add(p.referenceFlow().id());
            List<Database.Exchange> coProducts = p.exchanges().stream()
                    .filter(e -> e.providesFlow() && !e.flow().id().equals(p.referenceFlow().id())).toList();
            if (coProducts.isEmpty() && !p.allocationFactors().isEmpty()) {
                allocationLines.add("'" + p.name() + "' (" + p.id() + ") has one product but carries "
                        + p.allocationFactors().size() + " allocation factors (leftovers); not used");
            }
            if (!coProducts.isEmpty()) {
                AllocationMethod method = switch (options.allocation()) {
                    case AS_DEFINED -> p.defaultAllocation() == null ? AllocationMethod.NONE : p.defaultAllocation();
                    case NONE -> AllocationMethod.NONE;
                    case PHYSICAL -> AllocationMethod.PHYSICAL;
                    case ECONOMIC -> AllocationMethod.ECONOMIC;
                    case CAUSAL -> AllocationMethod.CAUSAL;
                };
                String head = "'" + p.name() + "' (" + p.id() + ") has " + (coProducts.size() + 1) + " products";
                String dropped = "; the whole burden is on '" + p.referenceFlow().name() + "', co-products "
                        + coProducts.stream().map(e -> "'" + e.flow().name() + "'").distinct().toList() + " are not credited";
                if (method == AllocationMethod.NONE) {
                    allocationLines.add(head + ": no allocation" + (options.allocation() == ImportOptions.Allocation.AS_DEFINED
                            ? (p.allocationFactors().isEmpty() ? " (the process defines none)"
                            : " (the process sets no default method; its " + p.allocationFactors().size()
                            + " allocation factors are not used" + usability(p, productIdsOf(p)) + ")") : "") + dropped);
                } else {
                    List<String> productIds = new ArrayList<>();
                    productIds.add(p.referenceFlow().id());
                    coProducts.forEach(e -> {
                        if (!productIds.contains(e.flow().id())) {
                            productIds.add(e.flow().id());
                        }
                    });
                    String why = unusable(p, method, productIds);
                    if (why != null) {
                        allocationLines.add(head + ": its " + method.key() + " allocation factors are unusable (" + why
                                + "); not used" + dropped);
                    } else {
                        factorsByProcess.put(p.id(), causalFactors(p, method, productIds));
                        products.addAll(productIds);
                        anyAllocated = true;
                        allocationLines.add(head + ": " + method.key() + " allocation with the database's factors");
                    }
                }
            }
            provided.put(p.id(), products);
        }
        Map<String, List<String>> providersOf = new HashMap<>();
        provided.forEach((pid, flows) -> flows.forEach(f -> providersOf.computeIfAbsent(f, k -> new ArrayList<>()).add(pid)));
        providersOf.values().forEach(l -> l.sort(null));

        int byDefault = 0;
        int unique = 0;
        List<LinkingReport.Link> ambiguous = new ArrayList<>();
        List<LinkingReport.Link> missing = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        List<String> notes = new ArrayList<>(db.notes());
        for (Database.Process p : db.processes()) {
            Set<String> mine = provided.get(p.id());
            boolean formulas = options.formulas() && !withoutFormulas.contains(p.id());
            List<Exchange> exchanges = new ArrayList<>();
            for (Database.Exchange e : p.exchanges()) {
                Direction dir = e.input() ? Direction.INPUT : Direction.OUTPUT;
                Amount amount = formulas && e.formula() != null ? Amount.formula(e.formula()) : Amount.of(e.amount());
                if (e.providesFlow()) {
                    if (mine.contains(e.flow().id())) {
                        exchanges.add(new Exchange(e.flow(), dir, amount, e.flow().referenceUnit(), false, "", e.uncertainty()));
                    }
                    continue;
                }
                if (e.flow().isElementary()) {
                    exchanges.add(new Exchange(e.flow(), dir, amount, e.flow().referenceUnit(), false, "", e.uncertainty()));
                    continue;
                }
                List<String> candidates = providersOf.getOrDefault(e.flow().id(), List.of());
                String provider = null;
                if (!e.defaultProvider().isEmpty() && candidates.contains(e.defaultProvider())) {
                    provider = e.defaultProvider();
                    byDefault++;
                } else if (candidates.size() == 1) {
                    provider = candidates.get(0);
                    unique++;
                } else {
                    String unit = e.flow().referenceUnit().symbol();
                    String defaultNote = e.defaultProvider().isEmpty() ? ""
                            : " (its default provider " + e.defaultProvider() + " does not provide it)";
                    if (candidates.isEmpty()) {
                        missing.add(new LinkingReport.Link(p.id(), p.name(), e.flow().id(), e.flow().name(), e.amount(),
                                unit, candidates, "cut off" + defaultNote));
                    } else if (options.ambiguous() == ImportOptions.Ambiguity.FIRST_BY_ID) {
                        provider = candidates.get(0);
                        ambiguous.add(new LinkingReport.Link(p.id(), p.name(), e.flow().id(), e.flow().name(), e.amount(),
                                unit, candidates, "linked to " + provider + " (first by id)" + defaultNote));
                    } else {
                        ambiguous.add(new LinkingReport.Link(p.id(), p.name(), e.flow().id(), e.flow().name(), e.amount(),
                                unit, candidates, "cut off"));
                    }
                }
                if (provider != null) {
                    exchanges.add(new Exchange(e.flow(), dir, amount, e.flow().referenceUnit(), e.avoided(), provider,
                            e.uncertainty()));
                }
            }
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("database", db.name());
            if (!p.location().isEmpty()) {
                tags.put("location", p.location());
            }
            if (!p.category().isEmpty()) {
                tags.put("category", p.category());
            }
            processes.add(new Process(p.id(), p.name(), LifecycleStage.MANUFACTURING, null, tags, exchanges,
                    formulas ? p.parameters() : List.of(), factorsByProcess.getOrDefault(p.id(), List.of())));
        }
        LinkingReport report = new LinkingReport(options, processes.size(), byDefault, unique, ambiguous, missing,
                allocationLines, notes);
        return new LinkedDatabase(db, processes, options.formulas() ? db.globalParameters() : List.of(),
                anyAllocated ? AllocationMethod.CAUSAL : AllocationMethod.NONE, report);
    }

    private static List<String> productIdsOf(Database.Process p) {
        List<String> ids = new ArrayList<>();
        ids.add(p.referenceFlow().id());
        p.exchanges().stream().filter(Database.Exchange::providesFlow).map(e -> e.flow().id())
                .filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    /** For the report: whether the factors a process carries could partition it, method by method. */
    private static String usability(Database.Process p, List<String> products) {
        StringBuilder out = new StringBuilder();
        p.allocationFactors().stream().map(Database.Allocation::method).distinct().forEach(m -> {
            String why = unusable(p, m, products);
            out.append("; its ").append(m.key()).append(" factors ").append(why == null ? "would be usable"
                    : "are unusable: " + why);
        });
        return out.toString();
    }

    /** Why the process's factors of {@code method} cannot partition it, or null when they can. */
    private static String unusable(Database.Process p, AllocationMethod method, List<String> products) {
        Set<String> exchangeFlows = new HashSet<>();
        p.exchanges().stream().filter(e -> !e.providesFlow()).forEach(e -> exchangeFlows.add(e.flow().id()));
        AllocationMethod base = method == AllocationMethod.CAUSAL ? AllocationMethod.PHYSICAL : method;
        Map<String, Double> baseShares = new HashMap<>();
        int causal = 0;
        for (Database.Allocation a : p.allocationFactors()) {
            if (a.method() == AllocationMethod.CAUSAL && method == AllocationMethod.CAUSAL) {
                causal++;
                if (!products.contains(a.product())) {
                    return "a causal factor names no co-product of the process";
                }
                if (!exchangeFlows.contains(a.exchangeFlow())) {
                    return "a causal factor points at an exchange that is not an input or emission of the process";
                }
            } else if (a.method() == base) {
                if (!products.contains(a.product())) {
                    return "a " + base.key() + " factor names no co-product of the process";
                }
                baseShares.merge(a.product(), a.value(), Double::sum);
            }
        }
        if (method != AllocationMethod.CAUSAL || causal == 0 || !baseShares.isEmpty()) {
            String w = shares(baseShares, products, base);
            if (w != null) {
                return w;
            }
        }
        if (method == AllocationMethod.CAUSAL) {
            for (String flow : exchangeFlows) {
                Map<String, Double> s = new HashMap<>();
                p.allocationFactors().stream().filter(a -> a.method() == AllocationMethod.CAUSAL
                        && a.exchangeFlow().equals(flow)).forEach(a -> s.merge(a.product(), a.value(), Double::sum));
                if (!s.isEmpty()) {
                    String w = shares(s, products, AllocationMethod.CAUSAL);
                    if (w != null) {
                        return w;
                    }
                } else if (baseShares.isEmpty()) {
                    return "no causal or physical factor for exchange flow " + flow;
                }
            }
        }
        return null;
    }

    private static String shares(Map<String, Double> shares, List<String> products, AllocationMethod m) {
        if (shares.isEmpty()) {
            return "no " + m.key() + " factors";
        }
        double sum = 0;
        for (String prod : products) {
            Double v = shares.get(prod);
            if (v == null || !Double.isFinite(v)) {
                return "co-product " + prod + " has no " + m.key() + " factor";
            }
            if (v < 0 || v > 1) {
                return m.key() + " factor " + v + " lies outside [0, 1]";
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            return m.key() + " factors sum to " + sum + ", not 1";
        }
        return null;
    }

    /**
     * The factors written per exchange (causal form), so that processes allocated by different methods
     * can sit in one system: for each co-product and each non-product exchange flow, the causal factor
     * where the database gives one, else the process's physical or economic share.
     */
    private static List<AllocationFactor> causalFactors(Database.Process p, AllocationMethod method, List<String> products) {
        AllocationMethod base = method == AllocationMethod.CAUSAL ? AllocationMethod.PHYSICAL : method;
        Map<String, Double> baseShares = new HashMap<>();
        Map<String, Double> causal = new HashMap<>();
        for (Database.Allocation a : p.allocationFactors()) {
            if (a.method() == base) {
                baseShares.merge(a.product(), a.value(), Double::sum);
            } else if (a.method() == AllocationMethod.CAUSAL && method == AllocationMethod.CAUSAL) {
                causal.merge(a.product() + '\u0000' + a.exchangeFlow(), a.value(), Double::sum);
            }
        }
        Set<String> flows = new java.util.LinkedHashSet<>();
        p.exchanges().stream().filter(e -> !e.providesFlow()).forEach(e -> flows.add(e.flow().id()));
        List<AllocationFactor> out = new ArrayList<>();
        for (String flow : flows) {
            for (String prod : products) {
                Double v = causal.get(prod + '\u0000' + flow);
                if (v == null) {
                    v = baseShares.get(prod);
                }
                out.add(AllocationFactor.causal(prod, flow, v == null ? 0 : v));
            }
        }
        return out;
    }
}
