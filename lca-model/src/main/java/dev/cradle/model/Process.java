package dev.cradle.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit process: exchanges per one unit of its reference output, the life cycle stage it belongs to,
 * the ML phase it serves (if any) and free tags (device, datacenter, model, ...) for contribution
 * analysis.
 *
 * @param id                identifier, unique in the product system
 * @param name              human-readable name
 * @param stage             life cycle stage
 * @param phase             ML phase, or null when the process is not specific to one
 * @param tags              free key/value tags, e.g. {@code device=gpu-a100}
 * @param exchanges         inputs and outputs
 * @param parameters        process-scope parameters
 * @param allocationFactors partition of a multi-output process among its co-products
 * @param coverage          impact category ids this process's data covers; empty means complete
 *                          (a foreground process the analyst wrote). A background dataset that only
 *                          gives, say, climate change lists just that, and results then report the
 *                          other categories as not covered for it instead of a silent zero.
 */
public record Process(String id, String name, LifecycleStage stage, MlPhase phase, Map<String, String> tags,
                      List<Exchange> exchanges, List<Parameter> parameters,
                      List<AllocationFactor> allocationFactors, java.util.Set<String> coverage) {

    public Process(String id, String name, LifecycleStage stage, MlPhase phase, Map<String, String> tags,
                   List<Exchange> exchanges, List<Parameter> parameters, List<AllocationFactor> allocationFactors) {
        this(id, name, stage, phase, tags, exchanges, parameters, allocationFactors, java.util.Set.of());
    }

    /** True when this process's data covers impact category {@code categoryId}. */
    public boolean covers(String categoryId) {
        return coverage.isEmpty() || coverage.contains(categoryId);
    }

    public Process {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage of process " + id);
        name = name == null || name.isBlank() ? id : name;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        exchanges = List.copyOf(exchanges == null ? List.of() : exchanges);
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        allocationFactors = List.copyOf(allocationFactors == null ? List.of() : allocationFactors);
        coverage = java.util.Set.copyOf(coverage == null ? java.util.Set.of() : coverage);
    }

    public Optional<MlPhase> mlPhase() {
        return Optional.ofNullable(phase);
    }

    /** Exchanges that provide a product or treat a waste (co-products when there are several). */
    public List<Exchange> providedFlows() {
        return exchanges.stream().filter(Exchange::isProviderSide).toList();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fluent builder for the Java API; {@link #build()} returns an immutable process. */
    public static final class Builder {
        private final String id;
        private String name;
        private LifecycleStage stage = LifecycleStage.USE;
        private MlPhase phase;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<Exchange> exchanges = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<AllocationFactor> factors = new ArrayList<>();
        private final java.util.Set<String> coverage = new java.util.LinkedHashSet<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder stage(LifecycleStage stage) {
            this.stage = stage;
            return this;
        }

        public Builder phase(MlPhase phase) {
            this.phase = phase;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /** A product output (or a treated waste input, for a waste flow) in the flow's reference unit. */
        public Builder output(Flow flow, double amount) {
            return exchange(new Exchange(flow, Direction.OUTPUT, Amount.of(amount), null, false, "", null));
        }

        public Builder output(Flow flow, double amount, String unit) {
            return exchange(new Exchange(flow, Direction.OUTPUT, Amount.of(amount), Units.of(unit), false, "", null));
        }

        public Builder input(Flow flow, double amount) {
            return exchange(new Exchange(flow, Direction.INPUT, Amount.of(amount), null, false, "", null));
        }

        public Builder input(Flow flow, double amount, String unit) {
            return exchange(new Exchange(flow, Direction.INPUT, Amount.of(amount), Units.of(unit), false, "", null));
        }

        /** An input whose amount is a formula over parameters, written in {@code unit}. */
        public Builder inputFormula(Flow flow, String formula, String unit) {
            return exchange(new Exchange(flow, Direction.INPUT, Amount.formula(formula), Units.of(unit), false, "", null));
        }

        /** An output whose amount is a formula over parameters, written in {@code unit}. */
        public Builder outputFormula(Flow flow, String formula, String unit) {
            return exchange(new Exchange(flow, Direction.OUTPUT, Amount.formula(formula), Units.of(unit), false, "", null));
        }

        /** An avoided co-product (system expansion): credited with the production it displaces. */
        public Builder avoidedOutput(Flow flow, double amount) {
            return exchange(new Exchange(flow, Direction.OUTPUT, Amount.of(amount), null, true, "", null));
        }

        public Builder exchange(Exchange exchange) {
            exchanges.add(exchange);
            return this;
        }

        public Builder parameter(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public Builder allocation(AllocationFactor factor) {
            factors.add(factor);
            return this;
        }

        /** Declares the impact categories this process's data covers (default: all). */
        public Builder covers(String... categoryIds) {
            coverage.addAll(List.of(categoryIds));
            return this;
        }

        public Process build() {
            return new Process(id, name, stage, phase, tags, exchanges, parameters, factors, coverage);
        }
    }
}
