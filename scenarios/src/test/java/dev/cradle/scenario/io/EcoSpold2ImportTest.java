package dev.cradle.scenario.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.model.Compartment;
import dev.cradle.model.Uncertainty;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made pair of EcoSpold2 activities, imported and solved. */
class EcoSpold2ImportTest {
    @TempDir
    Path dir;

    private static String activity(String id, String name, String exchanges) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ecoSpold xmlns=\"http://www.EcoInvent.org/EcoSpold02\">"
                + "<activityDataset><activityDescription><activity id=\"" + id + "\"><activityName xml:lang=\"en\">" + name
                + "</activityName></activity><geography><shortname xml:lang=\"en\">US</shortname></geography>"
                + "</activityDescription><flowData>" + exchanges + "</flowData></activityDataset></ecoSpold>";
    }

    private static String intermediate(String flow, String name, double amount, String unit, String group) {
        return "<intermediateExchange intermediateExchangeId=\"" + flow + "\" amount=\"" + amount + "\"><name xml:lang=\"en\">"
                + name + "</name><unitName xml:lang=\"en\">" + unit + "</unitName>" + group + "</intermediateExchange>";
    }

    private static String elementary(String flow, String name, double amount, String unit, String group, String extra) {
        return "<elementaryExchange elementaryExchangeId=\"" + flow + "\" amount=\"" + amount + "\"><name xml:lang=\"en\">"
                + name + "</name><unitName xml:lang=\"en\">" + unit + "</unitName>" + extra + group + "</elementaryExchange>";
    }

    private Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grid.spold", activity("p-grid", "Electricity, at grid",
                intermediate("f-el", "Electricity", 1, "kWh", "<outputGroup>0</outputGroup>")
                        + intermediate("f-coal", "Coal, at mine", 0.4, "kg", "<inputGroup>5</inputGroup>")
                        + elementary("e-co2", "Carbon dioxide, fossil", 900, "g", "<outputGroup>4</outputGroup>",
                        "<uncertainty><lognormal meanValue=\"900\" variance=\"0.04\"/></uncertainty>")));
        f.put("coal.spold", activity("p-coal", "Coal, at mine",
                intermediate("f-coal", "Coal, at mine", 1, "kg", "<outputGroup>0</outputGroup>")
                        + intermediate("f-el", "Electricity", 0.05, "kWh", "<inputGroup>5</inputGroup>")
                        + elementary("e-ch4", "Methane", 2, "g", "<outputGroup>4</outputGroup>", "")
                        + elementary("e-coal", "Coal, hard, unspecified, in ground", 1.1, "kg", "<inputGroup>4</inputGroup>", "")));
        return f;
    }

    @Test
    void aLoopOfTwoActivitiesMatchesTheHandCalculation() {
        Path zip = MiniDatabase.zip(dir, "es2.zip", files(), f -> f);
        Database db = Databases.read(zip.toString());
        assertEquals("EcoSpold2", db.format());
        FactorLibrary lib = FactorLibrary.bundled();
        DatabaseResults r = DatabaseCalculator.calculate(DatabaseLinker.link(db, ImportOptions.defaults()),
                List.of(lib.method("ipcc-ar6-gwp100").orElseThrow()), new FlowMapping(lib.flows().values()));
        double ch4 = 29.8; // IPCC AR6 GWP100, methane (fossil): 'Methane' emitted to an unnamed compartment
        // per MJ of electricity e and per kg of coal c (1 kWh = 3.6 MJ; 900 g = 0.9 kg; 2 g = 0.002 kg):
        //   e = (0.9 + 0.4 c) / 3.6,  c = 0.002 × 29.8 + 0.05 × 3.6 × e = 0.0596 + 0.18 e
        //   ⇒ e = (0.9 + 0.4 × 0.0596) / (3.6 − 0.4 × 0.18) = 0.92384 / 3.528 = 0.2618594…
        double e = (0.9 + 0.4 * 0.002 * ch4) / (3.6 - 0.4 * 0.18);
        assertEquals(e, r.row("p-grid").values()[0], 1e-12);
        assertEquals(0.002 * ch4 + 0.18 * e, r.row("p-coal").values()[0], 1e-12);
        assertEquals("MJ", r.row("p-grid").unit());
        var co2 = db.process("p-grid").orElseThrow().exchanges().get(2);
        Uncertainty.LogNormal u = assertInstanceOf(Uncertainty.LogNormal.class, co2.uncertainty());
        assertEquals(0.9, u.geometricMean(), 1e-15);
        assertEquals(Math.exp(0.2), u.geometricSd(), 1e-15);
        assertEquals(Compartment.RESOURCE, db.flows().get("e-coal").compartment(), "inputGroup 4: from environment");
        assertEquals(Compartment.UNSPECIFIED, db.flows().get("e-ch4").compartment());
    }

    /**
     * The coal activity with parameters and mathematical relations whose stored amounts are stale: the
     * formulas decide. Methane = ch4_rate × (1 − capture) in g: 4 × (1 − 0.5) = 2 g (stored 999 g); the
     * electricity input = IF(scale = 1; base_kwh; 0) = 0.05 kWh (stored 0.2 kWh), in the openLCA/ecoinvent syntax
     * (mixed case, ';' and '=').
     */
    private Map<String, String> filesWithFormulas() {
        Map<String, String> f = files();
        f.put("coal.spold", activity("p-coal", "Coal, at mine",
                intermediate("f-coal", "Coal, at mine", 1, "kg", "<outputGroup>0</outputGroup>")
                        + intermediate("f-el", "Electricity", 0.2, "kWh", "<inputGroup>5</inputGroup>")
                        .replace("amount=\"0.2\"", "amount=\"0.2\" mathematicalRelation=\"IF(Scale=1; Base_kWh; 0)\"")
                        + elementary("e-ch4", "Methane", 999, "g", "<outputGroup>4</outputGroup>", "")
                        .replace("amount=\"999.0\"", "amount=\"999.0\" mathematicalRelation=\"CH4_rate*(1-Capture)\"")
                        + elementary("e-coal", "Coal, hard, unspecified, in ground", 1.1, "kg", "<inputGroup>4</inputGroup>", "")
                        + "<parameter parameterId=\"a\" variableName=\"CH4_rate\" amount=\"4.0\"/>"
                        + "<parameter parameterId=\"b\" variableName=\"Capture\" amount=\"0.5\"/>"
                        + "<parameter parameterId=\"c\" variableName=\"Base_kWh\" amount=\"0.03\" "
                        + "mathematicalRelation=\"0.05 * Scale\" isCalculatedAmount=\"true\"/>"
                        + "<parameter parameterId=\"d\" variableName=\"Scale\" amount=\"1\"/>"));
        return f;
    }

    @Test
    void mathematicalRelationsAndParametersAreEvaluated() {
        Path zip = MiniDatabase.zip(dir, "es2f.zip", filesWithFormulas(), f -> f);
        Database db = Databases.read(zip.toString());
        FactorLibrary lib = FactorLibrary.bundled();
        List<dev.cradle.model.ImpactMethod> gwp = List.of(lib.method("ipcc-ar6-gwp100").orElseThrow());
        DatabaseResults r = DatabaseCalculator.calculate(DatabaseLinker.link(db, ImportOptions.defaults()), gwp,
                new FlowMapping(lib.flows().values()));
        // the formulas give the same activity as files(): the hand calculation of the loop above holds
        double ch4 = 29.8;
        double e = (0.9 + 0.4 * 0.002 * ch4) / (3.6 - 0.4 * 0.18);
        assertEquals(e, r.row("p-grid").values()[0], 1e-12);
        assertEquals(0.002 * ch4 + 0.18 * e, r.row("p-coal").values()[0], 1e-12);
        assertEquals(4, db.process("p-coal").orElseThrow().parameters().size());
        assertTrue(db.notes().stream().anyMatch(n -> n.contains("2 exchange formulas and 4 activity parameters")),
                db.notes().toString());
        // with formulas off, the stale stored amounts: c = 0.999 × 29.8 + 0.2 × 3.6 × e', e' = (0.9 + 0.4 c) / 3.6
        ImportOptions off = new ImportOptions(ImportOptions.Allocation.AS_DEFINED, ImportOptions.Ambiguity.CUT_OFF, false);
        DatabaseResults stored = DatabaseCalculator.calculate(DatabaseLinker.link(db, off), gwp,
                new FlowMapping(lib.flows().values()));
        double e2 = (0.9 + 0.4 * 0.999 * ch4) / (3.6 - 0.4 * 0.2 * 3.6);
        assertEquals(e2, stored.row("p-grid").values()[0], 1e-12 * Math.abs(e2));
    }

    @Test
    void aFunctionCradleLacksKeepsTheStoredAmountsWithANote() {
        Path zip = MiniDatabase.zip(dir, "es2g.zip", filesWithFormulas(), f -> {
            f.put("coal.spold", f.get("coal.spold").replace("CH4_rate*(1-Capture)", "GAMMA(CH4_rate)"));
            return f;
        });
        Database db = Databases.read(zip.toString());
        assertTrue(db.notes().stream().anyMatch(n -> n.contains("es2g.zip!coal.spold: activity 'Coal, at mine', exchange "
                + "'Methane': formula 'GAMMA(CH4_rate)' calls GAMMA()") && n.contains("the stored amount 999.0 is used")),
                db.notes().toString());
    }

    @Test
    void aTruncatedFileAndAnUnknownUnitNameTheFile() {
        Path truncated = MiniDatabase.zip(dir, "bad.zip", files(), f -> {
            f.put("coal.spold", f.get("coal.spold").substring(0, 400));
            return f;
        });
        DatabaseException x = assertThrows(DatabaseException.class, () -> Databases.read(truncated.toString()));
        String all = String.join("\n", x.problems());
        assertTrue(all.contains("bad.zip!coal.spold: line 1, column 401: invalid XML"), all);
        Path unit = MiniDatabase.zip(dir, "unit.zip", files(), f -> {
            f.put("grid.spold", f.get("grid.spold").replace(">kWh<", ">furlong<"));
            return f;
        });
        x = assertThrows(DatabaseException.class, () -> Databases.read(unit.toString()));
        all = String.join("\n", x.problems());
        assertTrue(all.contains("unit.zip!grid.spold: activity 'Electricity, at grid', exchange 'Electricity': unit "
                + "'furlong'"), all);
    }
}
