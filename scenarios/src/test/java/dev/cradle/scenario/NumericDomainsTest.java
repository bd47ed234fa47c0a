package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers outside their domain, and overflow, are refused at their position with what would be right
 * (exit 2, no stack trace, nothing written), and {@code validate} refuses exactly what {@code run}
 * refuses. The base is the bundled example two-models-shared-cluster.yaml; each case changes one value.
 * Line and column are those of the changed value in that file.
 */
class NumericDomainsTest {
    static final Path EXAMPLE = Path.of("examples/two-models-shared-cluster.yaml");

    @TempDir
    Path dir;

    /** Runs validate and run on {@code yaml}; both must agree. Returns run's output. */
    private Cli both(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        Cli validate = Cli.run("validate", f.toString());
        Path out = dir.resolve("out");
        Cli run = Cli.run("run", f.toString(), "--out", out.toString());
        for (Cli c : new Cli[] {validate, run}) {
            assertFalse(c.err().contains("Exception") || c.err().contains("\tat ") || c.err().contains("internal error"),
                    c.err());
        }
        assertEquals(run.code(), validate.code(), "validate agrees with run:\n" + validate.err() + "\n---\n" + run.err());
        if (run.code() != 0) {
            assertEquals(run.err(), validate.err(), "the same problems from validate and run");
            assertFalse(Files.exists(out), "nothing is written for bad input");
        }
        return run;
    }

    private static String base() throws Exception {
        return Files.readString(EXAMPLE);
    }

