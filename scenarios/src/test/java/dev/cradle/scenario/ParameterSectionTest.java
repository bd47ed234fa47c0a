package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.Amount;
import dev.cradle.model.Parameter;
import dev.cradle.model.Uncertainty;
import dev.cradle.scenario.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parameters section: both forms, units, formulas with a unit, every distribution, impossible ones refused. */
class ParameterSectionTest {
    @TempDir
    Path dir;

    private static final String BODY = """
            flows:
              - {id: kwh, type: product, unit: kWh}
              - {id: model, type: product, unit: item}
              - {id: co2, type: elementary, compartment: air, unit: kg}
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

    private Path write(String parameters) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: p\nparameters:\n" + parameters + BODY);
        return f;
    }

    private Map<String, Parameter> read(String parameters) throws Exception {
        return ScenarioReader.read(YamlReader.read(write(parameters))).parameters().stream()
                .collect(Collectors.toMap(Parameter::name, p -> p));
    }

    private Cli validate(String parameters) throws Exception {
        Cli cli = Cli.run("validate", write(parameters).toString());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("\tat "), cli.err());
        return cli;
    }

    @Test
    void theMapFormTakesNumbersQuantitiesAndFormulasWithAUnit() throws Exception {
        Map<String, Parameter> p = read("""
                  hours: 10
                  gpu_w: 400 W
                  days: 30
                  dh: days * 24 * gpus h
                  gpus: 8
                  ci: 57 g/kWh
                  pue: {value: 1.1, description: facility, uncertainty: {distribution: uniform, min: 1.05, max: 1.2}}
                """);
        assertEquals(new Parameter("gpu_w", Amount.of(400), "W", null, ""), p.get("gpu_w"));
        assertEquals(new Parameter("dh", Amount.formula("days * 24 * gpus"), "h", null, ""), p.get("dh"));
        assertEquals("g/kWh", p.get("ci").unit());
        assertEquals(new Uncertainty.Uniform(1.05, 1.2), p.get("pue").uncertainty());
        // a formula with a unit evaluates to its number: 30 × 24 × 8 = 5,760 (hours)
        assertEquals(5760, CentralValues.of(List.copyOf(p.values())).byName().get("dh"), 0);
        assertEquals(0, Cli.run("validate", dir.resolve("s.yaml").toString()).code());
    }

    @Test
    void theListFormKeepsWorkingAndTakesAQuantityValue() throws Exception {
        Map<String, Parameter> p = read("""
                  - {name: hours, value: 10, unit: h}
                  - {name: gpu_w, value: 0.4 kW}
                  - {name: dh, formula: "hours * 8", unit: h}
                  - {name: grid, value: 57, unit: g CO2e/kWh}
                """);
        assertEquals(new Parameter("gpu_w", Amount.of(0.4), "kW", null, ""), p.get("gpu_w"));
        assertEquals(new Parameter("dh", Amount.formula("hours * 8"), "h", null, ""), p.get("dh"));
        assertEquals("g CO2e/kWh", p.get("grid").unit(), "a unit Cradle does not know stays documentation");
        Cli both = validate("  - {name: hours, value: 10 h, unit: h}\n");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("s.yaml:3:26: the value of parameter 'hours' already has a unit ('10 h'); remove 'unit'"),
                both.err());
    }

    @Test
    void everyDistributionIsRead() throws Exception {
        Map<String, Parameter> p = read("""
                  hours: 10
                  a: {value: 1, uncertainty: {distribution: normal, mean: 1, sd: 0.1}}
                  b: {value: 57, uncertainty: {distribution: lognormal, geometric_mean: 57, geometric_sd: 1.3}}
                  c: {value: 10, uncertainty: {distribution: lognormal, mean: 10, sd: 2}}
                  d: {value: 2, uncertainty: {distribution: triangular, min: 1, mode: 2, max: 4}}
                  e: {value: 2, uncertainty: {distribution: pert, min: 1, mode: 2, max: 4}}
                  f: {value: 2, uncertainty: {distribution: discrete, values: [1, 2, 3], probabilities: [0.25, 0.5, 0.25]}}
                  g: {value: 2, uncertainty: {distribution: empirical, values: [1, 2, 3, 2]}}
                  h: {value: 2, uncertainty: {distribution: fixed, value: 2}}
                  i: {value: 2, uncertainty: {distribution: uniform, min: 1, max: 3}}
                """);
        assertEquals(new Uncertainty.Normal(1, 0.1), p.get("a").uncertainty());
        assertEquals(new Uncertainty.LogNormal(57, 1.3), p.get("b").uncertainty());
        // arithmetic mean 10, sd 2: σ² = ln(1 + 0.04) = 0.0392207, geometric mean = 10·e^(−σ²/2) = 9.805807,
        // geometric sd = e^σ = e^0.1980422 = 1.219014
        Uncertainty.LogNormal c = (Uncertainty.LogNormal) p.get("c").uncertainty();
        assertEquals(9.805807, c.geometricMean(), 1e-6);
        assertEquals(1.219014, c.geometricSd(), 1e-6);
        assertEquals(10, c.mean(), 1e-12);
        assertEquals(new Uncertainty.Triangular(1, 2, 4), p.get("d").uncertainty());
        // PERT mean (1 + 4·2 + 4) / 6 = 13/6
        assertEquals(13.0 / 6, ((Uncertainty.Pert) p.get("e").uncertainty()).mean(), 1e-15);
        assertEquals(new Uncertainty.Discrete(List.of(1.0, 2.0, 3.0), List.of(0.25, 0.5, 0.25)), p.get("f").uncertainty());
        // empirical: each of 4 values with probability 1/4; mean (1 + 2 + 3 + 2) / 4 = 2
        assertEquals(2, ((Uncertainty.Discrete) p.get("g").uncertainty()).mean(), 1e-15);
        assertEquals(new Uncertainty.Fixed(2), p.get("h").uncertainty());
        assertEquals(new Uncertainty.Uniform(1, 3), p.get("i").uncertainty());
    }

    @Test
    void impossibleDistributionsAreRefusedAtTheirPosition() throws Exception {
        String head = "  hours: 10\n";
        Cli minMax = validate(head + "  a: {value: 1, uncertainty: {distribution: uniform, min: 5, max: 1}}\n");
        assertEquals(2, minMax.code(), minMax.err());
        assertTrue(minMax.err().contains("s.yaml:4:30: uniform: min must be <= max; got min 5, max 1"), minMax.err());
        Cli sd = validate(head + "  a: {value: 1, uncertainty: {distribution: normal, mean: 1, sd: -0.1}}\n");
        assertEquals(2, sd.code(), sd.err());
        assertTrue(sd.err().contains("s.yaml:4:66: 'sd' is -0.1; it must be 0 or more"), sd.err());
        Cli sum = validate(head + "  a: {value: 1, uncertainty: {distribution: discrete, values: [1, 2], probabilities: [0.5, 0.4]}}\n");
        assertEquals(2, sum.code(), sum.err());
        assertTrue(sum.err().contains("s.yaml:4:30: discrete: the probabilities must sum to 1, not 0.9"), sum.err());
        Cli pert = validate(head + "  a: {value: 1, uncertainty: {distribution: pert, min: 1, mode: 1, max: 1}}\n");
        assertEquals(2, pert.code(), pert.err());
        assertTrue(pert.err().contains("pert: it needs min < max"), pert.err());
        Cli unknown = validate(head + "  a: {value: 1, uncertainty: {distribution: lognormall, mean: 1, sd: 1}}\n");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("unknown distribution 'lognormall'; did you mean 'lognormal'?"), unknown.err());
    }

    @Test
    void namesAreCheckedAndUnique() throws Exception {
        Cli twice = validate("  - {name: hours, value: 10}\n  - {name: hours, value: 11}\n");
        assertEquals(2, twice.code(), twice.err());
        assertTrue(twice.err().contains("s.yaml:4:12: parameter 'hours' is declared twice (first at line 3, column 12)"),
                twice.err());
        Cli bad = validate("  hours: 10\n  2x: 3\n");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("s.yaml:4:3: '2x' is not a valid parameter name"), bad.err());
    }
}
