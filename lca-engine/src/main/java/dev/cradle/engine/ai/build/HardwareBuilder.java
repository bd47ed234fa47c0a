package dev.cradle.engine.ai.build;

import dev.cradle.engine.ai.AllocationRule;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.TransportLeg;
import dev.cradle.model.Dimension;
import dev.cradle.model.Exchange;
import dev.cradle.model.Expression;
import dev.cradle.model.LifecycleStage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Hardware} group: identical devices in one datacenter, with their embodied impacts
 * (a library archetype, embodied figures per category, or an inventory), their life and power.
 *
 * <p>Each numeric setter comes three ways: a number in the reference unit named in the method
 * ({@code powerW(400)}), a quantity with a unit ({@code power(400, "W")}), or a formula over the study's
 * parameters with a unit ({@code power("gpu_w", "W")}).
 *
 * <p>Defaults (those of the YAML reader, docs/scenario-reference.md): name = id; count 1; utilisation 1
 * (embodied spread over the whole life: a default that lowers the per-hour share when devices idle);
 * power from the archetype (its average, else its TDP); no idle modelling; no transport and no end of
 * life without a mass; recycling rate the world average; idle energy allocated by device-hours.
 */
public final class HardwareBuilder {
    /** The categories embodied figures may be given for, with their reference units. */
    public static final Map<String, String> EMBODIED_UNITS = Map.of("climate_change", "kg CO2-eq",
            "adp_elements", "kg Sb-eq", "adp_fossil", "MJ", "water_scarcity", "m3 world-eq");

    private final String id;
    private String name;
    private String archetype = "";
    private final Map<String, Expression> embodied = new LinkedHashMap<>();
    private final Map<LifecycleStage, List<Exchange>> inventory = new EnumMap<>(LifecycleStage.class);
    private Expression count = new Expression.Number(1, 0);
    private Expression lifetimeH;
    private Expression utilisation = new Expression.Number(1, 0);
    private String datacenter;
    private Expression powerW;
    private Expression idlePowerW;
    private Expression idleEnergyKwh;
    private Expression periodH;
    private Expression massKg;
    private final List<TransportLeg> transport = new ArrayList<>();
    private Expression recyclingRate;
    private AllocationRule idleRule = new AllocationRule.ByDeviceHours();
    private String origin = "java";
    private final List<dev.cradle.engine.ai.Declarations.Component> components = new ArrayList<>();

    public HardwareBuilder(String id) {
        this.id = id;
    }

    public HardwareBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** A factor-library device ({@code nvidia-a100-80gb}; see {@code cradle factors search device}). */
    public HardwareBuilder archetype(String archetype) {
        this.archetype = archetype;
        return this;
    }

    /**
     * Embodied figure per device for one category, in its reference unit ({@link #EMBODIED_UNITS}:
     * climate_change kg CO2-eq, adp_elements kg Sb-eq, adp_fossil MJ, water_scarcity m3 world-eq).
     */
    public HardwareBuilder embodied(String category, double amount) {
        embodied.put(category, FieldValue.number("embodied." + category, amount));
        return this;
    }

    /** Embodied figure per device as a formula over parameters, in the category's reference unit. */
    public HardwareBuilder embodied(String category, String formula) {
        embodied.put(category, FieldValue.formula("embodied." + category, formula));
        return this;
    }

    /** Embodied climate change per device with a unit of mass (CO2-eq), e.g. {@code (150, "kg")}. */
    public HardwareBuilder embodiedClimate(double value, String massUnit) {
        embodied.put("climate_change", FieldValue.quantity("embodied.climate_change", value, massUnit, Dimension.MASS,
                "kg"));
        return this;
    }

    public HardwareBuilder embodiedClimate(String formula, String massUnit) {
        embodied.put("climate_change", FieldValue.formula("embodied.climate_change", formula, massUnit, Dimension.MASS,
                "kg"));
        return this;
    }

    /** An explicit per-device inventory of elementary exchanges for one stage (not the use stage). */
    public HardwareBuilder inventory(LifecycleStage stage, List<Exchange> exchanges) {
        inventory.put(stage, List.copyOf(exchanges));
        return this;
    }

    /** The number of devices, a whole number ≥ 1 (default 1). */
    public HardwareBuilder count(int devices) {
        this.count = FieldValue.number("count", devices);
        return this;
    }

    public HardwareBuilder count(String formula) {
        this.count = FieldValue.formula("count", formula);
        return this;
    }

    /** Service life in hours (required). */
    public HardwareBuilder lifetimeHours(double hours) {
        this.lifetimeH = FieldValue.number("lifetime", hours);
        return this;
    }

    /** Service life with a unit of time, e.g. {@code (6, "years")}; a year is 8,760 h. */
    public HardwareBuilder lifetime(double value, String timeUnit) {
        this.lifetimeH = FieldValue.quantity("lifetime", value, timeUnit, Dimension.TIME, "h");
        return this;
    }

