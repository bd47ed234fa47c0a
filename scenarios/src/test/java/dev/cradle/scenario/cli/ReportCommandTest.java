package dev.cradle.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cradle.scenario.report.Numbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cradle report} on every bundled example (small draws for speed), read back as a user would: the
 * deterministic total printed in report.md is results.json's, the tidy CSV loads with its eight columns and its
 * Monte Carlo mean lies inside the interval report.md prints, the statement names the datacenters' PUE and region
 * as the scenario file writes them, the LaTeX is escaped, and the layout follows ISO 14044's report.
 */
class ReportCommandTest {
    static final String[] FAST = {"--draws", "512", "--sobol-n", "64", "--morris-r", "4"};

    @TempDir
    Path dir;

    static Stream<Path> examples() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path folder : List.of(Path.of("examples"), Path.of("examples/analysis"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(all::add);
                }
            }
        }
        assertTrue(all.size() >= 15, "the bundled examples are found: " + all);
        return all.stream();
    }

    record Run(int code, String out, String err) {
    }

    static Run cradle(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CradleCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertFalse(e.contains("internal error") || e.contains("\tat "), e);
        return new Run(code, out.toString(StandardCharsets.UTF_8), e);
    }

    private Run report(Path file, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("report", file.toString(), "--out", out.toString()));
        args.addAll(List.of(FAST));
        args.addAll(List.of(more));
        if (!args.contains("--threads")) {
            args.addAll(List.of("--threads", "2"));
        }
        return cradle(args.toArray(String[]::new));
    }

    /** A number as the reports print it (four significant digits, thousands separators) read back. */
    static double printed(String s) {
        return Double.parseDouble(s.trim().replace(",", ""));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleGetsACheckedReport(Path example) throws Exception {
        Path out = dir.resolve("out");
        Run r = report(example, out);
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("report.md", "report.html", "results.json", "report.csv", "contributions.csv",
                "sensitivity.csv", "statement.md", "statement.tex")) {
            String text = Files.readString(out.resolve(f));
            assertFalse(text.isBlank(), f);
            assertFalse(text.contains("NaN") || text.contains("Infinity"), f + " holds a non-finite number");
        }
        String md = Files.readString(out.resolve("report.md"));
        // ISO 14044 §5.2 reporting: the sections in their order
        int at = -1;
        for (String h : List.of("## 1 Goal and scope", "## 2 Life cycle inventory", "## 3 Life cycle impact assessment",
                "## 4 Interpretation", "### 4.1 Significant issues", "### 4.2 Completeness",
                "### 4.3 Uncertainty and sensitivity", "### 4.4 Consistency", "## 5 Limitations",
                "## 6 Reporting statement")) {
            int next = md.indexOf("\n" + h + "\n");
            assertTrue(next > at, h + " in order in report.md");
            at = next;
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("cradle-report/1", json.get("format").asText());
        // the deterministic total of each covered indicator: report.md's table prints results.json's value
        Map<String, Double> deterministic = new HashMap<>();
        for (JsonNode row : json.get("deterministic").get("impacts")) {
            if (row.get("value").isNull()) {
                continue;
            }
            String key = row.get("indicator").asText();
            double v = row.get("value").asDouble();
            deterministic.put(key, v);
            String line = tableRow(md, key);
            assertTrue(line.startsWith("| " + md(key) + " | " + md(row.get("unit").asText()) + " | " + Numbers.format(v)
                    + " |"), "report.md prints " + key + " = " + Numbers.format(v) + ": " + line);
        }
        assertFalse(deterministic.isEmpty(), "at least one indicator is covered");
        // the tidy table loads with its eight columns; its deterministic rows are results.json's numbers
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out.resolve("report.csv")))).getRecords();
        assertEquals(List.of("scenario", "functional_unit", "indicator", "unit", "basis", "coverage", "statistic",
                "value"), rows.get(0).getParser().getHeaderNames());
        String primary = json.get("deterministic").get("functional_unit").get("id") == null
                ? rows.get(0).get("functional_unit") : json.get("deterministic").get("functional_unit").get("id").asText();
        Map<String, Map<String, Double>> mc = new HashMap<>();
        for (CSVRecord c : rows) {
            if (!c.get("functional_unit").equals(primary) || !c.get("basis").equals("location")
                    || c.get("value").isEmpty()) {
                continue;
            }
            if (c.get("statistic").equals("deterministic")) {
                assertEquals(deterministic.get(c.get("indicator")), Double.parseDouble(c.get("value")), 0.0,
                        c.toString());
            } else {
                mc.computeIfAbsent(c.get("indicator"), k -> new HashMap<>()).put(c.get("statistic"),
                        Double.parseDouble(c.get("value")));
            }
        }
        boolean uncertain = json.get("analysis").get("uncertain").asBoolean();
        if (uncertain) {
            assertFalse(mc.isEmpty(), "Monte Carlo statistics are in report.csv");
            for (Map.Entry<String, Map<String, Double>> e : mc.entrySet()) {
                double mean = e.getValue().get("mean");
                // the interval report.md prints for this indicator, rounded to four digits: the mean lies in it
                String[] cells = tableRow(md, e.getKey()).split(" \\| ");
                String interval = cells[cells.length - 2];
                String[] ends = interval.split(" to ");
                double lo = printed(ends[0]);
                double hi = printed(ends[1]);
                double slack = 5e-4 * Math.max(Math.abs(lo), Math.abs(hi));
                assertTrue(lo - slack <= mean && mean <= hi + slack, e.getKey() + ": mean " + mean + " in " + interval);
                assertTrue(e.getValue().get("p2.5") <= e.getValue().get("median")
                        && e.getValue().get("median") <= e.getValue().get("p97.5"), e.toString());
                assertEquals(512.0, e.getValue().get("draws"), 0.0);
            }
        } else {
            assertTrue(md.contains("gives no distributions"), "a report without distributions says so");
        }
        // the statement names each datacenter's PUE and region as the scenario file writes them
        String statement = Files.readString(out.resolve("statement.md"));
        JsonNode yaml = new YAMLMapper().readTree(example.toFile());
        if (yaml.has("datacenters")) {
            for (JsonNode dc : yaml.get("datacenters")) {
                if (dc.has("pue") && dc.get("pue").isNumber()) {
                    assertTrue(statement.contains("PUE " + Numbers.format(dc.get("pue").asDouble())),
                            "PUE of " + dc.get("id") + " in " + statement);
                }
                for (String key : List.of("country", "region", "grid")) {
                    if (dc.has(key) && dc.get(key).isTextual()) {
                        assertTrue(statement.contains(md(dc.get(key).asText())), key + " of " + dc.get("id") + " in "
                                + statement);
                    }
                }
            }
        }
        String tex = Files.readString(out.resolve("statement.tex"));
        for (String line : tex.split("\n")) {
            if (!line.startsWith("%")) {
                String text = line.replace("$\\times$", "").replace("$\\geq$", "").replace("$\\leq$", "");
                assertFalse(text.matches(".*(?<!\\\\)[_%&#$].*"), "LaTeX special characters escaped: " + line);
            }
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.trim().endsWith("</html>"));
        assertTrue(html.contains("<svg") || !md.contains("(chart in report.html)"), "figures are inline SVG");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "self-contained: no external file");
    }

    /** The impact table's row for an indicator in report.md. */
    private static String tableRow(String md, String key) {
        int section = md.indexOf("## 3 Life cycle impact assessment");
        for (String line : md.substring(section).split("\n")) {
            if (line.startsWith("| " + md(key) + " |")) {
                return line;
            }
        }
        throw new AssertionError("no row for " + key + " in report.md's impact table");
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("_", "\\_").replace("*", "\\*").replace("|", "\\|");
    }

    /**
     * A study on country grids says where its electricity's other categories come from: Montreal's CA-QC and Tallinn's
     * EE take Canada's and Estonia's generation mixes (owid-electricity-mix-by-country, both 2023 in the bundled
     * extract), while climate change stays each grid's own intensity.
     */
    @Test
    void theStatementNamesTheGenerationMixesOfCountryGrids() throws Exception {
        Path out = dir.resolve("quebec");
        Run r = report(Path.of("examples/quebec-vs-estonia.yaml"), out);
        assertEquals(0, r.code(), r.err());
        String statement = Files.readString(out.resolve("statement.md"));
        assertTrue(statement.contains("from the generation mix of Canada 2023, Estonia 2023 (Our World in Data, CC BY 4.0)"),
                statement);
        // a generic study naming grid:FR as a provider takes the grid process alone (climate only): no mix to name
        Path lib = dir.resolve("library");
        assertEquals(0, report(Path.of("examples/library-fine-tuning.yaml"), lib).code());
        assertFalse(Files.readString(lib.resolve("statement.md")).contains("generation mix of"));
    }

    /**
     * An indicator no data covers is unknown, not zero, in every table: the BLOOM example's datacenter declares no
     * off-site water, so water consumption is not covered; its contributions.csv values are empty (they read 0.0) and
     * sensitivity.csv has no rows for it (the tornado read 0.0 at both ends).
     */
    @Test
    void anIndicatorNoDataCoversIsEmptyInEveryTable() throws Exception {
        Path out = dir.resolve("bloom");
        Run r = report(Path.of("examples/analysis/bloom-training-uncertain.yaml"), out);
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> contributions = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out.resolve("contributions.csv")))).getRecords();
        List<CSVRecord> unknown = contributions.stream().filter(c -> c.get("coverage").equals("not covered")).toList();
        assertFalse(unknown.isEmpty(), "the example has an indicator no data covers");
        assertTrue(unknown.stream().allMatch(c -> c.get("value").isEmpty()), unknown.toString());
        assertTrue(contributions.stream().anyMatch(c -> c.get("coverage").equals("complete") && !c.get("value").isEmpty()));
        List<CSVRecord> sens = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out.resolve("sensitivity.csv")))).getRecords();
        assertFalse(sens.isEmpty());
        assertTrue(sens.stream().noneMatch(c -> c.get("coverage").equals("not covered")));
        java.util.Set<String> uncovered = unknown.stream().map(c -> c.get("indicator")).collect(java.util.stream.Collectors.toSet());
        assertTrue(sens.stream().noneMatch(c -> uncovered.contains(c.get("indicator").split("\\|")[0])), uncovered.toString());
    }

    /** The worked example with distributions: the report says how sure the result is and which input matters most. */
    @Test
    void anExampleWithDistributionsSaysHowSureAndWhichInputMatters() throws Exception {
        Path out = dir.resolve("library");
        Run r = report(Path.of("examples/library-fine-tuning.yaml"), out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("95 % interval"), r.out());
        String md = Files.readString(out.resolve("report.md"));
        // GPU power (triangular 250-400 W) drives the electricity, two thirds of the climate total, and the building
        // share; PUE (PERT 1.1-1.5) only the electricity; the water use effectiveness does not enter climate change at
        // all. So GPU power leads the tornado and the Sobol indices, and the WUE's total index is zero.
        assertTrue(md.contains("climate\\_change: 18.1 kg CO2-eq, of which use 67.5%; the input that moves it most is "
                + "gpu\\_power\\_w"), md);
        // 18.1 kg lies above its 95 % interval: the GPU power's value 400 W is the max of triangular(250, 400, 400) and
        // the library's A100 embodied and building figures sit at the top of their ranges; the statement says so
        String statement = Files.readString(out.resolve("statement.md"));
        assertTrue(statement.contains("the result at the central values lies above this interval because some central "
                + "values sit at an end of their distributions"), statement);
        assertTrue(md.contains("water\\_consumption: 0.04608 m3, of which use 100.0%; the input that moves it most is "
                + "wue\\_l\\_per\\_kwh"), md);
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode total = json.get("analysis").get("outputs").get(0);
        assertEquals("total", total.get("breakdown").asText());
        JsonNode sobol = total.get("sobol").get("indices");
        String top = null;
        double best = -1;
        for (JsonNode i : sobol) {
            if (i.get("total").asDouble() > best) {
                best = i.get("total").asDouble();
                top = i.get("parameter").asText();
            }
        }
        assertEquals("gpu_power_w", top);
        for (JsonNode i : sobol) {
            if (i.get("parameter").asText().equals("wue_l_per_kwh")) {
                assertEquals(0.0, i.get("total").asDouble(), 1e-12, "WUE does not move climate change");
            }
        }
        String html = Files.readString(out.resolve("report.html"));
        for (String chart : List.of("Distribution of", "Convergence of the mean", "One at a time", "Sobol indices",
                "by stage")) {
            assertTrue(html.contains(chart), chart + " chart in report.html");
        }
        // tidy sensitivity table: one row per output, analysis, parameter and statistic
        List<CSVRecord> sens = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out.resolve("sensitivity.csv")))).getRecords();
        assertTrue(sens.stream().anyMatch(c -> c.get("analysis").equals("sobol") && c.get("parameter")
                .equals("gpu_power_w") && c.get("statistic").equals("total")));
    }

    @Test
    void theSameSeedRepeatsTheReport() throws Exception {
        Path example = Path.of("examples/library-fine-tuning.yaml");
        assertEquals(0, report(example, dir.resolve("a"), "--seed", "7").code());
        assertEquals(0, report(example, dir.resolve("b"), "--seed", "7", "--threads", "1").code());
        assertEquals(Files.readString(dir.resolve("a/report.csv")), Files.readString(dir.resolve("b/report.csv")));
        assertEquals(Files.readString(dir.resolve("a/report.md")), Files.readString(dir.resolve("b/report.md")));
    }

    @Test
    void badOptionsAreExit2WithAClearMessageAndNothingWritten() {
        Path example = Path.of("examples/generic-training-run.yaml");
        Path out = dir.resolve("never");
        Map<String[], String> cases = new java.util.LinkedHashMap<>();
        cases.put(new String[] {"--draws", "0"}, "--draws must be between 1 and 100,000,000, got 0");
        cases.put(new String[] {"--draws", "many"}, "--draws");
        cases.put(new String[] {"--sobol-n", "1"}, "--sobol-n must be between 2 and 1,048,576, got 1");
        cases.put(new String[] {"--analyses", "mc,bootstrap"}, "unknown analysis 'bootstrap'; choose from mc, tornado, morris, sobol");
        cases.put(new String[] {"--morris-r", "1"}, "--morris-r must be between 2 and 10,000, got 1");
        cases.put(new String[] {"--raw-draws", dir.resolve("no/such/folder/draws.csv").toString()}, "does not exist");
        for (Map.Entry<String[], String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("report", example.toString(), "--out", out.toString()));
            args.addAll(List.of(c.getKey()));
            Run r = cradle(args.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", c.getKey()) + ": " + r.err());
            assertTrue(r.err().contains(c.getValue()), r.err());
            assertTrue(Files.notExists(out), "nothing written");
        }
    }

    /** A distribution with impossible parameters is bad input at its position, through {@code report}. */
    @Test
    void aBadDistributionIsExit2AtItsPosition() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        String text = Files.readString(Path.of("examples/library-fine-tuning.yaml"))
                .replace("{distribution: pert, min: 1.1, mode: 1.2, max: 1.5}", "{distribution: pert, min: 1.5, mode: 1.2, max: 1.1}");
        Files.writeString(bad, text);
        int line = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("min: 1.5, mode: 1.2, max: 1.1")) {
                line = i + 1;
            }
        }
        Run r = report(bad, dir.resolve("out"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(bad + ":" + line + ":"), "names the file and the line of the distribution: " + r.err());
        assertTrue(r.err().contains("min") && r.err().contains("max"), r.err());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    /** User text reaches HTML, SVG, Markdown and LaTeX escaped. */
    @Test
    void userTextIsEscapedInEveryFormat() throws Exception {
        Path odd = dir.resolve("odd.yaml");
        Files.writeString(odd, Files.readString(Path.of("examples/library-fine-tuning.yaml")).replace(
                "name: Library example - fine-tuning on 8 x A100 80GB in France",
                "name: \"<script>alert(1)</script> R&D 100% $cost #1 {x} ~a^b_c\""));
        Path out = dir.resolve("out");
        assertEquals(0, report(odd, out).code());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script>"), "no markup from the scenario");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D 100% $cost"));
        String tex = Files.readString(out.resolve("statement.tex"));
        assertTrue(tex.contains("R\\&D 100\\% \\$cost \\#1 \\{x\\} \\textasciitilde{}a\\textasciicircum{}b\\_c"), tex);
        String md = Files.readString(out.resolve("statement.md"));
        assertTrue(md.contains("\\<script\\>"), md);
    }
}
