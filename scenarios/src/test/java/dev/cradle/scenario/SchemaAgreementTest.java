package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON Schema, docs/scenario-reference.md and the loader's key lists agree; every example validates. */
class SchemaAgreementTest {
    static final Path SCHEMA = Path.of("schema/cradle-scenario.schema.json");

    /** Where each kind of map of {@link ScenarioReader#KEYS} lives in the schema. */
    static final Map<String, String> POINTERS = Map.ofEntries(
            Map.entry("scenario", "/properties"),
            Map.entry("flow", "/properties/flows/items/properties"),
            Map.entry("parameter", "/definitions/parameter/properties"),
            Map.entry("process", "/properties/processes/items/properties"),
            Map.entry("exchange", "/definitions/exchange/properties"),
            Map.entry("allocation", "/definitions/allocation/properties"),
            Map.entry("causal", "/definitions/allocation/properties/causal/items/properties"),
            Map.entry("method", "/properties/methods/items/oneOf/1/properties"),
            Map.entry("category", "/properties/methods/items/oneOf/1/properties/categories/items/properties"),
            Map.entry("factor", "/properties/methods/items/oneOf/1/properties/categories/items/properties/factors/items/properties"),
            Map.entry("functional_unit", "/properties/functional_unit/properties"),
            Map.entry("uncertainty", "/definitions/uncertainty/properties"),
            Map.entry("datacenter", "/properties/datacenters/items/properties"),
            Map.entry("tenancy", "/properties/datacenters/items/properties/tenancy/properties"),
            Map.entry("infrastructure", "/properties/datacenters/items/properties/infrastructure/items/properties"),
            Map.entry("hardware", "/properties/hardware/items/properties"),
            Map.entry("transport_leg", "/properties/hardware/items/properties/transport/items/properties"),
            Map.entry("component", "/properties/hardware/items/properties/components/items/properties"),
            Map.entry("model", "/properties/models/items/properties"),
            Map.entry("amortisation", "/properties/models/items/properties/amortise_training_over/properties"),
            Map.entry("workload", "/properties/workloads/items/properties"),
            Map.entry("flops", "/properties/workloads/items/properties/flops/properties"),
            Map.entry("deployment", "/properties/workloads/items/properties/deployment/properties"),
            Map.entry("storage", "/properties/workloads/items/properties/storage/properties"),
            Map.entry("llm_inference", "/properties/workloads/items/properties/llm_inference/properties"),
            Map.entry("codecarbon", "/properties/workloads/items/properties/codecarbon/oneOf/1/properties"),
            Map.entry("carbontracker", "/properties/workloads/items/properties/carbontracker/oneOf/1/properties"),
            Map.entry("experiment_impact_tracker",
                    "/properties/workloads/items/properties/experiment_impact_tracker/oneOf/1/properties"),
            Map.entry("power_samples", "/properties/workloads/items/properties/power_samples/oneOf/1/properties"),
            Map.entry("allocation_rule", "/definitions/allocation_rule/oneOf/1/properties"),
            Map.entry("database", "/properties/databases/items/properties"),
            Map.entry("database_link", "/properties/datacenters/items/properties/grid/oneOf/1/properties"),
            Map.entry("inventory_link",
                    "/properties/hardware/items/properties/inventory/properties/manufacturing/items/oneOf/1/properties"));


