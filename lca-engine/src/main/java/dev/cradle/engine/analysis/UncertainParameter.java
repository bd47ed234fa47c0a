package dev.cradle.engine.analysis;

import dev.cradle.model.Uncertainty;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An input slot of a {@link ParametricModel} with the distribution it is drawn from.
 *
 * @param name         the parameter's name as the user wrote it (reports, messages)
 * @param slot         its index in the parameter vector
 * @param distribution the distribution, in the parameter's unit
 */
public record UncertainParameter(String name, int slot, ParameterDistribution distribution) {
    public UncertainParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(distribution, "distribution");
        if (slot < 0) {
            throw new IllegalArgumentException("parameter '" + name + "': slot must be >= 0, got " + slot);
        }
    }

    /** Maps {@code uncertainty} through {@link ParameterDistribution#of}; rejects impossible parameters. */
    public static UncertainParameter of(String name, int slot, Uncertainty uncertainty) {
        try {
            return new UncertainParameter(name, slot, ParameterDistribution.of(uncertainty));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Checks that every slot lies in the model and that no slot has two distributions. */
    static void check(ParametricModel model, List<UncertainParameter> parameters) {
        Set<Integer> seen = new HashSet<>();
        for (UncertainParameter p : parameters) {
            if (p.slot() >= model.parameterCount()) {
                throw new IllegalArgumentException("parameter '" + p.name() + "': slot " + p.slot()
                        + " is outside the model's " + model.parameterCount() + " parameters");
            }
            if (!seen.add(p.slot())) {
                throw new IllegalArgumentException("parameter '" + p.name() + "': slot " + p.slot()
                        + " already has a distribution; a parameter is drawn once per iteration");
            }
        }
    }
}
