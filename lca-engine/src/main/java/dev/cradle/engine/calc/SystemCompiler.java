package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.SparseMatrixTemplate;
import dev.cradle.model.AllocationFactor;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Amount;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Compiles a {@link ProductSystem} into a {@link CompiledSystem}: indexes columns (process × provided
 * product) and rows (elementary flows), links every product input and waste output to its provider,
 * applies allocation to multi-output processes, checks units, and compiles every formula. All
 * problems are collected and thrown together as a {@link ModelException}.
 *
 * <p>Matrix signs (docs/methodology.md): in A, outputs are positive and inputs negative, so a product
 * provider has a positive diagonal and a waste treatment a negative one; avoided products keep the
 * sign of their direction and are linked to the provider of what they displace, which therefore
 * gets a negative scaling (a credit). In B, an elementary exchange is positive in its flow's natural
 * direction (emissions out, resources and water consumed in), so inventory results read as
 * "emitted" or "consumed".
 */
public final class SystemCompiler {
    private static final double SHARE_TOLERANCE = 1e-6;

    private final ProductSystem system;
    private final List<ModelProblem> problems = new ArrayList<>();
    private ParameterTable parameters;

    private SystemCompiler(ProductSystem system) {
        this.system = system;
    }

    /** Compiles {@code system} or throws a {@link ModelException} listing every problem. */
    public static CompiledSystem compile(ProductSystem system) {
        return new SystemCompiler(system).run();
    }

    private void problem(String path, String message) {
        problems.add(ModelProblem.at(path, message));
    }

    private CompiledSystem run() {
        try {
            parameters = ParameterTable.compile(system);
        } catch (ModelException e) {
            problems.addAll(e.problems());
        }
        Set<String> ids = new HashSet<>();
        for (Process p : system.processes()) {
            if (!ids.add(p.id())) {
                problem("process:" + p.id(), "process id '" + p.id() + "' is used twice");
            }
        }
        TechIndex tech = techIndex();
        FlowIndex flows = flowIndex();
        Map<String, List<Integer>> providersByFlow = new HashMap<>();
        for (int j = 0; j < tech.size(); j++) {
            providersByFlow.computeIfAbsent(tech.at(j).flowId(), k -> new ArrayList<>()).add(j);
        }
        double[] defaults = parameters == null ? null : parameters.evaluate();

        SparseMatrixTemplate.Builder aPattern = new SparseMatrixTemplate.Builder(tech.size(), tech.size());
        SparseMatrixTemplate.Builder bPattern = new SparseMatrixTemplate.Builder(flows.size(), tech.size());
        List<PendingTerm> aTerms = new ArrayList<>();
        List<PendingTerm> bTerms = new ArrayList<>();

        for (int j = 0; j < tech.size(); j++) {
            TechFlow column = tech.at(j);
            Process p = column.process();
            String pPath = "process:" + p.id();
            ToIntFunction<String> scope = parameters == null ? null : parameters.resolverFor(p.id());
            Map<Integer, CompiledFormula> allocation = allocationFor(p, column, scope, defaults);
            List<Exchange> exchanges = p.exchanges();
            for (int x = 0; x < exchanges.size(); x++) {
                Exchange e = exchanges.get(x);
                String path = pPath + "/exchange:" + x;
                if (e.isProviderSide() && !e.flow().id().equals(column.flowId())) {
                    continue; // another co-product: it has its own column
                }
                double unitFactor = unitFactor(e, path);
                CompiledFormula amount = compileAmount(e.amount(), scope, p.id(), path);
                double sign = e.direction() == Direction.OUTPUT ? 1 : -1;
                if (e.isProviderSide()) {
                    aTerms.add(new PendingTerm(aPattern.add(j, j), sign * unitFactor, amount, null));
                    double made = defaults != null && amount != null ? amount.evaluate(defaults) : Double.NaN;
                    if (made == 0 || (!e.flow().isWaste() && made < 0)) {
                        problem(path, "process '" + p.id() + "' provides " + round(made) + " " + e.unit() + " of '"
                                + e.flow().id() + "'; the reference amount must be greater than zero (amounts are "
                                + "per unit of it)");
                    } else if (e.flow().isWaste() && made < 0) {
                        problem(path, "process '" + p.id() + "' treats " + round(made) + " " + e.unit() + " of the waste '"
                                + e.flow().id() + "'; the amount treated must be greater than zero");
                    }
                } else if (e.flow().isElementary()) {
                    int row = flows.indexOf(e.flow().id()).orElseThrow();
                    double natural = e.direction() == e.flow().naturalDirection() ? 1 : -1;
                    bTerms.add(new PendingTerm(bPattern.add(row, j), natural * unitFactor, amount, allocation.get(x)));
                } else {
                    Integer provider = link(p, e, path, providersByFlow, tech);
                    if (provider != null) {
                        aTerms.add(new PendingTerm(aPattern.add(provider, j), sign * unitFactor, amount,
                                allocation.get(x)));
                    }
                }
            }
        }
        if (defaults != null) {
            selfConsumption(tech, defaults);
        }
        int referenceColumn = referenceColumn(tech, providersByFlow);
        FunctionalUnit fu = system.functionalUnit();
        double fuUnit = 1;
        if (!fu.unit().isCompatibleWith(fu.referenceFlow().referenceUnit())) {
            problem("functional_unit", "the functional unit is in " + fu.unit() + " (" + fu.unit().dimension().label()
                    + ") but its flow '" + fu.referenceFlow().id() + "' is measured in "
                    + fu.referenceFlow().referenceUnit() + " (" + fu.referenceFlow().referenceUnit().dimension().label()
                    + ")");
        } else {
            fuUnit = fu.unit().conversionFactorTo(fu.referenceFlow().referenceUnit());
        }
        CompiledFormula fuAmount = compileAmount(fu.amount(), parameters == null ? null : parameters.resolverFor(null),
                null, "functional_unit");
        if (fuAmount != null && defaults != null) {
            double amount = fuAmount.evaluate(defaults);
            if (!(amount > 0)) {
                problem("functional_unit", "the functional unit's amount is " + round(amount) + "; it must be greater "
                        + "than zero (the study is about a positive quantity of '" + fu.referenceFlow().id() + "')");
            }
        }
        ImpactIndex impacts = impactIndex();
        double[][] c = characterisation(impacts, flows);
        if (!problems.isEmpty()) {
            throw new ModelException(problems.stream().distinct().toList());
        }
        SparseMatrixTemplate a = aPattern.build();
        SparseMatrixTemplate b = bPattern.build();
        double sign = fu.referenceFlow().isWaste() ? -1 : 1;
        return new CompiledSystem(system, parameters, tech, flows, impacts, a, b, resolve(aTerms, aPattern),
                resolve(bTerms, bPattern), c, referenceColumn, sign * fuUnit, fuAmount);
    }

