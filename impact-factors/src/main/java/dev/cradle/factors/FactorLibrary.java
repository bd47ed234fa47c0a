package dev.cradle.factors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cradle.model.Amount;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Direction;
import dev.cradle.model.Exchange;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.LifecycleStage;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import dev.cradle.model.data.DevicePower;
import dev.cradle.model.data.EwasteTreatment;
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
            "usetox-2", "cml-ia-adp");

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
            "methods/cml-ia-abiotic-depletion.yaml",
            "electricity/ember-2024-country-intensity.yaml", "electricity/electricitymaps-2024-zones.yaml",
            "electricity/egrid2023-subregions.yaml",
            "electricity/mlco2-cloud-regions.yaml", "electricity/cloud-regions-2024.yaml",
            "electricity/ipcc-ar5-generation-technologies.yaml",
            "transport/defra-2025-freight.yaml", "end-of-life/ewaste.yaml", "buildings/datacenter-building.yaml",
            "hardware/accelerators.yaml", "hardware/hubblo-gpu-lca.yaml", "hardware/server-components.yaml");

    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, ImpactMethod> methods = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Dataset> origin = new LinkedHashMap<>();
    private final Map<String, LibraryEntry> entries = new LinkedHashMap<>();
    private final Map<String, String> waterRegions = new LinkedHashMap<>();
    private final Map<String, Double> awareFactors = new LinkedHashMap<>();
    private double awareGlobal = Double.NaN;
    private final Map<String, GridIntensity> grids = new LinkedHashMap<>();
    private double datacenterLifetimeYears;
    private final Map<String, Double> recyclingRates = new LinkedHashMap<>();

    private static final class Holder {
        static final FactorLibrary BUNDLED = load();
    }

    private FactorLibrary() {
    }

    /** The library bundled with Cradle, loaded once. */
    public static FactorLibrary bundled() {
        return Holder.BUNDLED;
    }

    static FactorLibrary load() {
        FactorLibrary lib = new FactorLibrary();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String file : FILES) {
            try (InputStream in = FactorLibrary.class.getClassLoader().getResourceAsStream(ROOT + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled data file " + file);
                }
                lib.read(file, yaml.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled data file " + file, e);
            }
        }
        return lib;
    }

    // ---- reading -----------------------------------------------------------------------------------

    private void read(String file, JsonNode root) {
        Dataset d = new Dataset(req(root, "dataset", file), req(root, "kind", file), req(root, "title", file),
                req(root, "source", file), req(root, "citation", file), root.path("url").asText(""),
                root.path("year").asInt(0), req(root, "licence", file), root.path("licence_note").asText(""),
                root.path("share_alike").asBoolean(false), req(root, "unit", file), req(root, "data_quality", file),
                file);
        if (datasets.put(d.id(), d) != null) {
            throw new IllegalStateException("dataset id " + d.id() + " is used twice");
        }
        switch (d.kind()) {
            case "elementary_flows" -> readFlows(d, root);
            case "lcia_methods" -> readMethods(d, root);
            case "electricity_grid" -> readGrids(d, root);
            case "electricity_grid_alias" -> readGridAliases(d, root);
            case "electricity_sources" -> readSources(d, root);
            case "transport" -> readTransport(d, root);
            case "end_of_life" -> readEndOfLife(d, root);
            case "building" -> readBuilding(d, root);
            case "hardware" -> readAccelerators(d, root);
            case "hardware_lca" -> { } // read with the accelerators that cite it
            case "hardware_components" -> readComponents(d, root);
            default -> throw new IllegalStateException(file + ": unknown dataset kind " + d.kind());
        }
        if (d.kind().equals("hardware_lca")) {
            hubblo = root.path("cards");
            hubbloDataset = d;
            pendingAccelerators.forEach(Runnable::run);
            pendingAccelerators.clear();
        }
    }

    private JsonNode hubblo;
    private Dataset hubbloDataset;
    private final List<Runnable> pendingAccelerators = new ArrayList<>();

    private static String req(JsonNode n, String key, String file) {
        JsonNode v = n.get(key);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalStateException(file + ": missing '" + key + "'");
        }
        return v.asText();
    }

    private Flow flowOrFail(String id, String where) {
        Flow f = flows.get(id);
        if (f == null) {
            throw new IllegalStateException(where + ": unknown flow '" + id + "'");
        }
        return f;
    }

    private void addFlow(Flow f, Dataset d) {
        if (flows.put(f.id(), f) != null) {
            throw new IllegalStateException(d.file() + ": flow '" + f.id() + "' declared twice");
        }
        entries.put("flow:" + f.id(), new LibraryEntry(f.id(), "flow", f.name(),
                (f.compartment() == null ? f.type().name().toLowerCase(Locale.ROOT) : f.compartment().label())
                        + ", " + f.referenceUnit(), d));
    }

    private void readFlows(Dataset d, JsonNode root) {
        for (JsonNode f : root.path("flows")) {
            Compartment c = Compartment.fromLabel(f.path("compartment").asText())
                    .orElseThrow(() -> new IllegalStateException(d.file() + ": bad compartment in " + f));
            addFlow(new Flow(f.path("id").asText(), f.path("name").asText(), dev.cradle.model.FlowType.ELEMENTARY,
                    Units.of(f.path("unit").asText()), c, "", ""), d);
        }
        // pre-characterised flows, for sources that publish impacts rather than inventories (like
        // openLCA's virtual flows for results used as providers)
        addFlow(Flow.elementary("adp_elements_sb_eq", "Abiotic depletion of elements, pre-characterised (kg Sb-eq)",
                Units.of("kg"), Compartment.RESOURCE), d);
        addFlow(Flow.elementary("water_scarcity_world_eq", "Water scarcity, pre-characterised (m3 world-eq)",
                Units.of("m3"), Compartment.WATER_CONSUMED), d);
        for (Flow f : List.of(ELECTRICITY, FREIGHT, EWASTE, DATACENTER_CAPACITY)) {
            flows.put(f.id(), f);
        }
    }

    private void readMethods(Dataset d, JsonNode root) {
        if (root.has("regions")) {
            awareGlobal = root.path("global_default").asDouble(Double.NaN);
            if (!(awareGlobal > 0)) {
                throw new IllegalStateException(d.file() + ": regions need a positive global_default");
            }
            root.path("regions").fields().forEachRemaining(e -> {
                String code = e.getKey().toUpperCase(Locale.ROOT);
                awareFactors.put(code, e.getValue().asDouble());
                String id = waterFlowId(code);
                if (!flows.containsKey(id)) {
                    addFlow(new Flow(id, "Water, consumed, " + code, dev.cradle.model.FlowType.ELEMENTARY,
                            Units.of("m3"), Compartment.WATER_CONSUMED, "", code), d);
                }
                waterRegions.put(code, id);
            });
        }
        for (JsonNode m : root.path("methods")) {
            List<ImpactCategory> categories = new ArrayList<>();
            for (JsonNode c : m.path("categories")) {
                List<CharacterisationFactor> cfs = new ArrayList<>();
                c.path("factors").fields().forEachRemaining(e -> cfs.add(CharacterisationFactor.of(
                        flowOrFail(e.getKey(), d.file()), e.getValue().asDouble())));
                String regional = c.path("regionalised_factors").asText("");
                if (regional.equals("consumption")) {
                    waterRegions.values().forEach(id -> cfs.add(CharacterisationFactor.of(flows.get(id), 1.0)));
                } else if (regional.equals("aware")) {
                    cfs.add(CharacterisationFactor.of(flows.get("water_consumed"), awareGlobal));
                    awareFactors.forEach((code, cf) -> cfs.add(CharacterisationFactor.of(flows.get(waterRegions.get(code)), cf)));
                }
                if (c.path("id").asText().equals(WATER_SCARCITY)) {
                    cfs.add(CharacterisationFactor.of(flows.get("water_scarcity_world_eq"), 1.0));
                }
                if (c.path("id").asText().equals(ADP_ELEMENTS)) {
                    cfs.add(CharacterisationFactor.of(flows.get("adp_elements_sb_eq"), 1.0));
                }
                Set<String> uncharacterised = new LinkedHashSet<>();
                c.path("not_characterised").forEach(n -> uncharacterised.add(flowOrFail(n.asText(), d.file()).id()));
                categories.add(new ImpactCategory(c.path("id").asText(), c.path("name").asText(),
                        Units.indicator(c.path("unit").asText()), cfs, uncharacterised));
            }
            ImpactMethod method = new ImpactMethod(m.path("id").asText(), m.path("name").asText(), categories);
            if (methods.put(method.id(), method) != null) {
                throw new IllegalStateException(d.file() + ": method " + method.id() + " declared twice");
            }
            entries.put("method:" + method.id(), new LibraryEntry(method.id(), "method", method.name(),
                    categories.size() + " categor" + (categories.size() == 1 ? "y" : "ies") + ": "
                            + String.join(", ", categories.stream().map(c -> c.id() + " (" + c.indicatorUnit() + ", "
                            + c.factors().size() + " factors)").toList()), d));
        }
    }

    private void addProcess(Process p, Dataset d, String name, String summary) {
        if (processes.put(p.id(), p) != null) {
            throw new IllegalStateException(d.file() + ": process " + p.id() + " declared twice");
        }
        origin.put(p.id(), d);
        entries.put("process:" + p.id(), new LibraryEntry(p.id(), "process", name, summary, d));
    }

    private static Exchange out(Flow f, double amount, Uncertainty u) {
        return new Exchange(f, Direction.OUTPUT, Amount.of(amount), f.referenceUnit(), false, "", u);
    }

    private static Exchange in(Flow f, double amount) {
        return new Exchange(f, Direction.INPUT, Amount.of(amount), f.referenceUnit(), false, "", null);
    }

    private void readGrids(Dataset d, JsonNode root) {
        Flow co2e = flows.get("co2e_aggregated");
        root.path("grids").fields().forEachRemaining(e -> {
            String code = e.getKey();
            JsonNode n = e.getValue();
            double g = n.path("intensity").asDouble(Double.NaN);
            if (!(g >= 0)) {
                throw new IllegalStateException(d.file() + ": grid " + code + " has no valid intensity");
            }
            String vintage = n.has("vintage") ? n.path("vintage").asText() : String.valueOf(n.path("year").asInt(d.year()));
            String level = code.contains("/") ? "cloud region" : n.path("region").asBoolean(false) ? "region"
                    : code.contains("-") ? "sub-national" : "country";
            grids.put(code, new GridIntensity(code, n.path("name").asText(), g, vintage, level, d));
            String id = "grid:" + code;
            Process p = new Process(id, "Electricity, grid, " + n.path("name").asText() + " ("
                    + (n.has("vintage") ? d.id() : vintage) + ")",
                    LifecycleStage.USE, null, Map.of("dataset", d.id()),
                    List.of(out(ELECTRICITY, 1, null), out(co2e, g / 1000, null)), List.of(), List.of(), Set.of(CLIMATE));
            addProcess(p, d, p.name(), g + " g CO2-eq/kWh, " + level + ", vintage " + vintage
                    + (n.has("pue") ? ", PUE " + n.path("pue").asText() : ""));
        });
    }

    /**
     * A named vintage of cloud regions on current grids: {@code grid:<provider>/<region>@<year>} takes the
     * intensity of the library grid the region maps to (a zone, else the country).
     */
    private void readGridAliases(Dataset d, JsonNode root) {
        Flow co2e = flows.get("co2e_aggregated");
        root.path("regions").fields().forEachRemaining(e -> {
            String code = e.getKey() + "@" + d.year();
            GridIntensity target = grids.get(e.getValue().path("grid").asText());
            if (target == null || !grids.containsKey(e.getKey())) {
                throw new IllegalStateException(d.file() + ": " + e.getKey() + " maps to an unknown grid or region");
            }
            String name = grids.get(e.getKey()).name() + " on grid " + target.code();
            grids.put(code, new GridIntensity(code, name, target.gramsPerKwh(), target.vintage(), "cloud region", d));
            Process p = new Process("grid:" + code, "Electricity, grid, " + name + " (" + target.vintage() + ")",
                    LifecycleStage.USE, null, Map.of("dataset", d.id()), List.of(out(ELECTRICITY, 1, null),
                    out(co2e, target.gramsPerKwh() / 1000, null)), List.of(), List.of(), Set.of(CLIMATE));
            addProcess(p, d, p.name(), target.gramsPerKwh() + " g CO2-eq/kWh = grid:" + target.code() + " ("
                    + target.dataset().id() + ", " + target.vintage() + "); " + e.getValue().path("basis").asText());
        });
    }

    private void readSources(Dataset d, JsonNode root) {
        Flow co2e = flows.get("co2e_aggregated");
        Flow water = flows.get("water_consumed");
        root.path("sources").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            double min = s.path("min").asDouble();
            double median = s.path("median").asDouble();
            double max = s.path("max").asDouble();
            double litresPerKwh = s.path("water_gal_per_mwh").asDouble() * 3.785411784 / 1000;
            String id = "grid_source:" + e.getKey();
            Process p = new Process(id, "Electricity from " + s.path("name").asText(), LifecycleStage.USE, null,
                    Map.of("dataset", d.id()), List.of(out(ELECTRICITY, 1, null),
                    out(co2e, median / 1000, new Uncertainty.Triangular(min / 1000, median / 1000, max / 1000)),
                    in(water, litresPerKwh / 1000)), List.of(), List.of(), Set.of(CLIMATE, WATER, WATER_SCARCITY));
            addProcess(p, d, p.name(), median + " g CO2-eq/kWh (range " + min + "-" + max + "), "
                    + round(litresPerKwh) + " L water/kWh");
        });
    }

    private void readTransport(Dataset d, JsonNode root) {
        Flow co2e = flows.get("co2e_aggregated");
        root.path("modes").fields().forEachRemaining(e -> {
            double kg = e.getValue().path("ttw").asDouble() + e.getValue().path("wtt").asDouble();
            String id = "freight:" + e.getKey();
            Process p = new Process(id, e.getValue().path("name").asText(), LifecycleStage.TRANSPORT, null,
                    Map.of("dataset", d.id()), List.of(out(FREIGHT, 1, null), out(co2e, kg, null)), List.of(), List.of(),
                    Set.of(CLIMATE));
            addProcess(p, d, p.name(), round(kg) + " kg CO2-eq/t*km (well-to-wheel)");
        });
    }

    private double ewasteRecycling;
    private double ewasteLandfill;

    private void readEndOfLife(Dataset d, JsonNode root) {
        Flow co2e = flows.get("co2e_aggregated");
        double recycling = root.path("treatment").path("recycling").asDouble();
        double landfill = root.path("treatment").path("landfill").asDouble();
        ewasteRecycling = recycling;
        ewasteLandfill = landfill;
        root.path("recycling_rate").fields().forEachRemaining(e -> {
            recyclingRates.put(e.getKey(), e.getValue().asDouble());
            String id = "ewaste:" + e.getKey();
            String formula = "recycling_rate * " + recycling + " + (1 - recycling_rate) * " + landfill;
            Process p = new Process(id, "E-waste collection and treatment, " + e.getKey() + " recycling rate",
                    LifecycleStage.END_OF_LIFE, null, Map.of("dataset", d.id()),
                    List.of(in(EWASTE, 1), new Exchange(co2e, Direction.OUTPUT, Amount.formula(formula),
                            co2e.referenceUnit(), false, "", null)),
                    List.of(new Parameter("recycling_rate", Amount.of(e.getValue().asDouble()), "",
                            null, "formally collected and recycled share (Global E-waste Monitor 2024)")),
                    List.of(), Set.of(CLIMATE));
            addProcess(p, d, p.name(), "recycling rate " + e.getValue().asDouble() + "; " + recycling
                    + " kg CO2-eq/kg recycled, " + landfill + " kg CO2-eq/kg landfilled");
        });
    }

    private void readBuilding(Dataset d, JsonNode root) {
        JsonNode e = root.path("embodied_per_mw");
        datacenterLifetimeYears = root.path("lifetime_years").asDouble();
        Process p = new Process("building:datacenter", "Datacenter building and infrastructure, per MW of IT capacity",
                LifecycleStage.MANUFACTURING, null, Map.of("dataset", d.id()),
                List.of(out(DATACENTER_CAPACITY, 1, null), out(flows.get("co2e_aggregated"), e.path("default").asDouble(),
                        new Uncertainty.Uniform(e.path("min").asDouble(), e.path("max").asDouble()))),
                List.of(), List.of(), Set.of(CLIMATE));
        addProcess(p, d, p.name(), e.path("default").asDouble() / 1000 + " t CO2-eq per MW over "
                + datacenterLifetimeYears + " years (upper estimate)");
    }

    private void readAccelerators(Dataset d, JsonNode root) {
        // the Hubblo dataset is read after this one: finish the devices that cite it then
        pendingAccelerators.add(() -> accelerators(d, root));
    }

    private void accelerators(Dataset d, JsonNode root) {
        boards(d, root);
        JsonNode cpa = root.path("carbon_per_area_kg_per_cm2");
        double memoryKgPerGb = root.path("memory_kg_per_gb").asDouble();
        Flow co2e = flows.get("co2e_aggregated");
        root.path("devices").fields().forEachRemaining(e -> {
            JsonNode dev = e.getValue();
            String id = e.getKey();
            Flow product = Flow.product("device_" + id.replace('-', '_'), dev.path("name").asText(), Units.of("item"));
            flows.put(product.id(), product);
            List<Exchange> exchanges = new ArrayList<>();
            exchanges.add(out(product, 1, null));
            Set<String> covered = new LinkedHashSet<>();
            String summary;
            JsonNode gwp = dev.path("embodied_gwp");
            JsonNode board = root.path("boards").path(gwp.path("board").asText(""));
            String card = dev.path("hubblo_card").asText("");
            JsonNode mfg = card.isEmpty() ? null : hubblo.path(card).path("manufacturing");
            if (mfg != null && mfg.isMissingNode()) {
                throw new IllegalStateException(d.file() + ": unknown Hubblo card " + card);
            }
            if (mfg == null && gwp.has("from_hubblo")) {
                throw new IllegalStateException(d.file() + ": " + id + " takes its GWP from Hubblo but names no hubblo_card");
            }
            if (gwp.isMissingNode()) {
                covered.add(COVERS_NOTHING);
                summary = "embodied emissions not covered (die area not verified)";
            } else {
                double area = dev.path("die_area_mm2").asDouble() / 100;
                JsonNode factor = cpa.path(dev.path("process_node_nm").asText());
                if (factor.isMissingNode()) {
                    throw new IllegalStateException(d.file() + ": no carbon per area for node of " + id);
                }
                double model = area * factor.asDouble() + dev.path("memory_gb").asDouble() * memoryKgPerGb;
                double def = gwp.path("from_hubblo").asText("").equals("manufacturing") ? mfg.path("gwp").asDouble()
                        : !board.isMissingNode() ? board.path("gwp_per_gpu").asDouble() : gwp.path("default").asDouble(model);
                double max = Math.max(def, gwp.path("max").asDouble(def));
                double min = Math.min(def, model);
                exchanges.add(out(co2e, def, min < max ? new Uncertainty.Triangular(min, def, max) : null));
                covered.add(CLIMATE);
                summary = round(def) + " kg CO2-eq embodied (range " + round(min) + "-" + round(max) + "; "
                        + gwp.path("basis").asText() + ")";
                if (!board.isMissingNode()) {
                    summary += "; = " + board.path("name").asText() + " " + round(def * board.path("gpus").asInt())
                            + " kg / " + board.path("gpus").asInt() + " GPUs: the baseboard's NVSwitch chips and board are "
                            + "included pro rata, so do not add the baseboard again";
                }
                if (mfg != null) {
                    JsonNode h = mfg; // the manufacturing stage: a device process is cradle-to-gate
                    exchanges.add(new Exchange(flows.get("adp_elements_sb_eq"), Direction.INPUT,
                            Amount.of(h.path("adp_elements").asDouble()), Units.of("kg"), false, "", null));
                    exchanges.add(in(flows.get("fossil_energy"), h.path("adp_fossil").asDouble()));
                    exchanges.add(in(flows.get("water_scarcity_world_eq"), h.path("water_scarcity").asDouble()));
                    covered.addAll(List.of(ADP_ELEMENTS, ADP_FOSSIL, WATER_SCARCITY));
                    summary += "; ADPe " + round(h.path("adp_elements").asDouble()) + " kg Sb-eq, ADPf "
                            + round(h.path("adp_fossil").asDouble()) + " MJ, water " + round(h.path("water_scarcity").asDouble())
                            + " m3 world-eq (" + hubbloDataset.id() + ", manufacturing stage, CC BY-SA)";
                }
            }
            if (dev.has("average_power_w")) {
                summary += "; average power " + dev.path("average_power_w").asDouble() + " W";
            }
            if (dev.has("tdp_w")) {
                summary += "; TDP " + dev.path("tdp_w").asDouble() + " W";
            }
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("dataset", d.id());
            tags.put("device_kind", dev.path("kind").asText());
            if (!board.isMissingNode()) {
                tags.put("embodied_basis", "1/" + board.path("gpus").asInt() + " of the " + board.path("name").asText()
                        + " footprint: NVSwitch chips and board included pro rata");
            } else if (mfg != null) {
                tags.put("embodied_basis", "Hubblo manufacturing stage; transport and end of life come from this rule");
            }
            Process p = new Process("device:" + id, "Manufacturing of " + dev.path("name").asText(),
                    LifecycleStage.MANUFACTURING, null, tags, exchanges, List.of(), List.of(), covered);
            addProcess(p, d, dev.path("name").asText(), summary);
            devicePower.put(id, new DevicePower(dev.path("tdp_w").asDouble(Double.NaN),
                    dev.path("average_power_w").asDouble(Double.NaN)));
        });
    }

    private final Map<String, DevicePower> devicePower = new LinkedHashMap<>();

    /** A multi-GPU baseboard as a device of its own: the per-GPU footprint times the GPUs it carries. */
    private void boards(Dataset d, JsonNode root) {
        Flow co2e = flows.get("co2e_aggregated");
        root.path("boards").fields().forEachRemaining(e -> {
            JsonNode b = e.getValue();
            double kg = b.path("gwp_per_gpu").asDouble() * b.path("gpus").asInt();
            Flow product = Flow.product("device_" + e.getKey().replace('-', '_'), b.path("name").asText(), Units.of("item"));
            flows.put(product.id(), product);
            Process p = new Process("device:" + e.getKey(), "Manufacturing of " + b.path("name").asText(),
                    LifecycleStage.MANUFACTURING, null, Map.of("dataset", d.id(), "device_kind", "gpu_baseboard"),
                    List.of(out(product, 1, null), out(co2e, kg, null)), List.of(), List.of(), Set.of(CLIMATE));
            addProcess(p, d, b.path("name").asText(), round(kg) + " kg CO2-eq embodied = " + b.path("gpus").asInt()
                    + " x " + b.path("gwp_per_gpu").asDouble() + " kg per GPU (NVIDIA HGX H100 PCF); includes the GPUs: "
                    + "use it instead of, not with, the per-GPU archetype");
        });
    }

    private void readComponents(Dataset d, JsonNode root) {
        Flow co2e = flows.get("co2e_aggregated");
        Flow adp = flows.get("adp_elements_sb_eq");
        root.path("components").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            String name = c.path("name").asText();
            for (String driver : List.of("mm2", "gb", "kg", "base")) {
                String gwpKey = driver.equals("base") ? "gwp_base" : "gwp_per_" + driver;
                String adpKey = driver.equals("base") ? "adp_base" : "adp_per_" + driver;
                if (!c.has(gwpKey)) {
                    continue;
                }
                Unit unit = switch (driver) {
                    case "mm2" -> Units.of("mm2");
                    case "gb" -> Units.of("GB");
                    case "kg" -> Units.of("kg");
                    default -> Units.of("item");
                };
                String suffix = driver.equals("base") ? "" : "_per_" + driver;
                String id = "component:" + e.getKey() + suffix;
                Flow product = Flow.product(("component_" + e.getKey() + suffix), name + (driver.equals("base")
                        ? "" : " (per " + unit + ")"), unit);
                flows.put(product.id(), product);
                Process p = new Process(id, "Manufacturing of " + name + (driver.equals("base") ? "" : ", per " + unit),
                        LifecycleStage.MANUFACTURING, null, Map.of("dataset", d.id()),
                        List.of(out(product, 1, null), out(co2e, c.path(gwpKey).asDouble(), null),
                                new Exchange(adp, Direction.INPUT, Amount.of(c.path(adpKey).asDouble()), Units.of("kg"),
                                        false, "", null)), List.of(), List.of(), Set.of(CLIMATE, ADP_ELEMENTS));
                addProcess(p, d, p.name(), c.path(gwpKey).asDouble() + " kg CO2-eq and " + c.path(adpKey).asDouble()
                        + " kg Sb-eq per " + unit);
            }
        });
    }

    /** Flow id of the water consumed in an AWARE location: {@code water_consumed_fr}, {@code water_consumed_us_ca}. */
    public static String waterFlowId(String code) {
        return "water_consumed_" + code.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static String round(double v) {
        return dev.cradle.model.SignificantFigures.of(v, 4);
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
        return Collections.unmodifiableMap(flows);
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
        return Collections.unmodifiableMap(awareFactors);
    }

    /** The AWARE 2.0 global (GLO) non-irrigation factor, used for an unknown location. */
    public double awareGlobalFactor() {
        return awareGlobal;
    }

    /** Every grid intensity by code (countries, regions, sub-national zones, cloud regions). */
    public Map<String, GridIntensity> grids() {
        return Collections.unmodifiableMap(grids);
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
        return Collections.unmodifiableMap(methods);
    }

    @Override
    public Optional<ImpactMethod> method(String id) {
        return Optional.ofNullable(methods.get(id));
    }

    /** The default set: AR6 GWP100, water consumption, AWARE, USEtox 2, CML-IA ADP. */
    @Override
    public List<ImpactMethod> defaultMethods() {
        return DEFAULT_METHODS.stream().map(methods::get).toList();
    }

    /** A background process by id, e.g. {@code grid:FR}, {@code freight:sea}, {@code device:nvidia-h100-sxm}. */
    public Optional<Process> process(String id) {
        return Optional.ofNullable(processes.get(id));
    }

    public Map<String, Process> processes() {
        return Collections.unmodifiableMap(processes);
    }

    /** The dataset a background process comes from. */
    public Optional<Dataset> originOf(String processId) {
        return Optional.ofNullable(origin.get(processId));
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
        return Collections.unmodifiableMap(recyclingRates);
    }

    /** E-waste treatment, kg CO2-eq per kg, recycled and landfilled (ewaste dataset). */
    @Override
    public EwasteTreatment ewasteTreatment() {
        return new EwasteTreatment(ewasteRecycling, ewasteLandfill);
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
