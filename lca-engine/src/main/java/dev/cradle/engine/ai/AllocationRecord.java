package dev.cradle.engine.ai;

import java.util.Map;

/**
 * One shared cost as allocated: what it is, its amount for the study, the rule, and each workload's
 * share (summing to one). Reported in results as ISO 14044 asks.
 */
public record AllocationRecord(String cost, String description, double amount, String unit, String rule,
                               Map<String, Double> shares) {
    public AllocationRecord {
        shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
    }
}