    /**
     * A process that uses its own product as an input must make more of it than it uses: the net
     * output (output − input, at the parameters' declared values) is its reference amount.
     */
    private void selfConsumption(TechIndex tech, double[] defaults) {
        for (int j = 0; j < tech.size(); j++) {
            TechFlow column = tech.at(j);
            Process p = column.process();
            double made = 0;
            double used = 0;
            int firstInput = -1;
            for (int x = 0; x < p.exchanges().size(); x++) {
                Exchange e = p.exchanges().get(x);
                if (!e.flow().id().equals(column.flowId()) || e.avoided()
                        || (e.providerId().isPresent() && !e.provider().equals(p.id()))) {
                    continue;
                }
                double v = constantOrFormula(e, p.id(), defaults);
                if (Double.isNaN(v)) {
                    return; // a formula problem, reported elsewhere
                }
                if (e.isProviderSide()) {
                    made += v;
                } else {
                    used += v;
                    firstInput = firstInput < 0 ? x : firstInput;
                }
            }
            if (firstInput >= 0 && made > 0 && used >= made) {
                boolean waste = column.flow().isWaste();
                problem("process:" + p.id() + "/exchange:" + firstInput, "process '" + p.id() + "' "
                        + (waste ? "produces " : "consumes ") + round(used) + " of its own " + (waste ? "waste" : "product")
                        + " '" + column.flowId() + "' but " + (waste ? "treats " : "makes ") + round(made)
                        + "; it must " + (waste ? "treat" : "make") + " more than it " + (waste ? "produces" : "consumes")
                        + " (the net amount is its reference), or remove the self-" + (waste ? "output" : "input"));
            }
        }
    }

