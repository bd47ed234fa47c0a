package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The loader and the JSON Schema draw every domain's boundary at the same place: for any finite
 * number, {@link Domain#accepts} agrees with a schema made of {@link Domain#schemaKeywords()}.
 */
class DomainProperties {
    private static final Map<Domain, JsonSchema> SCHEMAS = new EnumMap<>(Domain.class);

    static {
        for (Domain d : Domain.values()) {
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.put("$schema", "http://json-schema.org/draft-07/schema#");
            schema.put("type", "number");
            d.schemaKeywords().forEach((k, v) -> schema.put(k, ((Number) v).intValue()));
            SCHEMAS.put(d, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema));
        }
    }

    @Provide
    Arbitrary<Double> numbers() {
        // the boundaries and their neighbours, whole numbers, and anything finite
        return Arbitraries.oneOf(Arbitraries.of(0.0, -0.0, 1.0, -1.0, 1e-320, -1e-320, Math.nextUp(1.0),
                        Math.nextDown(1.0), Math.nextUp(0.0), 2.0, 0.5, 1.5, 64.0, Double.MAX_VALUE, -Double.MAX_VALUE),
                Arbitraries.integers().between(-5, 100).map(Integer::doubleValue),
                Arbitraries.doubles().between(-10, 10),
                Arbitraries.doubles());
    }

    @Property(tries = 400)
    void loaderAndSchemaAgree(@ForAll("numbers") double v) throws Exception {
        JsonNode number = new ObjectMapper().readTree(Double.toString(v));
        for (Domain d : Domain.values()) {
            boolean schemaAccepts = SCHEMAS.get(d).validate(number).isEmpty();
            assertEquals(d.accepts(v), schemaAccepts, d + " at " + v);
        }
    }
}
