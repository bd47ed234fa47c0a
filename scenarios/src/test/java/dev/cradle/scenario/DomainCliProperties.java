package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any number written into a numeric field of the bundled example two-models-shared-cluster.yaml:
 * {@code validate} and {@code run} agree, neither ends in an internal error, and a number outside the
 * field's domain ({@link NumericFields}) is refused at the field's line naming the field.
 */
class DomainCliProperties {
    /** A field of the example: the text replaced, its kind and key, and the line it is on. */
    record Field(String written, String kind, String key, int line, String unit) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("pue: 1.11", "datacenter", "pue", 20, ""),
            new Field("utilisation: 0.85", "hardware", "utilisation", 36, ""),
            new Field("count: 64", "hardware", "count", 33, ""),
            new Field("lifetime: 6 years", "hardware", "lifetime", 35, " years"),
            new Field("mass: 1.7 kg", "hardware", "mass", 40, " kg"),
            new Field("recycling_rate: 0.223", "hardware", "recycling_rate", 44, ""),
            new Field("runs: 1.5", "workload", "runs", 59, ""),
            new Field("device_hours: 10000", "workload", "device_hours", 72, ""),
            new Field("wue_onsite: 0.55 L/kWh", "datacenter", "wue_onsite", 21, " L/kWh"));

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, -1.0, 1.0, 0.5, 2.0, 1e-320, 1e308, -1e308, 64.0, 1.5),
                Arbitraries.doubles().between(-100, 100), Arbitraries.doubles());
    }

    @Property(tries = 40)
    void validateAndRunAgreeAndDomainsHold(@ForAll("values") double value, @ForAll("fields") Field field)
            throws Exception {
        Path dir = Files.createTempDirectory("domain");
        String base = Files.readString(NumericDomainsTest.EXAMPLE);
        assertTrue(base.contains(field.written()), field.written());
        String written = Double.toString(value);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, base.replace(field.written(), field.key() + ": " + written + field.unit()));
        Cli validate = Cli.run("validate", f.toString());
        Cli run = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertEquals(validate.code(), run.code(), validate.err() + "\n---\n" + run.err());
        assertNotEquals(1, run.code(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        if (!NumericFields.of(field.kind(), field.key()).accepts(value)) {
            assertEquals(2, run.code(), written);
            assertTrue(run.err().contains("s.yaml:" + field.line() + ":") && run.err().contains("'" + field.key() + "'"),
                    written + " in " + field.key() + ":\n" + run.err());
        }
    }

    @Provide
    Arbitrary<Field> fields() {
        return Arbitraries.of(FIELDS);
    }
}
