package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cradle.engine.Cradle;
import dev.cradle.engine.calc.FunctionalUnitDemands;
import dev.cradle.engine.result.LcaResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/chat-service-functional-units.yaml: six functional units of one study, against a hand calculation.
 *
 * <p>Training: 1,000 device-h × 500 W = 500 kWh IT × PUE 1.2 = 600 kWh; × 0.5 kg/kWh = 300 kg (market
 * 0.1 kg/kWh: 60 kg); embodied 438 kg / 43,800 h = 0.01 kg per device-hour × 1,000 = 10 kg. Training: 310 kg
 * (market 70 kg). Serving: 200 device-h × 250 W = 50 kWh × 1.2 = 60 kWh × 0.5 = 30 kg (market 6 kg), embodied
 * 200 × 0.01 = 2 kg: 32 kg (market 8 kg), for 1,000,000 queries, 500,000,000 tokens in 30 days (720 h).
 * <ul>
 *   <li>study: 310 + 32 = 342 kg (market 78)</li>
 *   <li>trained model: 310 kg (70)</li>
 *   <li>query: (32 + 310) / 1e6 = 3.42e-4 kg (training amortised over the deployment's queries; market 7.8e-5)</li>
 *   <li>million queries (amount 1e6 of the query unit): 342 kg (78)</li>
 *   <li>1,000 tokens: 32 / 5e5 + 310 / 2e6 (training over the declared 2e9 tokens) = 6.4e-5 + 1.55e-4 = 2.19e-4 kg
 *       (market 8 / 5e5 + 70 / 2e6 = 1.6e-5 + 3.5e-5 = 5.1e-5)</li>
 *   <li>year of service: 32 × 8,760 / 720 + 310 / 2 years = 389.333… + 155 = 544.333… kg
 *       (market 8 × 8,760 / 720 + 35 = 132.333…)</li>
 * </ul>
 */
class FunctionalUnitsExampleTest {
    static final Path EXAMPLE = Path.of("examples/chat-service-functional-units.yaml");
    static final String GWP = "ipcc-ar6-gwp100/climate_change";
    static final Map<String, double[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("study", new double[] {342, 78});
        EXPECTED.put("trained_model:chat-s", new double[] {310, 70});
        EXPECTED.put("query:chat-s", new double[] {3.42e-4, 7.8e-5});
        EXPECTED.put("million-queries", new double[] {342, 78});
        EXPECTED.put("1000_tokens:chat-s", new double[] {2.19e-4, 5.1e-5});
        EXPECTED.put("year_of_service:chat-s", new double[] {32 * 8760.0 / 720 + 155, 8 * 8760.0 / 720 + 35});
    }

    @TempDir
    Path dir;

    @Test
    void everyUnitMatchesTheHandCalculation() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE);
        assertEquals(List.copyOf(EXPECTED.keySet()), s.units().stream().map(u -> u.id()).toList(), "the units, in order");
        assertTrue(s.units().get(0).primary());
        for (var u : s.units()) {
            int k = u.location().indicatorRow(GWP);
            double[] expected = EXPECTED.get(u.id());
            assertEquals(expected[0], u.location().impacts()[k], expected[0] * 1e-12, u.id() + " location-based");
            assertEquals(expected[1], u.market().impacts()[k], expected[1] * 1e-12, u.id() + " market-based");
        }
        // the primary unit's result is the loaded result, and the system's own functional unit
        assertEquals(342, s.result().impacts()[s.result().indicatorRow(GWP)], 1e-9);
    }

    /** Every unit, solved on one factorisation, equals the system compiled with that unit as its own. */
    @Test
    void oneFactorisationGivesWhatASystemPerUnitGives() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE);
        var demands = FunctionalUnitDemands.compile(s.compiled(), s.ai().functionalUnits());
        for (var named : s.ai().functionalUnits()) {
            var own = Cradle.compile(s.system().withFunctionalUnit(named.unit()));
            LcaResult separate = Cradle.calculator().calculate(own);
            LcaResult shared = s.units().stream().filter(u -> u.id().equals(named.id())).findFirst().orElseThrow().location();
            int k = separate.indicatorRow(GWP);
            assertEquals(separate.impacts()[k], shared.impacts()[k], Math.abs(separate.impacts()[k]) * 1e-12, named.id());
        }
        assertEquals(6, demands.units().size());
    }

    @Test
    void runWritesEveryUnitToResultsJsonTheCsvAndTheTerminal() throws Exception {
        Cli cli = Cli.run("run", EXAMPLE.toString(), "--out", dir.toString());
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("Results per functional unit (location-based"), cli.out());
        assertTrue(cli.out().matches("(?s).*Climate change \\(GWP100, IPCC AR6\\)\\s+kg CO2-eq\\s+342\\s+310\\s+3\\.420e-04\\s+342"
                + "\\s+2\\.190e-04\\s+544\\.3\\n.*"), cli.out());
        assertTrue(cli.out().matches("(?s).*Climate change \\(GWP100, IPCC AR6\\)\\s+kg CO2-eq\\s+78\\s+70\\s+7\\.800e-05\\s+78"
                + "\\s+5\\.100e-05\\s+132\\.3\\n.*"), cli.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("study", json.get("functional_unit").get("id").asText());
        JsonNode units = json.get("functional_units");
        assertEquals(EXPECTED.size(), units.size());
        int i = 0;
        for (Map.Entry<String, double[]> e : EXPECTED.entrySet()) {
            JsonNode u = units.get(i++);
            assertEquals(e.getKey(), u.get("id").asText());
            assertEquals(i == 1, u.get("primary").asBoolean());
            assertEquals(e.getValue()[0], value(u.get("impacts")), e.getValue()[0] * 1e-12, e.getKey());
            assertEquals(e.getValue()[1], value(u.get("impacts_market_based")), e.getValue()[1] * 1e-12, e.getKey());
        }
        assertEquals(1e6, units.get(3).get("amount").asDouble());
        // by ML phase per unit: a year of service is 155 kg of training and 389.33 kg of inference
        JsonNode year = units.get(5).get("contributions").get("by_phase").get(GWP);
        assertEquals(155, year.get("training").asDouble(), 1e-9);
        assertEquals(32 * 8760.0 / 720, year.get("inference").asDouble(), 1e-9);
        List<CSVRecord> rows = csv(dir.resolve("functional-units.csv"));
        for (Map.Entry<String, double[]> e : EXPECTED.entrySet()) {
            for (String basis : List.of("location", "market")) {
                CSVRecord total = rows.stream().filter(r -> r.get("functional_unit").equals(e.getKey())
                        && r.get("basis").equals(basis) && r.get("indicator").equals(GWP) && r.get("breakdown").equals("total"))
                        .findFirst().orElseThrow();
                double expected = e.getValue()[basis.equals("location") ? 0 : 1];
                assertEquals(expected, Double.parseDouble(total.get("value")), expected * 1e-12, e.getKey() + " " + basis);
            }
        }
        // results.csv keeps its layout: the primary unit
        List<String> resultsCsv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("indicator,unit,breakdown,group,value,share,coverage", resultsCsv.get(0));
        assertTrue(resultsCsv.get(1).startsWith(GWP + ",kg CO2-eq,total,,342.0,"), resultsCsv.get(1));
    }

    @Test
    void explainListsEveryUnitAndEveryParameter() {
        Cli cli = Cli.run("explain", EXAMPLE.toString());
        assertEquals(0, cli.code(), cli.err());
        String out = cli.out();
        assertTrue(out.contains("  year_of_service:chat-s: 1 × one year of service of chat-s  [process "
                + "functional_unit:year_of_service:chat-s]\n      " + GWP + ": 544.3 (market-based 132.3) kg CO2-eq"), out);
        assertTrue(out.contains("  million-queries: 1,000,000 × one query answered by chat-s"), out);
        assertTrue(out.contains("  queries_per_year = 12,170,000 query/a; derived: queries_per_day * 365; scenario"), out);
        assertTrue(out.contains("  queries_per_day = 33,330 query/d; lognormal(geometric_mean 33,330, geometric_sd 1.5); scenario"
                + "\n      served volume, for the record"), out);
        assertTrue(out.contains("  grid_intensity_dc = 0.5 kg CO2-eq/kWh; market-based 0.1; ai rules"), out);
        assertTrue(out.contains("functional_unit:trained_model:chat-s  <-  functional unit trained_model:chat-s"), out);
    }

    /** Inputs (with their distribution), derived values and the rules' parameters, in results.json and parameters.csv. */
    @Test
    void parametersAreReported() throws Exception {
        assertEquals(0, Cli.run("run", EXAMPLE.toString(), "--out", dir.toString()).code());
        JsonNode params = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("parameters");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        params.forEach(p -> byName.put(p.get("name").asText(), p));
        JsonNode perDay = byName.get("queries_per_day");
        assertEquals("input", perDay.get("kind").asText());
        assertEquals(33333.33, perDay.get("value").asDouble());
        assertEquals("query/d", perDay.get("unit").asText());
        assertEquals("lognormal", perDay.get("uncertainty").get("distribution").asText());
        assertEquals(1.5, perDay.get("uncertainty").get("geometric_sd").asDouble());
        JsonNode perYear = byName.get("queries_per_year");
        assertEquals("derived", perYear.get("kind").asText());
        assertEquals("queries_per_day * 365", perYear.get("formula").asText());
        assertEquals(33333.33 * 365, perYear.get("value").asDouble(), 1e-6); // 12,166,665.45
        JsonNode grid = byName.get("grid_intensity_dc");
        assertEquals("ai rules", grid.get("source").asText());
        assertEquals(0.5, grid.get("value").asDouble(), 1e-15); // 500 g/kWh
        assertEquals(0.1, grid.get("value_market_based").asDouble(), 1e-15); // 100 g/kWh
        assertFalse(perDay.has("value_market_based"), "the same in both bases: not repeated");
        List<CSVRecord> rows = csv(dir.resolve("parameters.csv"));
        CSVRecord csvYear = rows.stream().filter(r -> r.get("name").equals("queries_per_year")).findFirst().orElseThrow();
        assertEquals(33333.33 * 365, Double.parseDouble(csvYear.get("value")), 1e-6);
        assertEquals("derived", csvYear.get("kind"));
        CSVRecord csvDay = rows.stream().filter(r -> r.get("name").equals("queries_per_day")).findFirst().orElseThrow();
        assertEquals("lognormal", csvDay.get("distribution"));
        assertEquals("33333.33", csvDay.get("geometric_mean"));
        assertEquals("1.5", csvDay.get("geometric_sd"));
        assertEquals("served volume, for the record", csvDay.get("description"));
    }

    private static double value(JsonNode impacts) {
        for (JsonNode i : impacts) {
            if (i.get("indicator").asText().equals(GWP)) {
                return i.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + GWP + " in " + impacts);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (var p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(file))) {
            return p.getRecords();
        }
    }
}
