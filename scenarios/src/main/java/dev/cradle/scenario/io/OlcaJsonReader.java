package dev.cradle.scenario.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Compartment;
import dev.cradle.model.Dimension;
import dev.cradle.model.Flow;
import dev.cradle.model.FlowType;
import dev.cradle.model.Parameter;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an openLCA JSON-LD export (a folder or zip of {@code processes/}, {@code flows/},
 * {@code flow_properties/}, {@code unit_groups/}, {@code categories/}, {@code parameters/}) into a
 * {@link Database}. Both schema generations are read: olca-schema 1.x (openLCA 1.x, as USLCI ships it:
 * {@code input}, {@code quantitativeReference}, {@code referenceUnit}, categories as references) and
 * 2.x (openLCA 2: {@code isInput}, {@code isQuantitativeReference}, {@code isRefUnit}, categories as
 * path strings) — field names from GreenDelta/olca-schema {@code yaml/*.yaml} and its CHANGES.md.
 *
 * <p>Every exchange amount is converted into its flow's reference unit with the database's own
 * factors: {@code amount × unit.conversionFactor / flowPropertyFactor.conversionFactor}. A flow property
 * missing from its flow, a unit not in its group or a malformed file is an error naming the file.
 */
public final class OlcaJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most problems listed before reading stops. */
    private static final int MAX_PROBLEMS = 50;

    private final DatabaseArchive archive;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, UnitGroup> unitGroups = new HashMap<>();
    private final Map<String, String> propertyGroup = new HashMap<>();
    private final Map<String, String> propertyNames = new HashMap<>();
    private final Map<String, String[]> categories = new HashMap<>();
    private final Map<String, FlowInfo> flows = new LinkedHashMap<>();
    private final Map<String, String> cas = new HashMap<>();
    /** Uncertainties not carried, by reason: one note per reason with a count and the first case. */
    private final Map<String, List<String>> uncertaintyNotes = new LinkedHashMap<>();
    private boolean v2;

    private record UnitGroup(String name, String refUnit, Map<String, Double> factorById, Map<String, Double> factorByName) {
    }

    private record FlowInfo(Flow flow, Map<String, Double> propertyFactors, String file) {
    }

    private OlcaJsonReader(DatabaseArchive archive) {
        this.archive = archive;
    }

    /** Reads the database, or throws a {@link DatabaseException} listing every problem found. */
    public static Database read(DatabaseArchive archive) {
        return new OlcaJsonReader(archive).run();
    }

    private Database run() {
        List<String> processFiles = archive.list("processes", ".json");
        if (processFiles.isEmpty()) {
            throw DatabaseException.at(archive.name(), "no processes: an openLCA JSON-LD export has its processes in "
                    + "processes/<uuid>.json");
        }
        for (String f : archive.list("categories", ".json")) {
            JsonNode c = parse(f);
            if (c != null) {
                categories.put(c.path("@id").asText(), new String[]{c.path("name").asText(""),
                        c.path("category").path("@id").asText("")});
            }
        }
        for (String f : archive.list("unit_groups", ".json")) {
            readUnitGroup(f);
        }
        for (String f : archive.list("flow_properties", ".json")) {
            JsonNode p = parse(f);
            if (p != null) {
                String group = p.path("unitGroup").path("@id").asText("");
                if (!unitGroups.containsKey(group)) {
                    problem(f, "flow property '" + p.path("name").asText() + "' refers to unit group " + group
                            + ", which is not in unit_groups/");
                }
                propertyGroup.put(p.path("@id").asText(), group);
                propertyNames.put(p.path("@id").asText(), p.path("name").asText(""));
            }
        }
        List<String> flowFiles = archive.list("flows", ".json");
        JsonNode[] flowTrees = parseAll(flowFiles);
        for (int i = 0; i < flowFiles.size(); i++) {
            if (flowTrees[i] != null) {
                readFlow(flowFiles.get(i), flowTrees[i]);
            }
        }
        stopIfProblems();
        List<Parameter> globals = new ArrayList<>();
        for (String f : archive.list("parameters", ".json")) {
            JsonNode p = parse(f);
            if (p != null) {
                Parameter param = parameter(p, f, "global parameter");
                if (param != null) {
                    globals.add(param);
                }
            }
        }
        List<Database.Process> processes = new ArrayList<>();
        JsonNode[] processTrees = parseAll(processFiles);
        for (int i = 0; i < processFiles.size(); i++) {
            String f = processFiles.get(i);
            JsonNode p = processTrees[i];
            if (p != null) {
                Database.Process process = readProcess(p, f);
                if (process != null) {
                    processes.add(process);
                }
            }
        }
        stopIfProblems();
        if (processes.isEmpty()) {
            throw DatabaseException.at(archive.name(), "no process with a quantitative reference; nothing to import");
        }
        uncertaintyNotes.forEach((why, where) -> notes.add(where.size() + " uncertainty distribution"
                + (where.size() == 1 ? "" : "s") + " not carried (" + why + "), the amounts are kept; first: " + where.get(0)));
        Map<String, Flow> flowMap = new LinkedHashMap<>();
        flows.forEach((id, info) -> flowMap.put(id, info.flow()));
        String format = "openLCA JSON-LD (olca-schema " + (v2 ? "2.x" : "1.x") + ")";
        return new Database(archive.name(), format, flowMap, processes, globals, notes, cas);
    }

    // ---- parsing helpers --------------------------------------------------------------------------

    /** Parses many files on all cores (Jackson's ObjectMapper is thread-safe); problems are kept in file order. */
    private JsonNode[] parseAll(List<String> files) {
        JsonNode[] trees = new JsonNode[files.size()];
        String[] errors = new String[files.size()];
        java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                trees[i] = JSON.readTree(archive.read(files.get(i)));
            } catch (IOException e) {
                errors[i] = e.getMessage();
            }
        });
        for (int i = 0; i < files.size(); i++) {
            if (errors[i] != null) {
                trees[i] = parse(files.get(i)); // reports the problem with its line and column
            }
        }
        return trees;
    }

    private JsonNode parse(String file) {
        try {
            return JSON.readTree(archive.read(file));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            problem(file, (loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ")
                    + "invalid JSON (" + e.getOriginalMessage().split("\n")[0] + ")"
                    + (e instanceof com.fasterxml.jackson.core.io.JsonEOFException ? "; the file looks truncated" : ""));
        } catch (IOException e) {
            problem(file, "cannot read: " + e.getMessage());
        }
        return null;
    }

    private void problem(String file, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(archive.label(file) + ": " + message);
        }
    }

    private void stopIfProblems() {
        if (!problems.isEmpty()) {
            throw new DatabaseException(problems);
        }
    }

    /** A boolean under its 2.x name or its 1.x name. */
    private boolean flag(JsonNode n, String v2Name, String v1Name) {
        if (n.has(v2Name)) {
            v2 = true;
            return n.path(v2Name).asBoolean(false);
        }
        return n.path(v1Name).asBoolean(false);
    }

    private String categoryPath(JsonNode entity) {
        JsonNode c = entity.path("category");
        if (c.isTextual()) {
            v2 = true;
            return c.asText();
        }
        String id = c.path("@id").asText("");
        if (id.isEmpty()) {
            return c.path("name").asText("");
        }
        List<String> parts = new ArrayList<>();
        for (int guard = 0; !id.isEmpty() && guard < 64; guard++) {
            String[] cat = categories.get(id);
            if (cat == null) {
                if (parts.isEmpty()) {
                    parts.add(c.path("name").asText(""));
                }
                break;
            }
            parts.add(0, cat[0]);
            id = cat[1];
        }
        return String.join("/", parts);
    }

    // ---- unit groups, flows -------------------------------------------------------------------------

    private void readUnitGroup(String file) {
        JsonNode g = parse(file);
        if (g == null) {
            return;
        }
        Map<String, Double> byId = new HashMap<>();
        Map<String, Double> byName = new HashMap<>();
        String ref = null;
        for (JsonNode u : g.path("units")) {
            double factor = u.path("conversionFactor").asDouble(Double.NaN);
            String name = u.path("name").asText("");
            if (!(factor > 0) || Double.isInfinite(factor)) {
                problem(file, "unit '" + name + "' has no positive conversionFactor");
                continue;
            }
            byId.put(u.path("@id").asText(""), factor);
            byName.putIfAbsent(name, factor);
            if (flag(u, "isRefUnit", "referenceUnit")) {
                ref = name;
            }
        }
        if (ref == null) {
            problem(file, "unit group '" + g.path("name").asText() + "' has no reference unit (referenceUnit/isRefUnit)");
            return;
        }
        unitGroups.put(g.path("@id").asText(), new UnitGroup(g.path("name").asText(""), ref, byId, byName));
    }

    private void readFlow(String file, JsonNode f) {
        String id = f.path("@id").asText("");
        String name = f.path("name").asText(id);
        Map<String, Double> factors = new HashMap<>();
        String refProperty = null;
        for (JsonNode fp : f.path("flowProperties")) {
            String prop = fp.path("flowProperty").path("@id").asText("");
            double factor = fp.path("conversionFactor").asDouble(Double.NaN);
            if (!propertyGroup.containsKey(prop)) {
                problem(file, "flow '" + name + "' uses flow property " + prop + " ("
                        + fp.path("flowProperty").path("name").asText("?") + "), which is not in flow_properties/");
                continue;
            }
            if (!(factor > 0) || Double.isInfinite(factor)) {
                problem(file, "flow '" + name + "': the conversion factor of flow property '"
                        + propertyNames.get(prop) + "' must be a positive number");
                continue;
            }
            factors.put(prop, factor);
            if (flag(fp, "isRefFlowProperty", "referenceFlowProperty")) {
                refProperty = prop;
            }
        }
        if (refProperty == null) {
            problem(file, "flow '" + name + "' has no reference flow property");
            return;
        }
        UnitGroup group = unitGroups.get(propertyGroup.get(refProperty));
        if (group == null) {
            return; // reported with the flow property
        }
        double refFactor = factors.get(refProperty);
        if (refFactor != 1.0) {
            // normalise so that the reference property has factor 1
            factors.replaceAll((k, v) -> v / refFactor);
        }
        Unit unit = unitOf(group.refUnit());
        String type = f.path("flowType").asText("");
        Flow flow;
        String category = categoryPath(f);
        switch (type) {
            case "ELEMENTARY_FLOW" -> {
                flow = new Flow(id, name, FlowType.ELEMENTARY, unit, compartmentOf(category), category, "");
                String c = f.path("cas").asText("").trim();
                if (!c.isEmpty()) {
                    cas.put(id, c);
                }
            }
            case "PRODUCT_FLOW" -> flow = new Flow(id, name, FlowType.PRODUCT, unit, null, "", "");
            case "WASTE_FLOW" -> flow = new Flow(id, name, FlowType.WASTE, unit, null, "", "");
            default -> {
                problem(file, "flow '" + name + "' has flowType '" + type
                        + "'; expected ELEMENTARY_FLOW, PRODUCT_FLOW or WASTE_FLOW");
                return;
            }
        }
        flows.put(id, new FlowInfo(flow, factors, file));
    }

    /** The database's reference unit as a Cradle unit: Cradle's own when it knows the symbol, else its own scale. */
    static Unit unitOf(String symbol) {
        return Units.find(symbol).filter(u -> u.symbol().equals(symbol))
                .orElseGet(() -> new Unit(symbol, Dimension.OTHER, 1.0));
    }

    /**
     * The compartment named by a category path: the first segment (from the root) that is a
     * compartment word — air, water, soil, resource, or NETL's "Emission to air", "Emissions to water",
     * "Emission output to freshwater/atmosphere", "[Resource] ..." — else {@link Compartment#UNSPECIFIED}.
     * The full path is kept as the flow's sub-compartment.
     */
    static Compartment compartmentOf(String categoryPath) {
        for (String segment : categoryPath.split("/")) {
            String s = segment.trim().toLowerCase(Locale.ROOT);
            if (s.equals("air") || s.startsWith("emission to air") || s.startsWith("emission output to atmosphere")
                    || s.startsWith("emissions to air")) {
                return Compartment.AIR;
            }
            if (s.equals("water") || s.startsWith("emissions to water") || s.startsWith("emission to water")
                    || s.startsWith("emission output to freshwater")) {
                return Compartment.WATER;
            }
            if (s.equals("soil") || s.startsWith("emission to soil") || s.startsWith("emissions to soil")) {
                return Compartment.SOIL;
            }
            if (s.equals("resource") || s.equals("resources") || s.startsWith("[resource]")) {
                return Compartment.RESOURCE;
            }
        }
        return Compartment.UNSPECIFIED;
    }

    // ---- processes ----------------------------------------------------------------------------------

    private Database.Process readProcess(JsonNode p, String file) {
        String id = p.path("@id").asText("");
        String name = p.path("name").asText(id);
        List<Parameter> parameters = new ArrayList<>();
        boolean formulasOk = true;
        for (JsonNode pn : p.path("parameters")) {
            Parameter param = parameter(pn, file, "parameter of process '" + name + "'");
            if (param == null) {
                formulasOk = false;
            } else {
                parameters.add(param);
            }
        }
        if (!formulasOk) {
            notes.add(archive.label(file) + ": process '" + name + "': a parameter could not be carried; the process "
                    + "uses the amounts stored in the file instead of its formulas");
            parameters.clear();
        }
        List<Database.Exchange> exchanges = new ArrayList<>();
        int reference = -1;
        int x = 0;
        for (JsonNode e : p.path("exchanges")) {
            x++;
            Database.Exchange ex = exchange(e, file, name, x, formulasOk);
            if (ex == null) {
                continue;
            }
            if (flag(e, "isQuantitativeReference", "quantitativeReference")) {
                reference = exchanges.size();
            }
            exchanges.add(ex);
        }
        if (reference < 0) {
            notes.add(archive.label(file) + ": process '" + name + "' (" + id + ") is left out: it has no quantitative "
                    + "reference (an exchange with " + (v2 ? "isQuantitativeReference" : "quantitativeReference")
                    + ": true); inputs of its product are cut off");
            return null;
        }
        if (!exchanges.get(reference).providesFlow()) {
            notes.add(archive.label(file) + ": process '" + name + "' (" + id + ") is left out: its quantitative reference '"
                    + exchanges.get(reference).flow().name() + "' is not a product output or a waste input");
            return null;
        }
        AllocationMethod defaultMethod = allocationMethod(p.path("defaultAllocationMethod").asText(""));
        List<Database.Allocation> allocation = new ArrayList<>();
        for (JsonNode a : p.path("allocationFactors")) {
            AllocationMethod m = allocationMethod(a.path("allocationType").asText(""));
            if (m == null) {
                continue;
            }
            allocation.add(new Database.Allocation(m, a.path("product").path("@id").asText(""),
                    a.path("exchange").path("flow").path("@id").asText(""), a.path("exchange").path("internalId").asInt(-1),
                    a.path("value").asDouble(Double.NaN), a.path("formula").asText(null)));
        }
        JsonNode loc = p.path("location");
        String location = loc.path("code").asText(loc.path("name").asText(""));
        return new Database.Process(id, name, location, categoryPath(p), file, exchanges, reference, defaultMethod,
                allocation, parameters);
    }

    private static AllocationMethod allocationMethod(String type) {
        return switch (type) {
            case "PHYSICAL_ALLOCATION" -> AllocationMethod.PHYSICAL;
            case "ECONOMIC_ALLOCATION" -> AllocationMethod.ECONOMIC;
            case "CAUSAL_ALLOCATION" -> AllocationMethod.CAUSAL;
            case "NO_ALLOCATION" -> AllocationMethod.NONE;
            default -> null;
        };
    }

    private Database.Exchange exchange(JsonNode e, String file, String process, int x, boolean formulasOk) {
        String where = "process '" + process + "', exchange " + x;
        String flowId = e.path("flow").path("@id").asText("");
        FlowInfo info = flows.get(flowId);
        if (info == null) {
            problem(file, where + ": flow " + flowId + " ('" + e.path("flow").path("name").asText("?")
                    + "') is not in flows/");
            return null;
        }
        Flow flow = info.flow();
        String prop = e.path("flowProperty").path("@id").asText("");
        if (prop.isEmpty()) {
            prop = info.propertyFactors().entrySet().stream().filter(en -> en.getValue() == 1.0)
                    .map(Map.Entry::getKey).findFirst().orElse("");
        }
        Double propFactor = info.propertyFactors().get(prop);
        if (propFactor == null) {
            problem(file, where + ": flow property '" + propertyNames.getOrDefault(prop,
                    e.path("flowProperty").path("name").asText(prop))
                    + "' is missing from flow '" + flow.name() + "' (" + info.file() + " lists "
                    + info.propertyFactors().keySet().stream().map(k -> "'" + propertyNames.get(k) + "'").toList() + ")");
            return null;
        }
        UnitGroup group = unitGroups.get(propertyGroup.get(prop));
        String unitId = e.path("unit").path("@id").asText("");
        String unitName = e.path("unit").path("name").asText("");
        Double unitFactor = group.factorById().get(unitId);
        if (unitFactor == null && unitId.isEmpty()) {
            unitFactor = group.factorByName().get(unitName);
        }
        if (unitFactor == null) {
            problem(file, where + ": unit '" + unitName + "' is not in unit group '" + group.name()
                    + "' of flow property '" + propertyNames.get(prop) + "' (its units: "
                    + String.join(", ", group.factorByName().keySet().stream().sorted().toList()) + ")");
            return null;
        }
        double k = unitFactor / propFactor;
        double amount = e.path("amount").asDouble(Double.NaN);
        if (!Double.isFinite(amount)) {
            problem(file, where + ": the amount must be a finite number");
            return null;
        }
        String formula = null;
        String text = e.path("amountFormula").asText("");
        if (formulasOk && !text.isBlank()) {
            OlcaFormulas.Translation t = OlcaFormulas.translate(text);
            if (t.ok()) {
                formula = k == 1.0 ? t.formula() : "(" + t.formula() + ") * " + k;
            } else {
                notes.add(archive.label(file) + ": " + where + ": formula '" + text + "' " + t.problem()
                        + "; the stored amount " + amount + " is used");
            }
        }
        Uncertainty u = uncertainty(e.path("uncertainty"), k, file, where);
        boolean input = flag(e, "isInput", "input");
        boolean avoided = flag(e, "isAvoidedProduct", "avoidedProduct");
        if (avoided && flow.isElementary()) {
            problem(file, where + ": elementary flow '" + flow.name() + "' is marked as an avoided product");
            return null;
        }
        return new Database.Exchange(flow, input, amount * k, formula, avoided,
                e.path("defaultProvider").path("@id").asText(""), u, e.path("internalId").asInt(-1));
    }

    private Uncertainty uncertainty(JsonNode u, double k, String file, String where) {
        if (u.isMissingNode() || u.isNull()) {
            return null;
        }
        String type = u.path("distributionType").asText("");
        try {
            return switch (type) {
                case "LOG_NORMAL_DISTRIBUTION" -> new Uncertainty.LogNormal(u.path("geomMean").asDouble() * k,
                        u.path("geomSd").asDouble());
                case "NORMAL_DISTRIBUTION" -> new Uncertainty.Normal(u.path("mean").asDouble() * k, u.path("sd").asDouble() * k);
                case "TRIANGLE_DISTRIBUTION" -> new Uncertainty.Triangular(u.path("minimum").asDouble() * k,
                        u.path("mode").asDouble() * k, u.path("maximum").asDouble() * k);
                case "UNIFORM_DISTRIBUTION" -> new Uncertainty.Uniform(u.path("minimum").asDouble() * k,
                        u.path("maximum").asDouble() * k);
                default -> null;
            };
        } catch (IllegalArgumentException bad) {
            uncertaintyNotes.computeIfAbsent(bad.getMessage(), why -> new ArrayList<>()).add(archive.label(file) + ": " + where);
            return null;
        }
    }

    private Parameter parameter(JsonNode p, String file, String what) {
        String raw = p.path("name").asText("");
        String name = OlcaFormulas.name(raw);
        if (!Parameter.isValidName(name)) {
            notes.add(archive.label(file) + ": " + what + " '" + raw + "' is not a valid Cradle parameter name");
            return null;
        }
        double value = p.path("value").asDouble(Double.NaN);
        String text = p.path("formula").asText("");
        boolean input = p.has("isInputParameter") ? p.path("isInputParameter").asBoolean(true)
                : p.path("inputParameter").asBoolean(text.isBlank());
        Uncertainty u = uncertainty(p.path("uncertainty"), 1.0, file, what + " '" + raw + "'");
        String description = p.path("description").asText("");
        if (!input && !text.isBlank()) {
            OlcaFormulas.Translation t = OlcaFormulas.translate(text);
            if (!t.ok()) {
                notes.add(archive.label(file) + ": " + what + " '" + raw + "': formula '" + text + "' " + t.problem());
                return null;
            }
            return new Parameter(name, dev.cradle.model.Amount.formula(t.formula()), "", null, description);
        }
        if (!Double.isFinite(value)) {
            problem(file, what + " '" + raw + "' has no value");
            return null;
        }
        return new Parameter(name, dev.cradle.model.Amount.of(value), "", u, description);
    }
}
