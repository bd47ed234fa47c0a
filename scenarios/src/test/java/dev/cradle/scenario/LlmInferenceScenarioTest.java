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
 * {@code llm_inference} workloads in a scenario: what runs (a throughput as a latency bound, the served volume,
 * primary energy from a declared mix) and what is refused at its line and column with exit code 2.
 */
class LlmInferenceScenarioTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            name: llm
            datacenters:
              - {id: dc, grid_intensity: 0.590478 kg/kWh, pue: 1.26}
            hardware:
              - {id: h100, datacenter: dc, count: 8, lifetime: 3 years, embodied: {climate_change: 164 kg}}
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

    private JsonNode results() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    }

    private static double impact(JsonNode results, String category) {
        for (JsonNode i : results.get("impacts")) {
            if (i.get("indicator").asText().endsWith("/" + category)) {
                return i.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + category + " in " + results.get("impacts"));
    }

    @Test
    void aThroughputBoundsTheLatencyAndTheRequestsAreTheServedVolume() throws Exception {
        // 200 tokens at 40 tokens/s = 5 s, the bound EcoLogits' Mistral 7B test gives as a latency: 1,000 requests
        // of 1.536243521642994e-05 kWh (EcoLogits v0.9.1, PUE 1.26 included) × 0.590478 kg/kWh
        Cli cli = run(HEAD + """
                models:
                  - {id: m, total_parameters: 7.3e9}
                workloads:
                  - {id: chat, model: m, phase: inference, hardware: h100,
                     llm_inference: {requests: 1000, output_tokens: 200, throughput: 40}}
                functional_unit: {kind: query, model: m}
                """);
        assertEquals(0, cli.code(), cli.err());
        JsonNode r = results();
        // per query: usage 1.536243521642994e-05 × 0.590478 kg; embodied: 1 GPU × 5 s / 64 / 3600 h of a 164 kg GPU
        // over 26,280 h (this scenario has no server hardware)
        double usage = 1.536243521642994e-05 * 0.590478;
        double embodied = 164 * (5.0 / 64 / 3600) / 26280;
        assertEquals(usage + embodied, impact(r, "climate_change"), (usage + embodied) * 1e-9);
    }

    @Test
    void aDeclaredMixGivesPrimaryEnergyByTechnology() throws Exception {
        // half coal, half wind: 0.5 × 11.2775 MJ non-renewable (EIA 10,689 Btu/kWh) + 0.5 × 3.6 MJ renewable per kWh
        // of facility energy; one request of Mistral 7B without a latency bound: 1.854367565038529e-05 kWh
        // (EcoLogits v0.9.1, PUE 1.26 included)
        Cli cli = run("""
                name: llm
                datacenters:
                  - {id: dc, grid_mix: {coal: 0.5, wind_onshore: 0.5}, pue: 1.26}
                hardware:
                  - {id: h100, datacenter: dc, count: 8, lifetime: 3 years, embodied: {climate_change: 164 kg}}
                models:
                  - {id: m, total_parameters: 7.3e9}
                workloads:
                  - {id: chat, model: m, phase: inference, hardware: h100, llm_inference: {requests: 1, output_tokens: 200}}
                functional_unit: {kind: study}
                """);
        assertEquals(0, cli.code(), cli.err());
        JsonNode r = results();
        double kwh = 1.854367565038529e-05;
        assertEquals(kwh * 0.5 * 10689 * 1.055056 / 1000, impact(r, "pe_nonrenewable"), 1e-15);
        assertEquals(kwh * 0.5 * 3.6, impact(r, "pe_renewable"), 1e-15);
        assertEquals(kwh * (0.5 * 10689 * 1.055056 / 1000 + 0.5 * 3.6), impact(r, "pe_total"), 1e-15);
    }

    @Test
    void aModelWithoutItsArchitectureIsRefusedAtTheWorkload() throws Exception {
        Cli cli = run(HEAD + """
                models:
                  - {id: m}
                workloads:
                  - {id: chat, model: m, phase: inference, hardware: h100,
                     llm_inference: {requests: 1, output_tokens: 200}}
                functional_unit: {kind: study}
                """);
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:10:21: 'llm_inference' of workload 'chat' needs the architecture of model 'm': "
                + "give it 'total_parameters'"), cli.err());
    }

    @Test
    void moreActiveThanTotalParametersIsRefused() throws Exception {
        Cli cli = run(HEAD + """
                models:
                  - {id: m, total_parameters: 7e9, active_parameters: 12e9}
                workloads:
                  - {id: chat, model: m, phase: inference, hardware: h100, llm_inference: {requests: 1, output_tokens: 9}}
                functional_unit: {kind: study}
                """);
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("s.yaml:7:55: model 'm': 'active_parameters' cannot exceed 'total_parameters'"),
                cli.err());
    }

    @Test
    void numbersOutsideTheirDomainsAndTwoBoundsAreRefused() throws Exception {
        String models = "models:\n  - {id: m, total_parameters: 7e9}\nworkloads:\n";
        Cli negative = run(HEAD + models + """
                  - {id: chat, model: m, phase: inference, hardware: h100,
                     llm_inference: {requests: 1, output_tokens: 200, latency: -5 s}}
                functional_unit: {kind: study}
                """);
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("s.yaml:10:"), negative.err());
        assertTrue(negative.err().contains("'latency'"), negative.err());
        Cli both = run(HEAD + models + """
                  - {id: chat, model: m, phase: inference, hardware: h100,
                     llm_inference: {requests: 1, output_tokens: 200, latency: 5 s, throughput: 40}}
                functional_unit: {kind: study}
                """);
        assertEquals(2, both.code());
        assertTrue(both.err().contains("gives both 'latency' and 'throughput'"), both.err());
        Cli gpus = run(HEAD + models + """
                  - {id: chat, model: m, phase: inference, hardware: h100,
                     llm_inference: {requests: 1, output_tokens: 200, gpus_per_server: 1.5}}
                functional_unit: {kind: study}
                """);
        assertEquals(2, gpus.code());
        assertTrue(gpus.err().contains("'gpus_per_server'"), gpus.err());
    }
}
