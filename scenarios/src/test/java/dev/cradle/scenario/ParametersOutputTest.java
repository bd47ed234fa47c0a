package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every parameter of a study written only as processes, in results.json, parameters.csv and explain. */
class ParametersOutputTest {
    @TempDir
    Path dir;

    private static final String STUDY = """
            name: parameters
            parameters:
              - {name: hours, value: 10, unit: h, uncertainty: {distribution: triangular, min: 8, mode: 10, max: 15}}
              - {name: power_kw, value: 0.3, unit: kW, uncertainty: {distribution: normal, mean: 0.3, sd: 0.03}}
              - {name: kwh, formula: "hours * power_kw", unit: kWh, description: IT energy}
            flows:
              - {id: model, type: product, unit: item}
              - {id: kwh, type: product, unit: kWh}
              - {id: co2, type: elementary, compartment: air, unit: kg}
            processes:
              - id: train
                stage: use
                outputs: [{flow: model, amount: 1}]
                inputs: [{flow: kwh, formula: kwh, unit: kWh}]
              - id: grid
                stage: use
                parameters:
                  - {name: g_per_kwh, value: 400, unit: g/kWh}
                  - {name: kg_per_kwh, formula: "g_per_kwh / 1000"}
                outputs: [{flow: kwh, amount: 1}, {flow: co2, formula: kg_per_kwh, unit: kg}]
            methods:
              - {id: m, categories: [{id: gwp, unit: kg CO2-eq, factors: [{flow: co2, value: 1}]}]}
            functional_unit: {flow: model, amount: 1, description: one trained model}
            """;

    @Test
    void inputsDerivedValuesAndLocalParametersAreListed() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, STUDY);
        Cli run = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        Map<String, JsonNode> p = new LinkedHashMap<>();
        json.get("parameters").forEach(n -> p.put(n.get("scope").asText() + "/" + n.get("name").asText(), n));
        assertEquals(List.of("global/hours", "global/power_kw", "global/kwh", "process:grid/g_per_kwh",
                "process:grid/kg_per_kwh"), List.copyOf(p.keySet()));
        JsonNode hours = p.get("global/hours");
        assertEquals("input", hours.get("kind").asText());
        assertEquals("triangular", hours.get("uncertainty").get("distribution").asText());
        assertEquals(15, hours.get("uncertainty").get("max").asDouble());
        assertEquals(0.03, p.get("global/power_kw").get("uncertainty").get("sd").asDouble());
        JsonNode kwh = p.get("global/kwh");
        assertEquals("derived", kwh.get("kind").asText());
        assertEquals("hours * power_kw", kwh.get("formula").asText());
        assertEquals(3.0, kwh.get("value").asDouble(), 1e-15); // 10 h × 0.3 kW
        assertEquals("IT energy", kwh.get("description").asText());
        assertEquals(0.4, p.get("process:grid/kg_per_kwh").get("value").asDouble(), 1e-15); // 400 / 1000
        assertFalse(kwh.has("value_market_based"), "no market-based figures without AI declarations");
        // the one functional unit, named after its flow: 3 kWh × 0.4 kg/kWh = 1.2 kg
        JsonNode unit = json.get("functional_units").get(0);
        assertEquals("model", unit.get("id").asText());
        assertEquals(1.2, unit.get("impacts").get(0).get("value").asDouble(), 1e-12);
        List<String> csv = Files.readAllLines(dir.resolve("out/parameters.csv"));
        assertEquals("name,scope,source,kind,value,value_market_based,unit,formula,distribution,min,mode,max,mean,sd,"
                + "description", csv.get(0));
        assertEquals("hours,global,scenario,input,10.0,,h,,triangular,8.0,10.0,15.0,,,", csv.get(1));
        assertEquals("kwh,global,scenario,derived,3.0,,kWh,hours * power_kw,,,,,,,IT energy", csv.get(3));
        assertEquals("kg_per_kwh,process:grid,scenario,derived,0.4,,,g_per_kwh / 1000,,,,,,,", csv.get(5));
        Cli explain = Cli.run("explain", f.toString());
        assertTrue(explain.out().contains("  kwh = 3 kWh; derived: hours * power_kw; scenario\n      IT energy\n"),
                explain.out());
        assertTrue(explain.out().contains("  hours = 10 h; triangular(min 8, mode 10, max 15); scenario\n"), explain.out());
        assertTrue(explain.out().contains("  model (primary): 1 × one trained model  [flow model]\n      m/gwp: 1.2 kg CO2-eq\n"),
                explain.out());
    }
}
