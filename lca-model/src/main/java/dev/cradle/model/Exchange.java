package dev.cradle.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One flow entering or leaving a process, per one unit of the process's reference output.
 *
 * @param flow        the flow exchanged
 * @param direction   input or output
 * @param amount      constant or formula, expressed in {@code unit}
 * @param unit        the unit the amount is written in; must share the flow's dimension
 * @param avoided     true for an avoided product (system expansion): the output is credited by
 *                    subtracting the production it replaces
 * @param provider    optional id of the process that provides (or treats) this product (or waste);
 *                    empty to let the engine link the only provider
 * @param uncertainty optional distribution, may be null
 */
public record Exchange(Flow flow, Direction direction, Amount amount, Unit unit, boolean avoided,
                       String provider, Uncertainty uncertainty) {

    public Exchange {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(amount, "amount");
        unit = unit == null ? flow.referenceUnit() : unit;
        provider = provider == null ? "" : provider;
        if (avoided && flow.isElementary()) {
            throw new IllegalArgumentException("elementary flow '" + flow.id() + "' cannot be an avoided product");
        }
    }

    public static Exchange input(Flow flow, double amount, Unit unit) {
        return new Exchange(flow, Direction.INPUT, Amount.of(amount), unit, false, "", null);
    }

    public static Exchange output(Flow flow, double amount, Unit unit) {
        return new Exchange(flow, Direction.OUTPUT, Amount.of(amount), unit, false, "", null);
    }

    public boolean isInput() {
        return direction == Direction.INPUT;
    }

    public boolean isOutput() {
        return direction == Direction.OUTPUT;
    }

    /**
     * True when this exchange provides a product (a product output) or a treatment service (a waste
     * input): such exchanges are the candidate reference flows of their process.
     */
    public boolean isProviderSide() {
        if (avoided || flow.isElementary()) {
            return false;
        }
        return flow.isWaste() ? isInput() : isOutput();
    }

    /**
     * True when this exchange must be linked to a provider: a product input or a waste output (or an
     * avoided product/waste, linked with the opposite sign).
     */
    public boolean isLinked() {
        return !flow.isElementary() && !isProviderSide();
    }

    public Optional<String> providerId() {
        return provider.isEmpty() ? Optional.empty() : Optional.of(provider);
    }

    public Optional<Uncertainty> uncertaintyInfo() {
        return Optional.ofNullable(uncertainty);
    }

    public Exchange withAmount(Amount newAmount) {
        return new Exchange(flow, direction, newAmount, unit, avoided, provider, uncertainty);
    }
}
