package dev.cradle.engine.ai;

import dev.cradle.model.Exchange;
import dev.cradle.model.Expression;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.MlPhase;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AI declarations of a scenario, as immutable records in SI-like reference units: energy in kWh,
 * power in W, time in hours, mass in kg, emissions in kg CO2-eq, water in litres, distance in km.
 * Every numeric field is an {@link Expression} over the scenario's parameters that yields the number in
 * that reference unit (a literal is an {@link Expression.Number}); {@code null} means "not declared".
 * Each declaration keeps {@code origin}, the "file:line:column" it was written at, for traces.
 */
public final class Declarations {
    private Declarations() {
    }

    // ---- builders for the Java API (dev.cradle.engine.ai.build): named setters, defaults, checks on build()

    /** A datacenter: {@code Declarations.datacenter("dc").grid("FR").pue(1.1).build()}. */
    public static dev.cradle.engine.ai.build.DatacenterBuilder datacenter(String id) {
        return new dev.cradle.engine.ai.build.DatacenterBuilder(id);
    }

    /** Shared infrastructure of a datacenter (a building, a cooling plant). */
    public static dev.cradle.engine.ai.build.InfrastructureBuilder infrastructure(String id) {
        return new dev.cradle.engine.ai.build.InfrastructureBuilder(id);
    }

    /** A hardware group: {@code Declarations.hardware("gpus").archetype("nvidia-a100-80gb").count(8)...}. */
    public static dev.cradle.engine.ai.build.HardwareBuilder hardware(String id) {
        return new dev.cradle.engine.ai.build.HardwareBuilder(id);
    }

    /** A model whose workloads the study declares. */
    public static dev.cradle.engine.ai.build.ModelBuilder model(String id) {
        return new dev.cradle.engine.ai.build.ModelBuilder(id);
    }

    /** A workload: {@code Declarations.workload("train").model("m").phase(TRAINING).hardware("gpus").deviceHours(1e4)}. */
    public static dev.cradle.engine.ai.build.WorkloadBuilder workload(String id) {
        return new dev.cradle.engine.ai.build.WorkloadBuilder(id);
    }

    /** A literal field value: {@code v} as an expression, or {@code null} ("not declared") when {@code v} is NaN. */
    public static Expression number(double v) {
        return Double.isNaN(v) ? null : new Expression.Number(v, 0);
    }

