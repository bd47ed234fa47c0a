package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.model.Expression;
import dev.cradle.scenario.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every numeric AI field takes a quantity, a parameter or a formula over parameters with a unit: the reader
 * turns each into an expression in the field's reference unit (checked here at the parameters' central values),
 * and refuses what cannot be right at its line and column, with the fix.
 */
class ParametricFieldsTest {
    @TempDir
    Path dir;

    static final String STUDY = """
            name: parametric
            parameters:
              gpu_w: 0.4 kW
              gpus: 64
              days: 30
              pue_dc: 1.1
              memory_gb: 350
              ci: 429
              p: 400
            datacenters:
              - {id: dc, grid_intensity: ci g/kWh, pue: pue_dc, tenancy: {it_power: gpus * gpu_w / 1000 MW, period: days d}}
            hardware:
              - {id: gpus, archetype: nvidia-a100-80gb, count: ceil(memory_gb / 80), datacenter: dc, lifetime: 6 years,
                 power: gpu_w}
            models:
              - {id: m}
            workloads:
              - {id: train, model: m, phase: training, hardware: gpus, device_hours: days * 24 * gpus h,
                 power: p * 2 / 2 W}
            """;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private ParsedScenario read(String yaml) throws Exception {
        return ScenarioReader.read(YamlReader.read(write(yaml)));
    }

