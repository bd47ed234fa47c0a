package dev.cradle.scenario.io;

import dev.cradle.model.Compartment;
import dev.cradle.model.Dimension;
import dev.cradle.model.Flow;
import dev.cradle.model.FlowType;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.Unit;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads EcoSpold2 activity datasets ({@code *.spold}, the ecoinvent format) with the JDK's StAX parser
 * into a {@link Database}. Intermediate exchanges: {@code outputGroup 0} is the reference product,
 * {@code outputGroup 2} a by-product, {@code inputGroup 5} an input from technosphere; elementary
 * exchanges: {@code inputGroup 4} from and {@code outputGroup 4} to the environment (without a
 * {@code <compartment>} element, the first is a resource and the second an emission to an unnamed,
 * "unspecified" compartment). Flows are
 * identified by {@code intermediateExchangeId}/{@code elementaryExchangeId} (UUIDs shared with the
 * JSON-LD export of the same database).
 *
 * <p>An export without master data (as USLCI's) names units only by their ecoinvent names; every amount
 * is converted into one canonical unit per physical quantity with the exact factors of the table in
 * {@link #UNITS} (kg, MJ, m3, t*km, kBq, ...).
 *
 * <p>Formulas: each activity's {@code <parameter variableName=... amount=... mathematicalRelation=...>}
 * becomes a process parameter (a value, or a formula when it has a mathematical relation), and an exchange's
 * {@code mathematicalRelation} its amount formula (times the unit factor), evaluated by the engine like the
 * JSON-LD reader's. Mathematical relations use the openLCA/ecoinvent formula language (case-insensitive
 * names, {@code IF(c; a; b)}, '=' and '<>'), translated by {@link OlcaFormulas}; an activity with a parameter
 * that cannot be carried (an invalid name, a function Cradle lacks) uses its stored amounts, with a note.
 * Exchanges referring to other exchanges by {@code variableName} are not supported (USLCI has none): such an
 * activity uses its stored amounts, with a note.
 */
public final class EcoSpold2Reader {
    private record Canonical(String symbol, double factor) {
    }

    /** ecoinvent unit name → canonical unit and the factor into it (exact definitions). */
    static final Map<String, Canonical> UNITS = Map.ofEntries(
            Map.entry("kg", new Canonical("kg", 1)), Map.entry("g", new Canonical("kg", 1e-3)),
            Map.entry("t", new Canonical("kg", 1e3)), Map.entry("metric ton", new Canonical("kg", 1e3)),
            Map.entry("sh tn", new Canonical("kg", 907.18474)), Map.entry("lb", new Canonical("kg", 0.45359237)),
            Map.entry("MJ", new Canonical("MJ", 1)), Map.entry("kJ", new Canonical("MJ", 1e-3)),
            Map.entry("GJ", new Canonical("MJ", 1e3)), Map.entry("kWh", new Canonical("MJ", 3.6)),
            Map.entry("MWh", new Canonical("MJ", 3600)), Map.entry("btu", new Canonical("MJ", 1.05505585262e-3)),
            Map.entry("m3", new Canonical("m3", 1)), Map.entry("l", new Canonical("m3", 1e-3)),
            Map.entry("cu ft", new Canonical("m3", 0.028316846592)),
            Map.entry("metric ton*km", new Canonical("t*km", 1)), Map.entry("tkm", new Canonical("t*km", 1)),
            Map.entry("kg*km", new Canonical("t*km", 1e-3)),
            Map.entry("Bq", new Canonical("kBq", 1e-3)), Map.entry("kBq", new Canonical("kBq", 1)),
            Map.entry("unit", new Canonical("item", 1)), Map.entry("ha", new Canonical("m2", 1e4)),
            Map.entry("m2", new Canonical("m2", 1)), Map.entry("hour", new Canonical("h", 1)),
            Map.entry("person*km", new Canonical("p*km", 1)), Map.entry("m2*year", new Canonical("m2*a", 1)),
            Map.entry("m", new Canonical("m", 1)), Map.entry("km", new Canonical("m", 1e3)));

    private final DatabaseArchive archive;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, String> unitNames = new HashMap<>();
    private final XMLInputFactory xml = XMLInputFactory.newFactory();

    private EcoSpold2Reader(DatabaseArchive archive) {
        this.archive = archive;
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    public static Database read(DatabaseArchive archive) {
        return new EcoSpold2Reader(archive).run();
    }

    /** One exchange as parsed, before flows are typed. */
    private static final class Raw {
        boolean elementary;
        String flowId;
        String name = "";
        String unitId = "";
        String unit;
        double amount = Double.NaN;
        int inputGroup = -1;
        int outputGroup = -1;
        String compartment;
        String subcompartment = "";
        Uncertainty uncertainty;
        String formula;
        String variableName;
    }

    /** A {@code <parameter>} of an activity as parsed. */
    private record RawParameter(String name, double amount, String formula) {
    }

    private Database run() {
        List<String> files = archive.listAll(".spold");
        if (files.isEmpty()) {
            throw DatabaseException.at(archive.name(), "no processes: no *.spold files in the archive");
        }
        Map<String, List<Raw>> rawByFile = new LinkedHashMap<>();
        Map<String, String[]> headerByFile = new HashMap<>();
        Map<String, List<RawParameter>> parametersByFile = new HashMap<>();
        for (String f : files) {
            String[] header = new String[3];
            List<RawParameter> parameters = new ArrayList<>();
            List<Raw> raws = parse(f, header, parameters);
            if (raws != null) {
                rawByFile.put(f, raws);
                headerByFile.put(f, header);
                parametersByFile.put(f, parameters);
                raws.forEach(r -> {
                    if (r.unit != null && !r.unit.isEmpty() && !r.unitId.isEmpty()) {
                        unitNames.putIfAbsent(r.unitId, r.unit);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new DatabaseException(problems);
        }
        int formulas = 0;
        int parameterCount = 0;
        List<Database.Process> processes = new ArrayList<>();
        for (Map.Entry<String, List<Raw>> en : rawByFile.entrySet()) {
            String file = en.getKey();
            String[] h = headerByFile.get(file);
            List<dev.cradle.model.Parameter> parameters = parameters(parametersByFile.get(file), en.getValue(), file, h[1]);
            boolean formulasOk = parameters != null;
            List<Database.Exchange> exchanges = new ArrayList<>();
            int reference = -1;
            for (Raw r : en.getValue()) {
                Canonical c = canonical(r, file, h[1]);
                if (c == null) {
                    continue;
                }
                String formula = formulasOk ? formula(r, c.factor(), file, h[1]) : null;
                formulas += formula != null ? 1 : 0;
                Flow flow = flow(r, c);
                boolean input = r.inputGroup >= 0;
                if (!r.elementary && r.outputGroup == 0) {
                    reference = exchanges.size();
                }
                Uncertainty u = scale(r.uncertainty, c.factor());
                exchanges.add(new Database.Exchange(flow, input, r.amount * c.factor(), formula, false, "", u, -1));
            }
            parameterCount += formulasOk ? parameters.size() : 0;
            if (reference < 0) {
                notes.add(archive.label(file) + ": activity '" + h[1] + "' (" + h[0] + ") is left out: it has no "
                        + "reference product (an intermediateExchange with outputGroup 0); inputs of its product are cut off");
                continue;
            }
            processes.add(new Database.Process(h[0], h[1], h[2] == null ? "" : h[2], "", file, exchanges, reference,
                    null, List.of(), formulasOk ? parameters : List.of()));
        }
        if (!problems.isEmpty()) {
            throw new DatabaseException(problems);
        }
        if (processes.isEmpty()) {
            throw DatabaseException.at(archive.name(), "no process with a reference product; nothing to import");
        }
        if (formulas > 0 || parameterCount > 0) {
            notes.add(archive.name() + ": " + formulas + " exchange formulas and " + parameterCount + " activity parameters "
                    + "(mathematicalRelation) carried; they are evaluated unless formulas are turned off");
        }
        return new Database(archive.name(), "EcoSpold2", flows, processes, List.of(), notes, Map.of());
    }

    /**
     * The activity's parameters as Cradle parameters; null (a note says why) when one cannot be carried, so
     * that the activity uses its stored amounts.
     */
    private List<dev.cradle.model.Parameter> parameters(List<RawParameter> raw, List<Raw> exchanges, String file,
                                                       String activity) {
        String where = archive.label(file) + ": activity '" + activity + "'";
        for (Raw r : exchanges) {
            if (r.variableName != null && !r.variableName.isBlank()) {
                notes.add(where + ": exchange '" + r.name + "' is referred to as variable '" + r.variableName + "', which "
                        + "Cradle does not support; the activity uses the amounts stored in the file");
                return null;
            }
        }
        List<dev.cradle.model.Parameter> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (RawParameter p : raw) {
            String name = OlcaFormulas.name(p.name());
            if (!dev.cradle.model.Parameter.isValidName(name) || !names.add(name)) {
                notes.add(where + ": parameter '" + p.name() + "' is not a valid Cradle parameter name or is repeated; "
                        + "the activity uses the amounts stored in the file");
                return null;
            }
            if (p.formula() != null && !p.formula().isBlank()) {
                OlcaFormulas.Translation t = OlcaFormulas.translate(p.formula());
                if (!t.ok()) {
                    notes.add(where + ": parameter '" + p.name() + "': formula '" + p.formula() + "' " + t.problem()
                            + "; the activity uses the amounts stored in the file");
                    return null;
                }
                out.add(new dev.cradle.model.Parameter(name, dev.cradle.model.Amount.formula(t.formula()), "", null, ""));
            } else if (Double.isFinite(p.amount())) {
                out.add(new dev.cradle.model.Parameter(name, dev.cradle.model.Amount.of(p.amount()), "", null, ""));
            } else {
                notes.add(where + ": parameter '" + p.name() + "' has neither a finite amount nor a formula; the activity "
                        + "uses the amounts stored in the file");
                return null;
            }
        }
        return out;
    }

    /** An exchange's amount formula in its flow's canonical unit, or null (none, or not translatable: a note). */
    private String formula(Raw r, double k, String file, String activity) {
        if (r.formula == null || r.formula.isBlank()) {
            return null;
        }
        OlcaFormulas.Translation t = OlcaFormulas.translate(r.formula);
        if (!t.ok()) {
            notes.add(archive.label(file) + ": activity '" + activity + "', exchange '" + r.name + "': formula '" + r.formula
                    + "' " + t.problem() + "; the stored amount " + r.amount + " is used");
            return null;
        }
        return k == 1.0 ? t.formula() : "(" + t.formula() + ") * " + k;
    }

    private Canonical canonical(Raw r, String file, String activity) {
        String unit = r.unit == null || r.unit.isEmpty() ? unitNames.getOrDefault(r.unitId, "") : r.unit;
        Canonical c = UNITS.get(unit);
        if (c == null) {
            problems.add(archive.label(file) + ": activity '" + activity + "', exchange '" + r.name + "': unit '" + unit
                    + "' (unitId " + r.unitId + ") is not one Cradle can convert (known: "
                    + String.join(", ", UNITS.keySet().stream().sorted().toList()) + ")");
            return null;
        }
        return c;
    }

    private Flow flow(Raw r, Canonical c) {
        Flow known = flows.get(r.flowId);
        if (known != null) {
            return known;
        }
        Unit unit = OlcaJsonReader.unitOf(c.symbol());
        if (unit.dimension() == Dimension.OTHER && c.symbol().equals("item")) {
            unit = dev.cradle.model.Units.of("item");
        }
        Flow f;
        if (r.elementary) {
            // without a <compartment> element, EcoSpold2's groups still say which way the flow crosses the
            // boundary: inputGroup 4 is "from environment" (a resource), outputGroup 4 "to environment"
            // (an emission, compartment not named: unspecified)
            Compartment comp = r.compartment != null ? OlcaJsonReader.compartmentOf(r.compartment)
                    : r.inputGroup == 4 ? Compartment.RESOURCE : Compartment.UNSPECIFIED;
            String path = r.compartment != null ? r.compartment + (r.subcompartment.isEmpty() ? "" : "/" + r.subcompartment)
                    : r.inputGroup == 4 ? "from environment (inputGroup 4)" : "to environment (outputGroup 4)";
            f = new Flow(r.flowId, r.name, FlowType.ELEMENTARY, unit, comp, path, "");
        } else {
            f = new Flow(r.flowId, r.name, FlowType.PRODUCT, unit, null, "", "");
        }
        flows.put(r.flowId, f);
        return f;
    }

    private static Uncertainty scale(Uncertainty u, double k) {
        if (u == null || k == 1) {
            return u;
        }
        if (u instanceof Uncertainty.Normal n) {
            return new Uncertainty.Normal(n.mean() * k, n.sd() * k);
        }
        if (u instanceof Uncertainty.LogNormal l) {
            return new Uncertainty.LogNormal(l.geometricMean() * k, l.geometricSd());
        }
        if (u instanceof Uncertainty.Uniform un) {
            return new Uncertainty.Uniform(un.min() * k, un.max() * k);
        }
        Uncertainty.Triangular t = (Uncertainty.Triangular) u;
        return new Uncertainty.Triangular(t.min() * k, t.mode() * k, t.max() * k);
    }

    /** Parses one dataset; header = {activity id, activity name, geography}. */
    private List<Raw> parse(String file, String[] header, List<RawParameter> parameters) {
        List<Raw> out = new ArrayList<>();
        try {
            XMLStreamReader x = xml.createXMLStreamReader(new ByteArrayInputStream(archive.read(file)));
            Raw current = null;
            String text = null;
            boolean inActivity = false;
            boolean inGeography = false;
            boolean inCompartment = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getLocalName();
                    text = null;
                    if (n.equals("usedUserMasterData")) {
                        break; // master data repeats flows without amounts; the activity is complete
                    }
                    switch (n) {
                        case "activity" -> {
                            header[0] = x.getAttributeValue(null, "id");
                            inActivity = true;
                        }
                        case "geography" -> inGeography = true;
                        case "intermediateExchange", "elementaryExchange" -> {
                            current = new Raw();
                            current.elementary = n.equals("elementaryExchange");
                            current.flowId = x.getAttributeValue(null, current.elementary ? "elementaryExchangeId"
                                    : "intermediateExchangeId");
                            current.unitId = nz(x.getAttributeValue(null, "unitId"));
                            String a = x.getAttributeValue(null, "amount");
                            try {
                                current.amount = a == null ? Double.NaN : Double.parseDouble(a);
                            } catch (NumberFormatException e) {
                                current.amount = Double.NaN;
                            }
                            current.formula = x.getAttributeValue(null, "mathematicalRelation");
                            current.variableName = x.getAttributeValue(null, "variableName");
                        }
                        case "parameter" -> {
                            String a = x.getAttributeValue(null, "amount");
                            double v;
                            try {
                                v = a == null ? Double.NaN : Double.parseDouble(a);
                            } catch (NumberFormatException e) {
                                v = Double.NaN;
                            }
                            parameters.add(new RawParameter(nz(x.getAttributeValue(null, "variableName")), v,
                                    x.getAttributeValue(null, "mathematicalRelation")));
                        }
                        case "compartment" -> inCompartment = current != null;
                        case "lognormal" -> {
                            if (current != null) {
                                double gm = num(x, "meanValue");
                                double var = num(x, "variance");
                                current.uncertainty = gm > 0 && var >= 0
                                        ? new Uncertainty.LogNormal(gm, Math.exp(Math.sqrt(var))) : null;
                            }
                        }
                        case "normal" -> {
                            if (current != null && num(x, "variance") >= 0) {
                                current.uncertainty = new Uncertainty.Normal(num(x, "meanValue"), Math.sqrt(num(x, "variance")));
                            }
                        }
                        case "triangular" -> {
                            if (current != null) {
                                double lo = num(x, "minValue");
                                double mode = num(x, "mostLikelyValue");
                                double hi = num(x, "maxValue");
                                current.uncertainty = lo <= mode && mode <= hi ? new Uncertainty.Triangular(lo, mode, hi) : null;
                            }
                        }
                        case "uniform" -> {
                            if (current != null && num(x, "minValue") <= num(x, "maxValue")) {
                                current.uncertainty = new Uncertainty.Uniform(num(x, "minValue"), num(x, "maxValue"));
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text = text == null ? x.getText() : text + x.getText();
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = x.getLocalName();
                    String t = text == null ? "" : text.trim();
                    text = null;
                    if (current != null) {
                        switch (n) {
                            case "name" -> current.name = t;
                            case "unitName" -> current.unit = t;
                            case "inputGroup" -> current.inputGroup = group(t);
                            case "outputGroup" -> current.outputGroup = group(t);
                            case "compartment" -> {
                                if (inCompartment && !t.isEmpty()) {
                                    current.compartment = t;
                                }
                                inCompartment = false;
                            }
                            case "subcompartment" -> current.subcompartment = t;
                            case "intermediateExchange", "elementaryExchange" -> {
                                if (!check(current, file, header[1])) {
                                    return null;
                                }
                                out.add(current);
                                current = null;
                            }
                            default -> {
                            }
                        }
                    } else if (n.equals("activityName") && inActivity) {
                        header[1] = t;
                    } else if (n.equals("activity")) {
                        inActivity = false;
                    } else if (n.equals("shortname") && inGeography) {
                        header[2] = t;
                        inGeography = false;
                    }
                }
            }
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            problems.add(archive.label(file) + ": " + (loc == null ? "" : "line " + loc.getLineNumber() + ", column "
                    + loc.getColumnNumber() + ": ") + "invalid XML (" + e.getMessage().replaceAll("\\s+", " ")
                    .replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\] Message: ", "") + ")");
            return null;
        }
        if (header[0] == null || header[1] == null) {
            problems.add(archive.label(file) + ": no <activity id=...> with an <activityName>; not an EcoSpold2 activity dataset");
            return null;
        }
        return out;
    }

    private boolean check(Raw r, String file, String activity) {
        String where = archive.label(file) + ": activity '" + activity + "', exchange '" + r.name + "'";
        if (r.flowId == null || r.flowId.isEmpty()) {
            problems.add(where + ": no " + (r.elementary ? "elementaryExchangeId" : "intermediateExchangeId"));
            return false;
        }
        if (!Double.isFinite(r.amount)) {
            problems.add(where + ": the amount attribute must be a finite number");
            return false;
        }
        if ((r.inputGroup < 0) == (r.outputGroup < 0)) {
            problems.add(where + ": needs exactly one of inputGroup and outputGroup");
            return false;
        }
        return true;
    }

    private static int group(String t) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    private static double num(XMLStreamReader x, String attr) {
        String v = x.getAttributeValue(null, attr);
        try {
            return v == null ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
