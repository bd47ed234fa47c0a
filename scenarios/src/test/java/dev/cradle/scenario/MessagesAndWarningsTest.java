package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages name the real cause at its line and column, with what would be right; silent traps get a
 * warning that is printed, stored in results.json and shown by explain; uncovered results are empty,
 * never 0. The base is the bundled example two-models-shared-cluster.yaml.
 */
class MessagesAndWarningsTest {
    @TempDir
    Path dir;

    private Cli cli(String yaml, String... command) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        String[] args = new String[command.length + 1];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = f.toString();
        Cli c = Cli.run(args);
        assertFalse(c.err().contains("Exception") || c.err().contains("internal error"), c.err());
        return c;
    }

    private Cli validate(String yaml) throws Exception {
        return cli(yaml, "validate");
    }

    private static String base() throws Exception {
        return Files.readString(NumericDomainsTest.EXAMPLE);
    }

    @Test
    void aUnitInTheWrongCaseGetsTheRightCase() throws Exception {
        Cli c = validate(base().replace("power: 400 W", "power: 60 w"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:37:12: 'power' of hardware 'a100-cluster': unknown unit 'w'; did you mean "
                + "'W'? (units are case-sensitive)"), c.err());
    }

    @Test
    void archetypeSuggestionsPreferTheSameFamily() throws Exception {
        Cli c = validate(base().replace("archetype: nvidia-a100-80gb", "archetype: nvidia-a100"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:32:16: unknown device archetype 'nvidia-a100'; did you mean "
                + "'nvidia-a100-40gb' or 'nvidia-a100-80gb' or 'nvidia-a100-pcie-40gb'?"), c.err());
    }

    @Test
    void twoWaysToKnowTheEnergyAreNamedAsSuch() throws Exception {
        Cli c = validate(base().replace("    device_hours: 10000",
                "    device_hours: 10000\n    flops: {total: 1e20, peak_per_device: 1e14, utilisation: 0.4}"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:73:5: workload 'code-training' gives two ways to know its energy "
                + "('device_hours', 'flops'); keep one of them"), c.err());
        assertFalse(c.err().contains("needs one way"), c.err());
    }

    @Test
    void aDeclarationWithAProblemElsewhereIsNotReportedAsUndeclared() throws Exception {
        // the misspelt key makes the datacenter invalid; the hardware that names it must not say "not declared"
        Cli c = validate(base().replace("    pue: 1.11", "    peu: 1.11"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:20:5: unknown key 'peu' in datacenter; did you mean 'pue'?"), c.err());
        assertFalse(c.err().contains("not declared"), c.err());
        assertEquals(1, c.err().lines().filter(l -> l.contains("s.yaml:")).count(), c.err());
    }

    @Test
    void aDuplicateInfrastructureIdIsReportedAtTheId() throws Exception {
        Cli c = validate(base().replace("{id: cooling,", "{id: building,"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:27:14: infrastructure id 'building' is used twice in datacenter 'dc-iowa'"),
                c.err());
    }

    @Test
    void aTabIsReportedWhereItIs() throws Exception {
        Cli c = validate(base().replace("    pue: 1.11", "\tpue: 1.11"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:20:1: a tab character is not allowed here"), c.err());
    }

    @Test
    void aControlCharacterIsReportedWhereItIs() throws Exception {
        Cli c = validate(base().replace("name: Code model, 3B parameters", "name: \"Code \u0007 model\""));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:51:17: control character U+0007 is not allowed"), c.err());
    }

    @Test
    void anAnchorOnAPlainValueIsRefusedAtItsPosition() throws Exception {
        Cli c = validate(base().replace("pue: 1.11", "pue: &h 1.11"));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:20:10: YAML anchors (&name) are not allowed"), c.err());
        // an ampersand inside a value is no anchor
        Cli ok = validate(base().replace("name: Code model, 3B parameters", "name: R&D model & co"));
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void longValuesAreShortened() throws Exception {
        String longId = "z".repeat(1_000_000);
        Cli c = validate(base().replace("model: code-3b", "model: " + longId));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("'" + "z".repeat(60) + "… (1000000 characters)'"), c.err());
        assertTrue(c.err().length() < 2_000, "the value is not echoed whole: " + c.err().length() + " characters");
    }

    @Test
    void aMillionCharacterNameIsRefusedShortly() throws Exception {
        Cli c = validate(base().replace("name: Code model, 3B parameters", "name: " + "x".repeat(1_000_000)));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:51:11: 'name' is 1000000 characters long; names are limited to 1000 characters"),
                c.err());
        assertTrue(c.err().length() < 1_000, c.err());
    }

    @Test
    void downstreamTasksOnTheFineTunedModelIsAnError() throws Exception {
        String yaml = base().replace("  - id: code-3b\n    name: Code model, 3B parameters\n",
                "  - id: code-3b\n    name: Code model, 3B parameters\n    derived_from: chat-7b\n    downstream_tasks: 10\n");
        Cli c = validate(yaml);
        assertEquals(2, c.code());
        assertTrue(c.err().contains("s.yaml:53:5: 'downstream_tasks' belongs on the base model 'chat-7b'"), c.err());
    }

    @Test
    void warningsArePrintedStoredAndExplained() throws Exception {
        // an embodied figure of 0 is probably a placeholder; downstream_tasks on a model nobody derives from does nothing
        String yaml = base().replace("    archetype: nvidia-a100-80gb\n", "    embodied: {climate_change: 0 kg}\n")
                .replace("    service_life: 1 year\n", "    service_life: 1 year\n    downstream_tasks: 4\n");
        Path out = dir.resolve("out");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        Cli run = Cli.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("s.yaml:32:32: warning: 'climate_change' embodied of hardware 'a100-cluster' is 0"),
                run.err());
        assertTrue(run.err().contains("s.yaml:50:5: warning: 'downstream_tasks' of model 'chat-7b' has no effect"),
                run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode warnings = json.get("warnings");
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(32, warnings.get(0).get("line").asInt());
        assertEquals(32, warnings.get(0).get("column").asInt());
        assertTrue(warnings.get(0).get("message").asText().contains("placeholder"), warnings.toString());
        Cli explain = Cli.run("explain", f.toString());
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().startsWith("Warnings\n"), explain.out());
        assertTrue(explain.out().contains("s.yaml:50:5: 'downstream_tasks' of model 'chat-7b' has no effect"),
                explain.out());
        Cli validate = Cli.run("validate", f.toString());
        assertEquals(0, validate.code());
        assertTrue(validate.err().contains("warning: 'climate_change' embodied"), validate.err());
    }

    @Test
    void aDeviceDrawingItsTdpIsWarnedAbout() throws Exception {
        // the A100 80GB archetype has a TDP (400 W) but no measured average power in the library (checked below)
        String yaml = base().replace("    power: 400 W\n", "");
        assertTrue(dev.cradle.factors.FactorLibrary.bundled().devicePower("nvidia-a100-80gb").map(p -> Double.isNaN(p.averageW()))
                .orElse(false), "the library has no average power for the A100 80GB");
        Cli c = validate(yaml);
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("s.yaml:67:5: warning: workload 'code-training' has no 'power' (nor has hardware "
                + "'a100-cluster'), so its devices draw the TDP of nvidia-a100-80gb, 400 W"), c.err());
    }

    @Test
    void anIndicatorNoDataCoversIsUnknownNotZero() throws Exception {
        // declared embodied climate change and an explicit grid intensity cover climate change only
        String yaml = """
                datacenters:
                  - {id: dc, grid_intensity: 400 g/kWh}
                hardware:
                  - {id: gpus, datacenter: dc, embodied: {climate_change: 150 kg}, lifetime: 5 years, power: 300 W}
                models:
                  - {id: m}
                workloads:
                  - {id: w, model: m, phase: training, hardware: gpus, device_hours: 1000}
                """;
        Path out = dir.resolve("out");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        Cli run = Cli.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        java.util.List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        // 1000 device-h × 300 W = 300 kWh × 0.4 kg/kWh = 120 kg; 150 kg × 1000 h / (5 × 8760 h) = 3.42466 kg
        String climate = rows.stream().filter(r -> r.startsWith("ipcc-ar6-gwp100/climate_change,kg CO2-eq,total,"))
                .findFirst().orElseThrow();
        assertEquals(123.42466, Double.parseDouble(climate.split(",")[4]), 1e-4);
        assertTrue(climate.endsWith(",complete"), climate);
        assertTrue(rows.contains("aware-2.0/water_scarcity,m3 world-eq,total,,,,not covered"), String.join("\n", rows));
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        for (JsonNode row : json.get("impacts")) {
            if (row.get("indicator").asText().equals("aware-2.0/water_scarcity")) {
                assertTrue(row.get("value").isNull(), row.toString());
                assertEquals("not covered", row.get("coverage").asText());
            }
        }
        JsonNode gpus = json.get("contributions").get("by_process").get("aware-2.0/water_scarcity");
        assertTrue(gpus.get("workload:w/gpus/manufacturing").isNull(), gpus.toString());
        assertTrue(run.out().matches("(?s).*Water scarcity \\(AWARE 2\\.0\\)\\s+unknown\\s+m3 world-eq\\s+not covered.*"),
                run.out());
    }

    @Test
    void uncoveredResultsAreEmptyWithACoverageColumn() throws Exception {
        Path out = dir.resolve("out");
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, base());
        assertEquals(0, Cli.run("run", f.toString(), "--out", out.toString()).code());
        java.util.List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("indicator,unit,breakdown,group,value,share,coverage", rows.get(0));
        // the GPUs' manufacturing data (archetype) do not cover water consumption: unknown, not 0
        String gpuWater = rows.stream().filter(r -> r.startsWith("water-consumption/water_consumption,m3,process,"
                + "workload:code-training/a100-cluster/manufacturing,")).findFirst().orElseThrow();
        assertTrue(gpuWater.endsWith(",,,not covered"), gpuWater);
        assertTrue(rows.stream().noneMatch(r -> r.endsWith(",not covered") && !r.endsWith(",,,not covered")),
                "every uncovered row has an empty value and share");
        assertTrue(rows.stream().filter(r -> r.contains(",total,")).allMatch(r -> r.endsWith(",complete")
                || r.endsWith(",partial") || r.endsWith(",,,not covered")), "every total row says its coverage");
    }
}
