package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.scenario.io.MiniDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cradle db}: results files, and exit 2 naming the file inside the archive for bad data. */
class DatabaseCliTest {
    @TempDir
    Path dir;

    private static final String STEEL = "processes/a0000000-0000-0000-0000-000000000002.json";

    private Path mini(java.util.function.UnaryOperator<Map<String, String>> edit) {
        return MiniDatabase.zip(dir, "mini.zip", MiniDatabase.files(false), edit);
    }

    private static void assertBadInput(Cli r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' missing from: " + r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void calcWritesOneRowPerProcessAndTheReport() throws Exception {
        Path out = dir.resolve("res/mini.csv");
        Cli r = Cli.run("db", "calc", mini(f -> f).toString(), "--methods", "ipcc-ar6-gwp100", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("process_id,process,reference_product,unit,ipcc-ar6-gwp100/climate_change [kg CO2-eq]", lines.get(0));
        assertEquals(7, lines.size(), "header + 6 processes");
        // steel: s = (1.8 + 2 (0.5 + 0.001 kg CH4 × 29.8)) / 0.98 kg CO2-eq per kg (hand calculation in OlcaJsonImportTest)
        String steel = lines.stream().filter(l -> l.startsWith("a0000000-0000-0000-0000-000000000002")).findFirst().orElseThrow();
        assertEquals((1.8 + 2 * (0.5 + 0.001 * 29.8)) / 0.98, Double.parseDouble(steel.substring(steel.lastIndexOf(',') + 1)), 1e-12);
        String report = Files.readString(dir.resolve("res/mini.report.txt"));
        assertTrue(report.contains("needs 0.1 kg of 'Diesel, at refinery'; candidates"), report);
        assertTrue(report.contains("'CUTOFF Water, at user': cut off"), report);
        assertTrue(r.out().contains("ambiguous inputs: 1 (1 cut off"), r.out());
    }

    @Test
    void infoListsEveryCutOff() {
        Cli r = Cli.run("db", "info", mini(f -> f).toString(), "--ambiguous", "first-by-id");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("processes: 6;"), r.out());
        assertTrue(r.out().contains("inputs with no provider, cut off: 2 (1 declared CUTOFF flows, 1 others)"), r.out());
        assertTrue(r.out().contains("linked to a0000000-0000-0000-0000-000000000003 (first by id)"), r.out());
    }

    @Test
    void aFlowPropertyMissingFromItsFlowNamesTheFile() {
        // steel's electricity input written in Mass, which the electricity flow does not have
        Cli r = Cli.run("db", "info", mini(f -> {
            f.put(STEEL, f.get(STEEL).replace("\"amount\":2.0,\"flow\":{\"@id\":\"electricity\"},\"unit\":{\"@id\":\"u-kwh\"},"
                    + "\"flowProperty\":{\"@id\":\"fp-energy\"}", "\"amount\":2.0,\"flow\":{\"@id\":\"electricity\"},"
                    + "\"unit\":{\"@id\":\"u-kg\"},\"flowProperty\":{\"@id\":\"fp-mass\"}"));
            return f;
        }).toString());
        assertBadInput(r, "mini.zip!" + STEEL, "exchange 2", "flow property 'Mass' is missing from flow 'Electricity' (flows/electricity.json lists ['Energy'])");
    }

    @Test
    void aUnitNotInItsGroupNamesTheFile() {
        Cli r = Cli.run("db", "calc", mini(f -> {
            f.put(STEEL, f.get(STEEL).replace("\"unit\":{\"@id\":\"u-kwh\"}", "\"unit\":{\"@id\":\"u-lb\",\"name\":\"lb\"}"));
            return f;
        }).toString(), "--out", dir.resolve("x.csv").toString());
        assertBadInput(r, "mini.zip!" + STEEL, "unit 'lb' is not in unit group 'Units of energy'", "its units: MJ, kWh");
        assertFalse(Files.exists(dir.resolve("x.csv")), "nothing half-written");
    }

    @Test
    void anArchiveWithoutProcessesIsRefused() {
        Cli r = Cli.run("db", "info", mini(f -> {
            f.keySet().removeIf(k -> k.startsWith("processes/"));
            return f;
        }).toString());
        assertBadInput(r, "mini.zip: no processes");
    }

    @Test
    void aTruncatedJsonFileNamesTheFileAndThePlace() {
        Cli r = Cli.run("db", "info", mini(f -> {
            f.put(STEEL, f.get(STEEL).substring(0, 300));
            return f;
        }).toString());
        assertBadInput(r, "mini.zip!" + STEEL + ": line 1, column ", "invalid JSON", "the file looks truncated");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path notZip = Files.writeString(dir.resolve("db.zip"), "hello");
        assertBadInput(Cli.run("db", "info", notZip.toString()), "db.zip");
    }

    @Test
    void anUnknownMethodIsBadInput() {
        assertBadInput(Cli.run("db", "calc", mini(f -> f).toString(), "--methods", "ipcc-ar6-gwp10"),
                "no library method 'ipcc-ar6-gwp10'");
    }
}