    public HardwareBuilder lifetime(String formula, String timeUnit) {
        this.lifetimeH = FieldValue.formula("lifetime", formula, timeUnit, Dimension.TIME, "h");
        return this;
    }

    /** Busy share of the life, in (0, 1] (default 1). */
    public HardwareBuilder utilisation(double share) {
        this.utilisation = FieldValue.number("utilisation", share);
        return this;
    }

    public HardwareBuilder utilisation(String formula) {
        this.utilisation = FieldValue.formula("utilisation", formula);
        return this;
    }

    /** The id of the datacenter the devices sit in (required). */
    public HardwareBuilder datacenter(String datacenterId) {
        this.datacenter = datacenterId;
        return this;
    }

    /** Average power per device while working, W (default: from the archetype). */
    public HardwareBuilder powerW(double watts) {
        this.powerW = FieldValue.number("power", watts);
        return this;
    }

    public HardwareBuilder power(double value, String powerUnit) {
        this.powerW = FieldValue.quantity("power", value, powerUnit, Dimension.POWER, "W");
        return this;
    }

    public HardwareBuilder power(String formula, String powerUnit) {
        this.powerW = FieldValue.formula("power", formula, powerUnit, Dimension.POWER, "W");
        return this;
    }

    /** Power per device while idle, W; needs the {@code period} the hardware is held. */
    public HardwareBuilder idlePowerW(double watts) {
        this.idlePowerW = FieldValue.number("idle_power", watts);
        return this;
    }

    public HardwareBuilder idlePower(double value, String powerUnit) {
        this.idlePowerW = FieldValue.quantity("idle_power", value, powerUnit, Dimension.POWER, "W");
        return this;
    }

    public HardwareBuilder idlePower(String formula, String powerUnit) {
        this.idlePowerW = FieldValue.formula("idle_power", formula, powerUnit, Dimension.POWER, "W");
        return this;
    }

    /** Measured idle energy of the whole group over the study, kWh. */
    public HardwareBuilder idleEnergyKwh(double kwh) {
        this.idleEnergyKwh = FieldValue.number("idle_energy", kwh);
        return this;
    }

    public HardwareBuilder idleEnergy(double value, String energyUnit) {
        this.idleEnergyKwh = FieldValue.quantity("idle_energy", value, energyUnit, Dimension.ENERGY, "kWh");
        return this;
    }

    public HardwareBuilder idleEnergy(String formula, String energyUnit) {
        this.idleEnergyKwh = FieldValue.formula("idle_energy", formula, energyUnit, Dimension.ENERGY, "kWh");
        return this;
    }

    /** The period the hardware is held for the study (idle time), hours. */
    public HardwareBuilder periodHours(double hours) {
        this.periodH = FieldValue.number("period", hours);
        return this;
    }

    public HardwareBuilder period(double value, String timeUnit) {
        this.periodH = FieldValue.quantity("period", value, timeUnit, Dimension.TIME, "h");
        return this;
    }

    public HardwareBuilder period(String formula, String timeUnit) {
        this.periodH = FieldValue.formula("period", formula, timeUnit, Dimension.TIME, "h");
        return this;
    }

    /** Mass per device, kg (for transport and end of life). */
    public HardwareBuilder massKg(double kg) {
        this.massKg = FieldValue.number("mass", kg);
        return this;
    }

    public HardwareBuilder mass(double value, String massUnit) {
        this.massKg = FieldValue.quantity("mass", value, massUnit, Dimension.MASS, "kg");
        return this;
    }

    public HardwareBuilder mass(String formula, String massUnit) {
        this.massKg = FieldValue.formula("mass", formula, massUnit, Dimension.MASS, "kg");
        return this;
    }

    /** A freight leg of the devices' distribution: mode ({@code air, sea, road, rail}) and distance, km. */
    public HardwareBuilder transportKm(String mode, double km) {
        transport.add(new TransportLeg(mode, FieldValue.number("transport.distance", km)));
        return this;
    }

    public HardwareBuilder transport(String mode, double distance, String distanceUnit) {
        transport.add(new TransportLeg(mode, FieldValue.quantity("transport.distance", distance, distanceUnit,
                Dimension.DISTANCE, "km")));
        return this;
    }

    public HardwareBuilder transport(String mode, String distanceFormula, String distanceUnit) {
        transport.add(new TransportLeg(mode, FieldValue.formula("transport.distance", distanceFormula, distanceUnit,
                Dimension.DISTANCE, "km")));
        return this;
    }

    /** Formal recycling rate at end of life, [0, 1] (default: the world average). */
    public HardwareBuilder recyclingRate(double share) {
        this.recyclingRate = FieldValue.number("recycling_rate", share);
        return this;
    }

