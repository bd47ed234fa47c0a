package dev.cradle.engine.ai.build;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;
import dev.cradle.model.MlPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Workload}: a training, inference or data job of one model on one hardware group, with
 * exactly one way to know its energy — device-hours, FLOPs, a measured energy (optionally with its
 * device-hours), energy per query or per token (with a deployment), storage, or any
 * {@link Declarations.Energy} (e.g. read from a CodeCarbon file).
 *
 * <p>Defaults (those of the YAML reader, docs/scenario-reference.md): runs 1 (the final run only);
 * queries 0 and tokens 0; power from the hardware (then its archetype); period not given; the devices
 * of a FLOPs job or of a deployment = the hardware's count ({@link #build(Hardware)}); no deployment =
 * no device-hours for an inference workload.
 */
public final class WorkloadBuilder {
    private final String id;
    private String model;
    private MlPhase phase;
    private final List<String> hardware = new ArrayList<>();
    private Expression powerW;
    private Expression runs = new Expression.Number(1, 0);
    private Expression queries = new Expression.Number(0, 0);
    private Expression tokens = new Expression.Number(0, 0);
    private Expression periodH;
    private String origin = "java";

    private final List<String> ways = new ArrayList<>();
    private Expression deviceHours;
    private Expression energyKwh;
    private Expression flopsTotal;
    private Expression flopsPeak;
    private Expression flopsUtilisation;
    private Expression devices;
    private Expression perQueryKwh;
    private Expression perTokenKwh;
    private Expression deploymentH;
    private Declarations.Energy energy;

    public WorkloadBuilder(String id) {
        this.id = id;
    }

    /** The id of the model the workload serves (required). */
    public WorkloadBuilder model(String modelId) {
        this.model = modelId;
        return this;
    }

    /** {@code DATA}, {@code TRAINING} or {@code INFERENCE} (required). */
    public WorkloadBuilder phase(MlPhase phase) {
        this.phase = phase;
        return this;
    }

    /**
     * The hardware it runs on (required); further ids are hardware it also occupies (e.g. host servers),
     * in proportion to their counts, adding embodied impacts and idle share.
     */
    public WorkloadBuilder hardware(String runsOn, String... alsoUses) {
        hardware.clear();
        hardware.add(runsOn);
        hardware.addAll(List.of(alsoUses));
        return this;
    }

    /** Device-hours at the hardware's (or this workload's) average power. */
    public WorkloadBuilder deviceHours(double deviceHours) {
        this.deviceHours = FieldValue.number("device_hours", deviceHours);
        ways.add("device_hours");
        return this;
    }

    public WorkloadBuilder deviceHours(String formula) {
        this.deviceHours = FieldValue.formula("device_hours", formula);
        ways.add("device_hours");
        return this;
    }

    /** LLMCarbon-style: {@code hours = total / (devices × peakPerDevice × utilisation) / 3600}; FLOP, FLOP/s. */
    public WorkloadBuilder flops(double total, double peakPerDevice, double utilisation) {
        this.flopsTotal = FieldValue.number("flops.total", total);
        this.flopsPeak = FieldValue.number("flops.peak_per_device", peakPerDevice);
        this.flopsUtilisation = FieldValue.number("flops.utilisation", utilisation);
        ways.add("flops");
        return this;
    }

    /** FLOPs as formulas over parameters, e.g. {@code flops("6 * n_params * n_tokens", "peak", "mfu")}. */
    public WorkloadBuilder flops(String total, String peakPerDevice, String utilisation) {
        this.flopsTotal = FieldValue.formula("flops.total", total);
        this.flopsPeak = FieldValue.formula("flops.peak_per_device", peakPerDevice);
        this.flopsUtilisation = FieldValue.formula("flops.utilisation", utilisation);
        ways.add("flops");
        return this;
    }