    static Stream<Arguments> outOfDomain() {
        return Stream.of(
                Arguments.of("device_hours: 10000", "device_hours: -10000",
                        "s.yaml:72:19: 'device_hours' of workload 'code-training' is -10000; it must be greater than 0"),
                Arguments.of("device_hours: 10000", "energy: -500 kWh",
                        "s.yaml:72:13: 'energy' of workload 'code-training' is -500 kWh; it must be greater than 0"),
                Arguments.of("devices: 64}", "devices: 0}",
                        "s.yaml:58:80: 'devices' of 'flops' is 0; it must be a whole number from 1 to 2147483647"),
                Arguments.of("devices: 64}", "devices: 2.5}",
                        "s.yaml:58:80: 'devices' of 'flops' is 2.5; it must be a whole number from 1 to 2147483647"),
                Arguments.of("peak_per_device: 312e12", "peak_per_device: 0",
                        "s.yaml:58:45: 'peak_per_device' of 'flops' (FLOP/s) is 0; it must be greater than 0"),
                Arguments.of("{kind: study}", "{kind: study, amount: 0}",
                        "s.yaml:74:40: 'amount' of the functional unit is 0; it must be greater than 0"),
                Arguments.of("{kind: study}", "{kind: study, amount: -2}",
                        "s.yaml:74:40: 'amount' of the functional unit is -2; it must be greater than 0"),
                Arguments.of("wue_onsite: 0.55 L/kWh", "wue_onsite: -0.55 L/kWh",
                        "s.yaml:21:17: 'wue_onsite' of datacenter 'dc-iowa' is -0.55 L/kWh; it must be 0 or more"),
                Arguments.of("market_intensity: 80 g/kWh", "market_intensity: -80 g/kWh",
                        "s.yaml:23:23: 'market_intensity' of datacenter 'dc-iowa' is -80 g/kWh; it must be 0 or more"),
                Arguments.of("distance: 1000 km", "distance: -1000 km",
                        "s.yaml:43:32: 'distance' of a transport leg is -1000 km; it must be 0 or more"),
                Arguments.of("mass: 1.7 kg", "mass: -1.7 kg",
                        "s.yaml:40:11: 'mass' of hardware 'a100-cluster' is -1.7 kg; it must be greater than 0"),
                Arguments.of("embodied: 800 t", "embodied: -800 t",
                        "s.yaml:27:54: 'embodied' of infrastructure 'cooling' is -800 t; it must be 0 or more"),
                Arguments.of("devices: 8,", "devices: 0,",
                        "s.yaml:67:27: 'devices' of the deployment is 0; it must be a whole number from 1 to 2147483647"),
                Arguments.of("pue: 1.11", "pue: 0.9",
                        "s.yaml:20:10: 'pue' of datacenter 'dc-iowa' is 0.9; it must be 1 or more"),
                Arguments.of("utilisation: 0.85", "utilisation: 1.5",
                        "s.yaml:36:18: 'utilisation' of hardware 'a100-cluster' is 1.5; it must be greater than 0 and at "
                                + "most 1"),
                Arguments.of("recycling_rate: 0.223", "recycling_rate: -0.1",
                        "s.yaml:44:21: 'recycling_rate' of hardware 'a100-cluster' is -0.1; it must be between 0 and 1"),
                Arguments.of("count: 64", "count: 0",
                        "s.yaml:33:12: 'count' of hardware 'a100-cluster' is 0; it must be a whole number from 1 to 2147483647"),
                Arguments.of("runs: 1.5", "runs: 0",
                        "s.yaml:59:11: 'runs' of workload 'chat-training' is 0; it must be greater than 0"),
                Arguments.of("it_power: 0.05 MW", "it_power: 50 MW",
                        "s.yaml:24:25: the tenancy of datacenter 'dc-iowa' holds 50 MW of IT power, more than the 10 MW "
                                + "capacity of infrastructure 'building'"),
                Arguments.of("embodied: 800 t", "embodied: 1e308 t",
                        "s.yaml:27:54: 'embodied' of infrastructure 'cooling' is 1e308 t, too large to calculate with in kg"),
                Arguments.of("lifetime: 6 years", "lifetime: 0 years",
                        "s.yaml:35:15: 'lifetime' of hardware 'a100-cluster' is 0 years; it must be greater than 0"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("outOfDomain")
    void aNumberOutsideItsDomainIsRefusedAtItsPosition(String from, String to, String expected) throws Exception {
        String base = base();
        assertTrue(base.contains(from), from);
        Cli cli = both(base.replace(from, to));
        assertEquals(2, cli.code(), cli.err());
        assertTrue(cli.err().contains(expected), cli.err());
        assertEquals(1, cli.err().lines().filter(l -> l.contains("s.yaml:")).count(),
                "one problem, no follow-on errors such as 'not declared':\n" + cli.err());
    }

    static Stream<Arguments> overflow() {
        return Stream.of(
                // hours = total / (devices × peak × 1e-300) / 3600 overflows
                Arguments.of("utilisation: 0.4, devices: 64", "utilisation: 1e-300, devices: 64", "s.yaml:"),
                // devices carried = device-hours / (lifetime × 1e-320) overflows
                Arguments.of("utilisation: 0.85", "utilisation: 1e-320",
                        "s.yaml:30:5: the devices carried by workload 'chat-training'"),
                // facility energy = IT energy × 1e308 overflows
                Arguments.of("pue: 1.11", "pue: 1e308", "s.yaml:54:5: the IT energy of workload 'chat-training'"),
                // idle energy = idle device-hours × 1e308 W overflows
                Arguments.of("idle_power: 50 W", "idle_power: 1e308 W",
                        "s.yaml:30:5: the idle energy of hardware 'a100-cluster'"),
                // IT energy = 2e6 queries × 1e308 Wh overflows
                Arguments.of("energy_per_query: 3.0 Wh", "energy_per_query: 1e308 Wh",
                        "s.yaml:60:5: the IT energy of workload 'chat-serving'"),
                // a market intensity of 1e306 kg/kWh times the facility energy overflows in the market-based result
                Arguments.of("market_intensity: 80 g/kWh", "market_intensity: 1e309 g/kWh", "s.yaml:23:23:"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("overflow")
    void overflowIsRefusedNeverWritten(String from, String to, String expected) throws Exception {
        Cli cli = both(base().replace(from, to));
        assertEquals(2, cli.code(), cli.err());
        assertTrue(cli.err().contains(expected), cli.err());
        assertFalse(cli.err().contains("unknown parameter 'Infinity'"), cli.err());
    }

    @Test
    void aResultTooLargeToAnalyseIsRefusedByValidateToo() throws Exception {
        // 1e308 g/kWh = 1e305 kg/kWh: the total (about 9e307 kg) is finite, but the upstream analysis the
        // reports need cannot be solved at that magnitude; validate refuses it as run does, naming the cause
        String bloom = Files.readString(Path.of("examples/bloom-inference.yaml"));
        assertTrue(bloom.contains("grid_intensity: 394 g/kWh"));
        Cli cli = both(bloom.replace("grid_intensity: 394 g/kWh", "grid_intensity: 1e308 g/kWh"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:30:5: the result for 'ipcc-ar6-gwp100/climate_change' is too large to "
                + "analyse"), cli.err());
    }

    private static final String GENERIC = """
            name: generic
            flows:
              - {id: p, type: product, unit: kg}
              - {id: co2, type: elementary, compartment: air, unit: kg}
            processes:
              - id: a
                stage: use
                outputs:
                  - {flow: p, amount: 1}
                  - {flow: co2, amount: 1e300}
                inputs:
                  - {flow: p, amount: 0.5}
            methods:
              - id: m
                categories:
                  - id: gwp
                    unit: kg
                    factors:
                      - {flow: co2, value: 2}
            functional_unit: {flow: p, amount: 1}
            """;

    @Test
    void theGenericBaseIsValid() throws Exception {
        // a = 1 - 0.5 = 0.5 net output, scaling 2, inventory 2e300 kg, impact 4e300: finite
        Cli cli = both(GENERIC);
        assertEquals(0, cli.code(), cli.err());
    }

    @Test
    void aDuplicateProcessIdIsReportedAtTheSecondId() throws Exception {
        Cli cli = both(GENERIC.replace("methods:", """
                  - id: a
                    stage: use
                    outputs:
                      - {flow: p, amount: 1}
                methods:"""));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:13:9: process id 'a' is used twice (first at line 6, column 9)"), cli.err());
    }

    @Test
    void aProcessConsumingMoreOfItsProductThanItMakesIsRefused() throws Exception {
        Cli cli = both(GENERIC.replace("{flow: p, amount: 0.5}", "{flow: p, amount: 2}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:12:9: process 'a' consumes 2 of its own product 'p' but makes 1; it must "
                + "make more than it consumes"), cli.err());
    }

    @Test
    void aNegativeReferenceOutputIsRefused() throws Exception {
        Cli cli = both(GENERIC.replace("- {flow: p, amount: 1}", "- {flow: p, amount: -1}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:9:9: process 'a' provides -1 kg of 'p'; the reference amount must be "
                + "greater than zero"), cli.err());
        assertEquals(1, cli.err().lines().filter(l -> l.contains("s.yaml:")).count(), cli.err());
    }

    @Test
    void aNegativeFunctionalUnitIsRefused() throws Exception {
        Cli cli = both(GENERIC.replace("functional_unit: {flow: p, amount: 1}", "functional_unit: {flow: p, amount: -1}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:20:36: 'amount' of the functional unit is -1; it must be greater than 0"),
                cli.err());
    }

    @Test
    void aFunctionalUnitFormulaOfZeroIsRefusedByValidateToo() throws Exception {
        Cli cli = both(GENERIC.replace("functional_unit: {flow: p, amount: 1}",
                "parameters:\n  - {name: n, value: 0}\nfunctional_unit: {flow: p, formula: \"n * 2\"}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("the functional unit's amount is 0; it must be greater than zero"), cli.err());
    }

    @Test
    void anOverflowingCharacterisationIsRefusedNamingTheProcessAndIndicator() throws Exception {
        // 2e300 kg × 1e10 per kg = 2e310 > 1.8e308
        Cli cli = both(GENERIC.replace("{flow: co2, value: 2}", "{flow: co2, value: 1e10}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:6:5: the result for 'm/gwp' overflows (Infinity)"), cli.err());
    }

    @Test
    void anOverflowingFormulaIsRefused() throws Exception {
        Cli cli = both(GENERIC.replace("{flow: co2, amount: 1e300}", "{flow: co2, formula: \"1e300 * 1e300\"}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("process 'a' has an elementary exchange whose amount is not a finite number"),
                cli.err());
    }

    @Test
    void numbersTooLargeForADoubleAreRefusedWhereWritten() throws Exception {
        Cli cli = both(GENERIC.replace("{flow: co2, amount: 1e300}", "{flow: co2, amount: \"1e999 kg\"}"));
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:10:29: the amount '1e999 kg' is too large to calculate with"), cli.err());
        Cli formula = both(GENERIC.replace("{flow: co2, amount: 1e300}", "{flow: co2, formula: 1e999}"));
        assertEquals(2, formula.code());
        assertTrue(formula.err().contains("s.yaml:10:30: 'formula' of the exchange must be a finite number"),
                formula.err());
    }
}
