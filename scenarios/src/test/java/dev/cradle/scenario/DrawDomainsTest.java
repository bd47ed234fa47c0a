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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distribution whose draws leave the domain of a field it feeds is refused at load, at the distribution, with the
 * probability (exact from the CDF where one parameter varies) and what would be right. The expected probabilities are
 * computed by hand in each test (standard normal CDF values Φ(z) from any table, e.g. Abramowitz and Stegun 26.2).
 */
class DrawDomainsTest {
    @TempDir
    Path dir;

    /** A datacenter whose PUE, power and utilisation read parameters; {@code %s} is the parameters' block. */
    private static String study(String parameters, String pue, String power, String utilisation, String count) {
        return """
                name: domains
                parameters:
                %s
                datacenters:
                  - {id: dc, grid_intensity: 400 g/kWh, pue: %s}
                hardware:
                  - {id: gpus, archetype: nvidia-a100-80gb, count: %s, datacenter: dc, lifetime: 6 years, power: %s,
                     utilisation: %s}
                models:
                  - {id: m}
                workloads:
                  - {id: train, model: m, phase: training, hardware: gpus, device_hours: 1000 h}
                """.formatted(parameters, pue, count, power, utilisation);
    }

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private List<Problem> problems(String yaml) throws Exception {
        ParsedScenario s = ScenarioReader.read(YamlReader.read(write(yaml)));
        assertTrue(CentralValues.of(s.parameters()).run(s.file(), s.checks()).isEmpty(), "central values in domain");
        return DrawDomains.run(s.file(), s.parameters(), s.checks(), s.sources());
    }

    /** p = the probability in the message "p = 0.3085, ..." */
    private static double p(Problem problem) {
        String m = problem.message();
        int at = m.indexOf("p = ") + 4;
        return Double.parseDouble(m.substring(at, m.indexOf(',', at)));
    }

    private static String plain(String pue) {
        return study("  x: 1", pue, "400 W", "0.8", "8");
    }

    @Test
    void aNormalPueBelowOneIsRefusedWithItsExactProbability() throws Exception {
        // the lead's case: pue ~ normal(1.1, 0.2); P(pue < 1) = Φ((1 − 1.1)/0.2) = Φ(−0.5) = 0.308538
        List<Problem> ps = problems(study("  pue_dc: {value: 1.1, uncertainty: {distribution: normal, mean: 1.1, sd: 0.2}}",
                "pue_dc", "400 W", "0.8", "8"));
        assertEquals(1, ps.size(), ps.toString());
        Problem p = ps.get(0);
        assertEquals(0.3085, p(p), 5e-5);
        assertEquals(3, p.position().line()); // at the distribution, on the parameter's line
        assertEquals(37, p.position().column(), p.toString()); // where the uncertainty "{distribution: normal" starts
        String m = p.message();
        assertTrue(m.contains("parameter 'pue_dc'") && m.contains("'pue' of datacenter 'dc'") && m.contains("30.9 %")
                && m.contains("(line 5, column 46)") && m.contains("1 or more") && m.contains("keep 'pue_dc' above 1") && m.contains("triangular, PERT"), m);
    }