    /** The devices running a FLOPs job or serving a deployment (default: the hardware's count). */
    public WorkloadBuilder devices(int devices) {
        this.devices = FieldValue.number("devices", devices);
        return this;
    }

    public WorkloadBuilder devices(String formula) {
        this.devices = FieldValue.formula("devices", formula);
        return this;
    }

    /** Measured IT energy, kWh (with {@link #deviceHours} if known). */
    public WorkloadBuilder energyKwh(double kwh) {
        this.energyKwh = FieldValue.number("energy", kwh);
        ways.add("energy");
        return this;
    }

    public WorkloadBuilder energy(double value, String energyUnit) {
        this.energyKwh = FieldValue.quantity("energy", value, energyUnit, Dimension.ENERGY, "kWh");
        ways.add("energy");
        return this;
    }

    public WorkloadBuilder energy(String formula, String energyUnit) {
        this.energyKwh = FieldValue.formula("energy", formula, energyUnit, Dimension.ENERGY, "kWh");
        ways.add("energy");
        return this;
    }

    /** Any way to know the energy, e.g. a measurement read from a file. */
    public WorkloadBuilder energy(Declarations.Energy energy) {
        this.energy = energy;
        ways.add("energy");
        return this;
    }

    /** Inference: energy per query in kWh, times {@link #queries}. */
    public WorkloadBuilder energyPerQueryKwh(double kwh) {
        this.perQueryKwh = FieldValue.number("energy_per_query", kwh);
        ways.add("energy_per_query");
        return this;
    }

    /** Energy per query with a unit of energy, e.g. {@code (3.0, "Wh")}. */
    public WorkloadBuilder energyPerQuery(double value, String energyUnit) {
        this.perQueryKwh = FieldValue.quantity("energy_per_query", value, energyUnit, Dimension.ENERGY, "kWh");
        ways.add("energy_per_query");
        return this;
    }

    public WorkloadBuilder energyPerQuery(String formula, String energyUnit) {
        this.perQueryKwh = FieldValue.formula("energy_per_query", formula, energyUnit, Dimension.ENERGY, "kWh");
        ways.add("energy_per_query");
        return this;
    }

    /** Inference: energy per token in kWh, times {@link #tokens}. */
    public WorkloadBuilder energyPerTokenKwh(double kwh) {
        this.perTokenKwh = FieldValue.number("energy_per_token", kwh);
        ways.add("energy_per_token");
        return this;
    }

    public WorkloadBuilder energyPerToken(double value, String energyUnit) {
        this.perTokenKwh = FieldValue.quantity("energy_per_token", value, energyUnit, Dimension.ENERGY, "kWh");
        ways.add("energy_per_token");
        return this;
    }

    public WorkloadBuilder energyPerToken(String formula, String energyUnit) {
        this.perTokenKwh = FieldValue.formula("energy_per_token", formula, energyUnit, Dimension.ENERGY, "kWh");
        ways.add("energy_per_token");
        return this;
    }

    /**
     * The deployment serving an inference workload, for its device-hours ({@link #devices} × period) and,
     * unless {@link #period} is given, the workload's period.
     */
    public WorkloadBuilder deploymentHours(double hours) {
        this.deploymentH = FieldValue.number("deployment.period", hours);
        return this;
    }

    public WorkloadBuilder deployment(double period, String timeUnit) {
        this.deploymentH = FieldValue.quantity("deployment.period", period, timeUnit, Dimension.TIME, "h");
        return this;
    }

    public WorkloadBuilder deployment(String formula, String timeUnit) {
        this.deploymentH = FieldValue.formula("deployment.period", formula, timeUnit, Dimension.TIME, "h");
        return this;
    }

