package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad {@code functional_units}: each problem at its line and column, exit code 2, no stack trace, nothing written. */
class FunctionalUnitsErrorsTest {
    @TempDir
    Path dir;

    private static final String AI = """
            name: units
            datacenters:
              - {id: dc, grid_intensity: 400 g/kWh}
            hardware:
              - {id: gpus, datacenter: dc, count: 2, lifetime: 5 years, embodied: {climate_change: 100}}
            models:
              - {id: m}
            workloads:
              - {id: serve, model: m, phase: inference, hardware: gpus, device_hours: 10, power: 300 W, queries: 1000}
            """;

    private Cli run(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        Cli cli = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("\tat "), cli.err());
        if (cli.code() != 0) {
            assertFalse(Files.exists(dir.resolve("out")), "nothing is written for bad input");
        }
        return cli;
    }

    @Test
    void aListOfUnitsRuns() throws Exception {
        // 10 device-h × 300 W = 3 kWh × 0.4 kg/kWh = 1.2 kg; embodied 100 kg / 43,800 h × 10 = 0.0228311 kg
        Cli cli = run(AI + "functional_units:\n  - {kind: query, model: m}\n  - {kind: study}\n");
        assertEquals(0, cli.code(), cli.err());
        double study = 1.2 + 100.0 / 43800 * 10;
        String json = Files.readString(dir.resolve("out/results.json"));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("query:m", tree.get("functional_unit").get("id").asText(), "the first unit is primary");
        assertEquals(study / 1000, tree.get("impacts").get(0).get("value").asDouble(), study / 1000 * 1e-12);
        assertEquals(study, tree.get("functional_units").get(1).get("impacts").get(0).get("value").asDouble(), study * 1e-12);
    }

    @Test
    void bothKeysAreRefused() throws Exception {
        Cli cli = run(AI + "functional_unit: {kind: study}\nfunctional_units:\n  - {kind: study}\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:10:18: the scenario has both 'functional_unit' and 'functional_units'"),
                cli.err());
    }

    @Test
    void twoUnitsWithTheSameIdAreRefused() throws Exception {
        Cli cli = run(AI + "functional_units:\n  - {kind: query, model: m}\n  - {kind: query, model: m, amount: 1000}\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:12:5: functional unit 'query:m' is listed twice; give each unit of the same "
                + "kind and model its own 'id'"), cli.err());
        assertEquals(0, run(AI + "functional_units:\n  - {kind: query, model: m}\n"
                + "  - {id: per-1000-queries, kind: query, model: m, amount: 1000}\n").code());
    }

    @Test
    void anItemWithoutKindAnEmptyListAndAMisspeltKeyAreRefused() throws Exception {
        Cli cli = run(AI + "functional_units:\n  - {flow: x}\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:11:5: each item of 'functional_units' needs 'kind'"), cli.err());
        cli = run(AI + "functional_units: []\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("'functional_units' is empty"), cli.err());
        cli = run(AI + "functional_units:\n  - {kind: query, modle: m}\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:11:19: unknown key 'modle' in functional unit; did you mean 'model'?"), cli.err());
    }

    @Test
    void theSchemaAgrees() throws Exception {
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                .getSchema(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SchemaAgreementTest.SCHEMA.toFile()));
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        assertTrue(schema.validate(yaml.readTree(AI + "functional_units:\n  - {id: q, kind: query, model: m}\n")).isEmpty());
        assertFalse(schema.validate(yaml.readTree(AI + "functional_units:\n  - {model: m}\n")).isEmpty(), "kind is required");
        assertFalse(schema.validate(yaml.readTree(AI + "functional_units: []\n")).isEmpty(), "at least one unit");
    }

    @Test
    void aUnitTheStudyCannotDeliverIsReportedAtItsItem() throws Exception {
        Cli cli = run(AI + "functional_units:\n  - {kind: study}\n  - {kind: trained_model, model: m}\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:12:5: model 'm' has no data or training workload to train it"), cli.err());
    }

    @Test
    void aScenarioWithoutAiDeclarationsTakesOneFunctionalUnit() throws Exception {
        String generic = """
                name: generic
                flows:
                  - {id: p, type: product, unit: item}
                processes:
                  - {id: make, outputs: [{flow: p, amount: 1}]}
                functional_units:
                  - {kind: study}
                """;
        Cli cli = run(generic);
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:7:3: 'functional_units' lists the functional units of an AI study"), cli.err());
        cli = run(generic.replace("functional_units:\n  - {kind: study}\n", "functional_unit: {flow: p, amount: 1, id: x}\n"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("'id' names one of an AI study's functional units"), cli.err());
    }
}
