package dev.cradle.model.data;

import dev.cradle.model.Compartment;
import dev.cradle.model.Direction;
import dev.cradle.model.Amount;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.FlowType;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Process;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reference data a user fills with their own figures, for the AI rules to read instead of (or as a
 * reduced copy of) the bundled factor library:
 *
 * <pre>{@code
 * ReferenceData data = InMemoryReferenceData.builder("my-lab-2025")
 *         .grid("XX", 0.25)                                        // kg CO2-eq per kWh
 *         .device("my-gpu", 150, new DevicePower(400, 300))        // kg CO2-eq per device; TDP, average W
 *         .freight("sea", 0.016)                                   // kg CO2-eq per t·km
 *         .endOfLife(0.2, new EwasteTreatment(0.005, 0.009))       // world recycling rate; kg CO2-eq per kg
 *         .datacenterBuilding(1.0e6, 20)                           // kg CO2-eq per MW; years
 *         .method(myMethod)
 *         .build();
 * }</pre>
 *
 * <p>The standard elementary flows ({@link #CO2E}, {@link #ADP_ELEMENTS}, {@link #FOSSIL_ENERGY},
 * {@link #WATER_SCARCITY}, {@link #WATER_CONSUMED}) are always defined, with the ids, units and
 * compartments of the bundled library, so methods written against them characterise what the rules
 * emit. Every background process it makes covers climate change only (water too for a generation
 * technology); {@link Builder#grid(String, Process)} and {@link Builder#device(String, Process, DevicePower)}
 * take a full inventory with its own coverage. Immutable once built.
 */
public final class InMemoryReferenceData implements ReferenceData {
    /** Greenhouse gases in aggregate, kg CO2-eq, to air. */
    public static final Flow CO2E = Flow.elementary(ReferenceFlows.CO2E_AGGREGATED,
            "Greenhouse gases, reported in aggregate as CO2-eq (GWP100)", Units.of("kg"), Compartment.AIR);
    /** Abiotic depletion of elements, pre-characterised, kg Sb-eq. */
    public static final Flow ADP_ELEMENTS = Flow.elementary(ReferenceFlows.ADP_ELEMENTS_SB_EQ,
            "Abiotic depletion of elements, pre-characterised (kg Sb-eq)", Units.of("kg"), Compartment.RESOURCE);
    /** Fossil energy carriers in ground, MJ net calorific value. */
    public static final Flow FOSSIL_ENERGY = Flow.elementary(ReferenceFlows.FOSSIL_ENERGY,
            "Energy, fossil, non-renewable (net calorific value)", Units.of("MJ"), Compartment.RESOURCE);
    /** Water scarcity, pre-characterised, m3 world-eq. */
    public static final Flow WATER_SCARCITY = Flow.elementary(ReferenceFlows.WATER_SCARCITY_WORLD_EQ,
            "Water scarcity, pre-characterised (m3 world-eq)", Units.of("m3"), Compartment.WATER_CONSUMED);
    /** Water consumed at an unspecified location, m3. */
    public static final Flow WATER_CONSUMED = Flow.elementary(ReferenceFlows.WATER_CONSUMED,
            "Water, consumed, unspecified location", Units.of("m3"), Compartment.WATER_CONSUMED);

    private final String source;
    private final Map<String, Flow> flows;
    private final Map<String, Process> grids;
    private final Map<String, Process> technologies;
    private final Map<String, Process> freight;
    private final Map<String, Process> devices;
    private final Map<String, DevicePower> power;
    private final Map<String, Double> recyclingRates;
    private final EwasteTreatment ewaste;
    private final Map<String, Double> awareFactors;
    private final double awareGlobal;
    private final Map<String, ImpactMethod> methods;
    private final List<String> defaultMethods;
    private final Process building;
    private final double buildingLifetimeYears;

    private InMemoryReferenceData(Builder b) {
        source = b.source;
        flows = Map.copyOf(b.flows);
        grids = Collections.unmodifiableMap(new LinkedHashMap<>(b.grids));
        technologies = Collections.unmodifiableMap(new LinkedHashMap<>(b.technologies));
        freight = Map.copyOf(b.freight);
        devices = Map.copyOf(b.devices);
        power = Map.copyOf(b.power);
        recyclingRates = Map.copyOf(b.recyclingRates);
        ewaste = b.ewaste;
        awareFactors = Map.copyOf(b.awareFactors);
        awareGlobal = b.awareGlobal;
        methods = Collections.unmodifiableMap(new LinkedHashMap<>(b.methods));
        defaultMethods = b.defaultMethods == null ? List.copyOf(b.methods.keySet()) : List.copyOf(b.defaultMethods);
        building = b.building;
        buildingLifetimeYears = b.buildingLifetimeYears;
    }

    /** A new, empty builder; {@code source} names the data in traces (e.g. {@code my-lab-2025}). */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** The flow of water consumed in a location: {@code water_consumed_fr}, {@code water_consumed_us_ca}, m3. */
    public static Flow waterConsumed(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        return new Flow("water_consumed_" + c.toLowerCase(Locale.ROOT).replace('-', '_'), "Water, consumed, " + c,
                FlowType.ELEMENTARY, Units.of("m3"), Compartment.WATER_CONSUMED, "", c);
    }

    @Override
    public Optional<Process> deviceArchetype(String archetype) {
        return Optional.ofNullable(devices.get(archetype));
    }

    @Override
    public Optional<DevicePower> devicePower(String archetype) {
        return Optional.ofNullable(power.get(archetype));
    }

    @Override
    public Optional<Process> gridElectricity(String code) {
        return Optional.ofNullable(code == null ? null : grids.get(code));
    }

    @Override
    public String missingGridAdvice(String code) {
        return "no grid '" + code + "' in " + source + " (its grids: " + String.join(", ", grids.keySet()) + ")";
    }

    @Override
    public Optional<Process> generationTechnology(String technology) {
        return Optional.ofNullable(technologies.get(technology));
    }

    @Override
    public Set<String> generationTechnologies() {
        return technologies.keySet();
    }

    @Override
    public Optional<Process> freight(String mode) {
        return Optional.ofNullable(freight.get(mode));
    }

    @Override
    public Map<String, Double> recyclingRates() {
        return recyclingRates;
    }

    @Override
    public EwasteTreatment ewasteTreatment() {
        return ewaste;
    }

    /** The region as given, else its country (the part before a dash), else the global factor. */
    @Override
    public WaterLocation waterLocation(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (awareFactors.containsKey(c)) {
            return new WaterLocation(waterConsumed(c), c.contains("-") ? "sub-national" : "country", awareFactors.get(c), "");
        }
        int dash = c.indexOf('-');
        if (dash > 0 && awareFactors.containsKey(c.substring(0, dash))) {
            String country = c.substring(0, dash);
            return new WaterLocation(waterConsumed(country), "country", awareFactors.get(country), source
                    + " has no water factor for '" + c + "'; the country's (" + country + ") is used");
        }
        return new WaterLocation(WATER_CONSUMED, "global", awareGlobal, c.isEmpty() ? "no location given: the global "
                + "water factor of " + source + " is used" : source + " has no water factor for '" + c
                + "': the global factor is used");
    }

    @Override
    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    @Override
    public Optional<ImpactMethod> method(String id) {
        return Optional.ofNullable(methods.get(id));
    }

    @Override
    public List<ImpactMethod> defaultMethods() {
        return defaultMethods.stream().map(methods::get).toList();
    }

    @Override
    public Optional<Process> datacenterBuilding() {
        return Optional.ofNullable(building);
    }

    @Override
    public double datacenterLifetimeYears() {
        return buildingLifetimeYears;
    }

    /** {@code source} for every process this data holds. */
    @Override
    public Optional<String> sourceOf(String processId) {
        boolean known = grids.values().stream().anyMatch(p -> p.id().equals(processId))
                || technologies.values().stream().anyMatch(p -> p.id().equals(processId))
                || freight.values().stream().anyMatch(p -> p.id().equals(processId))
                || devices.values().stream().anyMatch(p -> p.id().equals(processId))
                || building != null && building.id().equals(processId);
        return known ? Optional.of(source) : Optional.empty();
    }

    /**
     * Fills an {@link InMemoryReferenceData}. Every figure must be finite and non-negative, every rate
     * within 0..1; a bad one is refused at once with an {@link IllegalArgumentException} naming it.
     */
    public static final class Builder {
        private final String source;
        private final Map<String, Flow> flows = new LinkedHashMap<>();
        private final Map<String, Process> grids = new LinkedHashMap<>();
        private final Map<String, Process> technologies = new LinkedHashMap<>();
        private final Map<String, Process> freight = new LinkedHashMap<>();
        private final Map<String, Process> devices = new LinkedHashMap<>();
        private final Map<String, DevicePower> power = new LinkedHashMap<>();
        private final Map<String, Double> recyclingRates = new LinkedHashMap<>();
        private EwasteTreatment ewaste = new EwasteTreatment(0, 0);
        private final Map<String, Double> awareFactors = new LinkedHashMap<>();
        private double awareGlobal = 1;
        private final Map<String, ImpactMethod> methods = new LinkedHashMap<>();
        private List<String> defaultMethods;
        private Process building;
        private double buildingLifetimeYears = Double.NaN;

        private Builder(String source) {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("name the source of the reference data (e.g. 'my-lab-2025')");
            }
            this.source = source;
            for (Flow f : List.of(CO2E, ADP_ELEMENTS, FOSSIL_ENERGY, WATER_SCARCITY, WATER_CONSUMED,
                    ReferenceFlows.ELECTRICITY, ReferenceFlows.FREIGHT, ReferenceFlows.EWASTE,
                    ReferenceFlows.DATACENTER_CAPACITY)) {
                flows.put(f.id(), f);
            }
        }

        /** Adds (or replaces) a flow, e.g. an elementary flow of a device's own inventory. */
        public Builder flow(Flow f) {
            flows.put(f.id(), f);
            return this;
        }

        /** A grid emitting {@code kgCo2ePerKwh} kg CO2-eq per kWh delivered (life-cycle basis). */
        public Builder grid(String code, double kgCo2ePerKwh) {
            check("grid " + code, kgCo2ePerKwh);
            return grid(code, background("grid:" + code, "Electricity, grid, " + code, LifecycleStage.USE,
                    ReferenceFlows.ELECTRICITY, List.of(emission(CO2E, kgCo2ePerKwh)), Set.of(ImpactCategories.CLIMATE)));
        }

        /** A grid with its own inventory per kWh: {@code process} must output one {@link ReferenceFlows#ELECTRICITY}. */
        public Builder grid(String code, Process process) {
            requireOutput(process, ReferenceFlows.ELECTRICITY);
            grids.put(code, process);
            return this;
        }

        /** A generation technology for mixes: kg CO2-eq and litres of water consumed per kWh. */
        public Builder generationTechnology(String id, double kgCo2ePerKwh, double litresWaterPerKwh) {
            return generationTechnology(id, kgCo2ePerKwh, litresWaterPerKwh, null);
        }

        /**
         * A generation technology whose intensity has a {@code range} (e.g. triangular min/median/max; null for
         * none): the AI rules make it the named parameter {@code datacenter.<id>.mix.<technology>_gwp}.
         */
        public Builder generationTechnology(String id, double kgCo2ePerKwh, double litresWaterPerKwh,
                                            dev.cradle.model.Uncertainty range) {
            check("generation technology " + id, kgCo2ePerKwh);
            check("water of generation technology " + id, litresWaterPerKwh);
            technologies.put(id, background("grid_source:" + id, "Electricity from " + id, LifecycleStage.USE,
                    ReferenceFlows.ELECTRICITY, List.of(emission(CO2E, kgCo2ePerKwh, range),
                            new Exchange(WATER_CONSUMED, Direction.INPUT, Amount.of(litresWaterPerKwh / 1000),
                                    WATER_CONSUMED.referenceUnit(), false, "", null)),
                    Set.of(ImpactCategories.CLIMATE, ImpactCategories.WATER, ImpactCategories.WATER_SCARCITY)));
            return this;
        }

        /** A freight mode ({@code air}, {@code sea}, {@code road}, {@code rail}), kg CO2-eq per t·km. */
        public Builder freight(String mode, double kgCo2ePerTkm) {
            check("freight " + mode, kgCo2ePerTkm);
            freight.put(mode, background("freight:" + mode, "Freight, " + mode, LifecycleStage.TRANSPORT,
                    ReferenceFlows.FREIGHT, List.of(emission(CO2E, kgCo2ePerTkm)), Set.of(ImpactCategories.CLIMATE)));
            return this;
        }

        /**
         * A device archetype embodying {@code embodiedKgCo2e} kg CO2-eq per device, cradle-to-gate;
         * {@code power} (W) may be null when unknown.
         */
        public Builder device(String archetype, double embodiedKgCo2e, DevicePower power) {
            return device(archetype, embodiedKgCo2e, power, null);
        }

        /**
         * A device archetype whose embodied figure has a {@code range} (null for none): the AI rules make it the
         * named parameter {@code hardware.<hardware id>.embodied_gwp}.
         */
        public Builder device(String archetype, double embodiedKgCo2e, DevicePower power,
                              dev.cradle.model.Uncertainty range) {
            check("embodied emissions of " + archetype, embodiedKgCo2e);
            Flow product = Flow.product("device_" + archetype.replace('-', '_'), archetype, Units.of("item"));
            return device(archetype, background("device:" + archetype, "Manufacturing of " + archetype,
                    LifecycleStage.MANUFACTURING, product, List.of(emission(CO2E, embodiedKgCo2e, range)),
                    Set.of(ImpactCategories.CLIMATE)), power);
        }

        /** A device archetype with its own manufacturing inventory per device; {@code power} (W) may be null. */
        public Builder device(String archetype, Process manufacturing, DevicePower power) {
            if (manufacturing.providedFlows().size() != 1) {
                throw new IllegalArgumentException("device archetype '" + archetype + "' needs a process with one "
                        + "product output (one device), not " + manufacturing.providedFlows().size());
            }
            devices.put(archetype, manufacturing);
            if (power != null) {
                this.power.put(archetype, power);
            }
            return this;
        }

        /** E-waste: the {@code world} formal recycling rate (0..1) and the treatment figures. */
        public Builder endOfLife(double worldRecyclingRate, EwasteTreatment treatment) {
            check("e-waste recycled", treatment.recycledKgCo2ePerKg());
            check("e-waste landfilled", treatment.landfilledKgCo2ePerKg());
            ewaste = treatment;
            return recyclingRate("world", worldRecyclingRate);
        }

        /** The formal recycling rate (0..1) of a region key such as {@code europe}. */
        public Builder recyclingRate(String region, double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("recycling rate of " + region + " must lie in 0..1, not " + rate);
            }
            recyclingRates.put(region, rate);
            return this;
        }

        /**
         * A water-scarcity factor (m3 world-eq per m3) for a location code: ISO 3166-1 alpha-2 or
         * country-state ({@code US-CA}); the location's flow is {@link #waterConsumed(String)}.
         */
        public Builder water(String code, double scarcityFactor) {
            check("water factor of " + code, scarcityFactor);
            Flow f = waterConsumed(code);
            flows.put(f.id(), f);
            awareFactors.put(code.strip().toUpperCase(Locale.ROOT), scarcityFactor);
            return this;
        }

        /** The water-scarcity factor for an unknown location, m3 world-eq per m3 (1 unless set). */
        public Builder globalWater(double scarcityFactor) {
            check("global water factor", scarcityFactor);
            awareGlobal = scarcityFactor;
            return this;
        }

        /** Datacenter building and infrastructure: kg CO2-eq per MW of IT capacity over its service life, years. */
        public Builder datacenterBuilding(double kgCo2ePerMw, double lifetimeYears) {
            return datacenterBuilding(kgCo2ePerMw, lifetimeYears, null);
        }

        /**
         * The datacenter building with a {@code range} on its per-MW figure (null for none): the AI rules make it
         * the named parameter {@code datacenter.<id>.building_gwp_per_mw}.
         */
        public Builder datacenterBuilding(double kgCo2ePerMw, double lifetimeYears, dev.cradle.model.Uncertainty range) {
            check("datacenter building", kgCo2ePerMw);
            if (!(lifetimeYears > 0 && Double.isFinite(lifetimeYears))) {
                throw new IllegalArgumentException("datacenter lifetime must be a positive number of years, not "
                        + lifetimeYears);
            }
            building = background("building:datacenter", "Datacenter building and infrastructure, per MW of IT capacity",
                    LifecycleStage.MANUFACTURING, ReferenceFlows.DATACENTER_CAPACITY,
                    List.of(emission(CO2E, kgCo2ePerMw, range)),
                    Set.of(ImpactCategories.CLIMATE));
            buildingLifetimeYears = lifetimeYears;
            return this;
        }

        /** An impact method; every method is a default one unless {@link #defaultMethods} says otherwise. */
        public Builder method(ImpactMethod method) {
            methods.put(method.id(), method);
            return this;
        }

        /** The methods a study that names none is assessed with, by id (each added with {@link #method}). */
        public Builder defaultMethods(String... ids) {
            for (String id : ids) {
                if (!methods.containsKey(id)) {
                    throw new IllegalArgumentException("default method '" + id + "' is not added (methods: "
                            + String.join(", ", methods.keySet()) + ")");
                }
            }
            defaultMethods = List.of(ids);
            return this;
        }

        public InMemoryReferenceData build() {
            if (!recyclingRates.containsKey("world")) {
                recyclingRates.put("world", 0.0);
            }
            return new InMemoryReferenceData(this);
        }

        private static void check(String what, double v) {
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException(what + " must be a finite, non-negative number, not " + v);
            }
        }

        private static void requireOutput(Process p, Flow product) {
            if (p.providedFlows().stream().noneMatch(x -> x.flow().id().equals(product.id()))) {
                throw new IllegalArgumentException("process " + p.id() + " must output " + product.id());
            }
        }

        private static Exchange emission(Flow f, double amount) {
            return emission(f, amount, null);
        }

        private static Exchange emission(Flow f, double amount, dev.cradle.model.Uncertainty range) {
            return new Exchange(f, Direction.OUTPUT, Amount.of(amount), f.referenceUnit(), false, "", range);
        }

        private Process background(String id, String name, LifecycleStage stage, Flow product, List<Exchange> elementary,
                                   Set<String> coverage) {
            List<Exchange> x = new ArrayList<>();
            x.add(new Exchange(product, product.type() == FlowType.WASTE ? Direction.INPUT : Direction.OUTPUT,
                    Amount.of(1), product.referenceUnit(), false, "", null));
            x.addAll(elementary);
            return new Process(id, name, stage, null, Map.of("dataset", source), x, List.of(), List.of(),
                    new LinkedHashSet<>(coverage));
        }
    }
}