    private Cli validate(String yaml) throws Exception {
        Cli cli = Cli.run("validate", write(yaml).toString());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("\tat "), cli.err());
        return cli;
    }

    @Test
    void everyFormReadsAsAnExpressionInTheFieldsUnit() throws Exception {
        ParsedScenario s = read(STUDY);
        CentralValues central = CentralValues.of(s.parameters());
        Declarations.Hardware hw = s.declarations().hardware().get(0);
        // power: gpu_w, declared 0.4 kW: read in W as gpu_w * 1000 = 400 W
        assertEquals(new Expression.Binary("*", new Expression.Variable("gpu_w", 1), new Expression.Number(1000, 0), 1),
                hw.powerW());
        assertEquals(400, central.of(hw.powerW()), 1e-12);
        // count: ceil(350 / 80) = ceil(4.375) = 5 devices
        assertEquals(5, central.of(hw.count()), 0);
        // lifetime: 6 years = 6 × 8,760 h = 52,560 h, a literal as before
        assertEquals(new Expression.Number(52560, 0), hw.lifetimeH());
        Declarations.Datacenter dc = s.declarations().datacenters().get(0);
        // pue: pue_dc, a plain number: the parameter itself
        assertEquals(new Expression.Variable("pue_dc", 1), dc.pue());
        // grid_intensity: ci g/kWh = 429 g/kWh = 0.429 kg/kWh
        assertEquals(0.429, central.of(((Declarations.ExplicitGrid) dc.grid()).kgPerKwh()), 1e-15);
        // tenancy: 64 × 0.4 / 1000 MW = 0.0256 MW over 30 d = 720 h
        assertEquals(0.0256, central.of(dc.tenantMw()), 1e-15);
        assertEquals(720, central.of(dc.tenancyH()), 1e-12);
        Declarations.Workload w = s.declarations().workloads().get(0);
        // device_hours: 30 × 24 × 64 = 46,080 h
        assertEquals(46080, central.of(((Declarations.DeviceHours) w.energy()).deviceHours()), 1e-9);
        // power: p * 2 / 2 W = 400 W, with no conversion factor (W is the field's unit)
        assertInstanceOf(Expression.Binary.class, w.powerW());
        assertEquals(400, central.of(w.powerW()), 1e-12);
        assertTrue(w.powerW().variables().contains("p"));
    }

    @Test
    void aFormulaWithAUnitIsConvertedByAFactor() throws Exception {
        ParsedScenario s = read(STUDY.replace("power: p * 2 / 2 W", "power: p * 2 / 2 kW"));
        Expression power = s.declarations().workloads().get(0).powerW();
        // (p * 2 / 2) × 1000: 400 kW = 400,000 W
        assertEquals(new Expression.Number(1000, 0), ((Expression.Binary) power).right());
        assertEquals(400_000, CentralValues.of(s.parameters()).of(power), 1e-9);
    }

    @Test
    void literalsStayNumbers() throws Exception {
        ParsedScenario s = read(STUDY.replace("power: gpu_w", "power: 0.4 kW").replace("pue: pue_dc", "pue: 1.1"));
        assertEquals(new Expression.Number(400, 0), s.declarations().hardware().get(0).powerW());
        assertEquals(new Expression.Number(1.1, 0), s.declarations().datacenters().get(0).pue());
        assertTrue(s.checks().stream().noneMatch(c -> c.value() instanceof Expression.Number));
    }

    @Test
    void aFormulaWithoutUnitOnADimensionedFieldSaysWhichUnitToAdd() throws Exception {
        Cli cli = validate(STUDY.replace("power: gpu_w}", "power: gpu_w * 2}"));
        assertEquals(2, cli.code(), cli.err());
        // line 14 of the file, column 13: where the value starts
        assertTrue(cli.err().contains("s.yaml:14:13: 'power' of hardware 'gpus' is power, but 'gpu_w * 2' has no unit: "
                + "write the unit its value is in after it, e.g. 'gpu_w * 2 W'"), cli.err());
    }

    @Test
    void anUnknownParameterIsReportedAtItsColumnWithTheNearestName() throws Exception {
        Cli cli = validate(STUDY.replace("device_hours: days * 24 * gpus h", "device_hours: days * 24 * gpuss h"));
        assertEquals(2, cli.code(), cli.err());
        // the formula starts at column 75 of line 18; 'gpuss' is its 12th character
        assertTrue(cli.err().contains("s.yaml:18:86: unknown parameter 'gpuss' in 'device_hours' of workload 'train'; "
                + "did you mean 'gpus'?"), cli.err());
    }

    @Test
    void aParameterOfTheWrongDimensionOrWithoutUnitIsRefused() throws Exception {
        Cli wrong = validate(STUDY.replace("lifetime: 6 years", "lifetime: gpu_w"));
        assertEquals(2, wrong.code(), wrong.err());
        assertTrue(wrong.err().contains("'lifetime' of hardware 'gpus' must be time, e.g. '6 years', but 'gpu_w' is in kW "
                + "(the unit of parameter 'gpu_w')"), wrong.err());
        Cli none = validate(STUDY.replace("lifetime: 6 years", "lifetime: days"));
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("'lifetime' of hardware 'gpus' is time, but 'days' has no unit: declare the unit of "
                + "parameter 'days' (e.g. 'days: 400 h') or write the unit after it: 'days h'"), none.err());
        Cli plain = validate(STUDY.replace("pue: pue_dc", "pue: gpu_w"));
        assertEquals(2, plain.code(), plain.err());
        assertTrue(plain.err().contains("'pue' of datacenter 'dc' is a plain number, but 'gpu_w' is in kW (the unit of "
                + "parameter 'gpu_w'); give a number without a unit"), plain.err());
    }

    @Test
    void theDomainIsCheckedAtTheCentralValueAtTheFieldsPosition() throws Exception {
        Cli cli = validate(STUDY.replace("  p: 400\n", "  p: -400\n"));
        assertEquals(2, cli.code(), cli.err());
        // (-400 * 2 / 2) W = -400 W; power must be > 0
        assertTrue(cli.err().contains("s.yaml:19:13: 'power' of workload 'train' is 'p * 2 / 2 W' = -400 W at the "
                + "parameters' central values; it must be greater than 0"), cli.err());
        Cli count = validate(STUDY.replace("count: ceil(memory_gb / 80)", "count: memory_gb / 80"));
        assertEquals(2, count.code(), count.err());
        // 350 / 80 = 4.375 devices: not a whole number
        assertTrue(count.err().contains("'count' of hardware 'gpus' is 'memory_gb / 80' = 4.375 at the parameters' central "
                + "values; it must be a whole number from 1 to 2147483647"), count.err());
    }

    @Test
    void generationSharesThatReadParametersSumToOneAtTheCentralValues() throws Exception {
        String mix = STUDY.replace("grid_intensity: ci g/kWh", "grid_mix: {coal: share, gas: 0.5}")
                .replace("  p: 400\n", "  p: 400\n  share: 0.4\n");
        Cli cli = validate(mix);
        assertEquals(2, cli.code(), cli.err());
        // 0.4 + 0.5 = 0.9
        assertTrue(cli.err().contains("s.yaml:12:24: the generation shares sum to 0.9, not 1 at the parameters' central values"), cli.err());
        ParsedScenario ok = read(mix.replace("share: 0.4", "share: 0.5"));
        Declarations.MixGrid grid = (Declarations.MixGrid) ok.declarations().datacenters().get(0).grid();
        assertEquals(0.5, CentralValues.of(ok.parameters()).of(grid.shares().get("coal")), 0);
    }
}
