package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleScenarioTest {
    static final Path EXAMPLE = Path.of("examples/generic-training-run.yaml");

    /**
     * By hand, from the example's own inputs:
     * electricity = 8 GPUs × 400 W × 72 h / 1000 × PUE 1.2 = 276.48 kWh, × 57 g = 15.75936 kg CO2;
     * server share = 72 h / (6 × 8760 h × 0.85) = 72 / 44,676; server burden = 300 (materials)
     * + 2,100 (manufacturing) + 1.5 kg CH4 × 29.8 = 44.7 + 60 kg × 12,000 km = 720 t·km × 0.1 = 72
     * (freight) + 60 kg e-waste × 0.4 = 24 → 2,540.7 kg CO2-eq; × 72/44,676 = 4.094601… kg.
     */
    @Test
    void genericExampleMatchesTheHandCalculation() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE);
        LcaResult r = Cradle.calculator().calculate(s.compiled());
        double electricity = 276.48 * 0.057;
        double embodied = (300 + 2100 + 1.5 * 29.8 + 720 * 0.1 + 60 * 0.4) * 72 / 44676;
        assertEquals(electricity + embodied, r.impact("gwp100"), 1e-9);
        // water: 276.48 kWh × 3.7 L = 1,022.976 L = 1.022976 m3
        assertEquals(1.022976, r.impact("water"), 1e-12);
        assertEquals(electricity, r.byStage(0).values().get("use"), 1e-9);
        assertEquals(2100 * 72.0 / 44676 + 1.5 * 29.8 * 72 / 44676, r.byStage(0).values().get("manufacturing"), 1e-9);
    }

    @Test
    void runWritesJsonAndCsv(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("run", EXAMPLE.toString(), "--out", dir.toString());
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("Climate change (GWP100)"), cli.out());
        assertTrue(cli.out().contains("By life cycle stage"), cli.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("demo/gwp100", json.get("impacts").get(0).get("indicator").asText());
        double total = json.get("impacts").get(0).get("value").asDouble();
        double stages = 0;
        for (JsonNode v : json.get("contributions").get("by_stage").get("demo/gwp100")) {
            stages += v.asDouble();
        }
        assertEquals(total, stages, 1e-9);
        JsonNode root = json.get("upstream").get("demo/gwp100");
        assertEquals("fine_tuning", root.get("process").asText());
        assertEquals(total, root.get("total").asDouble(), 1e-9);
        double children = root.get("direct").asDouble() + (root.has("cut_off") ? root.get("cut_off").asDouble() : 0);
        for (JsonNode c : root.get("children")) {
            children += c.get("total").asDouble();
        }
        assertEquals(total, children, 1e-9, "the upstream tree adds up to the total");
        String csv = Files.readString(dir.resolve("results.csv"));
        assertTrue(csv.startsWith("indicator,unit,breakdown,group,value,share"), csv);
        assertTrue(csv.contains("demo/gwp100,kg CO2-eq,stage,manufacturing,"), csv);
        assertTrue(csv.contains("demo/gwp100,kg CO2-eq,process,grid_fr,"), csv);
        // no temporary files are left behind: the four result links, and one set behind them (ResultSetWriter)
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("results.json", "results.csv", "functional-units.csv", "parameters.csv", ".cradle"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        try (var files = Files.list(dir.resolve(".cradle"))) {
            var names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), names.toString());
            assertTrue(names.get(0).equals("current") && names.get(1).equals("lock") && names.get(2).startsWith("set-"),
                    names.toString());
        }
        try (var files = Files.list(dir.resolve(".cradle/current"))) {
            assertEquals(4, files.count(), "the set holds exactly the four result files");
        }
    }

    @Test
    void validateDoesNotWriteAnything(@TempDir Path dir) {
        Cli cli = Cli.run("validate", EXAMPLE.toString());
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("valid (6 processes"), cli.out());
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"validate", "--help"}}) {
            Cli cli = Cli.run(args);
            assertEquals(0, cli.code(), String.join(" ", args));
            assertTrue(cli.out().contains("Usage: cradle"), cli.out());
        }
    }

    @Test
    void wrongCommandLineIsBadInput() {
        assertEquals(2, Cli.run("frobnicate").code());
        assertEquals(2, Cli.run("run").code());
        assertEquals(2, Cli.run("run", EXAMPLE.toString(), "--bogus").code());
        Cli missing = Cli.run("run", "no/such/file.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no/such/file.yaml:1:1: cannot read the file: no such file"), missing.err());
    }
}
