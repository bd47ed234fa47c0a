package dev.cradle.engine.ai.build;

import dev.cradle.engine.ai.AllocationRule;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;

/**
 * Builds an {@link Infrastructure} item of a datacenter (a building, a cooling plant), of which the
 * tenancy carries {@code tenantMw / capacityMw × periodH / lifetimeH}.
 *
 * <p>Defaults (those of the YAML reader): name = id; embodied = the factor library's per-MW building
 * figure × capacity; lifetime = the library's datacenter lifetime (30 years in the bundled library),
 * left unset here ({@code null}) and filled in by the study builder, which holds the library;
 * allocation among the workloads {@code by_reserved_capacity}.
 */
public final class InfrastructureBuilder {
    private final String id;
    private String name;
    private Expression embodiedKg;
    private Expression capacityMw;
    private Expression lifetimeH;
    private AllocationRule rule = new AllocationRule.ByReservedCapacity();
    private String origin = "java";

    public InfrastructureBuilder(String id) {
        this.id = id;
    }

    public InfrastructureBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** Embodied emissions of the whole item, kg CO2-eq. */
    public InfrastructureBuilder embodiedKg(double kg) {
        this.embodiedKg = FieldValue.number("embodied", kg);
        return this;
    }

    /** Embodied emissions with a unit of mass (of CO2-eq), e.g. {@code (800, "t")}. */
    public InfrastructureBuilder embodied(double value, String massUnit) {
        this.embodiedKg = FieldValue.quantity("embodied", value, massUnit, Dimension.MASS, "kg");
        return this;
    }

    public InfrastructureBuilder embodied(String formula, String massUnit) {
        this.embodiedKg = FieldValue.formula("embodied", formula, massUnit, Dimension.MASS, "kg");
        return this;
    }

    /** IT capacity of the item, MW (required). */
    public InfrastructureBuilder capacityMw(double mw) {
        this.capacityMw = FieldValue.number("capacity", mw);
        return this;
    }

    public InfrastructureBuilder capacity(double value, String powerUnit) {
        this.capacityMw = FieldValue.quantity("capacity", value, powerUnit, Dimension.POWER, "MW");
        return this;
    }

    public InfrastructureBuilder capacity(String formula, String powerUnit) {
        this.capacityMw = FieldValue.formula("capacity", formula, powerUnit, Dimension.POWER, "MW");
        return this;
    }

    /** Service life, hours. */
    public InfrastructureBuilder lifetimeHours(double hours) {
        this.lifetimeH = FieldValue.number("lifetime", hours);
        return this;
    }

    /** Service life with a unit of time, e.g. {@code (30, "years")} (a year is 8,760 h). */
    public InfrastructureBuilder lifetime(double value, String timeUnit) {
        this.lifetimeH = FieldValue.quantity("lifetime", value, timeUnit, Dimension.TIME, "h");
        return this;
    }

    public InfrastructureBuilder lifetime(String formula, String timeUnit) {
        this.lifetimeH = FieldValue.formula("lifetime", formula, timeUnit, Dimension.TIME, "h");
        return this;
    }

    /** How the tenancy's share is split among the workloads (default by reserved capacity). */
    public InfrastructureBuilder allocation(AllocationRule rule) {
        this.rule = rule;
        return this;
    }

    public InfrastructureBuilder origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** @throws DeclarationException listing every problem (no id, no capacity, a literal outside its domain) */
    public Infrastructure build() {
        Checks c = new Checks("infrastructure '" + id + "'");
        c.required(id, "id", "a name unique in its datacenter");
        c.required(capacityMw, "capacity", "its IT capacity, e.g. capacity(10, \"MW\")");
        c.required(rule, "allocation", "an allocation rule");
        c.domain(embodiedKg, "embodied", Checks.Domain.NON_NEGATIVE);
        c.domain(capacityMw, "capacity", Checks.Domain.POSITIVE);
        c.domain(lifetimeH, "lifetime", Checks.Domain.POSITIVE);
        c.throwIfAny();
        return new Infrastructure(id, name == null ? id : name, embodiedKg, capacityMw, lifetimeH, rule, origin);
    }
}
