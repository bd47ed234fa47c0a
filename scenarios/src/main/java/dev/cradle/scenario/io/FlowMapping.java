package dev.cradle.scenario.io;

import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Direction;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Maps a database's elementary flows onto the library's flows, so that the library's methods
 * characterise them. Rules, in order (docs/databases.md): (1) the database's flow UUID equals a library
 * flow id; (2) CAS number and compartment, when exactly one library flow has them; (3) normalised name
 * (lower case, trimmed, the library's ", to air" / ", to fresh water" suffix removed, or a documented
 * synonym from {@code flow-synonyms.csv}) and compartment, when exactly one library flow has them.
 * Compartments must agree, so a resource is never characterised as an emission (no sign is flipped);
 * a flow in the "unspecified" compartment (an emission whose compartment the database does not name)
 * matches by UUID, or by name when the library has that substance in a single compartment (greenhouse
 * gases: air) — never a choice between air and water; the library's water flows are fresh
 * water, so ocean and sea water flows do not match them. Units must be convertible.
 *
 * <p>(4) <b>Heating value</b> (match kind {@code "heating value"}), for a resource flow the rules above leave
 * without a factor in a category: a fuel whose name states its heating value ({@code "Coal, bituminous, 24.8 MJ
 * per kg, in ground"}, {@code "Uranium oxide, 332 GJ per kg, in ore"}, reference unit kg or m3 as stated) is
 * its amount × the stated MJ per unit, and an energy resource flow ({@code "Energy, from coal"}, {@code
 * "Energy, solar"}, unit of energy) is its amount in MJ; both are then characterised as the library's energy
 * bases: coal, lignite, peat, natural gas and crude oil as {@code fossil_energy} (CML-IA ADP fossil) and
 * {@code primary_energy_nonrenewable}; uranium and nuclear as {@code primary_energy_nonrenewable} only (not a
 * fossil fuel in CML-IA); hydro, wind, solar, geothermal, wave, biomass and wood as {@code
 * primary_energy_renewable}. Flows named "Energy, unspecified" or of another fuel are left unmatched. USLCI
 * states gross (higher) heating values, so ADP fossil on its flows reads 5–10 % high (docs/databases.md).
 */
public final class FlowMapping {
    private final Map<String, Flow> libraryById = new HashMap<>();
    private final Map<String, Set<String>> byCas = new HashMap<>();
    private final Map<String, Set<String>> byName = new HashMap<>();
    /** Emission names (any compartment) → library flows, for flows whose compartment the database leaves open. */
    private final Map<String, Set<String>> emissionByName = new HashMap<>();
    /** Substance → compartments the library has it in, to refuse a name match that would pick a compartment. */
    private final Map<String, Set<Compartment>> substanceCompartments = new HashMap<>();

    /** The library's energy bases of rule (4), all in MJ. */
    static final String FOSSIL = "fossil_energy";
    static final String NON_RENEWABLE = "primary_energy_nonrenewable";
    static final String RENEWABLE = "primary_energy_renewable";
    private static final java.util.regex.Pattern STATED =
            java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?) (MJ|GJ) per (kg|m3)\\b");

    /**
     * A flow's energy content by rule (4).
     *
     * @param mjPerUnit MJ per one reference unit of the database flow
     * @param bases     the library energy flows (MJ) it is characterised as
     */
    public record EnergyContent(double mjPerUnit, List<String> bases) {
    }

    /** A mapped method with its match report. */
    public record Mapped(ImpactMethod method, List<MatchReport> reports) {
    }

    /**
     * Coverage of one impact category on the database's elementary flows.
     *
     * @param flowsInDatabase elementary flows that occur in at least one exchange
     * @param matched         those that got a factor of this category (by rule: uuid, cas, name)
     * @param unmatched       names (and compartments) of the flows with an exchange but no factor
     * @param suspects        the unmatched flows whose substance (name before the first comma) the category
     *                        characterises under another name or compartment: the ones to check first
     */
    public record MatchReport(String indicator, int factorsInMethod, int flowsInDatabase,
                              Map<String, Integer> matched, List<String> unmatched, List<String> suspects) {
        public int matchedCount() {
            return matched.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A mapping onto {@code libraryFlows} with the bundled synonyms. */
    public FlowMapping(Collection<Flow> libraryFlows) {
        for (Flow f : libraryFlows) {
            if (!f.isElementary()) {
                continue;
            }
            libraryById.put(f.id(), f);
            addName(normalise(stripSuffix(f.name())), f.compartment(), f.id());
        }
        try (InputStream in = FlowMapping.class.getResourceAsStream("flow-synonyms.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled flow-synonyms.csv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).build();
            for (CSVRecord rec : format.parse(r)) {
                String id = rec.get("library_flow");
                Flow f = libraryById.get(id);
                if (f == null) {
                    continue; // a flow the library does not (yet) have
                }
                Compartment c = Compartment.fromLabel(rec.get("compartment")).orElseThrow();
                if (!rec.get("name").isBlank()) {
                    addName(normalise(rec.get("name")), c, id);
                }
                if (!rec.get("cas").isBlank()) {
                    byCas.computeIfAbsent(cas(rec.get("cas")) + "|" + c.label(), k -> new HashSet<>()).add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addName(String name, Compartment c, String id) {
        byName.computeIfAbsent(name + "|" + c.label(), k -> new HashSet<>()).add(id);
        if (c.naturalDirection() == Direction.OUTPUT) {
            emissionByName.computeIfAbsent(name, k -> new HashSet<>()).add(id);
        }
        substanceCompartments.computeIfAbsent(substance(name), k -> new HashSet<>()).add(c);
    }

    /** Lower case, single spaces, without a trailing NETL group such as " [Inorganic emissions to air]". */
    static String normalise(String name) {
        String n = SPACES.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return n.endsWith("]") ? NETL_GROUP.matcher(n).replaceFirst("") : n;
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern NETL_GROUP = java.util.regex.Pattern.compile("\\s*\\[[^\\]]*]$");

    private static String stripSuffix(String libraryName) {
        return libraryName.replaceAll(",\\s*to (air|fresh water|water|soil)$", "");
    }

    /** CAS numbers without leading zeros (USLCI writes 000124-38-9). */
    static String cas(String cas) {
        return cas.trim().replaceFirst("^0+(?=\\d)", "");
    }

    /** The library flow {@code f} maps onto and the rule that matched, or null. */
    public String[] match(Flow f, String casNumber) {
        if (!f.isElementary()) {
            return null;
        }
        Flow same = libraryById.get(f.id());
        if (same != null) {
            return new String[]{same.id(), "uuid"};
        }
        if (f.compartment() == Compartment.UNSPECIFIED) {
            // an emission to a compartment the database does not name: matched by name only when the library
            // knows the substance in one compartment (e.g. greenhouse gases, air only); never a guess between
            // air and water, and never onto a resource (no sign flip)
            Set<String> ids = emissionByName.get(normalise(f.name()));
            Set<Compartment> where = substanceCompartments.getOrDefault(substance(f.name()), Set.of());
            if (ids != null && ids.size() == 1 && where.size() == 1) {
                return new String[]{ids.iterator().next(), "name, compartment unspecified"};
            }
            return null;
        }
        if (isSeaWater(f)) {
            return null;
        }
        if (casNumber != null && !casNumber.isBlank()) {
            Set<String> ids = byCas.get(cas(casNumber) + "|" + f.compartment().label());
            if (ids != null && ids.size() == 1) {
                return new String[]{ids.iterator().next(), "cas"};
            }
        }
        Set<String> ids = byName.get(normalise(f.name()) + "|" + f.compartment().label());
        if (ids != null && ids.size() == 1) {
            return new String[]{ids.iterator().next(), "name"};
        }
        return null;
    }

    /**
     * The energy content of a resource flow by rule (4) (class comment), or null when its name states none
     * or names no fuel or renewable source the rule knows.
     */
    public static EnergyContent energyContent(Flow f) {
        if (!f.isElementary() || f.compartment() != Compartment.RESOURCE) {
            return null;
        }
        String n = normalise(f.name());
        java.util.regex.Matcher m = STATED.matcher(f.name());
        if (m.find()) {
            if (!f.referenceUnit().symbol().equals(m.group(3))) {
                return null; // stated per kg but measured otherwise: no guess at a density
            }
            List<String> bases = bases(n);
            double v = Double.parseDouble(m.group(1)) * (m.group(2).equals("GJ") ? 1000 : 1);
            return bases == null ? null : new EnergyContent(v, bases);
        }
        if (n.startsWith("energy") && f.referenceUnit().isCompatibleWith(MJ)) {
            List<String> bases = bases(n.substring("energy".length()));
            return bases == null ? null : new EnergyContent(f.referenceUnit().conversionFactorTo(MJ), bases);
        }
        return null;
    }

    private static final dev.cradle.model.Unit MJ = new dev.cradle.model.Unit("MJ", dev.cradle.model.Dimension.ENERGY, 1e6);

    private static List<String> bases(String n) {
        if (n.matches("(?s).*\\b(coal|lignite|peat|gas, natural|natural gas|oil|crude|fossil)\\b.*")) {
            return List.of(FOSSIL, NON_RENEWABLE);
        }
        if (n.matches("(?s).*\\b(uranium|nuclear)\\b.*")) {
            return List.of(NON_RENEWABLE);
        }
        if (n.matches("(?s).*\\b(hydro|wind|solar|geothermal|waves?|biomass|wood)\\b.*")) {
            return List.of(RENEWABLE);
        }
        return null;
    }

    /** The substance part of a flow name: lower case, before the first comma or bracket. */
    static String substance(String name) {
        String n = normalise(name);
        int cut = n.length();
        for (char ch : new char[]{',', '(', '['}) {
            int i = n.indexOf(ch);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return n.substring(0, cut).trim();
    }

    private static boolean isSeaWater(Flow f) {
        String s = f.subCompartment().toLowerCase(Locale.ROOT);
        return f.compartment() == Compartment.WATER && (s.contains("ocean") || s.contains("sea"));
    }

    /**
     * The library's {@code method} re-expressed on the database's flows, with one match report per
     * category. A factor is converted from the library flow's unit to the database flow's reference
     * unit; a flow whose unit cannot be converted is reported unmatched.
     *
     * @param used elementary flows that occur in the database's exchanges, with their CAS numbers
     */
    public Mapped map(ImpactMethod method, Map<Flow, String> used) {
        Map<String, String[]> matchOf = new HashMap<>();
        Map<String, String> substanceOf = new HashMap<>();
        for (Map.Entry<Flow, String> e : used.entrySet()) {
            String[] m = match(e.getKey(), e.getValue());
            if (m != null) {
                matchOf.put(e.getKey().id(), m);
            }
            substanceOf.put(e.getKey().id(), substance(e.getKey().name()));
        }
        List<ImpactCategory> categories = new ArrayList<>();
        List<MatchReport> reports = new ArrayList<>();
        for (ImpactCategory c : method.categories()) {
            Map<String, CharacterisationFactor> libFactors = new HashMap<>();
            c.factors().forEach(cf -> libFactors.put(cf.flow().id(), cf));
            List<CharacterisationFactor> factors = new ArrayList<>();
            Map<String, Integer> byRule = new LinkedHashMap<>();
            List<String> unmatched = new ArrayList<>();
            List<String> suspects = new ArrayList<>();
            Set<String> substances = new HashSet<>();
            c.factors().stream().filter(cf -> cf.value() != 0).forEach(cf -> substances.add(substance(cf.flow().name())));
            for (Flow f : used.keySet()) {
                String[] m = matchOf.get(f.id());
                CharacterisationFactor lib = m == null ? null : libFactors.get(m[0]);
                if (lib != null && lib.flow().referenceUnit().isCompatibleWith(f.referenceUnit())) {
                    // factor per library unit → per database unit: value × (1 db unit in library units);
                    // negated when a UUID match joins flows of opposite natural direction (B's sign convention)
                    double sign = lib.flow().isInputByNature() == f.isInputByNature() ? 1 : -1;
                    double v = sign * lib.value() * f.referenceUnit().conversionFactorTo(lib.flow().referenceUnit());
                    factors.add(new CharacterisationFactor(f, v, lib.uncertainty()));
                    byRule.merge(m[1], 1, Integer::sum);
                } else if (energyFactor(f, libFactors) != null) {
                    factors.add(energyFactor(f, libFactors));
                    byRule.merge("heating value", 1, Integer::sum);
                } else {
                    String label = f.name().trim() + " [" + (f.subCompartment().isEmpty() ? f.compartment().label()
                            : f.subCompartment()) + "]";
                    unmatched.add(label);
                    if (substances.contains(substanceOf.get(f.id()))) {
                        suspects.add(label);
                    }
                }
            }
            unmatched.sort(null);
            suspects.sort(null);
            categories.add(new ImpactCategory(c.id(), c.name(), c.indicatorUnit(), factors));
            reports.add(new MatchReport(method.id() + "/" + c.id(), c.factors().size(), used.size(), byRule, unmatched,
                    suspects));
        }
        return new Mapped(new ImpactMethod(method.id(), method.name(), categories), reports);
    }

    /** Rule (4): the category's factor of the flow's first energy basis it characterises × MJ per unit, or null. */
    private CharacterisationFactor energyFactor(Flow f, Map<String, CharacterisationFactor> libFactors) {
        EnergyContent e = energyContent(f);
        if (e == null) {
            return null;
        }
        for (String basis : e.bases()) {
            CharacterisationFactor lib = libFactors.get(basis);
            if (lib != null && lib.flow().referenceUnit().isCompatibleWith(MJ)) {
                double v = lib.value() * e.mjPerUnit() * MJ.conversionFactorTo(lib.flow().referenceUnit());
                return new CharacterisationFactor(f, v, lib.uncertainty());
            }
        }
        return null;
    }
}
