package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a careless analyst wrote in the stop-19 review, each of which gave a silent wrong number or an internal
 * error: each is now bad input (exit 2) at its position, with what would be right, and nothing is written.
 */
class CarelessAnalystTest {
    @TempDir
    Path dir;

    /** A one-process study: 10 kg CO2 per unit of x (or a given exchange), one widget as the functional unit. */
    private static final String HEAD = """
            cradle: 1
            name: careless
            %s
            parameters:
              - %s
            flows:
              - {id: widget, name: Widget, type: product, unit: item}
            processes:
              - id: make
                name: Make widget
                stage: use
                outputs:
                  - {flow: widget, amount: 1}
                  - %s
            functional_unit: {flow: widget, amount: 1}
            """;

    private Cli refused(String command, String methods, String parameter, String exchange) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, HEAD.formatted(methods, parameter, exchange));
        Path out = dir.resolve("out");
        Cli cli = command.equals("validate") ? Cli.run(command, f.toString())
                : Cli.run(command, f.toString(), "--out", out.toString());
        assertEquals(2, cli.code(), cli.out() + cli.err());
        assertFalse(cli.err().contains("internal error") || cli.err().contains("\tat "), cli.err());
        assertFalse(Files.exists(out), "nothing is written for bad input");
        return cli;
    }

    private static final String M = "methods: [ipcc-ar6-gwp100]";
    private static final String X = "{name: x, value: 2, uncertainty: {distribution: uniform, min: 1, max: 3}}";
    private static final String CO2 = "{flow: co2_fossil, formula: \"x * 10\", unit: kg}";

    @Test
    void aDistributionInAnotherUnitThanItsValueIsRefused() throws Exception {
        // value 0.4 kW with uniform(300, 400): the draws are 300 to 400 kW, a thousand times the value (the Monte
        // Carlo mean was 168,000 against a result of 196)
        Cli cli = refused("report", M, "{name: x, value: 0.4 kW, uncertainty: {distribution: uniform, min: 300, max: 400}}",
                "{flow: co2_fossil, formula: \"x * 10\", unit: kg}");
        assertTrue(cli.err().contains("s.yaml:5:43: the value 0.4 kW lies outside its distribution uniform(300.0, 400.0)"),
                cli.err());
        assertTrue(cli.err().contains("read in the value's own unit (kW)"), cli.err());
        // the same on an exchange amount written in t with a distribution in kg
        cli = refused("run", M, X, "{flow: co2_fossil, amount: 2 t, uncertainty: {distribution: uniform, min: 1500, max: 2500}}");
        assertTrue(cli.err().contains("the value 2 t lies outside its distribution uniform(1500.0, 2500.0)"), cli.err());
        // an unbounded distribution whose far tail holds the value: normal(350, 25) puts Phi(-13.98) ~ 1e-44 below 0.4
        cli = refused("validate", M, "{name: x, value: 0.4, uncertainty: {distribution: normal, mean: 350, sd: 25}}", CO2);
        assertTrue(cli.err().contains("lies in the far tail of its distribution"), cli.err());
    }

    @Test
    void aFormulaWithADistributionIsRefusedByEveryCommand() throws Exception {
        // 'report' stopped with an internal error (exit 1); 'run' and 'validate' accepted it
        for (String command : new String[] {"validate", "run", "report"}) {
            Cli cli = refused(command, M, "{name: x, formula: \"2 * 1\", uncertainty: {distribution: uniform, min: 1, max: 3}}",
                    CO2);
            assertTrue(cli.err().contains("parameter 'x' is a formula; a distribution goes on the parameters"),
                    command + ": " + cli.err());
        }
        // an exchange whose amount is a formula scales with the distribution, which describes the amount at the central
        // values: x + 3 = 5 there, outside uniform(1.5, 2.5) (result 5, Monte Carlo mean 2)
        Cli cli = refused("report", M, X,
                "{flow: co2_fossil, formula: \"x + 3\", unit: kg, uncertainty: {distribution: uniform, min: 1.5, max: 2.5}}");
        assertTrue(cli.err().contains("is a formula whose central value disagrees with its distribution")
                && cli.err().contains("the value 5 kg lies outside its distribution uniform(1.5, 2.5)"), cli.err());
    }

    @Test
    void reportAndCompareNeedAnImpactMethod() throws Exception {
        // without 'methods' the study is an inventory; 'report' and 'compare' stopped with an internal error
        Cli cli = refused("report", "", X, CO2);
        assertTrue(cli.err().contains("computes an inventory only") && cli.err().contains("methods: [ipcc-ar6-gwp100]"),
                cli.err());
        Path f = dir.resolve("s.yaml");
        Cli compare = Cli.run("compare", f.toString(), f.toString(), "--out", dir.resolve("cmp").toString());
        assertEquals(2, compare.code(), compare.err());
        assertFalse(Files.exists(dir.resolve("cmp")));
    }

    @Test
    void aDrawnGpuDieIsHeldToTheWafer() throws Exception {
        // triangular(600, 814, 20000) mm2: P(X > 8,624.61) = (20000 - 8624.61)^2 / ((20000 - 600)(20000 - 814))
        // = 129,399,498 / 372,208,400 = 0.347653; such draws gave a negative effective area (mean -84 t CO2-eq)
        Path f = dir.resolve("card.yaml");
        Files.writeString(f, """
                cradle: 1
                name: card
                parameters:
                  da: {value: 814, unit: mm2, uncertainty: {distribution: triangular, min: 600, mode: 814, max: 20000}}
                datacenters:
                  - {id: dc, grid: FR, pue: 1.2}
                hardware:
                  - id: g
                    datacenter: dc
                    lifetime: 3 years
                    power: 350 W
                    components:
                      - {type: gpu, die_area: da}
                models:
                  - {id: m}
                workloads:
                  - {id: w, model: m, phase: inference, hardware: g, device_hours: 1000}
                functional_unit: {kind: study}
                """);
        Cli cli = Cli.run("report", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, cli.code(), cli.err());
        assertTrue(cli.err().contains("p = 0.347653") && cli.err().contains("at most 8624.61 mm2"), cli.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