    /** Literal values by key (e.g. embodied figures by category, generation shares by technology). */
    public static Map<String, Expression> numbers(Map<String, Double> values) {
        Map<String, Expression> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, number(v)));
        return out;
    }

    /**
     * The value of a field that holds a literal; NaN when the field is not declared.
     *
     * @throws IllegalStateException when the field is a formula over parameters (only the rules' evaluator
     *                               knows parameter values)
     */
    public static double literal(Expression e) {
        if (e == null) {
            return Double.NaN;
        }
        if (e instanceof Expression.Number n) {
            return n.value();
        }
        if (e instanceof Expression.Unary u && u.op() == '-' && u.operand() instanceof Expression.Number n) {
            return -n.value();
        }
        throw new IllegalStateException("the value '" + e.text() + "' depends on parameters");
    }

    /** Where a datacenter's electricity comes from. */
    public sealed interface Grid permits RegionGrid, MixGrid, ExplicitGrid, DatabaseGrid {
    }

    /** A grid from the factor library: an ISO country code ({@code FR}) or a cloud region ({@code gcp/us-central1}). */
    public record RegionGrid(String code) implements Grid {
    }

    /** An explicit generation mix: technology ({@code coal}, {@code gas}, ...) to share; shares sum to 1. */
    public record MixGrid(Map<String, Expression> shares) implements Grid {
        public MixGrid {
            // in the declared order: the intensity sums the technologies in it, the same way every run
            shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
        }
    }

    /** An explicit location-based intensity, kg CO2-eq per kWh. */
    public record ExplicitGrid(Expression kgPerKwh) implements Grid {
    }

    /**
     * A grid linked to a process of a background database. Each kWh of facility energy carries the
     * process's cumulative inventory per kWh ({@code g = B·A⁻¹·e}, the database solved once for one kWh of
     * its reference product: a "system process" in ecoinvent's words), so the use stage holds every
     * elementary flow of the supply chain and every category the method's flow mapping covers.
     *
     * @param database         the scenario's id of the database ({@code uslci})
     * @param processId        the database process (its UUID)
     * @param processName      its name, for traces
     * @param inventoryPerKwh  elementary flow → amount per kWh in the flow's reference unit (non-zero entries,
     *                         in the database's order)
     * @param cumulativePerKwh the process's cumulative result per kWh by indicator id, characterised with the
     *                         library's default methods through the flow mapping (traces, coverage, checks)
     */
    public record DatabaseGrid(String database, String processId, String processName,
                               Map<dev.cradle.model.Flow, Double> inventoryPerKwh, Map<String, Double> cumulativePerKwh)
            implements Grid {
        public DatabaseGrid {
            inventoryPerKwh = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inventoryPerKwh));
            cumulativePerKwh = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cumulativePerKwh));
        }
    }

    /**
     * Embodied infrastructure shared by everything a datacenter hosts (the building, a cooling plant,
     * network), of which the study's tenancy carries {@code tenantMw / capacityMw × periodH / lifetimeH}.
     *
     * @param embodiedKg  kg CO2-eq of the whole infrastructure; NaN to take the library's per-MW building figure
     * @param rule        how the tenancy's share is split among the workloads
     */
    public record Infrastructure(String id, String name, Expression embodiedKg, Expression capacityMw, Expression lifetimeH,
                                 AllocationRule rule, String origin) {
    }

    /**
     * @param country           ISO 3166-1 alpha-2 code for water scarcity (AWARE) and the library grid; may be empty
     * @param pue               power usage effectiveness, ≥ 1
     * @param wueOnsite         on-site water, L per kWh of IT energy
     * @param offsiteWater      water consumed off-site per kWh of facility energy (L/kWh); NaN = from the mix, or not covered
     * @param marketKgPerKwh    market-based intensity (after renewable contracts); NaN = from the renewable share
     * @param renewableShare    share of consumption covered by renewable contracts (market-based = location ×
     *                          (1 − share)); NaN when not declared
     * @param tenantMw          IT power the study's tenancy holds in the datacenter, MW (for shared infrastructure)
     * @param tenancyH          the study period, hours (for shared infrastructure)
     */
    public record Datacenter(String id, String name, Grid grid, String country, Expression pue, Expression wueOnsite,
                             Expression offsiteWater, Expression marketKgPerKwh, Expression renewableShare,
                             List<Infrastructure> infrastructure,
                             Expression tenantMw, Expression tenancyH, String origin) {
        public Datacenter {
            infrastructure = List.copyOf(infrastructure);
        }
    }

    /** A freight leg of a device's distribution: mode ({@code air, sea, road, rail}) and distance in km. */
    public record TransportLeg(String mode, Expression km) {
    }

    /**
     * A group of identical devices.
     *
     * @param archetype     factor-library device id ({@code nvidia-a100-80gb}); empty when embodied figures or an
     *                      inventory are given instead
     * @param embodied      per device, impact-category id to pre-characterised amount (e.g. climate_change: 150 kg)
     * @param inventory     per device, exchanges by life cycle stage (an explicit inventory)
     * @param lifetimeH     service life, hours (> 0)
     * @param utilisation   share of the life the devices are busy, in (0, 1]; embodied is amortised over
     *                      {@code lifetimeH × utilisation} device-hours
     * @param powerW        average power per device while working, W; NaN = from the archetype
     * @param idlePowerW    power per device while idle, W; NaN = no idle modelling
     * @param idleEnergyKwh idle energy of the whole group over the study, kWh (measured); NaN if not given
     * @param periodH       the study period for idle time, hours; NaN if not given
     * @param massKg        mass per device for transport and end of life; NaN = not modelled
     * @param recyclingRate formal recycling rate at end of life, [0, 1]; NaN = world average
     * @param idleRule      how idle energy is shared among the workloads on this hardware
     * @param background    materials, freight legs and end of life linked to background database processes
     */
    public record Hardware(String id, String name, String archetype, Map<String, Expression> embodied,
                           Map<LifecycleStage, List<Exchange>> inventory, Expression count, Expression lifetimeH,
                           Expression utilisation, String datacenter, Expression powerW, Expression idlePowerW,
                           Expression idleEnergyKwh, Expression periodH, Expression massKg, List<TransportLeg> transport,
                           Expression recyclingRate, AllocationRule idleRule, String origin, List<Component> components,
                           List<BackgroundLink> background) {
        public Hardware {
            embodied = Map.copyOf(embodied);
            inventory = Map.copyOf(inventory);
            transport = List.copyOf(transport);
            components = components == null ? List.of() : List.copyOf(components);
            background = background == null ? List.of() : List.copyOf(background);
        }

        /** A hardware group without a bottom-up description. */
        public Hardware(String id, String name, String archetype, Map<String, Expression> embodied,
                        Map<LifecycleStage, List<Exchange>> inventory, Expression count, Expression lifetimeH,
                        Expression utilisation, String datacenter, Expression powerW, Expression idlePowerW,
                        Expression idleEnergyKwh, Expression periodH, Expression massKg, List<TransportLeg> transport,
                        Expression recyclingRate, AllocationRule idleRule, String origin) {
            this(id, name, archetype, embodied, inventory, count, lifetimeH, utilisation, datacenter, powerW, idlePowerW,
                    idleEnergyKwh, periodH, massKg, transport, recyclingRate, idleRule, origin, List.of(), List.of());
        }
    }

    /** The kinds of component of a bottom-up device ({@link BottomUpHardware}), Boavizta's server model. */
    public enum ComponentKind { CPU, RAM, SSD, HDD, GPU, MOTHERBOARD, POWER_SUPPLY, CASE, ASSEMBLY }

    /**
     * One line of a device's bill of components (per device), each size in the engine's unit; {@code null} where
     * not declared.
     *
     * @param units          how many of the component one device holds (≥ 1)
     * @param dieAreaMm2     CPU: die area, mm2 (else {@code coreUnits × dieAreaPerCoreMm2})
     * @param coreUnits      CPU: physical cores
     * @param dieAreaPerCoreMm2 CPU: die area per core, mm2
     * @param capacityGb     RAM (per module) and SSD (per drive): capacity, GB
     * @param densityGbPerCm2 RAM and SSD: GB per cm2 of memory die; null = the library's mean, as a parameter with
     *                       the library's range
     * @param massKg         power supply: mass per unit, kg; null = the library's default, as a parameter with its range
     * @param archetype      GPU: a device archetype of the factor library ({@code nvidia-h100-sxm})
     * @param enclosure      CASE: {@code rack} or {@code blade}
     * @param card           GPU: the card described by its parts ({@link GpuCardSpec}) instead of an archetype; else null
     */
    public record Component(ComponentKind kind, Expression units, Expression dieAreaMm2, Expression coreUnits,
                            Expression dieAreaPerCoreMm2, Expression capacityGb, Expression densityGbPerCm2,
                            Expression massKg, String archetype, String enclosure, String origin, GpuCardSpec card) {
        public Component {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A GPU card described by its parts, for the ADEME / Hubblo / Tide card model ({@link GpuCardModel}); sizes per
     * card in the engine's units, {@code null} where the scenario did not declare them.
     *
     * @param factors         the factor set: {@code boavizta} (Table 2, as BoaviztAPI applies it) or
     *                        {@code gpu-calculator} (the calculator's own average model and die arithmetic)
     * @param dieAreaMm2      GPU die area before losses, mm2
     * @param vramGb          video memory, GB
     * @param vramDies        number of VRAM dies
     * @param vramDieAreaMm2  area of one VRAM die before losses, mm2 (else {@code vram × mm2 per GB / vram_dies})
     * @param pcbAreaCm2      printed wiring board area, cm2
     * @param massKg          card mass, kg (upstream transport, distribution and end of life scale with it)
     * @param casingMassKg    casing mass, kg
     * @param heatsinkMassKg  heatsink mass, kg
     * @param boatKm          distribution by boat, km (null: the factor set's default)
     * @param truckKm         distribution by truck, km
     * @param planeKm         distribution by plane, km
     * @param completed       a size the scenario left out → the documented card's value the reader filled in
     *                        (field names as in the scenario: {@code die_area}, {@code vram}, ...)
     * @param completedFrom   where the completed sizes come from ({@code "card NVIDIA H100 PCIe 80GB"}), or ""
     * @param completedKey    a short key of that card for parameter names ({@code nvidia-h100-pcie-80gb}), or ""
     */
    public record GpuCardSpec(String factors, Expression dieAreaMm2, Expression vramGb, Expression vramDies,
                              Expression vramDieAreaMm2, Expression pcbAreaCm2, Expression massKg,
                              Expression casingMassKg, Expression heatsinkMassKg, Expression boatKm, Expression truckKm,
                              Expression planeKm, Map<String, Double> completed, String completedFrom,
                              String completedKey) {
        public GpuCardSpec {
            Objects.requireNonNull(factors, "factors");
            completed = Map.copyOf(completed);
        }
    }

    /**
     * A process of a background database solved once for one unit of its reference product (a "system
     * process" in ecoinvent's words): its cumulative inventory {@code g = B·A⁻¹·e} and cumulative results per
     * unit. Linked amounts multiply {@code g}, so the stage carries every elementary flow of the supply chain.
     *
     * @param unit              the reference unit's symbol ({@code kg}, {@code t*km})
     * @param inventoryPerUnit  elementary flow → amount per reference unit in the flow's reference unit (non-zero
     *                          entries, in the database's order)
     * @param cumulativePerUnit cumulative result per reference unit by indicator id (the library's default methods
     *                          through the flow mapping), for traces and coverage
     */
    public record BackgroundProcess(String database, String processId, String processName, String unit,
                                    Map<dev.cradle.model.Flow, Double> inventoryPerUnit,
                                    Map<String, Double> cumulativePerUnit) {
        public BackgroundProcess {
            inventoryPerUnit = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inventoryPerUnit));
            cumulativePerUnit = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cumulativePerUnit));
        }
    }

    /**
     * A part of a device's life cycle linked to a background process: per device, {@code amount} units of the
     * process's reference product go into {@code stage} — a material of the inventory (as declared), a freight
     * leg (mass / 1000 × km, in t*km) or the end-of-life treatment (the device mass, in kg).
     *
     * @param amount per device, in the process's reference unit (an expression over the parameters)
     * @param basis  how the amount was declared, for the trace ({@code "transport leg: 30 kg / 1000 × 2000 km"})
     */
    public record BackgroundLink(LifecycleStage stage, Expression amount, String basis, BackgroundProcess process,
                                 String origin) {
    }

    /** How a workload's energy is known. */
    public sealed interface Energy permits DeviceHours, Flops, Measured, PerQuery, PerToken, LlmInference {
    }

    /** Device-hours at the hardware's (or a given) average power. */
    public record DeviceHours(Expression deviceHours) implements Energy {
    }

    /** LLMCarbon-style: {@code hours = flops / (devices × peak × utilisation) / 3600}. */
    public record Flops(Expression flops, Expression peakFlopsPerDevice, Expression utilisation, Expression devices) implements Energy {
    }

    /**
     * Measured IT energy (kWh), e.g. from CodeCarbon, with the device-hours it took.
     *
     * @param detail what the measurement file said beyond its energy; null for an energy declared by hand
     */
    public record Measured(Expression kwh, Expression deviceHours, String evidence, MeasuredEvidence detail) implements Energy {
        public Measured(Expression kwh, Expression deviceHours, String evidence) {
            this(kwh, deviceHours, evidence, null);
        }
    }

    /**
     * What a measurement file (CodeCarbon, Carbontracker, experiment-impact-tracker, power samples) says
     * beside its IT energy, for the cross-checks and the report.
     *
     * @param tool            the tool and version as the file tells
     * @param file            the file, relative to the scenario
     * @param durationH       wall-clock hours of the counted runs (summed over runs)
     * @param toolPue         the PUE the tool applied and Cradle took out (1 when none; NaN if it varied)
     * @param toolKwh         the energy as the tool wrote it, kWh (its PUE included)
     * @param toolEmissionsKg the tool's own emissions, kg CO2-eq; NaN when the file has none
     * @param places          where the tool says it measured
     * @param gridCodes       factor-library grid codes for those places, best first
     * @param gridFromFile    take the grid intensity from the file's place instead of the datacenter's grid
     * @param skippedRows     corrupt rows skipped at the user's request (skip_corrupt_rows)
     * @param notes           how the file was read, for the trace
     */
    public record MeasuredEvidence(String tool, String file, double durationH, double toolPue, double toolKwh,
                                   double toolEmissionsKg, List<String> places, List<String> gridCodes,
                                   boolean gridFromFile, int skippedRows, List<String> notes) {
        public MeasuredEvidence {
            places = List.copyOf(places);
            gridCodes = List.copyOf(gridCodes);
            notes = List.copyOf(notes);
        }
    }

    /** Inference: queries × energy per query (kWh); device-hours of the deployment over its period. */
    public record PerQuery(Expression kwhPerQuery, Expression deviceHours) implements Energy {
    }

    /** Inference: tokens × energy per token (kWh); device-hours of the deployment over its period. */
    public record PerToken(Expression kwhPerToken, Expression deviceHours) implements Energy {
    }

    /**
     * Per-request LLM inference as EcoLogits models it ({@link LlmInferenceEnergy}): the energy per output token
     * from the model's active parameters, the GPUs needed from its memory, the server's share by latency.
     * Parameters are in billions; a field left null takes EcoLogits' default as a named library parameter.
     *
     * @param requests          requests served (> 0)
     * @param outputTokens      output tokens per request (> 0)
     * @param activeParameters  active parameters, billions (dense: the total; mixture of experts: those used per token)
     * @param totalParameters   total parameters, billions (≥ active), for the memory the model needs
     * @param quantisationBits  bits per weight; null = 16
     * @param latencyS          measured generation latency per request, s: an upper bound on the fitted latency; null if not measured
     * @param throughput        measured output tokens per second of one request: latency = tokens / throughput; null if not measured
     * @param batchSize         requests a server handles at once; null = 64
     * @param gpuMemoryGb       memory of one GPU, GB; null = 80 (H100 80 GB)
     * @param serverPowerW      power of the server without its GPUs, W; null = 1,200
     * @param gpusPerServer     GPUs installed in a server; null = 8
     */
    public record LlmInference(Expression requests, Expression outputTokens, Expression activeParameters,
                               Expression totalParameters, Expression quantisationBits, Expression latencyS,
                               Expression throughput, Expression batchSize, Expression gpuMemoryGb,
                               Expression serverPowerW, Expression gpusPerServer) implements Energy {
    }

    /**
     * @param runs    multiplier for experiments and hyper-parameter tuning (1 = the final run only)
     * @param queries queries served (inference), 0 if not applicable
     * @param tokens  tokens served (inference), 0 if not applicable
     * @param periodH wall-clock hours the workload spans (for 'one year of service'); NaN if unknown
     * @param alsoUses further hardware the workload occupies besides {@code hardware} (e.g. the host servers of
     *                 a GPU cluster), in proportion to their counts: device-hours × count / primary count. They add
     *                 embodied impacts and share idle capacity; the energy comes from the primary hardware.
     */
    public record Workload(String id, String model, MlPhase phase, String hardware, Energy energy, Expression powerW,
                           Expression runs, Expression queries, Expression tokens, Expression periodH, List<String> alsoUses,
                           String origin) {
        public Workload {
            Objects.requireNonNull(phase, "phase");
            alsoUses = List.copyOf(alsoUses);
        }

        public Workload(String id, String model, MlPhase phase, String hardware, Energy energy, Expression powerW,
                        Expression runs, Expression queries, Expression tokens, Expression periodH, String origin) {
            this(id, model, phase, hardware, energy, powerW, runs, queries, tokens, periodH, List.of(), origin);
        }
    }

    /**
     * @param amortiseOverQueries training spread over this many queries (0 = the model's inference volume)
     * @param amortiseOverTokens  training spread over this many tokens (0 = the model's inference tokens)
     * @param serviceLifeYears    years the trained model serves, for 'one year of service' (NaN if unknown)
     * @param derivedFrom         a base model whose training this model shares (fine-tuning); empty if none
     * @param downstreamTasks     the number of downstream models/tasks this model's training is spread over
     */
    public record Model(String id, String name, Expression amortiseOverQueries, Expression amortiseOverTokens,
                        Expression serviceLifeYears, String derivedFrom, Expression downstreamTasks, String origin) {
    }

    /** The functional unit of an AI study. */
    public enum FunctionalUnitKind { STUDY, TRAINED_MODEL, QUERY, THOUSAND_TOKENS, YEAR_OF_SERVICE }

    /**
     * One functional unit of an AI study.
     *
     * @param id     the unit's name in the outputs, unique in the study (default {@link #defaultId})
     * @param amount how many of the unit the results are for (an expression over global parameters)
     */
    public record AiFunctionalUnit(String id, FunctionalUnitKind kind, String model, Expression amount, String origin) {
        public AiFunctionalUnit {
            id = id == null || id.isEmpty() ? defaultId(kind, model) : id;
        }

        /** A unit named by {@link #defaultId}. */
        public AiFunctionalUnit(FunctionalUnitKind kind, String model, Expression amount, String origin) {
            this(null, kind, model, amount, origin);
        }

        /** The scenario key of the kind: study, trained_model, query, 1000_tokens, year_of_service. */
        public static String key(FunctionalUnitKind kind) {
            return kind == FunctionalUnitKind.THOUSAND_TOKENS ? "1000_tokens" : kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@code study}, or the kind's key and the model: {@code query:bloom}, {@code 1000_tokens:chat-7b}. */
        public static String defaultId(FunctionalUnitKind kind, String model) {
            return kind == FunctionalUnitKind.STUDY || model == null || model.isEmpty() ? key(kind) : key(kind) + ":" + model;
        }
    }

    /**
     * The whole AI part of a scenario.
     *
     * @param functionalUnits the study's functional units, at least one; the first is the primary unit (the
     *                        product system's own functional unit, the one the detailed reports are per)
     */
    public record AiScenario(List<Datacenter> datacenters, List<Hardware> hardware, List<Model> models,
                             List<Workload> workloads, List<AiFunctionalUnit> functionalUnits) {
        public AiScenario {
            datacenters = List.copyOf(datacenters);
            hardware = List.copyOf(hardware);
            models = List.copyOf(models);
            workloads = List.copyOf(workloads);
            functionalUnits = List.copyOf(functionalUnits);
            if (functionalUnits.isEmpty()) {
                throw new IllegalArgumentException("an AI study needs at least one functional unit");
            }
        }

        /** A study with one functional unit. */
        public AiScenario(List<Datacenter> datacenters, List<Hardware> hardware, List<Model> models,
                          List<Workload> workloads, AiFunctionalUnit functionalUnit) {
            this(datacenters, hardware, models, workloads, List.of(functionalUnit));
        }

        /** The primary (first) functional unit. */
        public AiFunctionalUnit functionalUnit() {
            return functionalUnits.get(0);
        }

        public boolean isEmpty() {
            return datacenters.isEmpty() && hardware.isEmpty() && workloads.isEmpty();
        }
    }
}
