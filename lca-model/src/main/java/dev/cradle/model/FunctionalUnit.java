package dev.cradle.model;

import java.util.Objects;

/**
 * The quantified function of the studied system (ISO 14044 §4.2.3.2) and its reference flow.
 *
 * @param description what one functional unit is, in words ("1,000 kWh of electricity delivered")
 * @param referenceFlow the product (or waste, for a treatment service) that fulfils the function
 * @param provider    id of the process providing it; empty when only one process provides that flow
 * @param amount      how much of the reference flow, in {@code unit}; may be a formula
 * @param unit        unit of {@code amount}, same dimension as the flow
 */
public record FunctionalUnit(String description, Flow referenceFlow, String provider, Amount amount, Unit unit) {
    public FunctionalUnit {
        Objects.requireNonNull(referenceFlow, "referenceFlow");
        Objects.requireNonNull(amount, "amount");
        description = description == null ? "" : description;
        provider = provider == null ? "" : provider;
        unit = unit == null ? referenceFlow.referenceUnit() : unit;
        if (referenceFlow.isElementary()) {
            throw new IllegalArgumentException("the reference flow must be a product or waste flow, not the elementary flow '"
                    + referenceFlow.id() + "'");
        }
    }

    public static FunctionalUnit of(Flow flow, double amount) {
        return new FunctionalUnit("", flow, "", Amount.of(amount), flow.referenceUnit());
    }

    public FunctionalUnit withAmount(double newAmount) {
        return new FunctionalUnit(description, referenceFlow, provider, Amount.of(newAmount), unit);
    }
}