    public HardwareBuilder recyclingRate(String formula) {
        this.recyclingRate = FieldValue.formula("recycling_rate", formula);
        return this;
    }

    /** How idle energy is shared among the workloads on this hardware (default by device-hours). */
    public HardwareBuilder idleAllocation(AllocationRule rule) {
        this.idleRule = rule;
        return this;
    }

    /**
     * One line of the device's bill of components (Boavizta's bottom-up model; see
     * {@code dev.cradle.engine.ai.BottomUpHardware}), sizes in the engine's units (mm2, GB, kg).
     */
    public HardwareBuilder component(dev.cradle.engine.ai.Declarations.Component component) {
        components.add(component);
        return this;
    }

    public HardwareBuilder origin(String origin) {
        this.origin = origin;
        return this;
    }

    private static final Set<String> MODES = Set.of("air", "sea", "road", "rail");

    /**
     * The hardware group, after checking the id, datacenter and lifetime are given, that embodied
     * impacts have a source, that idle power comes with a period and transport with a mass, and that
     * every literal lies in its domain.
     *
     * @throws DeclarationException listing every problem
     */
    public Hardware build() {
        Checks c = new Checks("hardware '" + id + "'");
        c.required(id, "id", "a unique name");
        c.required(datacenter, "datacenter", "the id of the datacenter the devices sit in");
        c.required(lifetimeH, "lifetime", "e.g. lifetime(6, \"years\")");
        if ((archetype == null || archetype.isEmpty()) && embodied.isEmpty() && inventory.isEmpty() && components.isEmpty()) {
            c.add("needs an archetype from the factor library, embodied figures, an inventory or its components");
        }
        for (dev.cradle.engine.ai.Declarations.Component k : components) {
            c.domain(k.units(), "components.units", Checks.Domain.COUNT);
            c.domain(k.dieAreaMm2(), "components.die_area", Checks.Domain.POSITIVE);
            c.domain(k.coreUnits(), "components.core_units", Checks.Domain.COUNT);
            c.domain(k.dieAreaPerCoreMm2(), "components.die_area_per_core", Checks.Domain.POSITIVE);
            c.domain(k.capacityGb(), "components.capacity", Checks.Domain.POSITIVE);
            c.domain(k.densityGbPerCm2(), "components.density", Checks.Domain.POSITIVE);
            c.domain(k.massKg(), "components.mass", Checks.Domain.POSITIVE);
        }
        embodied.forEach((k, v) -> {
            if (!EMBODIED_UNITS.containsKey(k)) {
                c.add("embodied figures can be given for " + String.join(", ", new java.util.TreeSet<>(EMBODIED_UNITS.keySet()))
                        + "; not '" + k + "'" + dev.cradle.engine.calc.Suggestions.didYouMean(k, EMBODIED_UNITS.keySet()));
            }
            c.domain(v, "embodied." + k, Checks.Domain.NON_NEGATIVE);
        });
        if (inventory.containsKey(LifecycleStage.USE)) {
            c.add("inventory stages are raw_material_extraction, manufacturing, transport and end_of_life; not use");
        }
        c.domain(count, "count", Checks.Domain.COUNT);
        c.domain(lifetimeH, "lifetime", Checks.Domain.POSITIVE);
        c.domain(utilisation, "utilisation", Checks.Domain.FRACTION);
        c.domain(powerW, "power", Checks.Domain.POSITIVE);
        c.domain(idlePowerW, "idle_power", Checks.Domain.NON_NEGATIVE);
        c.domain(idleEnergyKwh, "idle_energy", Checks.Domain.NON_NEGATIVE);
        c.domain(periodH, "period", Checks.Domain.POSITIVE);
        c.domain(massKg, "mass", Checks.Domain.POSITIVE);
        c.domain(recyclingRate, "recycling_rate", Checks.Domain.SHARE);
        for (TransportLeg leg : transport) {
            if (!MODES.contains(leg.mode())) {
                c.add("unknown transport mode '" + leg.mode() + "'; use air, sea, road or rail");
            }
            c.domain(leg.km(), "transport.distance", Checks.Domain.NON_NEGATIVE);
        }
        if (idlePowerW != null && periodH == null) {
            c.add("'idle_power' needs the 'period' the hardware is held");
        }
        if (!transport.isEmpty() && massKg == null) {
            c.add("transport needs the device 'mass'");
        }
        c.required(idleRule, "idle_allocation", "an allocation rule");
        c.throwIfAny();
        return new Hardware(id, name == null ? id : name, archetype == null ? "" : archetype, embodied, inventory, count,
                lifetimeH, utilisation, datacenter, powerW, idlePowerW, idleEnergyKwh, periodH, massKg, transport,
                recyclingRate, idleRule, origin, components);
    }
}
