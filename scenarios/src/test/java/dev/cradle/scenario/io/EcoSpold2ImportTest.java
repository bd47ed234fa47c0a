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
