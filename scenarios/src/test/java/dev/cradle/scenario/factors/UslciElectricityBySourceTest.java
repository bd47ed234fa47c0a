package dev.cradle.scenario.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.factors.FactorLibrary;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseLinker;
import dev.cradle.scenario.io.DatabaseResults;
import dev.cradle.scenario.io.Databases;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import dev.cradle.scenario.io.LinkedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provenance of the library's {@code uslci-electricity-by-source} dataset: its extract
 * ({@code sources/uslci-electricity-by-source.csv}, from which the impact-factors ProvenanceTest re-derives
 * every shipped value) is recomputed here from the bundled USLCI and must agree to 1e-9 relative. With
 * {@code -Dcradle.regenerate=PATH} the recomputed extract is written to PATH first (see
 * {@link UslciElectricityBySource}).
 */
class UslciElectricityBySourceTest {
    private static final String EXTRACT = "dev/cradle/factors/sources/uslci-electricity-by-source.csv";
    private static List<UslciElectricityBySource.Row> rows;

    @BeforeAll
    static void compute() throws IOException {
        rows = UslciElectricityBySource.compute();
        String target = System.getProperty("cradle.regenerate");
        if (target != null && !target.isBlank()) {
            Path p = Path.of(target);
            if (!p.isAbsolute()) {
                p = Path.of(System.getProperty("user.dir")).getParent().resolve(p);
            }
            Files.writeString(p, UslciElectricityBySource.csv(rows), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedExtractIsWhatUslciGives() throws IOException {
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EXTRACT)) {
            assertNotNull(in, EXTRACT);
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> want = UslciElectricityBySource.csv(rows).lines().toList();
        List<String> have = shipped.lines().toList();
        assertEquals(want.size(), have.size(), "rows of " + EXTRACT);
        for (int i = 0; i < want.size(); i++) {
            if (want.get(i).startsWith("#") || i == 7) {
                assertEquals(want.get(i), have.get(i), EXTRACT + " line " + (i + 1));
                continue;
            }
            // key,process_id,"name, with commas",<numbers>: the numbers are the last columns
            String[] w = want.get(i).split(",");
            String[] h = have.get(i).split(",");
            assertEquals(w.length, h.length, EXTRACT + " line " + (i + 1));
            int numbers = UslciElectricityBySource.COLUMNS.size();
            for (int c = 0; c < w.length; c++) {
                if (c < w.length - numbers) {
                    assertEquals(w[c], h[c], EXTRACT + " line " + (i + 1));
                } else {
                    double a = Double.parseDouble(w[c]);
                    double b = Double.parseDouble(h[c]);
                    assertEquals(a, b, 1e-9 * Math.abs(a), EXTRACT + " line " + (i + 1) + " column " + (c + 1)
                            + " (regenerate with -Dcradle.regenerate, see UslciElectricityBySource)");
                }
            }
        }
    }

    /** The one-kWh demand gives what 'cradle db calc uslci' gives per MJ, times 3.6: two routes, one answer. */
    @Test
    void agreesWithTheWholeDatabaseCalculation() {
        FactorLibrary lib = FactorLibrary.bundled();
        LinkedDatabase linked = DatabaseLinker.link(Databases.read("uslci"), ImportOptions.defaults());
        DatabaseResults all = DatabaseCalculator.calculate(linked, List.of(lib.method("ipcc-ar6-gwp100").orElseThrow(),
                lib.method("usetox-2").orElseThrow()), new FlowMapping(lib.flows().values()));
        for (UslciElectricityBySource.Row r : rows) {
            DatabaseResults.Row row = all.row(r.processId());
            assertEquals(row.values()[all.indicator("climate_change")] * 3.6, r.perKwh()[0], 1e-9 * Math.abs(r.perKwh()[0]));
            assertEquals(row.values()[all.indicator("human_toxicity_cancer")] * 3.6, r.perKwh()[1],
                    1e-9 * Math.abs(r.perKwh()[1]));
        }
    }

    @Test
    void handChecksOfTheCoalPlant() {
        UslciElectricityBySource.Row coal = rows.stream().filter(r -> r.key().equals("coal_bituminous")).findFirst()
                .orElseThrow();
        // the plant's own stack CO2 is 0.99407 kg/kWh (its exchange list); mining, rail and barge add to it
        assertTrue(coal.perKwh()[0] > 0.99407 && coal.perKwh()[0] < 0.99407 * 1.2, "GWP " + coal.perKwh()[0]);
        // ADP fossil: 0.44186 kg coal at mine per kWh x 1.24 kg 'Coal, bituminous, 24.8 MJ per kg' per kg at mine
        // x 24.8 MJ/kg = 13.588 MJ, plus the diesel and gas of mining and transport
        double mine = 0.44186 * 1.24 * 24.8;
        double adpf = coal.perKwh()[UslciElectricityBySource.COLUMNS.indexOf("adp_fossil_mj")];
        assertTrue(adpf > mine && adpf < mine * 1.15, "ADP fossil " + adpf);
        assertTrue(coal.perKwh()[1] > 0 && coal.perKwh()[2] > 0, "toxicity of coal power is characterised");
    }
}
