package dev.cradle.engine.ai;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.NamedFunctionalUnit;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the AI rules produced: processes and parameters to add to the product system, the functional
 * units (the primary one first: the product system's own), the trace of every generated process, the allocation records, the market basis; measured workloads
 * set beside the declared study, and the warnings of the compilation.
 *
 * <p>Every exchange amount and parameter the rules emit is a constant or an expression tree over the
 * scenario's global parameters (and the library parameters in {@link #parameters()}), so a new parameter
 * vector re-evaluates the whole study through the compiled system without running the rules again. The
 * figures kept beside the system — {@link #allocations()}, {@link #energy()}, {@link #measurements()} and the
 * traces — are at the parameters' central values.
 *
 * <p><b>Market basis.</b> The use-phase exchanges read each datacenter's grid intensity from one global
 * parameter, {@code grid_intensity_<datacenter>}, whose amount is the location-based intensity (a tree when
 * the grid is parametric, e.g. a mix whose technologies are library parameters). {@link #marketBasis()} maps
 * that parameter to the market-based intensity as a {@link Value} whose tree is over the same global
 * parameters (the declared market intensity, or location × (1 − renewable share)). The market-based
 * parameter vector is the location-based one with each intensity slot set to its market tree evaluated on
 * that same vector ({@link #marketBasedParameters(CompiledSystem, double[])}), so it stays right when the
 * market intensity, the renewable share or the grid itself moves with the parameters.
 *
 * @param marketBasis grid intensity parameter → its market-based value (central and tree)
 * @param countryMixes the generation mixes the library grids of the study's datacenters took their categories other
 *                     than climate change from, with the share of generation each category covers
 */
public record AiStudy(List<Process> processes, List<Parameter> parameters, List<NamedFunctionalUnit> functionalUnits,
                      List<Trace> traces, List<AllocationRecord> allocations, Map<String, Value> marketBasis,
                      List<WorkloadEnergy> energy, List<MeasurementCheck> measurements, List<Warning> warnings,
                      List<CountryMixBurdens> countryMixes) {
    /** A study whose grids took nothing from a generation mix. */
    public AiStudy(List<Process> processes, List<Parameter> parameters, List<NamedFunctionalUnit> functionalUnits,
                   List<Trace> traces, List<AllocationRecord> allocations, Map<String, Value> marketBasis,
                   List<WorkloadEnergy> energy, List<MeasurementCheck> measurements, List<Warning> warnings) {
        this(processes, parameters, functionalUnits, traces, allocations, marketBasis, energy, measurements, warnings,
                List.of());
    }

    public AiStudy {
        countryMixes = List.copyOf(countryMixes);
        functionalUnits = List.copyOf(functionalUnits);
        if (functionalUnits.isEmpty()) {
            throw new IllegalArgumentException("an AI study has at least one functional unit");
        }
        energy = List.copyOf(energy);
        measurements = List.copyOf(measurements);
        warnings = List.copyOf(warnings);
        processes = List.copyOf(processes);
        parameters = List.copyOf(parameters);
        traces = List.copyOf(traces);
        allocations = List.copyOf(allocations);
        marketBasis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(marketBasis));
    }

    /** The market-based intensity of each grid intensity parameter at the central values, kg CO2-eq/kWh. */
    public Map<String, Double> marketOverrides() {
        Map<String, Double> out = new LinkedHashMap<>();
        marketBasis.forEach((name, v) -> out.put(name, v.central()));
        return out;
    }

    /**
     * The library figures with a range that the rules made global parameters (e.g.
     * {@code hardware.a100-cluster.embodied_gwp}), each with its central value, unit, distribution and source;
     * library figures the scenario overrides with its own parameter of the same name are not among them.
     */
    public List<Parameter> libraryParameters() {
        return parameters.stream().filter(p -> p.uncertainty() != null).toList();
    }

    /** The primary functional unit: the product system's own. */
    public FunctionalUnit functionalUnit() {
        return functionalUnits.get(0).unit();
    }

    /** The compiled system's parameter vector at the central values, with market-based grid intensities. */
    public double[] marketBasedParameters(CompiledSystem compiled) {
        double[] p = compiled.parameters().constants();
        compiled.parameters().evaluateInto(p);
        return marketBasedParameters(compiled, p);
    }

    /**
     * The market-based counterpart of an evaluated (location-based) parameter vector of {@code compiled}: a copy
     * in which each grid intensity slot holds its market tree evaluated on {@code parameters}. To convert many
     * vectors, {@link #marketBasis(CompiledSystem)} compiles the trees once.
     */
    public double[] marketBasedParameters(CompiledSystem compiled, double[] parameters) {
        return marketBasis(compiled).apply(parameters);
    }

    /** The market basis compiled against {@code compiled}, for converting many parameter vectors. */
    public MarketBasis marketBasis(CompiledSystem compiled) {
        return new MarketBasis(compiled, marketBasis);
    }
}
