package dev.cradle.engine.ai;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.model.Exchange;
import dev.cradle.model.Expression;
import dev.cradle.model.Flow;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.data.ReferenceData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working state of one AI compilation, passed through the rules in order: the declarations and
 * the library in, generated processes, parameters, traces and allocation records out. Only the
 * compiler creates one; rules add to it.
 */
public final class CompilationContext {
    private final AiScenario scenario;
    private final ReferenceData library;
    final Map<String, WorkloadFacts> facts = new LinkedHashMap<>();
    final Map<String, DatacenterFacts> datacenters = new LinkedHashMap<>();
    /** Library grid code → its categories other than climate change from its country's generation mix. */
    final Map<String, CountryMixBurdens> countryMixes = new LinkedHashMap<>();
    final Map<String, List<Exchange>> runInputs = new LinkedHashMap<>();
    final Map<String, RunUse> runUse = new LinkedHashMap<>();
    final List<WorkloadEnergy> energy = new ArrayList<>();
    final List<MeasurementCheck> measurements = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();

    /** The use-phase exchanges of a workload's run, with their coverage and the arithmetic behind them. */
    record RunUse(List<Exchange> exchanges, java.util.Set<String> coverage, List<String> lines) {
    }
    final List<Process> processes = new ArrayList<>();
    final List<Parameter> parameters = new ArrayList<>();
    final List<Trace> traces = new ArrayList<>();
    final List<AllocationRecord> allocations = new ArrayList<>();
    /** Grid intensity parameter → its market-based value (see {@link AiStudy#marketBasis()}). */
    final Map<String, Value> marketBasis = new LinkedHashMap<>();
    final List<ModelProblem> problems = new ArrayList<>();
    /** The study's functional units, the primary one first (set by the functional-unit rule). */
    final List<dev.cradle.engine.calc.NamedFunctionalUnit> functionalUnits = new ArrayList<>();

    private final Map<String, Double> parameterValues;

    CompilationContext(AiScenario scenario, ReferenceData library, Map<String, Double> parameterValues) {
        this.scenario = scenario;
        this.library = library;
        this.parameterValues = Map.copyOf(parameterValues);
    }

    /** The central values of the scenario's global parameters, by name. */
    public Map<String, Double> parameterValues() {
        return parameterValues;
    }

    /**
     * A declared field as a {@link Value}: its tree, and its value at the parameters' central values.
     *
     * @return null when {@code e} is null (the field was not declared)
     */
    public Value value(Expression e) {
        return e == null ? null : new Value(central(e), e);
    }

    /**
     * A declared field as a {@link Value}; a NaN constant when the field was not declared, so that arithmetic on
     * a missing figure ends in the rules' "not a finite number" problem as before.
     */
    Value declared(Expression e) {
        return e == null ? Value.of(Double.NaN) : value(e);
    }

    /**
     * A figure the factor library gives with a range, as the named global parameter {@code name}: the scenario's
     * own global parameter of that name when it declares one (how a user overrides a library value), else a new
     * parameter of the study with the library's {@code central} value, {@code unit}, distribution and a
     * {@code description} naming the source. Asking twice for one name gives the same parameter.
     */
    Value libraryParameter(String name, double central, String unit, dev.cradle.model.Uncertainty uncertainty,
                           String description) {
        Double declared = parameterValues.get(name);
        if (declared != null) {
            return Value.parameter(name, declared);
        }
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return Value.parameter(name, ((dev.cradle.model.Amount.Constant) p.amount()).value());
            }
        }
        parameters.add(new Parameter(name, dev.cradle.model.Amount.of(central), unit, uncertainty, description));
        return Value.parameter(name, central);
    }

    /**
     * The value of {@code e} at the parameters' central values; NaN when {@code e} is null (not declared).
     *
     * @throws dev.cradle.engine.formula.FormulaException when {@code e} reads a parameter the scenario does not declare
     */
    public double central(Expression e) {
        if (e == null) {
            return Double.NaN;
        }
        return dev.cradle.engine.formula.FormulaCompiler.evaluate(e, parameterValues);
    }

    public AiScenario scenario() {
        return scenario;
    }

    /** The reference data the rules read (archetypes, grids, transport, end of life, water, methods). */
    public ReferenceData library() {
        return library;
    }

    /**
     * Per-datacenter electricity facts, set by the datacenter rule.
     *
     * @param location       location-based intensity, kg CO2-eq/kWh (a tree when the grid is parametric)
     * @param market         market-based intensity, kg CO2-eq/kWh
     * @param offsiteLPerKwh off-site water per kWh of facility energy, L; null when not known (not covered)
     * @param intensityParameter the global parameter the use-phase exchanges read the intensity from
     */
    public record DatacenterFacts(Value location, Value market, Value offsiteLPerKwh, Flow water,
                                  String intensityParameter, java.util.Set<String> coverage, String gridDescription) {
        /** The intensity parameter as the exchanges read it. */
        Value intensity() {
            return Value.parameter(intensityParameter, location.central());
        }
    }

    void problem(String path, String message) {
        problems.add(ModelProblem.at(path, message));
    }

    /**
     * True when every {@code value} is a finite number; otherwise reports at {@code path} that
     * {@code what} overflowed (the product of declared numbers left the range of a double).
     */
    boolean finite(String path, String what, double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                problem(path, what + " is not a finite number (" + v + "): the declared numbers it is computed from "
                        + "are too large or too small; check their magnitudes and units");
                return false;
            }
        }
        return true;
    }

    void add(Process p, Trace t) {
        processes.add(p);
        traces.add(t);
    }

    /** Makes {@code product} an input of the workload's run process (one unit per run). */
    void feedRun(String workloadId, Flow product, double amount) {
        runInputs.computeIfAbsent(workloadId, k -> new ArrayList<>()).add(Exchange.input(product, amount,
                product.referenceUnit()));
    }
}
