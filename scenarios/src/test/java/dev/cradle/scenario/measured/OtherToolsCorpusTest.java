package dev.cradle.scenario.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Carbontracker, experiment-impact-tracker and power-sample files of the corpus (src/test/resources/measured),
 * each read rule with its expected value computed by hand.
 */
class OtherToolsCorpusTest {
    private static String text(String name) throws Exception {
        try (var in = OtherToolsCorpusTest.class.getResourceAsStream("/measured/" + name)) {
            return DecodedText.decode(in.readAllBytes()).text();
        }
    }

    private static final String OUTPUT = "carbontracker/resnet_2024-05-14T102105_carbontracker_output.log";
    private static final String STANDARD = "carbontracker/resnet_2024-05-14T102105_carbontracker.log";

    @Test
    void carbontrackerActualConsumptionWithThePueOfItsStandardLog() throws Exception {
        Measurement m = CarbontrackerLog.read(text(OUTPUT), text(STANDARD), Double.NaN);
        // actual (not the predicted 0.080): 0.079 kWh / PUE 1.58 = 0.05 kWh IT; 0:10:05 = 605 s; 12.008 g
        assertEquals(0.05, m.itKwh(), 1e-12);
        assertEquals(0.079, m.toolKwh(), 1e-12);
        assertEquals(1.58, m.toolPue(), 1e-12);
        assertEquals(605, m.durationS(), 1e-12);
        assertEquals(0.012008, m.toolEmissionsKg(), 1e-12);
        assertEquals("Carbontracker 2.3.1", m.tool());
        assertEquals(List.of("Copenhagen, Capital Region, DK"), m.places());
        assertEquals(List.of("DK"), m.gridCodes());
    }

    @Test
    void carbontrackerWithADeclaredPueOrNone() throws Exception {
        // declared 1.55 (v1.1.7 to 1.2.x): 0.079 / 1.55 = 0.0509677 kWh
        assertEquals(0.079 / 1.55, CarbontrackerLog.read(text(OUTPUT), null, 1.55).itKwh(), 1e-12);
        MeasurementFileException e = assertThrows(MeasurementFileException.class,
                () -> CarbontrackerLog.read(text(OUTPUT), null, Double.NaN));
        assertTrue(e.getMessage().contains("give 'log'"), e.getMessage());
        MeasurementFileException p = assertThrows(MeasurementFileException.class, () -> CarbontrackerLog.read(
                text("carbontracker/predicted-only_carbontracker_output.log"), text(STANDARD), Double.NaN));
        assertTrue(p.getMessage().contains("only a predicted consumption"), p.getMessage());
    }

    @Test
    void impactTrackerIntegratesAsTheToolDoes() throws Exception {
        Measurement m = ImpactTrackerLog.read(text("impacttracker/data.json"), false);
        // Σ (tᵢ − tᵢ₋₁) × Pᵢ for i ≥ 1: 10 s × 300 W + 10 × 200 + 10 × 100 = 6,000 J = 6000 / 3.6e6 kWh; 30 s
        assertEquals(6000 / 3.6e6, m.itKwh(), 1e-15);
        assertEquals(30, m.durationS(), 1e-12);
        assertEquals(4, m.rows());
        MeasurementFileException e = assertThrows(MeasurementFileException.class,
                () -> ImpactTrackerLog.read(text("impacttracker/interrupted-data.json"), false));
        assertEquals(5, e.line());
        Measurement skipped = ImpactTrackerLog.read(text("impacttracker/interrupted-data.json"), true);
        assertEquals(6000 / 3.6e6, skipped.itKwh(), 1e-15);
        assertEquals(1, skipped.skipped());
    }

    @Test
    void nvidiaSmiPowerPerDeviceByTheTrapezoidalRule() throws Exception {
        Measurement m = PowerSamples.read(CsvTable.parse(text("power/nvidia-smi.csv")),
                new PowerSamples.Columns(null, "index", null, null), false);
        // GPU 0: (250+270)/2 × 1 s + (270+230)/2 × 2 s = 760 J; GPU 1: (100+120)/2 × 1 + (120+80)/2 × 2 = 310 J
        assertEquals(1070 / 3.6e6, m.itKwh(), 1e-15);
        assertEquals(3, m.durationS(), 1e-9);
        assertEquals(6, m.rows());
    }

    @Test
    void energyCounters() throws Exception {
        Measurement dcgm = PowerSamples.read(CsvTable.parse(text("power/dcgm-energy.csv")),
                new PowerSamples.Columns(null, "gpu", null, "total_energy_consumption [mJ]"), false);
        // GPU 0: 31,000,000 − 1,000,000 mJ = 30,000 J; GPU 1: 20,500,000 − 500,000 mJ = 20,000 J
        assertEquals(50000 / 3.6e6, dcgm.itKwh(), 1e-12);
        assertEquals(120, dcgm.durationS(), 1e-12);
        Measurement meter = PowerSamples.read(CsvTable.parse(text("power/wattmeter-kwh.csv")),
                new PowerSamples.Columns(null, null, null, "energy [kWh]"), false);
        // 13.00 − 12.50 kWh over one hour
        assertEquals(0.5, meter.itKwh(), 1e-12);
        assertEquals(3600, meter.durationS(), 1e-9);
        MeasurementFileException reset = assertThrows(MeasurementFileException.class, () -> PowerSamples.read(
                CsvTable.parse(text("power/counter-reset.csv")), new PowerSamples.Columns(null, null, null, "energy [kWh]"),
                false));
        assertEquals(3, reset.line());
        assertTrue(reset.getMessage().contains("counter falls"), reset.getMessage());
    }

    @Test
    void widePowerColumnsOneDeviceEach() throws Exception {
        String csv = "time,gpu0 [W],gpu1 [W]\n0,100,200\n10,300,200\n";
        Measurement m = PowerSamples.read(CsvTable.parse(csv), new PowerSamples.Columns(null, null, "gpu0 [W]", null,
                List.of("gpu1 [W]")), false);
        // gpu0: (100+300)/2 × 10 s = 2,000 J; gpu1: 200 × 10 = 2,000 J
        assertEquals(4000 / 3.6e6, m.itKwh(), 1e-15);
        assertEquals(4, m.rows());
        MeasurementFileException both = assertThrows(MeasurementFileException.class, () -> PowerSamples.read(
                CsvTable.parse(csv), new PowerSamples.Columns(null, "gpu", "gpu0 [W]", null, List.of("gpu1 [W]")), false));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
    }

    @Test
    void powerWithoutAUnitIsRefused() throws Exception {
        String csv = "time,power\n0,100\n1,100\n";
        MeasurementFileException e = assertThrows(MeasurementFileException.class, () -> PowerSamples.read(
                CsvTable.parse(new String(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)),
                new PowerSamples.Columns(null, null, null, null), false));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("with its unit"), e.getMessage());
        // with the unit in the header: 100 W for 1 s = 100 J
        assertEquals(100 / 3.6e6, PowerSamples.read(CsvTable.parse("time,power [W]\n0,100\n1,100\n"),
                new PowerSamples.Columns(null, null, null, null), false).itKwh(), 1e-15);
    }
}
