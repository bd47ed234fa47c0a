package dev.cradle.scenario.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** What must always hold when reading measurement files, whatever the runs, the bytes or the layout. */
class MeasurementFileProperties {
    private static final String HEADER = "timestamp,project_name,run_id,duration,emissions,energy_consumed,country_iso_code,"
            + "region,codecarbon_version,pue";

    /** A run: its final duration (s) and energy (kWh), written as n cumulative snapshots. */
    record Run(double seconds, double kwh, int snapshots) {
    }

    @Provide
    Arbitrary<List<Run>> runs() {
        Arbitrary<Run> run = Combinators.combine(Arbitraries.doubles().between(1, 1e5).ofScale(3),
                Arbitraries.doubles().between(0, 100).ofScale(6), Arbitraries.integers().between(1, 6)).as(Run::new);
        return run.list().ofMinSize(1).ofMaxSize(8);
    }

    /**
     * Each run counts once, at its final snapshot, however many earlier cumulative snapshots CodeCarbon wrote
     * and in whatever order the rows of different runs interleave; the file's PUE is taken out exactly.
     */
    @Property(tries = 200)
    void snapshotsAndOrderDoNotChangeTheEnergy(@ForAll("runs") List<Run> runs, @ForAll @DoubleRange(min = 1, max = 3) double pue,
                                               @ForAll long seed) throws Exception {
        List<String[]> rows = new ArrayList<>();
        double expectedIt = 0;
        double expectedSeconds = 0;
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            for (int k = 1; k <= run.snapshots(); k++) {
                double share = (double) k / run.snapshots();
                rows.add(new String[] {"run-" + r, String.valueOf(k), Double.toString(run.seconds() * share),
                        Double.toString(run.kwh() * share)});
            }
            expectedIt += run.kwh(); // written as kWh × pue, as CodeCarbon ≥ 2.2.3 does
            expectedSeconds += run.seconds();
        }
        // shuffle, but keep each run's snapshots in the order CodeCarbon appended them
        List<String> order = new ArrayList<>(rows.stream().map(x -> x[0]).toList());
        Collections.shuffle(order, new Random(seed));
        int[] next = new int[runs.size()];
        List<String[]> shuffled = new ArrayList<>();
        for (String run : order) {
            int r = Integer.parseInt(run.substring(4));
            shuffled.add(rows.stream().filter(x -> x[0].equals(run)).toList().get(next[r]++));
        }
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (String[] row : shuffled) {
            csv.append("2024-01-01T00:00:00,p,").append(row[0]).append(',').append(row[2]).append(",0,")
                    .append(Double.parseDouble(row[3]) * pue).append(",FRA,,2.3.4,").append(pue).append('\n');
        }
        Measurement m = CodeCarbonFile.read(CsvTable.parse(csv.toString()), CodeCarbonFile.Options.ALL);
        assertEquals(expectedIt, m.itKwh(), 1e-9 * Math.max(1, expectedIt));
        assertEquals(expectedSeconds, m.durationS(), 1e-6 * Math.max(1, expectedSeconds));
        assertEquals(runs.size(), m.runs());
    }

    /** The same file in any encoding the tools write, with any line ends, a BOM or not, reads the same. */
    @Property(tries = 100)
    void encodingsAndLineEndsDoNotChangeTheReading(@ForAll("runs") List<Run> runs, @ForAll @IntRange(max = 3) int ends,
                                                   @ForAll boolean bom, @ForAll boolean cp1252) throws Exception {
        String end = new String[] {"\n", "\r\n", "\r\r\n", "\r"}[ends];
        StringBuilder csv = new StringBuilder(HEADER).append(end);
        for (int r = 0; r < runs.size(); r++) {
            csv.append("2024-01-01T00:00:00,réseau,run-").append(r).append(',').append(runs.get(r).seconds()).append(",0,")
                    .append(runs.get(r).kwh()).append(",FRA,île-de-france,2.3.4,1.0").append(end);
        }
        csv.append(end);
        Charset cs = cp1252 && !bom ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        byte[] body = csv.toString().getBytes(cs);
        byte[] bytes = body;
        if (bom) {
            bytes = new byte[body.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);
        }
        Measurement plain = CodeCarbonFile.read(CsvTable.parse(csv.toString().replace(end, "\n")), CodeCarbonFile.Options.ALL);
        Measurement read = CodeCarbonFile.read(CsvTable.parse(DecodedText.decode(bytes).text()), CodeCarbonFile.Options.ALL);
        assertEquals(plain.itKwh(), read.itKwh());
        assertEquals(plain.durationS(), read.durationS());
        assertEquals(plain.places(), read.places());
    }

    /** Any bytes at all: a measurement or a located refusal, never another exception (no exit 1). */
    @Property(tries = 1000)
    void anyBytesAreReadOrRefusedCleanly(@ForAll byte[] noise, @ForAll @IntRange(max = 3) int tool) {
        byte[] bytes = noise;
        if (tool == 0 && noise.length > 0) {
            // splice noise into a valid file so the parser gets past the header
            bytes = (HEADER + "\n2024-01-01T00:00:00,p,r,10,0,0.1,FRA,,2.3.4,1.0\n" + new String(noise,
                    StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        }
        String text = DecodedText.decode(bytes).text();
        try {
            switch (tool) {
                case 0, 1 -> CodeCarbonFile.read(CsvTable.parse(text), new CodeCarbonFile.Options(null, Set.of(), null,
                        null, tool == 1));
                case 2 -> ImpactTrackerLog.read(text, false);
                default -> CarbontrackerLog.read(text, text, Double.NaN);
            }
        } catch (MeasurementFileException expected) {
            // a clean refusal
        }
    }

    /** Constant power P over T seconds integrates to P × T, however the samples are spaced. */
    @Property(tries = 200)
    void constantPowerIntegratesExactly(@ForAll @DoubleRange(min = 0, max = 2000) double watts,
                                        @ForAll("gaps") List<Double> gaps) throws Exception {
        StringBuilder csv = new StringBuilder("time,power [W]\n");
        double t = 0;
        csv.append("0,").append(watts).append('\n');
        for (double g : gaps) {
            t += g;
            csv.append(t).append(',').append(watts).append('\n');
        }
        Measurement m = PowerSamples.read(CsvTable.parse(csv.toString()), new PowerSamples.Columns(null, null, null, null),
                false);
        assertEquals(watts * t / 3.6e6, m.itKwh(), 1e-9 * Math.max(1, watts * t / 3.6e6));
        assertEquals(t, m.durationS(), 1e-9 * Math.max(1, t));
    }

    @Provide
    Arbitrary<List<Double>> gaps() {
        return Arbitraries.doubles().between(0.001, 3600).ofScale(3).list().ofMinSize(1).ofMaxSize(50);
    }
}
