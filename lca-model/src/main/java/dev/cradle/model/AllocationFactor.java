package dev.cradle.model;

import java.util.Objects;

/**
 * The share of a multi-output process's exchanges attributed to one of its products.
 *
 * @param method      physical, economic or causal
 * @param productFlow id of the co-product the share goes to
 * @param exchangeFlow for causal factors, the id of the flow whose exchange is partitioned this way;
 *                    empty for physical and economic factors (they apply to every exchange)
 * @param factor      the share, a number or formula; factors of one method and exchange must sum to 1
 */
public record AllocationFactor(AllocationMethod method, String productFlow, String exchangeFlow, Amount factor) {
    public AllocationFactor {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(productFlow, "productFlow");
        Objects.requireNonNull(factor, "factor");
        exchangeFlow = exchangeFlow == null ? "" : exchangeFlow;
        if (method == AllocationMethod.NONE) {
            throw new IllegalArgumentException("an allocation factor needs a method other than none");
        }
        if (method != AllocationMethod.CAUSAL && !exchangeFlow.isEmpty()) {
            throw new IllegalArgumentException("only causal factors name an exchange");
        }
    }

    public static AllocationFactor of(AllocationMethod method, String productFlow, double share) {
        return new AllocationFactor(method, productFlow, "", Amount.of(share));
    }

    public static AllocationFactor causal(String productFlow, String exchangeFlow, double share) {
        return new AllocationFactor(AllocationMethod.CAUSAL, productFlow, exchangeFlow, Amount.of(share));
    }
}