    /** Storage: capacity × duration as GB-hours on hardware whose devices are gigabytes. */
    public WorkloadBuilder storage(double capacity, String dataUnit, double duration, String timeUnit) {
        double gb = Checks.literal(FieldValue.quantity("storage.capacity", capacity, dataUnit, Dimension.DATA_SIZE, "GB"));
        double h = Checks.literal(FieldValue.quantity("storage.duration", duration, timeUnit, Dimension.TIME, "h"));
        this.deviceHours = FieldValue.number("storage", gb * h);
        ways.add("storage");
        return this;
    }

    /** Average power per device while working, W (default: the hardware's). */
    public WorkloadBuilder powerW(double watts) {
        this.powerW = FieldValue.number("power", watts);
        return this;
    }

    public WorkloadBuilder power(double value, String powerUnit) {
        this.powerW = FieldValue.quantity("power", value, powerUnit, Dimension.POWER, "W");
        return this;
    }

    public WorkloadBuilder power(String formula, String powerUnit) {
        this.powerW = FieldValue.formula("power", formula, powerUnit, Dimension.POWER, "W");
        return this;
    }

    /** Multiplier for experiments and tuning, > 0 (default 1: the final run only). */
    public WorkloadBuilder runs(double runs) {
        this.runs = FieldValue.number("runs", runs);
        return this;
    }

    public WorkloadBuilder runs(String formula) {
        this.runs = FieldValue.formula("runs", formula);
        return this;
    }

    /** Queries served (inference), ≥ 0 (default 0). */
    public WorkloadBuilder queries(double queries) {
        this.queries = FieldValue.number("queries", queries);
        return this;
    }

    public WorkloadBuilder queries(String formula) {
        this.queries = FieldValue.formula("queries", formula);
        return this;
    }

    /** Tokens served (inference), ≥ 0 (default 0). */
    public WorkloadBuilder tokens(double tokens) {
        this.tokens = FieldValue.number("tokens", tokens);
        return this;
    }

    public WorkloadBuilder tokens(String formula) {
        this.tokens = FieldValue.formula("tokens", formula);
        return this;
    }

    /** Wall-clock hours the workload spans (for "one year of service"). */
    public WorkloadBuilder periodHours(double hours) {
        this.periodH = FieldValue.number("period", hours);
        return this;
    }

    public WorkloadBuilder period(double value, String timeUnit) {
        this.periodH = FieldValue.quantity("period", value, timeUnit, Dimension.TIME, "h");
        return this;
    }

    public WorkloadBuilder period(String formula, String timeUnit) {
        this.periodH = FieldValue.formula("period", formula, timeUnit, Dimension.TIME, "h");
        return this;
    }

    public WorkloadBuilder origin(String origin) {
        this.origin = origin;
        return this;
    }

    /** The workload id. */
    public String id() {
        return id;
    }

    /** The id of the hardware it runs on, or null when not set yet. */
    public String runsOn() {
        return hardware.isEmpty() ? null : hardware.get(0);
    }

    /**
     * The workload, with the devices of a FLOPs job or a deployment given by {@link #devices}.
     *
     * @throws DeclarationException listing every problem
     */
    public Workload build() {
        return build(null);
    }