    @Test
    void schemaAndLoaderAllowTheSameKeys() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        assertEquals(new TreeSet<>(ScenarioReader.KEYS.keySet()), new TreeSet<>(POINTERS.keySet()),
                "every kind of map has a place in the schema");
        for (Map.Entry<String, List<String>> e : ScenarioReader.KEYS.entrySet()) {
            JsonNode props = schema.at(POINTERS.get(e.getKey()));
            assertTrue(props.isObject(), e.getKey() + " at " + POINTERS.get(e.getKey()));
            Set<String> inSchema = new TreeSet<>();
            props.fieldNames().forEachRemaining(inSchema::add);
            assertEquals(new TreeSet<>(e.getValue()), inSchema, "keys of " + e.getKey());
        }
    }

    /** The schema nodes a numeric field's domain applies to: the node, or each value of a map of numbers. */
    private static List<JsonNode> numberNodes(JsonNode node) {
        List<JsonNode> out = new java.util.ArrayList<>();
        if (node.path("additionalProperties").isObject()) {
            out.add(node.get("additionalProperties"));
        } else if ("object".equals(node.path("type").asText()) && node.path("properties").isObject()) {
            node.get("properties").forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    @Test
    void everyNumericFieldHasItsDomainInTheSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        for (Map.Entry<String, Domain> e : NumericFields.DOMAINS.entrySet()) {
            String[] kindKey = e.getKey().split("\\.");
            JsonNode field = schema.at(POINTERS.get(kindKey[0]) + "/" + kindKey[1]);
            assertTrue(field.isObject(), e.getKey() + " is in the schema");
            for (JsonNode n : numberNodes(field)) {
                Set<String> keywords = new TreeSet<>();
                for (String k : List.of("minimum", "exclusiveMinimum", "maximum", "multipleOf")) {
                    if (n.has(k)) {
                        keywords.add(k + "=" + n.get(k).asText());
                    }
                }
                Set<String> expected = new TreeSet<>();
                e.getValue().schemaKeywords().forEach((k, v) -> expected.add(k + "=" + v));
                assertEquals(expected, keywords, "schema keywords of " + e.getKey());
                String pattern = e.getValue().stringPattern();
                if (n.path("type").toString().contains("string") && pattern != null) {
                    assertEquals(pattern, n.path("pattern").asText(), "string pattern of " + e.getKey());
                }
            }
        }
    }

    /** Every number the schema allows belongs to a field whose domain the loader checks. */
    @Test
    void everyNumberInTheSchemaHasADomain() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        Set<String> fieldPointers = new TreeSet<>();
        for (String field : NumericFields.DOMAINS.keySet()) {
            String[] kindKey = field.split("\\.");
            fieldPointers.add(POINTERS.get(kindKey[0]) + "/" + kindKey[1]);
        }
        List<String> without = new java.util.ArrayList<>();
        walk(schema, "", fieldPointers, without);
        assertEquals(List.of(), without, "numeric schema fields without a domain in NumericFields");
    }

    private static void walk(JsonNode n, String pointer, Set<String> fields, List<String> without) {
        if (n.isObject()) {
            JsonNode type = n.get("type");
            boolean numeric = type != null && (type.asText().equals("number") || type.toString().contains("\"number\""));
            boolean covered = fields.stream().anyMatch(f -> pointer.equals(f) || pointer.startsWith(f + "/"));
            boolean exempt = pointer.endsWith("/formula") || pointer.contains("/tags/") || pointer.endsWith("/cradle")
                    || pointer.contains("/inventory/");
            if (numeric && !covered && !exempt) {
                without.add(pointer);
            }
            n.fields().forEachRemaining(e -> walk(e.getValue(), pointer + "/" + e.getKey(), fields, without));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), pointer + "/" + i, fields, without);
            }
        }
    }

    @Test
    void everyDomainIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("../docs/scenario-reference.md"));
        for (Map.Entry<String, Domain> e : NumericFields.DOMAINS.entrySet()) {
            String[] kindKey = e.getKey().split("\\.");
            String row = "| `" + kindKey[0] + "` | `" + kindKey[1] + "` | " + e.getValue().notation() + " |";
            assertTrue(docs.contains(row), "docs/scenario-reference.md lacks the row " + row);
        }
    }

    @Test
    void theSchemaRefusesNumbersOutsideTheirDomains() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(SCHEMA.toFile()));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        String ok = "hardware:\n  - {id: g, datacenter: d, lifetime: 6 years, count: 2, utilisation: 0.5}\n";
        assertTrue(schema.validate(yaml.readTree(ok)).isEmpty(), ok);
        for (String bad : List.of("lifetime: 0 years", "lifetime: -6 years", "lifetime: -6", "count: 0", "count: 1.5",
                "utilisation: 0", "utilisation: 1.2")) {
            String key = bad.substring(0, bad.indexOf(':'));
            String doc = ok.replaceAll(key + ": [^,}]+", bad);
            assertTrue(!schema.validate(yaml.readTree(doc)).isEmpty(), "the schema refuses " + bad);
        }
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("../docs/scenario-reference.md"));
        for (Map.Entry<String, List<String>> e : ScenarioReader.KEYS.entrySet()) {
            for (String key : e.getValue()) {
                assertTrue(docs.contains("`" + key + "`"), "docs/scenario-reference.md does not document '" + key
                        + "' (" + e.getKey() + ")");
            }
        }
    }

    @Test
    void everyExampleValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(SCHEMA.toFile()));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(examples.size() >= 3);
        for (Path p : examples) {
            Set<ValidationMessage> errors = schema.validate(yaml.readTree(p.toFile()));
            assertTrue(errors.isEmpty(), p + ": " + errors);
            assertTrue(Files.readString(p).startsWith("# yaml-language-server: $schema=../schema/cradle-scenario.schema.json"),
                    p + " names the schema for editors");
        }
        // and the schema rejects what the loader rejects: a misspelt key
        Set<ValidationMessage> bad = schema.validate(yaml.readTree("name: x\nprocesess: []\n"));
        assertTrue(bad.stream().anyMatch(m -> m.getMessage().contains("processes") || m.getMessage().contains("processes")
                || m.getMessage().contains("not allowed") || m.getMessage().contains("additional")), bad.toString());
    }
}
