package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: each problem at its line and column, all at once, exit code 2, no stack trace, no output. */
class ScenarioErrorsTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            name: errors
            flows:
              - {id: kwh, type: product, unit: kWh}
              - {id: model, type: product, unit: item}
              - {id: co2, type: elementary, compartment: air, unit: kg}
            parameters:
              - {name: hours, value: 10}
            processes:
              - id: train
                stage: use
                outputs:
                  - {flow: model, amount: 1}
                inputs:
                  - {flow: kwh, formula: "hours * 2", unit: kWh}
              - id: grid
                stage: use
                outputs:
                  - {flow: kwh, amount: 1}
                  - {flow: co2, amount: 0.4 kg}
            functional_unit: {flow: model, amount: 1}
            """;

    private Cli validate(String yaml) throws Exception {
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
    void theBaseFileIsValid() throws Exception {
        assertEquals(0, validate(BASE).code());
    }

    @Test
    void misspeltKeyGetsASuggestionAtItsPosition() throws Exception {
        Cli cli = validate(BASE.replace("    stage: use\n    outputs:\n      - {flow: model",
                "    stgae: use\n    outputs:\n      - {flow: model"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:10:5: unknown key 'stgae' in process; did you mean 'stage'?"), cli.err());
        // and the missing stage is reported too, in the same run
        assertTrue(cli.err().contains("s.yaml:9:5: process 'train' needs 'stage'"), cli.err());
    }

    @Test
    void duplicateKeysAreReportedWithBothPositions() throws Exception {
        Cli cli = validate(BASE.replace("name: errors\n", "name: errors\nname: again\n"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:2:1: duplicate key 'name' (first written at line 1, column 1)"), cli.err());
    }

    @Test
    void anchorsAndAliasesAreRefused() throws Exception {
        String bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n";
        Cli cli = validate(bomb);
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("anchors (&name) are not allowed"), cli.err());
    }

    @Test
    void absurdNestingIsRefused() throws Exception {
        Cli cli = validate("a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("nests"), cli.err());
    }

    @Test
    void oversizeFilesAreRefused() throws Exception {
        Cli cli = validate("# " + "x".repeat(5 * 1024 * 1024) + "\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("limited to 4194304 bytes"), cli.err());
    }

    @Test
    void syntaxErrorsHaveAPosition() throws Exception {
        Cli cli = validate("name: [unclosed\nflows: x\n");
        assertEquals(2, cli.code());
        assertTrue(cli.err().matches("(?s).*s\\.yaml:\\d+:\\d+: not valid YAML: .*"), cli.err());
    }

    @Test
    void unitOfTheWrongDimensionIsAnErrorAtTheExchange() throws Exception {
        Cli cli = validate(BASE.replace("{flow: co2, amount: 0.4 kg}", "{flow: co2, amount: 0.4 kWh}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:19:9: the amount is in kWh (energy) but flow 'co2' is measured in kg (mass)"),
                cli.err());
    }

    @Test
    void formulaErrorsPointAtTheCharacter() throws Exception {
        Cli cli = validate(BASE.replace("\"hours * 2\"", "\"hours * horus\""));
        assertEquals(2, cli.code());
        // line 14: `      - {flow: kwh, formula: "hours * horus", unit: kWh}`; the quote is at column 30, so 'horus' starts at column 31 + 8 = 39
        assertTrue(cli.err().contains("s.yaml:14:39: unknown parameter 'horus'; did you mean 'hours'?"), cli.err());
    }

    @Test
    void unknownFlowsAndUnitsAreSuggested() throws Exception {
        Cli cli = validate(BASE.replace("{flow: kwh, amount: 1}", "{flow: kwhh, amount: 1 kwh}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("unknown flow 'kwhh'; did you mean 'kwh'?"), cli.err());
        assertTrue(cli.err().contains("unknown unit 'kwh'; did you mean 'kWh'?"), cli.err());
        assertTrue(cli.err().contains("2 problems; nothing was calculated."), cli.err());
    }

    @Test
    void missingProviderIsNamed() throws Exception {
        Cli cli = validate(BASE.replace("- {flow: kwh, amount: 1}\n", "- {flow: co2, amount: 1}\n")
                .replace("      - {flow: co2, amount: 0.4 kg}\n", ""));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:14:9: no process provides 'kwh' needed by process 'train'"), cli.err());
    }
}