    @Test
    void aPowerInKilowattsWithANegativeTailIsRefused() throws Exception {
        // power: gpu_w (kW) is gpu_w × 1000 W, > 0; gpu_w ~ normal(0.4, 0.1) kW: P(gpu_w ≤ 0) = Φ(−4) = 3.167e-5 > 1e-6
        List<Problem> ps = problems(study("  gpu_w: {value: 0.4 kW, uncertainty: {distribution: normal, mean: 0.4, sd: 0.1}}",
                "1.1", "gpu_w", "0.8", "8"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(3.167e-5, p(ps.get(0)), 5e-9);
        assertTrue(ps.get(0).message().contains("lognormal"), ps.get(0).message());
        // the boundary is 0, not the tiny double the bisection lands on (it read "above -6.32498e-62")
        assertTrue(ps.get(0).message().contains("keep 'gpu_w' above 0:"), ps.get(0).message());
    }

    @Test
    void aThinTailIsKeptWithAWarningThatSaysHowManyDraws() throws Exception {
        // gpu_w ~ normal(400, 75) W: P(gpu_w ≤ 0) = Φ(−5.333) = 4.82e-8, at most 1e-6: kept, and warned about
        // (about 0.0482 in a million draws); Φ(−5.3333) from the Commons Statistics normal, cross-checked with
        // erfc(5.3333/√2)/2 = 4.821e-8
        Path f = write(study("  gpu_w: {value: 400 W, uncertainty: {distribution: normal, mean: 400, sd: 75}}",
                "1.1", "gpu_w", "0.8", "8"));
        LoadedScenario s = ScenarioLoader.load(f);
        List<Problem> w = s.warnings().stream().filter(p -> p.message().contains("kept")).toList();
        assertEquals(1, w.size(), s.warnings().toString());
        String m = w.get(0).message();
        assertTrue(m.contains("p = 4.82e-08") && m.contains("outside its domain (greater than 0)")
                && m.contains("0.0482 in 1,000,000"),
                w.get(0).message());
    }

    @Test
    void aNegligibleTailIsAccepted() throws Exception {
        // gpu_w ~ normal(400, 40) W: P(gpu_w ≤ 0) = Φ(−10) = 7.6e-24, far below 1e-6
        assertEquals(List.of(), problems(study("  gpu_w: {value: 400 W, uncertainty: {distribution: normal, mean: 400, sd: 40}}",
                "1.1", "gpu_w", "0.8", "8")));
    }

    @Test
    void aUniformUtilisationAboveOneIsRefused() throws Exception {
        // utilisation in (0, 1]; u ~ uniform(0.5, 1.2): P(u > 1) = 0.2 / 0.7 = 0.285714
        List<Problem> ps = problems(study("  u: {value: 0.8, uncertainty: {distribution: uniform, min: 0.5, max: 1.2}}",
                "1.1", "400 W", "u", "8"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(0.2 / 0.7, p(ps.get(0)), 5e-5);
        assertTrue(ps.get(0).message().contains("keep 'u' below 1"), ps.get(0).message());
    }

    @Test
    void aFieldMonotoneInOneParameterThroughAFormulaParameter() throws Exception {
        // pue_f = base × 1.1 (a formula parameter), base ~ triangular(0.8, 1, 1.2): pue < 1 ⇔ base < 1/1.1;
        // triangular CDF below the mode (x − a)² / ((c − a)(b − a)) = (1/1.1 − 0.8)² / (0.4 × 0.2) = 0.148760
        List<Problem> ps = problems(study("  base: {value: 1, uncertainty: {distribution: triangular, min: 0.8, mode: 1, max: 1.2}}\n"
                + "  pue_f: {formula: base * 1.1}", "pue_f", "400 W", "0.8", "8"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(Math.pow(1 / 1.1 - 0.8, 2) / 0.08, p(ps.get(0)), 5e-5);
    }

    @Test
    void aFieldThatLeavesOnBothSidesIsCountedOnBoth() throws Exception {
        // pue: 2 − x·x with x ~ uniform(−2, 2) (central 0, pue 2): pue < 1 ⇔ |x| > 1, P = 2 × 1/4 = 0.5
        List<Problem> ps = problems(study("  x: {value: 0, uncertainty: {distribution: uniform, min: -2, max: 2}}",
                "2 - x * x", "400 W", "0.8", "8"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(0.5, p(ps.get(0)), 5e-5);
    }

    @Test
    void aDiscreteCountWithAZeroIsRefusedByItsProbability() throws Exception {
        // count ∈ whole numbers ≥ 1; n ∈ {0, 8, 16} with probabilities 0.1, 0.6, 0.3: P(outside) = 0.1
        List<Problem> ps = problems(study("  n: {value: 8, uncertainty: {distribution: discrete, values: [0, 8, 16], "
                + "probabilities: [0.1, 0.6, 0.3]}}", "1.1", "400 W", "0.8", "n"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(0.1, p(ps.get(0)), 1e-12);
        assertTrue(ps.get(0).message().contains("the value 0"), ps.get(0).message());
    }

    @Test
    void aContinuousCountIsRefused() throws Exception {
        // a uniform count draws a whole number with probability 0
        List<Problem> ps = problems(study("  n: {value: 8, uncertainty: {distribution: uniform, min: 4, max: 12}}",
                "1.1", "400 W", "0.8", "n"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(1, p(ps.get(0)), 0);
        assertTrue(ps.get(0).message().contains("discrete"), ps.get(0).message());
    }

    @Test
    void twoParametersThatOnlyLeaveTogetherAreEstimatedJointly() throws Exception {
        // pue = a + b, a ~ uniform(0.9, 1.1) (central 1), b ~ uniform(0, 0.2) (central 0.1): alone, neither leaves
        // (a + 0.1 ≥ 1, 1 + b ≥ 1); together P(a + b < 1) = ∫_0.9^1 (1 − a) da / (0.2 × 0.2) = 0.005 / 0.04 = 0.125.
        // Estimated from 65,536 draws: SE = √(0.125 × 0.875 / 65,536) = 0.0013; within 4 SE
        List<Problem> ps = problems(study("  a: {value: 1, uncertainty: {distribution: uniform, min: 0.9, max: 1.1}}\n"
                + "  b: {value: 0.1, uncertainty: {distribution: uniform, min: 0, max: 0.2}}", "a + b", "400 W", "0.8", "8"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(0.125, p(ps.get(0)), 4 * 0.0013);
        assertTrue(ps.get(0).message().contains("parameters 'a', 'b' together"), ps.get(0).message());
    }

    @Test
    void aDistributionInsideTheDomainIsAccepted() throws Exception {
        // triangular(1.0, 1.0, 1.2): P(pue < 1) = 0 exactly; lognormal power > 0 always
        assertEquals(List.of(), problems(study("  pue_dc: {value: 1.0, uncertainty: {distribution: triangular, min: 1.0, mode: 1.0, max: 1.2}}\n"
                + "  gpu_w: {value: 400 W, uncertainty: {distribution: lognormal, geometric_mean: 400, geometric_sd: 1.5}}",
                "pue_dc", "gpu_w", "0.8", "8")));
        assertEquals(List.of(), problems(plain("1.1")));
    }

    @Test
    void aScenarioParameterReplacingALibraryFigureKeepsTheFiguresDomain() throws Exception {
        // hardware.gpus.embodied_gwp replaces the archetype's embodied GHG (≥ 0); normal(150, 100) kg:
        // P(< 0) = Φ(−1.5) = 0.066807
        List<Problem> ps = problems(study("  hardware.gpus.embodied_gwp: {value: 150 kg, uncertainty: {distribution: normal, "
                + "mean: 150, sd: 100}}", "1.1", "400 W", "0.8", "8"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(0.06681, p(ps.get(0)), 5e-6);
        assertTrue(ps.get(0).message().contains("the library figure 'hardware.gpus.embodied_gwp'"), ps.get(0).message());
    }

    @Test
    void aLibraryRangeLeavingItsDomainIsRefusedAtItsDeclaration() throws Exception {
        // a library range as the AI rules hand it over: hardware.gpus.power ~ uniform(-100, 300) W, central 200 W:
        // P(≤ 0) = 100 / 400 = 0.25; and an embodied figure triangular(0, 100, 200) kg, P(< 0) = 0, passes
        ParsedScenario s = ScenarioReader.read(YamlReader.read(write(plain("1.1"))));
        List<Problem> ps = DrawDomains.libraryRanges(s.file(), List.of(
                new Parameter("hardware.gpus.power", Amount.of(200), "W", new Uncertainty.Uniform(-100, 300), ""),
                new Parameter("hardware.gpus.embodied_gwp", Amount.of(100), "kg", new Uncertainty.Triangular(0, 100, 200), "")),
                s.sources());
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(0.25, p(ps.get(0)), 5e-5);
        assertEquals(7, ps.get(0).position().line(), ps.get(0).toString()); // the hardware 'gpus' declaration
    }

    @Test
    void generationSharesDrawnIndependentlyAreRefusedAndComplementsAccepted() throws Exception {
        // grid_mix {nuclear: n, gas: 0.3} with n ~ uniform(0.6, 0.8) (central 0.7): the shares sum to 1 only at
        // n = 0.7 ± 1e-6, P = 2e-6 / 0.2 = 1e-5, so p = 1 − 1e-5 of the draws break the sum; gas: 1 - n always sums to 1
        String n = "  n: {value: 0.7, uncertainty: {distribution: uniform, min: 0.6, max: 0.8}}";
        List<Problem> ps = problems(study(n, "1.1", "400 W", "0.8", "8").replace("grid_intensity: 400 g/kWh",
                "grid_mix: {nuclear: n, gas: 0.3}"));
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(1 - 1e-5, p(ps.get(0)), 2e-6);
        assertTrue(ps.get(0).message().contains("the generation shares") && ps.get(0).message().contains("a sum of 1")
                && ps.get(0).message().contains("1 minus the others"), ps.get(0).message());
        assertEquals(List.of(), problems(study(n, "1.1", "400 W", "0.8", "8").replace("grid_intensity: 400 g/kWh",
                "grid_mix: {nuclear: n, gas: 1 - n}")));
    }

    @Test
    void everyBundledExampleKeepsItsDrawsInsideTheDomains() throws Exception {
        // no false positives: every bundled example loads (the check runs inside the loader), and the fields that
        // read uncertain parameters are really checked (bloom-training-uncertain: pue, grid_intensity, power,
        // lifetime ×2, utilisation ×2, embodied ×2, idle_energy, device_hours: 11 fields)
        List<Path> examples;
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(examples.size() >= 20, examples.toString());
        for (Path f : examples) {
            ScenarioLoader.load(f);
        }
        ParsedScenario bloom = ScenarioReader.read(YamlReader.read(Path.of("examples/analysis/bloom-training-uncertain.yaml")));
        DrawDomains d = new DrawDomains(bloom.parameters());
        long checked = bloom.checks().stream().filter(c -> c.domain() != null
                && !d.uncertainParametersOf(c.value()).isEmpty()).count();
        assertEquals(11, checked);
        assertEquals(List.of(), DrawDomains.run(bloom.file(), bloom.parameters(), bloom.checks(), bloom.sources()));
    }

    @Test
    void theLeadsCaseOnTheBundledBloomExampleIsRefusedAndNothingIsWritten() throws Exception {
        // bloom-training-uncertain.yaml with its PUE made normal(1.1, 0.2): Φ(−0.5) = 30.9 % of the PUEs below 1
        String yaml = Files.readString(Path.of("examples/analysis/bloom-training-uncertain.yaml")).replace(
                "pue: {value: 1.0, uncertainty: {distribution: triangular, min: 1.0, mode: 1.0, max: 1.2}}",
                "pue: {value: 1.1, uncertainty: {distribution: normal, mean: 1.1, sd: 0.2}}");
        assertTrue(yaml.contains("mean: 1.1, sd: 0.2"));
        Path f = write(yaml);
        Path out = dir.resolve("report");
        Cli report = Cli.run("report", f.toString(), "--out", out.toString(), "--draws", "1000");
        assertEquals(2, report.code(), report.err());
        assertTrue(report.err().contains("s.yaml:17:") && report.err().contains("'pue' of datacenter 'jean-zay'")
                && report.err().contains("p = 0.308538"), report.err());
        assertFalse(Files.exists(out) && Stream.of(out.toFile().list()).findAny().isPresent(), "nothing written");
    }

    @Test
    void theCliRefusesWithExitTwoAtTheDistributionAndWritesNothing() throws Exception {
        Path f = write(study("  pue_dc: {value: 1.1, uncertainty: {distribution: normal, mean: 1.1, sd: 0.2}}",
                "pue_dc", "400 W", "0.8", "8"));
        Cli validate = Cli.run("validate", f.toString());
        assertEquals(2, validate.code(), validate.err());
        assertTrue(validate.err().contains("s.yaml:3:37") && validate.err().contains("30.9 %"), validate.err());
        assertFalse(validate.err().contains("Exception") || validate.err().contains("\tat "), validate.err());
        Path out = dir.resolve("out");
        Cli report = Cli.run("report", f.toString(), "--out", out.toString(), "--draws", "1000");
        assertEquals(2, report.code(), report.err());
        assertFalse(Files.exists(out) && Stream.of(out.toFile().list()).findAny().isPresent(), "nothing written");
    }
}