    /** An exchange's amount at the declared parameter values, in the flow's reference unit; NaN if not computable. */
    private double constantOrFormula(Exchange e, String processId, double[] defaults) {
        if (!e.unit().isCompatibleWith(e.flow().referenceUnit())) {
            return Double.NaN;
        }
        double factor = e.unit().conversionFactorTo(e.flow().referenceUnit());
        if (e.amount() instanceof Amount.Constant c) {
            return c.value() * factor;
        }
        try {
            String text = e.amount() instanceof Amount.Tree t ? t.expression().text()
                    : ((Amount.Formula) e.amount()).expression();
            var tree = e.amount() instanceof Amount.Tree t ? t.expression() : FormulaParser.parse(text);
            ToIntFunction<String> scope = parameters.resolverFor(processId);
            CompiledFormula f = FormulaCompiler.compile(text, tree, name -> {
                int slot = scope.applyAsInt(name);
                if (slot < 0) {
                    throw new FormulaException(text, 1, "unknown parameter");
                }
                return slot;
            });
            return f.evaluate(defaults) * factor;
        } catch (FormulaException fe) {
            return Double.NaN;
        }
    }

    private record PendingTerm(int ticket, double multiplier, CompiledFormula amount, CompiledFormula allocation) {
    }

    private static CompiledSystem.Term[] resolve(List<PendingTerm> terms, SparseMatrixTemplate.Builder pattern) {
        return terms.stream()
                .map(t -> new CompiledSystem.Term(pattern.slotOf(t.ticket()), t.multiplier(), t.amount(), t.allocation()))
                .toArray(CompiledSystem.Term[]::new);
    }

