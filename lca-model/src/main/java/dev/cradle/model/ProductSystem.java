package dev.cradle.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The modelled system: unit processes, the functional unit they deliver, global parameters, the
 * LCIA methods to apply and the default allocation method for multi-output processes.
 */
public record ProductSystem(String name, List<Process> processes, FunctionalUnit functionalUnit,
                            List<Parameter> parameters, List<ImpactMethod> methods,
                            AllocationMethod allocationMethod) {

    public ProductSystem {
        Objects.requireNonNull(functionalUnit, "functionalUnit");
        name = name == null ? "" : name;
        processes = List.copyOf(processes);
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        methods = List.copyOf(methods == null ? List.of() : methods);
        allocationMethod = allocationMethod == null ? AllocationMethod.PHYSICAL : allocationMethod;
    }

    public Optional<Process> process(String id) {
        return processes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The same system delivering a different amount of the reference flow. */
    public ProductSystem withFunctionalUnit(FunctionalUnit fu) {
        return new ProductSystem(name, processes, fu, parameters, methods, allocationMethod);
    }

    /** The same system with global parameters replaced by {@code newParameters}. */
    public ProductSystem withParameters(List<Parameter> newParameters) {
        return new ProductSystem(name, processes, functionalUnit, newParameters, methods, allocationMethod);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Fluent builder for the Java API. */
    public static final class Builder {
        private final String name;
        private final List<Process> processes = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<ImpactMethod> methods = new ArrayList<>();
        private FunctionalUnit functionalUnit;
        private AllocationMethod allocation = AllocationMethod.PHYSICAL;

        private Builder(String name) {
            this.name = name;
        }

        public Builder process(Process p) {
            processes.add(p);
            return this;
        }

        public Builder parameter(Parameter p) {
            parameters.add(p);
            return this;
        }

        public Builder method(ImpactMethod m) {
            methods.add(m);
            return this;
        }

        /** The functional unit: {@code amount} of {@code flow} in its reference unit. */
        public Builder functionalUnit(Flow flow, double amount, String description) {
            this.functionalUnit = new FunctionalUnit(description, flow, "", Amount.of(amount), flow.referenceUnit());
            return this;
        }

        public Builder functionalUnit(FunctionalUnit fu) {
            this.functionalUnit = fu;
            return this;
        }

        public Builder allocation(AllocationMethod method) {
            this.allocation = method;
            return this;
        }

        public ProductSystem build() {
            if (functionalUnit == null) {
                throw new IllegalStateException("product system '" + name + "' needs a functional unit");
            }
            return new ProductSystem(name, processes, functionalUnit, parameters, methods, allocation);
        }
    }
}
