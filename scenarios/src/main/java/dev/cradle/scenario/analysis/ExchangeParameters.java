package dev.cradle.scenario.analysis;

import dev.cradle.engine.calc.AmountCompiler;
import dev.cradle.engine.calc.ParameterTable;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Expression;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.Position;
import dev.cradle.scenario.Problem;
import dev.cradle.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Distributions on exchange amounts as implicit parameters, so that the analyses draw them like any parameter
 * (once per draw; the compiled system is rebuilt once with them).
 *
 * <p>Every exchange of the study's processes that carries a distribution gets a global parameter named
 * {@code exchange.<process>.<in|out><n>_<flow>} (n counts the process's exchanges, inputs first, from 0, as the
 * scenario lists them), whose central value is the amount and whose distribution is the exchange's, in the exchange's
 * unit. A constant amount becomes that parameter; a formula amount f(p) with central value c ≠ 0 becomes
 * {@code f(p) × u / c}: the distribution describes the amount at the central values, and it scales with the formula
 * elsewhere. At the central values the study is unchanged. Processes of background databases (tagged
 * {@code database}) keep their amounts: their own distributions are not drawn.
 *
 * <p>A process of the factor library that the scenario references directly (a generic study's
 * {@code provider: "device:nvidia-a100-80gb"} or {@code "building:datacenter"}) brings the library's ranges on its
 * exchanges (an archetype's embodied GHG, the building per MW); with {@code libraryRanges} on they are drawn the same
 * way, as the AI rules' library ranges are, through a parameter named {@code <kind>.<id>.<flow>} after the library
 * id ({@code device.nvidia-a100-80gb.gwp} for the aggregated CO2-eq, in kg CO2-eq per item) whose source names the
 * process and its dataset ({@code library range, device:nvidia-a100-80gb (hardware-accelerators)}). With it off they
 * keep their central amounts.
 *
 * @param system     the product system with the exchanges rewritten (the study's own when none is uncertain)
 * @param parameters the implicit parameters, in process and exchange order
 * @param sources    per parameter, {@code exchange <process>/<n>}, or {@code library range, <process> (<dataset>)}
 */
record ExchangeParameters(ProductSystem system, List<Parameter> parameters, List<String> sources) {

    /** Prefix of the source of a library range drawn from a library process the scenario references directly. */
    static final String LIBRARY_PROCESS = StudyInputs.LIBRARY + ", ";

    static ExchangeParameters of(LoadedScenario study) {
        return of(study, false);
    }

    static ExchangeParameters of(LoadedScenario study, boolean libraryRanges) {
        ProductSystem system = study.system();
        ParameterTable table = study.compiled().parameters();
        double[] central = table.evaluate();
        Set<String> taken = new HashSet<>();
        system.parameters().forEach(p -> taken.add(p.name()));
        List<Parameter> parameters = new ArrayList<>(system.parameters());
        List<Parameter> implicit = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        FactorLibrary library = FactorLibrary.bundled();
        for (Process process : system.processes()) {
            boolean fromLibrary = library.process(process.id()).isPresent();
            if (process.tags().containsKey("database") || (fromLibrary && !libraryRanges)
                    || process.exchanges().stream().allMatch(x -> x.uncertainty() == null)) {
                processes.add(process);
                continue;
            }
            List<Exchange> exchanges = new ArrayList<>();
            int inputs = 0;
            int outputs = 0;
            for (int x = 0; x < process.exchanges().size(); x++) {
                Exchange e = process.exchanges().get(x);
                int n = e.isInput() ? inputs++ : outputs++;
                if (e.uncertainty() == null) {
                    exchanges.add(e);
                    continue;
                }
                String name = unique(taken, fromLibrary ? libraryName(process, e) : "exchange." + segment(process.id())
                        + "." + (e.isInput() ? "in" : "out") + n + "_" + segment(e.flow().id()).replace('-', '_'));
                String path = "process:" + process.id() + "/exchange:" + x;
                Expression variable = new Expression.Variable(name, 0);
                double value;
                Amount amount;
                if (e.amount() instanceof Amount.Constant c) {
                    value = c.value();
                    amount = Amount.of(variable);
                } else {
                    Expression f = AmountCompiler.expression(e.amount());
                    value = FormulaCompiler.compile(AmountCompiler.text(e.amount()), f,
                            table.resolverFor(process.id())).evaluate(central);
                    if (value == 0 || !Double.isFinite(value)) {
                        Position at = study.sources().locate(path, 0);
                        problems.add(new Problem(study.file(), at, "the exchange of '" + e.flow().id() + "' in process '"
                                + process.id() + "' has a distribution but its formula is " + value + " at the central "
                                + "values: a distribution on a formula scales it, which needs a central value other "
                                + "than 0; give the distribution to a parameter the formula reads"));
                        exchanges.add(e);
                        continue;
                    }
                    String outside = dev.cradle.scenario.CentralValueCheck.whyOutside(e.uncertainty(), value, e.unit() == null ? "" : e.unit().symbol());
                    if (outside != null) {
                        problems.add(new Problem(study.file(), study.sources().locate(path, 0), "the exchange of '"
                                + e.flow().id() + "' in process '" + process.id() + "' is a formula whose central value "
                                + "disagrees with its distribution (a distribution on a formula describes the amount at the "
                                + "central values): " + outside));
                        exchanges.add(e);
                        continue;
                    }
                    amount = Amount.of(new Expression.Binary("*", f, new Expression.Binary("/", variable,
                            new Expression.Number(value, 0), 0), 0));
                }
                if (fromLibrary) {
                    String dataset = library.sourceOf(process.id()).orElse("factor library");
                    implicit.add(new Parameter(name, Amount.of(value), libraryUnit(process, e), e.uncertainty(),
                            e.flow().name() + " per " + referenceUnit(process) + " of library process '" + process.id()
                                    + "' (" + dataset + "; range from the library)"));
                    sources.add(LIBRARY_PROCESS + process.id() + " (" + dataset + ")");
                } else {
                    implicit.add(new Parameter(name, Amount.of(value), e.unit().symbol(), e.uncertainty(),
                            "the amount of '" + e.flow().id() + "' in process '" + process.id() + "'"));
                    sources.add("exchange " + process.id() + "/" + x);
                }
                exchanges.add(new Exchange(e.flow(), e.direction(), amount, e.unit(), e.avoided(), e.provider(), null));
            }
            processes.add(new Process(process.id(), process.name(), process.stage(), process.phase(), process.tags(),
                    exchanges, process.parameters(), process.allocationFactors(), process.coverage()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (implicit.isEmpty()) {
            return new ExchangeParameters(system, List.of(), List.of());
        }
        parameters.addAll(implicit);
        return new ExchangeParameters(new ProductSystem(system.name(), processes, system.functionalUnit(), parameters,
                system.methods(), system.allocationMethod()), List.copyOf(implicit), List.copyOf(sources));
    }

    /**
     * The parameter of a library process's exchange: {@code <kind>.<id>.<flow>} from the library id
     * {@code <kind>:<id>}, the flow {@code gwp} for the aggregated CO2-eq ({@code device.nvidia-a100-80gb.gwp}).
     */
    static String libraryName(Process process, Exchange e) {
        String id = process.id();
        int colon = id.indexOf(':');
        String kind = colon < 0 ? "library" : segment(id.substring(0, colon));
        String rest = segment(colon < 0 ? id : id.substring(colon + 1));
        String flow = e.flow().id().equals(CO2E) ? "gwp" : segment(e.flow().id()).replace('-', '_');
        return kind + "." + rest + "." + flow;
    }

    private static final String CO2E = "co2e_aggregated";

    /** e.g. {@code kg CO2-eq/item}: the exchange's unit per unit of the process's reference product. */
    private static String libraryUnit(Process process, Exchange e) {
        return e.unit().symbol() + (e.flow().id().equals(CO2E) ? " CO2-eq" : "") + "/" + referenceUnit(process);
    }

    /** The unit symbol of the process's reference product (its first product or waste output). */
    private static String referenceUnit(Process process) {
        return process.exchanges().stream().filter(x -> x.isOutput() && !x.flow().isElementary()).findFirst()
                .map(x -> x.unit().symbol()).orElse("unit");
    }

    /** {@code id} as one segment of a dotted parameter name: other characters become '_'. */
    private static String segment(String id) {
        String s = id.replaceAll("[^A-Za-z0-9_-]", "_").replaceAll("^-+|-+$", "").replaceAll("--+", "-");
        return s.isEmpty() ? "_" : s;
    }

    private static String unique(Set<String> taken, String name) {
        String n = name;
        for (int i = 2; !taken.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }
}
