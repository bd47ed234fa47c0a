package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Process;
import dev.cradle.model.data.DevicePower;
import dev.cradle.model.data.EwasteTreatment;
import dev.cradle.model.data.GenerationMix;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceData;
import dev.cradle.model.data.ReferenceFlows;
import dev.cradle.model.data.WaterLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The bundled, versioned factor library: elementary flows, LCIA methods (climate change, water,
 * human toxicity, abiotic depletion) and background processes (electricity by country, cloud region
 * and generation source; freight; e-waste treatment; hardware archetypes and server components;
 * datacenter buildings), each traceable to its {@link Dataset}.
 *
 * <p>Background processes carry {@link Process#coverage()}: the categories their source covers. A
 * grid intensity covers climate change only, so toxicity and depletion are reported as not covered
 * for it, never as zero.
 */
public final class FactorLibrary implements ReferenceData {
    /** Default methods for a study that names none: one per category group of the mission. */
    public static final List<String> DEFAULT_METHODS = List.of("ipcc-ar6-gwp100", "water-consumption", "aware-2.0",
            "usetox-2", "cml-ia-adp", "primary-energy");

    /** Category ids used across methods and coverage declarations (aliases of {@link ImpactCategories}). */
    public static final String CLIMATE = ImpactCategories.CLIMATE;
    public static final String GWP20 = ImpactCategories.GWP20;
    public static final String WATER = ImpactCategories.WATER;
    public static final String WATER_SCARCITY = ImpactCategories.WATER_SCARCITY;
    public static final String TOX_CANCER = ImpactCategories.TOX_CANCER;
    public static final String TOX_NON_CANCER = ImpactCategories.TOX_NON_CANCER;
    public static final String ADP_ELEMENTS = ImpactCategories.ADP_ELEMENTS;
    public static final String ADP_FOSSIL = ImpactCategories.ADP_FOSSIL;
    /** Coverage of a process whose source gives no impact at all. */
    public static final String COVERS_NOTHING = ImpactCategories.COVERS_NOTHING;

    /** Product flows of the background processes (aliases of {@link ReferenceFlows}). */
    public static final Flow ELECTRICITY = ReferenceFlows.ELECTRICITY;
    public static final Flow FREIGHT = ReferenceFlows.FREIGHT;
    public static final Flow EWASTE = ReferenceFlows.EWASTE;
    public static final Flow DATACENTER_CAPACITY = ReferenceFlows.DATACENTER_CAPACITY;

    private static final String ROOT = "dev/cradle/factors/";
    private static final List<String> FILES = List.of(
            "flows/elementary-flows.yaml",
            "methods/ipcc-gwp.yaml", "methods/water.yaml", "methods/usetox-2-human-toxicity.yaml",
            "methods/cml-ia-abiotic-depletion.yaml", "methods/primary-energy.yaml",
            "electricity/ember-2024-country-intensity.yaml", "electricity/electricitymaps-2024-zones.yaml",
            "electricity/egrid2023-subregions.yaml",
            "electricity/mlco2-cloud-regions.yaml", "electricity/cloud-regions-2024.yaml",
            "electricity/ipcc-ar5-generation-technologies.yaml", "electricity/primary-energy-by-source.yaml",
            "electricity/uslci-electricity-by-source.yaml", "electricity/owid-electricity-mix-by-country.yaml",
            "transport/defra-2025-freight.yaml", "end-of-life/ewaste.yaml", "buildings/datacenter-building.yaml",
            "hardware/accelerators.yaml", "hardware/hubblo-gpu-lca.yaml", "hardware/server-components.yaml", "hardware/systems.yaml",
            "hardware/gpu-card-components.yaml");

    private final Map<String, Dataset> datasets;
    private final Map<String, Flow> flows;
    private final Map<String, ImpactMethod> methods;
    private final Map<String, Process> processes;
    private final Map<String, Dataset> origin;
    private final Map<String, LibraryEntry> entries;
    private final Map<String, String> waterRegions;
    private final Map<String, Double> awareFactors;
    private final double awareGlobal;
    private final Map<String, GridIntensity> grids;
    private final Map<String, DevicePower> devicePower;
    private final double datacenterLifetimeYears;
    private final Map<String, Double> recyclingRates;
    private final EwasteTreatment ewasteTreatment;
    private final Map<String, GenerationMix> generationMixes;
    private final Map<String, String> gridTargets;
    private final Map<String, GpuCard> gpuCards;

    private static final class Holder {
        static final FactorLibrary BUNDLED = load();
    }

    private FactorLibrary(Map<String, Dataset> datasets, LibraryAssembly a) {
        this.datasets = frozen(datasets);
        flows = frozen(a.flows);
        methods = frozen(a.methods);
        processes = frozen(a.processes);
        origin = frozen(a.origin);
        entries = frozen(a.entries);
        waterRegions = frozen(a.waterRegions);
        awareFactors = frozen(a.awareFactors);
        awareGlobal = a.awareGlobal;
        grids = frozen(a.grids);
        devicePower = frozen(a.devicePower);
        datacenterLifetimeYears = a.datacenterLifetimeYears;
        recyclingRates = frozen(a.recyclingRates);
        ewasteTreatment = new EwasteTreatment(a.ewasteRecycling, a.ewasteLandfill);
        generationMixes = frozen(a.generationMixes);
        gridTargets = frozen(a.gridTargets);
        gpuCards = frozen(a.gpuCards);
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The library bundled with Cradle, loaded once. */
    public static FactorLibrary bundled() {
        return Holder.BUNDLED;
    }

    /**
     * Reads every bundled file's provenance header, then each dataset with the {@link DatasetReader} of its
     * kind ({@link DatasetReaders}), in file order except where a reader must wait for the kinds it builds on.
     */
    static FactorLibrary load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        Map<Dataset, JsonNode> roots = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = FactorLibrary.class.getClassLoader().getResourceAsStream(ROOT + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled data file " + file);
                }
                JsonNode root = yaml.readTree(in);
                Dataset d = header(file, root);
                if (datasets.put(d.id(), d) != null) {
                    throw new IllegalStateException("dataset id " + d.id() + " is used twice");
                }
                roots.put(d, root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled data file " + file, e);
            }
        }
        LibraryAssembly assembly = new LibraryAssembly();
        for (Dataset d : DatasetReaders.readingOrder(List.copyOf(datasets.values()))) {
            DatasetReaders.of(d).read(d, roots.get(d), assembly);
        }
        return new FactorLibrary(datasets, assembly);
    }

    /** A file's provenance header: every dataset says what it is, where it comes from and under which licence. */
    private static Dataset header(String file, JsonNode root) {
        return new Dataset(req(root, "dataset", file), req(root, "kind", file), req(root, "title", file),
                req(root, "source", file), req(root, "citation", file), root.path("url").asText(""),
                root.path("year").asInt(0), req(root, "licence", file), root.path("licence_note").asText(""),
                root.path("share_alike").asBoolean(false), req(root, "unit", file), req(root, "data_quality", file),
                file);
    }

    private static String req(JsonNode n, String key, String file) {
        JsonNode v = n.get(key);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalStateException(file + ": missing '" + key + "'");
        }
        return v.asText();
    }

    /** Flow id of the water consumed in an AWARE location: {@code water_consumed_fr}, {@code water_consumed_us_ca}. */
    public static String waterFlowId(String code) {
        return "water_consumed_" + code.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    // ---- queries -------------------------------------------------------------------------------------

    public List<Dataset> datasets() {
        return List.copyOf(datasets.values());
    }

    public Optional<Dataset> dataset(String id) {
        return Optional.ofNullable(datasets.get(id));
    }

    /** Every flow the library defines (elementary, pre-characterised and product), by id. */
    public Map<String, Flow> flows() {
        return flows;
    }

    @Override
    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    /**
     * The water-consumed flow for a location (ISO 3166-1 alpha-2 such as {@code FR}, or country-state
     * such as {@code US-CA}, {@code CA-QC}), characterised with its AWARE 2.0 factor; see
     * {@link #waterLocation(String)} for the level used and why.
     */
    public Flow waterConsumed(String countryCode) {
        return waterLocation(countryCode).flow();
    }

    /**
     * Resolves a location to the most specific AWARE 2.0 factor the library has: the sub-national
     * region as given, else its country (the part before the dash), else the AWARE 2.0 global factor
     * for an unknown location. The note says which level was used whenever it is not the one asked for.
     */
    @Override
    public WaterLocation waterLocation(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (waterRegions.containsKey(c)) {
            return new WaterLocation(flows.get(waterRegions.get(c)), c.contains("-") ? "sub-national" : "country",
                    awareFactors.get(c), "");
        }
        int dash = c.indexOf('-');
        if (dash > 0 && waterRegions.containsKey(c.substring(0, dash))) {
            String country = c.substring(0, dash);
            return new WaterLocation(flows.get(waterRegions.get(country)), "country", awareFactors.get(country),
                    "AWARE 2.0 has no factor for '" + c + "'; the country's factor (" + country + ", "
                            + awareFactors.get(country) + " m3 world-eq/m3) is used");
        }
        return new WaterLocation(flows.get("water_consumed"), "global", awareGlobal, c.isEmpty()
                ? "no location given: the AWARE 2.0 global factor (" + awareGlobal + " m3 world-eq/m3) is used"
                : "AWARE 2.0 has no factor for '" + c + "' (" + awareFactors.size() + " countries and regions are "
                + "covered, see 'cradle factors water'): the AWARE 2.0 global factor (" + awareGlobal
                + " m3 world-eq/m3) is used");
    }

    /** AWARE 2.0 non-irrigation factors by location code, m3 world-eq per m3 consumed. */
    public Map<String, Double> awareFactors() {
        return awareFactors;
    }

    /** The AWARE 2.0 global (GLO) non-irrigation factor, used for an unknown location. */
    public double awareGlobalFactor() {
        return awareGlobal;
    }

    /** Every grid intensity by code (countries, regions, sub-national zones, cloud regions). */
    public Map<String, GridIntensity> grids() {
        return grids;
    }

    /** A grid by its code, as used in {@code grid:<code>}. */
    public Optional<GridIntensity> grid(String code) {
        return Optional.ofNullable(code == null ? null : grids.get(code));
    }

    /**
     * What to tell a user whose grid code the library lacks: the nearest level it does have (the
     * country for a sub-national code, the regions for a country) — never a silent world average.
     */
    @Override
    public String missingGridAdvice(String code) {
        String c = code == null ? "" : code.strip();
        int dash = c.indexOf('-');
        if (dash > 0 && grids.containsKey(c.substring(0, dash).toUpperCase(Locale.ROOT))) {
            GridIntensity country = grids.get(c.substring(0, dash).toUpperCase(Locale.ROOT));
            // the sub-national grids of the country, per dataset (US: Electricity Maps balancing authorities, eGRID subregions)
            Map<String, List<String>> zones = new LinkedHashMap<>();
            grids.values().stream().filter(g -> g.code().startsWith(country.code() + "-"))
                    .forEach(g -> zones.computeIfAbsent(g.dataset().id(), k -> new ArrayList<>()).add(g.code()));
            StringBuilder sb = new StringBuilder("no sub-national grid '" + c + "'; the nearest level available is the country: grid "
                    + country.code() + " (" + country.name() + ", " + country.gramsPerKwh() + " g CO2-eq/kWh, "
                    + country.vintage() + ", " + country.dataset().id() + ")");
            zones.forEach((dataset, codes) -> sb.append("; sub-national zones of ").append(country.code()).append(" in ")
                    .append(dataset).append(": ").append(String.join(", ", codes.subList(0, Math.min(codes.size(), 30))))
                    .append(codes.size() > 30 ? ", ... (" + codes.size() + " in all: 'cradle factors grids')" : ""));
            return sb.toString();
        }
        if (c.length() == 2 && !c.contains("-")) {
            return "no country grid '" + c + "' (Ember covers " + grids.values().stream()
                    .filter(g -> g.level().equals("country")).count() + " countries; codes are ISO 3166-1 alpha-2); "
                    + "the nearest levels available are regions: " + String.join(", ", grids.values().stream()
                    .filter(g -> g.level().equals("region")).map(GridIntensity::code).toList())
                    + " — name one explicitly, or give grid_intensity";
        }
        return "no grid '" + c + "'";
    }

    public Map<String, ImpactMethod> methods() {
        return methods;
    }

    @Override
    public Optional<ImpactMethod> method(String id) {
        return Optional.ofNullable(methods.get(id));
    }

    /** The default set: AR6 GWP100, water consumption, AWARE, USEtox 2, CML-IA ADP, primary energy. */
    @Override
    public List<ImpactMethod> defaultMethods() {
        return DEFAULT_METHODS.stream().map(methods::get).toList();
    }

    /** A background process by id, e.g. {@code grid:FR}, {@code freight:sea}, {@code device:nvidia-h100-sxm}. */
    public Optional<Process> process(String id) {
        return Optional.ofNullable(processes.get(id));
    }

    public Map<String, Process> processes() {
        return processes;
    }

    /** The dataset a background process comes from. */
    public Optional<Dataset> originOf(String processId) {
        return Optional.ofNullable(origin.get(processId));
    }

    /**
     * A GPU card documented by the GPU card model's dataset ({@code gpu-card-components}), by its key
     * ({@code nvidia-h100-pcie-80gb}); empty when the library has none of that key.
     */
    public Optional<GpuCard> gpuCard(String key) {
        return Optional.ofNullable(gpuCards.get(key));
    }

    /** The keys of the documented GPU cards, in the dataset's order. */
    public java.util.Set<String> gpuCards() {
        return gpuCards.keySet();
    }

    /** Every nameable entry (methods, processes, flows). */
    public List<LibraryEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Lower case without diacritics, so that "quebec" finds "Québec". */
    private static String plain(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /** Entries whose id, name, summary or dataset matches every word of {@code query} (case- and accent-insensitive). */
    public List<LibraryEntry> search(String query) {
        String[] words = plain(query).trim().split("\\s+");
        List<LibraryEntry> out = new ArrayList<>();
        for (LibraryEntry e : entries.values()) {
            String hay = plain(e.id() + " " + e.kind() + " " + e.name() + " " + e.summary() + " " + e.dataset().id());
            boolean all = true;
            for (String w : words) {
                all &= hay.contains(w);
            }
            if (all) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public Optional<DevicePower> devicePower(String archetype) {
        return Optional.ofNullable(devicePower.get(archetype));
    }

    /** Service life of a datacenter building, years (datacenter-building dataset). */
    @Override
    public double datacenterLifetimeYears() {
        return datacenterLifetimeYears;
    }

    /** Formal e-waste recycling rate by region key ({@code world}, {@code europe}). */
    @Override
    public Map<String, Double> recyclingRates() {
        return recyclingRates;
    }

    /** E-waste treatment, kg CO2-eq per kg, recycled and landfilled (ewaste dataset). */
    @Override
    public EwasteTreatment ewasteTreatment() {
        return ewasteTreatment;
    }

    /** {@code device:<archetype>}, else {@code component:<archetype>}. */
    @Override
    public Optional<Process> deviceArchetype(String archetype) {
        return process("device:" + archetype).or(() -> process("component:" + archetype));
    }

    /** {@code grid:<code>}. */
    @Override
    public Optional<Process> gridElectricity(String code) {
        return process("grid:" + code);
    }

    /** {@code grid_source:<technology>} (IPCC AR5 life-cycle medians, EWIF water). */
    @Override
    public Optional<Process> generationTechnology(String technology) {
        return process("grid_source:" + technology);
    }

    @Override
    public Set<String> generationTechnologies() {
        Set<String> out = new LinkedHashSet<>();
        processes.keySet().stream().filter(k -> k.startsWith("grid_source:"))
                .forEach(k -> out.add(k.substring("grid_source:".length())));
        return Collections.unmodifiableSet(out);
    }

    /**
     * The generation mix standing for grid {@code code}: a country grid's own ({@code FR}); a sub-national zone's
     * or eGRID subregion's country ({@code CA-QC}, {@code US-SRVC} → CA, US); a cloud region's, through the grid it
     * maps to ({@code aws/eu-west-1} → IE, also for its {@code @mlco2} vintage). Regions ({@code WORLD}) have none.
     */
    @Override
    public Optional<GenerationMix> generationMix(String code) {
        GridIntensity g = code == null ? null : grids.get(code);
        if (g == null) {
            return Optional.empty();
        }
        String place = gridTargets.getOrDefault(code, g.code());
        int dash = place.indexOf('-');
        String country = switch (grids.containsKey(place) ? grids.get(place).level() : "") {
            case "country" -> place;
            case "sub-national" -> dash > 0 ? place.substring(0, dash) : place;
            default -> "";
        };
        return Optional.ofNullable(generationMixes.get(country));
    }

    /** Every country's generation mix, by ISO 3166-1 alpha-2 code. */
    public Map<String, GenerationMix> generationMixes() {
        return generationMixes;
    }

    /** {@code freight:<mode>} (DEFRA 2025). */
    @Override
    public Optional<Process> freight(String mode) {
        return process("freight:" + mode);
    }

    /** {@code building:datacenter}. */
    @Override
    public Optional<Process> datacenterBuilding() {
        return process("building:datacenter");
    }

    @Override
    public Optional<String> sourceOf(String processId) {
        return originOf(processId).map(Dataset::id);
    }

}
