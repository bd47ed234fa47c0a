package dev.cradle.engine.ai;

import java.util.Map;

/**
 * How a shared cost is split among the workloads that share it (ISO 14044 §4.3.4: the procedure is
 * documented in the results with its shares).
 */
public sealed interface AllocationRule {

    /** Short name shown in results, e.g. {@code by_device_hours}. */
    String key();

    /** In proportion to each workload's device-hours. */
    record ByDeviceHours() implements AllocationRule {
        public String key() {
            return "by_device_hours";
        }
    }

    /** In proportion to each workload's IT energy. */
    record ByEnergy() implements AllocationRule {
        public String key() {
            return "by_energy";
        }
    }

    /** In proportion to each workload's floating-point operations (every workload must declare them). */
    record ByFlops() implements AllocationRule {
        public String key() {
            return "by_flops";
        }
    }

    /** In proportion to the IT power each workload reserves, times the hours it holds it (MW·h). */
    record ByReservedCapacity() implements AllocationRule {
        public String key() {
            return "by_reserved_capacity";
        }
    }

    /** The same share for every workload. */
    record Equal() implements AllocationRule {
        public String key() {
            return "equal";
        }
    }

    /**
     * Given shares, keyed by workload id or model id (a model's share is split among its workloads by
     * device-hours); each share is an expression over the global parameters (a literal is a number).
     */
    record Fixed(Map<String, dev.cradle.model.Expression> shares) implements AllocationRule {
        public Fixed {
            shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
        }

        /** Literal shares. */
        public static Fixed of(Map<String, Double> shares) {
            return new Fixed(Declarations.numbers(shares));
        }

        public String key() {
            return "fixed";
        }
    }

    /**
     * A formula evaluated per workload over {@code device_hours}, {@code energy_kwh}, {@code flops},
     * {@code reserved_mwh}, {@code runs}, {@code queries}; the results are normalised to shares.
     */
    record Formula(String expression) implements AllocationRule {
        public String key() {
            return "formula: " + expression;
        }
    }
}
