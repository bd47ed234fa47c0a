package dev.cradle.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A flow: elementary (emission or resource, with a compartment and an optional location) or a
 * product/waste flow exchanged between processes. Every amount of the flow inside the engine is in
 * its {@code referenceUnit}.
 *
 * @param id             unique identifier used by exchanges and characterisation factors
 * @param name           human-readable name, e.g. "Carbon dioxide, fossil"
 * @param type           elementary, product or waste
 * @param referenceUnit  the unit all amounts of this flow are held in
 * @param compartment    required for elementary flows, absent for product and waste flows
 * @param subCompartment optional refinement, e.g. "urban air close to ground"; may be empty
 * @param location       optional region code (ISO 3166 or a grid region) for regionalised factors
 */
public record Flow(String id, String name, FlowType type, Unit referenceUnit, Compartment compartment,
                   String subCompartment, String location) {

    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(referenceUnit, "referenceUnit");
        name = name == null || name.isBlank() ? id : name;
        subCompartment = subCompartment == null ? "" : subCompartment;
        location = location == null ? "" : location;
        if (type == FlowType.ELEMENTARY && compartment == null) {
            throw new IllegalArgumentException("elementary flow '" + id + "' needs a compartment");
        }
        if (type != FlowType.ELEMENTARY && compartment != null) {
            throw new IllegalArgumentException(type.name().toLowerCase() + " flow '" + id + "' cannot have a compartment");
        }
    }

    public static Flow product(String id, String name, Unit unit) {
        return new Flow(id, name, FlowType.PRODUCT, unit, null, "", "");
    }

    public static Flow waste(String id, String name, Unit unit) {
        return new Flow(id, name, FlowType.WASTE, unit, null, "", "");
    }

    public static Flow elementary(String id, String name, Unit unit, Compartment compartment) {
        return new Flow(id, name, FlowType.ELEMENTARY, unit, compartment, "", "");
    }

    public boolean isElementary() {
        return type == FlowType.ELEMENTARY;
    }

    public boolean isWaste() {
        return type == FlowType.WASTE;
    }

    /**
     * The direction in which this elementary flow normally crosses the boundary, from its compartment
     * ({@link Compartment#naturalDirection()}: resources and consumed water in, emissions out).
     *
     * @throws IllegalStateException for a product or waste flow, which has no natural direction
     */
    public Direction naturalDirection() {
        if (!isElementary()) {
            throw new IllegalStateException(type.name().toLowerCase() + " flow '" + id + "' has no natural direction; "
                    + "only elementary flows do");
        }
        return compartment.naturalDirection();
    }

    /** True when this elementary flow naturally enters the system (a resource or consumed water). */
    public boolean isInputByNature() {
        return naturalDirection() == Direction.INPUT;
    }

    public Optional<String> locationCode() {
        return location.isEmpty() ? Optional.empty() : Optional.of(location);
    }
}
