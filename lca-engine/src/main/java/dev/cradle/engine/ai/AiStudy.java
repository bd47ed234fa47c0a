package dev.cradle.engine.ai;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.NamedFunctionalUnit;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import java.util.List;
import java.util.Map;

/**
 * What the AI rules produced: processes and parameters to add to the product system, the functional
 * units (the primary one first: the product system's own), the trace of every generated process, the allocation records, and the parameter values that
 * turn location-based into market-based results; measured workloads set beside the declared study, and the
 * warnings of the compilation.
 */
public record AiStudy(List<Process> processes, List<Parameter> parameters, List<NamedFunctionalUnit> functionalUnits,
                      List<Trace> traces, List<AllocationRecord> allocations, Map<String, Double> marketOverrides,
                      List<WorkloadEnergy> energy, List<MeasurementCheck> measurements, List<Warning> warnings) {
    public AiStudy {
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
        marketOverrides = Map.copyOf(marketOverrides);
    }

    /** The primary functional unit: the product system's own. */
    public FunctionalUnit functionalUnit() {
        return functionalUnits.get(0).unit();
    }

    /** The compiled system's parameter vector with market-based grid intensities. */
    public double[] marketBasedParameters(CompiledSystem compiled) {
        double[] p = compiled.parameters().constants();
        marketOverrides.forEach((name, value) -> {
            int slot = compiled.parameters().globalSlot(name);
            if (slot >= 0) {
                p[slot] = value;
            }
        });
        compiled.parameters().evaluateInto(p);
        return p;
    }
}
