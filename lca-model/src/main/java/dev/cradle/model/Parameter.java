package dev.cradle.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named input of the model: a value or a formula over other parameters, in global scope (the
 * product system) or process scope (visible only inside one process, where it hides a global
 * parameter of the same name).
 *
 * @param name        identifier: a letter or underscore, then letters, digits, underscores; further
 *                    dot-separated segments of letters, digits, underscores and inner hyphens may follow
 *                    ({@code hardware.a100-cluster.embodied_gwp}: the library's named parameters). In a
 *                    formula a name with a hyphen is written in backquotes ({@code `hardware.a100-cluster.embodied_gwp`})
 * @param amount      constant value or formula
 * @param unit        optional unit, documentation only; formulas are dimensionless arithmetic
 * @param uncertainty optional distribution of a constant parameter, may be null
 * @param description optional free text
 */
public record Parameter(String name, Amount amount, String unit, Uncertainty uncertainty, String description) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*)*");

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("parameter name '" + name
                    + "' must start with a letter or '_' and contain only letters, digits and '_', "
                    + "with further segments after a '.' that may also hold inner '-' (hardware.a100-cluster.embodied_gwp)");
        }
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    public static Parameter of(String name, double value) {
        return new Parameter(name, Amount.of(value), "", null, "");
    }

    public static Parameter formula(String name, String expression) {
        return new Parameter(name, Amount.formula(expression), "", null, "");
    }

    /**
     * True for {@code gpu_w}, {@code pue_dc}, {@code hardware.h100.embodied_gwp},
     * {@code datacenter.eu-west.building_gwp_per_mw}; false for {@code 2x}, {@code a-b}, {@code a.}, {@code a..b}.
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public Optional<Uncertainty> uncertaintyInfo() {
        return Optional.ofNullable(uncertainty);
    }
}
