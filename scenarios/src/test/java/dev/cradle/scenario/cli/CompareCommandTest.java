package dev.cradle.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cradle compare}: "train in us-east-1 or eu-north-1?" answered in report.md, report.html, JSON and CSV. */
class CompareCommandTest {
    @TempDir
    Path dir;

    /** The generic training run with pue ~ uniform(1.1, 1.3) (the same in both: shared) on a grid of {@code g} g/kWh. */
    private Path run(String name, String g) throws IOException {
        String yaml = Files.readString(Path.of("examples/generic-training-run.yaml"))
                .replace("{name: pue, value: 1.2, description: power usage effectiveness of the datacenter}",
                        "{name: pue, value: 1.2, uncertainty: {distribution: uniform, min: 1.1, max: 1.3}}")
                .replace("{name: grid_g_per_kwh, value: 57, unit: g CO2e/kWh}",
                        "{name: grid_g_per_kwh, value: " + g + ", unit: g CO2e/kWh}")
                .replace("name: Generic example - fine-tuning run on one 8-GPU server", "name: " + name);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theCleanerRegionIsLowerInEveryDrawAndTheReportSaysSo() throws Exception {
        Path a = run("us-east-1", "400");
        Path b = run("eu-north-1", "30");
        Path out = dir.resolve("out");
        ReportCommandTest.Run r = ReportCommandTest.cradle("compare", a.toString(), b.toString(), "--out", out.toString(),
                "--draws", "4096", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        // A − B = run energy × (0.400 − 0.030) kg/kWh = 8 × 0.4 kW × 72 h × pue × 0.37 = 230.4 × pue × 0.37 kg, with
        // pue drawn once for both: in [93.77, 110.82] kg in every draw, mean 230.4 × 1.2 × 0.37 = 102.3 kg; A is never
        // lower
        assertTrue(r.out().contains("demo/gwp100 per fine_tuned_model: us-east-1 − eu-north-1 mean 102."), r.out());
        assertTrue(r.out().contains("P(us-east-1 lower) = 0.00"), r.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(List.of("pue"), List.of(json.get("shared_parameters").get(0).asText()));
        JsonNode gwp = json.get("indicators").get(0);
        assertEquals("demo/gwp100", gwp.get("indicator").asText());
        JsonNode pair = gwp.get("pairs").get(0);
        assertEquals(0.0, pair.get("probability_first_lower").asDouble(), 0.0);
        double mean = pair.get("difference").get("mean").asDouble();
        assertEquals(230.4 * 1.2 * 0.37, mean, 0.5);
        assertTrue(pair.get("difference").get("min").asDouble() >= 230.4 * 1.1 * 0.37 - 1e-9);
        assertTrue(pair.get("difference").get("max").asDouble() <= 230.4 * 1.3 * 0.37 + 1e-9);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("eu-north-1 is lower in 100.0% of the draws (a robust difference)"), md);
        assertTrue(md.contains("| A − B | 102."), md);
        // water does not depend on the grid here: equal in every draw, and said so (not "B lower in 100 %")
        assertTrue(md.contains("demo/water: us-east-1 and eu-north-1 give the same value in every draw"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Difference in demo/gwp100"), "difference chart");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out.resolve("report.csv")))).getRecords();
        assertEquals(List.of("scenario", "functional_unit",
                "indicator", "unit", "basis", "coverage", "statistic", "value"), rows.get(0).getParser().getHeaderNames());
        CSVRecord p = rows.stream().filter(c -> c.get("scenario").equals("us-east-1 − eu-north-1")
                && c.get("indicator").equals("demo/gwp100") && c.get("statistic").equals("p_first_lower")).findFirst()
                .orElseThrow();
        assertEquals(0.0, Double.parseDouble(p.get("value")), 0.0);
    }

    /**
     * Two scenarios with no functional unit in common (a whole study of two models against one trained BLOOM model):
     * each one's primary unit is compared, and the terminal and the report's limitations say so.
     */
    @Test
    void scenariosWithoutACommonFunctionalUnitAreComparedWithAWarning() throws Exception {
        Path out = dir.resolve("fu");
        ReportCommandTest.Run r = ReportCommandTest.cradle("compare", "examples/two-models-shared-cluster.yaml",
                "examples/analysis/bloom-training-uncertain.yaml", "--out", out.toString(), "--draws", "256");
        assertEquals(0, r.code(), r.err());
        String note = "The scenarios share no functional unit, so each one's primary unit is compared "
                + "(two-models-shared-cluster.yaml per study; bloom-training-uncertain.yaml per trained";
        assertTrue(r.err().contains("cradle: warning: " + note), r.err());
        assertTrue(Files.readString(out.resolve("report.md")).contains(note), "report.md limitations");
        // the generic example compared with a copy of itself shares its unit: no such note
        Path same = dir.resolve("same");
        ReportCommandTest.Run s = ReportCommandTest.cradle("compare", "examples/generic-training-run.yaml",
                "examples/generic-training-run.yaml", "--out", same.toString(), "--draws", "256");
        assertEquals(0, s.code(), s.err());
        assertFalse(s.err().contains("share no functional unit"), s.err());
    }

    @Test
    void oneFileIsNotAComparison() {
        ReportCommandTest.Run r = ReportCommandTest.cradle("compare", "examples/generic-training-run.yaml",
                "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("FILE"), r.err());
        assertTrue(Files.notExists(dir.resolve("out")));
    }
}