    private TechIndex techIndex() {
        List<TechFlow> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Process p : system.processes()) {
            if (!seen.add(p.id())) {
                continue;
            }
            List<Exchange> provided = p.providedFlows();
            if (provided.isEmpty()) {
                problem("process:" + p.id(), "process '" + p.id()
                        + "' provides nothing: give it a product output (or, for a waste treatment, a waste input)");
            }
            Set<String> flowIds = new HashSet<>();
            for (Exchange e : provided) {
                if (flowIds.add(e.flow().id())) {
                    columns.add(new TechFlow(p, e.flow()));
                } else {
                    problem("process:" + p.id(), "process '" + p.id() + "' provides '" + e.flow().id()
                            + "' twice; merge the two outputs into one");
                }
            }
        }
        return new TechIndex(columns);
    }

    private FlowIndex flowIndex() {
        Map<String, Flow> flows = new LinkedHashMap<>();
        Map<String, Flow> all = new HashMap<>();
        for (Process p : system.processes()) {
            for (int x = 0; x < p.exchanges().size(); x++) {
                Flow f = p.exchanges().get(x).flow();
                Flow prior = all.putIfAbsent(f.id(), f);
                if (prior != null && !sameDefinition(prior, f)) {
                    problem("process:" + p.id() + "/exchange:" + x, "flow '" + f.id()
                            + "' is defined twice in different ways (" + describe(prior) + " vs " + describe(f) + ")");
                }
                if (f.isElementary()) {
                    flows.putIfAbsent(f.id(), f);
                }
            }
        }
        return new FlowIndex(new ArrayList<>(flows.values()));
    }

    /** Two declarations of a flow agree when type, unit, compartment and location agree (names may differ). */
    private static boolean sameDefinition(Flow a, Flow b) {
        return a.type() == b.type() && a.referenceUnit().equals(b.referenceUnit()) && a.compartment() == b.compartment()
                && a.location().equals(b.location());
    }

    private static String describe(Flow f) {
        return f.type().name().toLowerCase() + " in " + f.referenceUnit()
                + (f.compartment() == null ? "" : " to " + f.compartment().label());
    }

    private double unitFactor(Exchange e, String path) {
        Unit ref = e.flow().referenceUnit();
        if (!e.unit().isCompatibleWith(ref)) {
            problem(path, "the amount is in " + e.unit() + " (" + e.unit().dimension().label() + ") but flow '"
                    + e.flow().id() + "' is measured in " + ref + " (" + ref.dimension().label()
                    + "); write it in a " + ref.dimension().label() + " unit such as " + ref);
            return 1;
        }
        return e.unit().conversionFactorTo(ref);
    }

    private CompiledFormula compileAmount(Amount amount, ToIntFunction<String> scope, String processId, String path) {
        if (amount instanceof Amount.Constant c) {
            return CompiledFormula.constant(c.value());
        }
        String text = amount instanceof Amount.Tree t ? t.expression().text() : ((Amount.Formula) amount).expression();
        try {
            var expr = amount instanceof Amount.Tree t ? t.expression() : FormulaParser.parse(text);
            if (scope == null) {
                return null; // parameters failed to compile: their problems are already reported
            }
            return FormulaCompiler.compile(text, expr, name -> {
                int s = scope.applyAsInt(name);
                if (s < 0) {
                    throw new FormulaException(text, columnOf(text, name), "unknown parameter '" + name + "'"
                            + Suggestions.didYouMean(name, parameters.visibleNames(processId)));
                }
                return s;
            });
        } catch (FormulaException fe) {
            problems.add(new ModelProblem(path, fe.column(), fe.reason()));
            return null;
        }
    }

    private static int columnOf(String text, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text);
        return m.find() ? m.start() + 1 : 1;
    }

    private Integer link(Process p, Exchange e, String path, Map<String, List<Integer>> providersByFlow, TechIndex tech) {
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
                return null;
            }
            return named.get(0);
        }
        if (candidates.isEmpty()) {
            problem(path, "no process " + what + " '" + e.flow().id() + "' needed by process '" + p.id()
                    + "'; add a process with it as " + (e.flow().isWaste() ? "a waste input" : "an output")
                    + ", or model it as an elementary flow");
            return null;
        }
        if (candidates.size() > 1) {
            problem(path, "'" + e.flow().id() + "' is provided by several processes ("
                    + String.join(", ", candidates.stream().map(j -> tech.at(j).processId()).toList())
                    + "); name one with 'provider'");
            return null;
        }
        return candidates.get(0);
    }

    private int referenceColumn(TechIndex tech, Map<String, List<Integer>> providersByFlow) {
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
            problem("functional_unit", "the reference flow '" + fu.referenceFlow().id() + "' is provided by several processes ("
                    + String.join(", ", candidates.stream().map(j -> tech.at(j).processId()).toList())
                    + "); name one with 'process'");
            return 0;
        }
        return candidates.get(0);
    }

    /**
     * Allocation factor per exchange index for one column of a multi-output process; empty for a
     * single-output process (factor 1).
     */
    private Map<Integer, CompiledFormula> allocationFor(Process p, TechFlow column, ToIntFunction<String> scope,
                                                        double[] defaults) {
        List<Exchange> provided = p.providedFlows();
        Map<Integer, CompiledFormula> out = new HashMap<>();
        if (provided.size() <= 1) {
            return out;
        }
        String pPath = "process:" + p.id();
        AllocationMethod method = system.allocationMethod();
        List<String> products = provided.stream().map(e -> e.flow().id()).toList();
        for (int i = 0; i < p.allocationFactors().size(); i++) {
            AllocationFactor f = p.allocationFactors().get(i);
            if (!products.contains(f.productFlow()) && column.flowId().equals(products.get(0))) {
                problem(pPath + "/allocation:" + i, "allocation factor for '" + f.productFlow()
                        + "', which is not a co-product of '" + p.id() + "' (co-products: " + String.join(", ", products) + ")");
            }
        }
        if (method == AllocationMethod.NONE) {
            if (column.flowId().equals(products.get(0))) {
                problem(pPath, "process '" + p.id() + "' has several co-products (" + String.join(", ", products)
                        + ") but the allocation method is none; choose physical, economic or causal allocation, "
                        + "or model the extra outputs as avoided products (system expansion)");
            }
            return out;
        }
        boolean firstColumn = column.flowId().equals(products.get(0));
        AllocationMethod base = method == AllocationMethod.CAUSAL ? AllocationMethod.PHYSICAL : method;
        CompiledFormula baseFactor = factorFor(p, base, column.flowId(), "", scope, defaults, products, firstColumn);
        for (int x = 0; x < p.exchanges().size(); x++) {
            Exchange e = p.exchanges().get(x);
            if (e.isProviderSide()) {
                continue;
            }
            CompiledFormula f = null;
            if (method == AllocationMethod.CAUSAL) {
                f = factorFor(p, AllocationMethod.CAUSAL, column.flowId(), e.flow().id(), scope, defaults, products,
                        firstColumn);
            }
            if (f == null) {
                f = baseFactor;
            }
            if (f == null) {
                if (firstColumn) {
                    problem(pPath + "/exchange:" + x, "process '" + p.id() + "' needs " + (method == AllocationMethod.CAUSAL
                            ? "a causal factor for '" + e.flow().id() + "' or physical factors" : method.key() + " allocation factors")
                            + " for its co-products " + String.join(", ", products));
                }
                out.put(x, CompiledFormula.constant(0));
            } else {
                out.put(x, f);
            }
        }
        return out;
    }

    /** The factor of one product under one method (and exchange, for causal), checking the shares sum to one. */
    private CompiledFormula factorFor(Process p, AllocationMethod method, String product, String exchangeFlow,
                                      ToIntFunction<String> scope, double[] defaults, List<String> products,
                                      boolean report) {
        List<AllocationFactor> relevant = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < p.allocationFactors().size(); i++) {
            AllocationFactor f = p.allocationFactors().get(i);
            if (f.method() == method && f.exchangeFlow().equals(exchangeFlow)) {
                relevant.add(f);
                positions.add(i);
            }
        }
        if (relevant.isEmpty()) {
            return null;
        }
        String pPath = "process:" + p.id();
        String what = method.key() + " allocation factors" + (exchangeFlow.isEmpty() ? "" : " for '" + exchangeFlow + "'");
        CompiledFormula mine = null;
        double sum = 0;
        boolean evaluable = defaults != null;
        for (int i = 0; i < relevant.size(); i++) {
            AllocationFactor f = relevant.get(i);
            CompiledFormula c = compileAmount(f.factor(), scope, p.id(), pPath + "/allocation:" + positions.get(i));
            if (c == null) {
                evaluable = false;
                continue;
            }
            if (evaluable) {
                double v = c.evaluate(defaults);
                if (v < 0 && report) {
                    problem(pPath + "/allocation:" + positions.get(i), "allocation factor " + v + " for '" + f.productFlow()
                            + "' is negative; shares lie between 0 and 1");
                }
                sum += v;
            }
            if (f.productFlow().equals(product)) {
                mine = c;
            }
        }
        if (report) {
            Set<String> covered = new HashSet<>();
            relevant.forEach(f -> covered.add(f.productFlow()));
            List<String> missing = products.stream().filter(x -> !covered.contains(x)).toList();
            if (!missing.isEmpty()) {
                problem(pPath + "/allocation:" + positions.get(0), what + " of '" + p.id() + "' miss the co-product(s) "
                        + String.join(", ", missing));
            } else if (evaluable && Math.abs(sum - 1) > SHARE_TOLERANCE) {
                problem(pPath + "/allocation:" + positions.get(0), what + " of '" + p.id() + "' sum to " + round(sum) + ", not 1");
            }
        }
        return mine;
    }

    /** A number rounded to 10 significant digits for messages (0.8999999999999999 → 0.9). */
    static String round(double v) {
        return dev.cradle.model.SignificantFigures.of(v, 10);
    }

    private ImpactIndex impactIndex() {
        Set<String> seen = new HashSet<>();
        for (ImpactMethod m : system.methods()) {
            if (!seen.add(m.id())) {
                problem("method:" + m.id(), "impact method '" + m.id() + "' is included twice");
            }
        }
        return new ImpactIndex(system.methods());
    }

    private double[][] characterisation(ImpactIndex impacts, FlowIndex flows) {
        double[][] c = new double[impacts.size()][flows.size()];
        for (int k = 0; k < impacts.size(); k++) {
            ImpactIndex.Indicator ind = impacts.at(k);
            ImpactCategory cat = ind.category();
            for (int x = 0; x < cat.factors().size(); x++) {
                CharacterisationFactor cf = cat.factors().get(x);
                var row = flows.indexOf(cf.flow().id());
                if (row.isEmpty()) {
                    continue; // the flow does not occur in this system
                }
                Flow inventoryFlow = flows.at(row.getAsInt());
                Unit cfUnit = cf.flow().referenceUnit();
                if (!inventoryFlow.referenceUnit().isCompatibleWith(cfUnit)) {
                    problem("method:" + ind.method().id() + "/category:" + cat.id() + "/factor:" + x,
                            "the factor for '" + cf.flow().id() + "' is per " + cfUnit + " but the flow is measured in "
                                    + inventoryFlow.referenceUnit());
                    continue;
                }
                c[k][row.getAsInt()] = cf.value() * inventoryFlow.referenceUnit().conversionFactorTo(cfUnit);
            }
        }
        return c;
    }
}