    /**
     * The workload; the devices of a FLOPs job or a deployment default to {@code runsOn}'s count.
     *
     * @param runsOn the hardware the workload runs on, or null
     * @throws DeclarationException listing every problem
     */
    public Workload build(Hardware runsOn) {
        Checks c = new Checks("workload '" + id + "'");
        c.required(id, "id", "a unique name");
        c.required(model, "model", "the id of the model it serves");
        c.required(phase, "phase", "MlPhase.DATA, TRAINING or INFERENCE");
        if (hardware.isEmpty() || hardware.contains(null)) {
            c.add("needs 'hardware' (the id of the hardware it runs on)");
        }
        long kinds = ways.stream().distinct().count();
        boolean measuredWithHours = kinds == 2 && ways.contains("energy") && ways.contains("device_hours");
        if (ways.isEmpty()) {
            c.add("needs one way to know its energy: deviceHours, flops, energy (measured, optionally with "
                    + "deviceHours), energyPerQuery, energyPerToken or storage");
        } else if (ways.size() != kinds || kinds > 1 && !measuredWithHours) {
            c.add("gives " + ways.size() + " ways to know its energy (" + String.join(", ", ways) + "); keep one "
                    + "(only energy may come with deviceHours)");
        }
        Expression devs = devices != null ? devices : runsOn != null ? runsOn.count() : null;
        if (devs == null && (flopsTotal != null || deploymentH != null)) {
            c.add("needs devices(n) for its " + (flopsTotal != null ? "FLOPs" : "deployment")
                    + " (built inside a study, the hardware's count is the default)");
        }
        if (runsOn != null && !hardware.isEmpty() && !runsOn.id().equals(hardware.get(0))) {
            c.add("runs on hardware '" + hardware.get(0) + "', not on '" + runsOn.id() + "'");
        }
        c.domain(deviceHours, "device_hours", Checks.Domain.POSITIVE);
        c.domain(energyKwh, "energy", Checks.Domain.POSITIVE);
        c.domain(flopsTotal, "flops.total", Checks.Domain.POSITIVE);
        c.domain(flopsPeak, "flops.peak_per_device", Checks.Domain.POSITIVE);
        c.domain(flopsUtilisation, "flops.utilisation", Checks.Domain.FRACTION);
        c.domain(devices, "devices", Checks.Domain.COUNT);
        c.domain(perQueryKwh, "energy_per_query", Checks.Domain.POSITIVE);
        c.domain(perTokenKwh, "energy_per_token", Checks.Domain.POSITIVE);
        c.domain(deploymentH, "deployment.period", Checks.Domain.POSITIVE);
        c.domain(powerW, "power", Checks.Domain.POSITIVE);
        c.domain(runs, "runs", Checks.Domain.POSITIVE);
        c.domain(queries, "queries", Checks.Domain.NON_NEGATIVE);
        c.domain(tokens, "tokens", Checks.Domain.NON_NEGATIVE);
        c.domain(periodH, "period", Checks.Domain.POSITIVE);
        if (perQueryKwh != null && queries instanceof Expression.Number n && n.value() <= 0) {
            c.add("'energy_per_query' needs the number of 'queries'");
        }
        if (perTokenKwh != null && tokens instanceof Expression.Number n && n.value() <= 0) {
            c.add("'energy_per_token' needs the number of 'tokens'");
        }
        if (deploymentH != null && perQueryKwh == null && perTokenKwh == null) {
            c.add("a deployment belongs to an inference workload with energyPerQuery or energyPerToken");
        }
        c.throwIfAny();
        Declarations.Energy e = energy;
        Expression period = periodH;
        if (e != null) {
            // given as a record
        } else if (energyKwh != null) {
            e = new Declarations.Measured(energyKwh, deviceHours == null ? new Expression.Number(0, 0) : deviceHours,
                    "declared");
        } else if (deviceHours != null) {
            e = new Declarations.DeviceHours(deviceHours);
        } else if (flopsTotal != null) {
            e = new Declarations.Flops(flopsTotal, flopsPeak, flopsUtilisation, devs);
        } else {
            Expression dh = deploymentH == null ? new Expression.Number(0, 0) : times(devs, deploymentH);
            if (period == null && deploymentH != null) {
                period = deploymentH;
            }
            e = perTokenKwh != null ? new Declarations.PerToken(perTokenKwh, dh) : new Declarations.PerQuery(perQueryKwh, dh);
        }
        return new Workload(id, model, phase, hardware.get(0), e, powerW, runs, queries, tokens, period,
                hardware.subList(1, hardware.size()), origin);
    }

    private static Expression times(Expression a, Expression b) {
        if (a instanceof Expression.Number x && b instanceof Expression.Number y) {
            return new Expression.Number(x.value() * y.value(), 0);
        }
        return new Expression.Binary("*", a, b, 0);
    }
}
