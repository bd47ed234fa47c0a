package dev.cradle.scenario.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every reading rule of {@link CodeCarbonFile} on the corpus in src/test/resources/measured/codecarbon.
 * The files were written for these tests (see the README there) to reproduce what CodeCarbon 1.x–3.x and
 * the people re-saving its output really write; expected values are computed by hand in the comments.
 */
class CodeCarbonCorpusTest {
    static Measurement read(String name, CodeCarbonFile.Options o) throws Exception {
        return CodeCarbonFile.read(CsvTable.parse(DecodedText.decode(bytes(name)).text()), o);
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = CodeCarbonCorpusTest.class.getResourceAsStream("/measured/codecarbon/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void version1OnWindowsIsCp1252WithDoubledCarriageReturns() throws Exception {
        DecodedText text = DecodedText.decode(bytes("v1-windows-cp1252.csv"));
        assertEquals("windows-1252", text.encoding());
        assertTrue(text.text().contains("île-de-france"), "é/î decoded from cp1252");
        Measurement m = read("v1-windows-cp1252.csv", CodeCarbonFile.Options.ALL);
        // no run_id: each row is one run; 0.01 + 0.02 = 0.03 kWh; 60 + 120 = 180 s; 0.0005 + 0.001 = 0.0015 kg
        assertEquals(0.03, m.itKwh(), 1e-12);
        assertEquals(180, m.durationS(), 1e-12);
        assertEquals(0.0015, m.toolEmissionsKg(), 1e-12);
        assertEquals(2, m.runs());
        assertEquals(1.0, m.toolPue());
        assertEquals(List.of("FRA/île-de-france"), m.places());
        assertEquals(List.of("FR"), m.gridCodes());
        assertTrue(m.tool().contains("1.x"), m.tool());
    }

    @Test
    void snapshotsOfOneRunCountOnce() throws Exception {
        Measurement m = read("v2-snapshots-append.csv", CodeCarbonFile.Options.ALL);
        // run aaaa-1 snapshots 0.1, 0.2, 0.3 kWh at 600/1200/1800 s -> 0.3 kWh, 1800 s;
        // run bbbb-2 snapshots 0.05, 0.1 kWh at 300/600 s -> 0.1 kWh, 600 s. Total 0.4 kWh (not 0.75), 2400 s.
        assertEquals(0.4, m.itKwh(), 1e-12);
        assertEquals(2400, m.durationS(), 1e-12);
        assertEquals(0.105 + 0.035, m.toolEmissionsKg(), 1e-12);
        assertEquals(2, m.runs());
        assertEquals(5, m.rows());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("3 earlier cumulative snapshot row(s)")), m.notes().toString());
        assertEquals(List.of("DEU"), m.places());
        assertEquals(List.of("DE"), m.gridCodes());
    }

    @Test
    void pueColumnIsTakenOutOfEnergyConsumed() throws Exception {
        Measurement m = read("v2-pue-gpu-cloud.csv", CodeCarbonFile.Options.ALL);
        // one run, last snapshot 0.75 kWh with pue 1.5 (since 2.2.3 energy_consumed includes it): IT = 0.5 kWh
        assertEquals(0.5, m.itKwh(), 1e-12);
        assertEquals(0.75, m.toolKwh(), 1e-12);
        assertEquals(1.5, m.toolPue());
        assertEquals(3600, m.durationS(), 1e-12);
        assertEquals(0.4247, m.toolEmissionsKg(), 1e-12);
        assertEquals("CodeCarbon 2.3.4", m.tool());
        assertEquals(List.of("gcp/us-central1 (USA)"), m.places());
        assertEquals(List.of("gcp/us-central1", "US"), m.gridCodes());
    }

    @Test
    void byteOrderMarkPaddedCellsAndTrailingBlankLine() throws Exception {
        DecodedText text = DecodedText.decode(bytes("v3-bom-blank-trailing.csv"));
        assertEquals("UTF-8 with byte-order mark", text.encoding());
        Measurement m = read("v3-bom-blank-trailing.csv", CodeCarbonFile.Options.ALL);
        // one 3.x row, cells padded with spaces: energy "  0.25 " -> 0.25 kWh, pue 1.0, CPU only, on-premise
        assertEquals(0.25, m.itKwh(), 1e-12);
        assertEquals(3600, m.durationS(), 1e-12);
        assertEquals(1, m.rows());
        assertEquals("CodeCarbon 3.2.1", m.tool());
    }

    @Test
    void pandasIndexColumnIsDropped() throws Exception {
        CsvTable t = CsvTable.parse(DecodedText.decode(bytes("pandas-index.csv")).text());
        assertTrue(t.droppedIndexColumn());
        assertEquals("timestamp", t.columns().get(0));
        Measurement m = read("pandas-index.csv", CodeCarbonFile.Options.ALL);
        // two runs: 0.4 + 0.2 = 0.6 kWh, 3600 + 1800 s
        assertEquals(0.6, m.itKwh(), 1e-12);
        assertEquals(5400, m.durationS(), 1e-12);
    }

    @Test
    void corruptFragmentRowIsRefusedAtItsLineOrSkippedAndCounted() throws Exception {
        MeasurementFileException e = assertThrows(MeasurementFileException.class,
                () -> read("corrupt-fragment.csv", CodeCarbonFile.Options.ALL));
        // header line 1, rows r1 line 2, r2 line 3, the fragment (28 cells for 32 columns) line 4
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("28 cells where the header names 32 columns"), e.getMessage());
        assertTrue(e.getMessage().contains("skip_corrupt_rows"), e.getMessage());
        Measurement m = read("corrupt-fragment.csv", new CodeCarbonFile.Options(null, Set.of(), null, null, true));
        // r1 + r2 + r3 = 0.001 + 0.002 + 0.003 = 0.006 kWh; 600 s; 1 row skipped
        assertEquals(0.006, m.itKwh(), 1e-12);
        assertEquals(600, m.durationS(), 1e-12);
        assertEquals(1, m.skipped());
        assertTrue(m.notes().stream().anyMatch(n -> n.equals("1 corrupt row(s) skipped at line(s) 4")), m.notes().toString());
    }

    @Test
    void filtersByProjectRunAndTimeWindow() throws Exception {
        // alpha: p1-a 0.01 kWh (04-01 10:00) and p1-c 0.04 kWh (04-02 10:00); beta: p1-b 0.02 kWh (04-01 12:00)
        assertEquals(0.05, read("two-projects.csv", new CodeCarbonFile.Options("alpha", Set.of(), null, null, false))
                .itKwh(), 1e-12);
        assertEquals(0.06, read("two-projects.csv", new CodeCarbonFile.Options(null, Set.of("p1-b", "p1-c"), null, null,
                false)).itKwh(), 1e-12);
        // window [04-01 11:00, 04-02 10:00): only p1-b (p1-c's last row is at the bound, excluded)
        Measurement w = read("two-projects.csv", new CodeCarbonFile.Options(null, Set.of(),
                LocalDateTime.parse("2022-04-01T11:00:00"), LocalDateTime.parse("2022-04-02T10:00:00"), false));
        assertEquals(0.02, w.itKwh(), 1e-12);
        assertEquals(1, w.runs());
        MeasurementFileException none = assertThrows(MeasurementFileException.class, () -> read("two-projects.csv",
                new CodeCarbonFile.Options("gamma", Set.of(), null, null, false)));
        assertTrue(none.getMessage().contains("3 run(s) in 0 row(s)") || none.getMessage().contains("after the filter"),
                none.getMessage());
    }

    @Test
    void numbersAreStrict() throws Exception {
        String header = "timestamp,run_id,duration,emissions,energy_consumed,country_iso_code,region\n";
        for (String bad : new String[] {"1.5d", "0x1p3", "NaN", "Infinity", "-0.1", "1,5"}) {
            String csv = header + "2024-01-01T00:00:00,r,10,0.1,\"" + bad + "\",FRA,\n";
            MeasurementFileException e = assertThrows(MeasurementFileException.class, () -> CodeCarbonFile.read(
                    CsvTable.parse(csv), CodeCarbonFile.Options.ALL), bad);
            // energy_consumed is the 5th cell: "2024-01-01T00:00:00," is 20 characters, "r," 2, "10," 3, "0.1," 4 -> column 30
            assertEquals(2, e.line(), bad);
            assertEquals(30, e.column(), bad);
            assertFalse(e.getMessage().contains(bad), "the cell is not echoed: " + e.getMessage());
        }
        assertEquals(1.2e-5, StrictNumber.parse("1.2e-05"));
        assertEquals(-3, StrictNumber.parse("-3."));
        assertTrue(Double.isNaN(StrictNumber.parse("1e400")));
    }

    @Test
    void aColumnNamedTwiceIsRefusedAtItsColumn() {
        String csv = "duration,energy_consumed,country_iso_code,region,energy_consumed\n10,0.1,FRA,,0.2\n";
        MeasurementFileException e = assertThrows(MeasurementFileException.class, () -> CsvTable.parse(csv));
        // "duration,energy_consumed,country_iso_code,region," is 49 characters: the second one starts at column 50
        assertEquals(1, e.line());
        assertEquals(50, e.column());
        assertTrue(e.getMessage().contains("also the name of the column at column 10"), e.getMessage());
        assertFalse(e.getMessage().contains("energy_consumed"), "no file content in the message: " + e.getMessage());
    }

    @Test
    void notACsvFileIsNotEchoed() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xff, (byte) 0xfe, '\n', 's', 'e', 'c', 'r', 'e', 't'};
        MeasurementFileException e = assertThrows(MeasurementFileException.class, () -> CodeCarbonFile.read(
                CsvTable.parse(DecodedText.decode(elf).text()), CodeCarbonFile.Options.ALL));
        assertFalse(e.getMessage().contains("ELF") || e.getMessage().contains("secret"), e.getMessage());
        assertTrue(e.getMessage().startsWith("lacks the column(s) energy_consumed, duration"), e.getMessage());
    }

    @Test
    void lineEndsOfEveryKindGiveTheSameLines() {
        for (String end : new String[] {"\n", "\r\n", "\r\r\n", "\r"}) {
            String text = DecodedText.decode(("a,b" + end + "1,2" + end + end + "3,4" + end).getBytes(StandardCharsets.UTF_8))
                    .text();
            assertEquals("a,b\n1,2\n\n3,4\n", text, end.replace("\r", "CR").replace("\n", "LF"));
        }
    }
}
