package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.model.Expression;
import dev.cradle.scenario.yaml.YamlDocument;
import dev.cradle.scenario.yaml.YamlReader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every literal numeric field of every bundled example's AI declarations, replaced by a parameter
 * ({@code power: 400 W} → parameter {@code p: 400 W}, {@code power: p}) and by a formula
 * ({@code power: p * 2 / 2 W}), reads as the same declarations: every field's value at the parameters'
 * central values equals the literal's to 1e-12 (relative). The same through the rules, to the results, is
 * {@link ParametricExamplesResultsTest}.
 */
class ParametricExamplesTest {
    @TempDir
    Path dir;

    static Stream<Path> examples() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                if (!ParametricRewrite.sites(YamlReader.read(p)).isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parametersAndFormulasReadAsTheLiterals(Path example) throws Exception {
        YamlDocument doc = YamlReader.read(example);
        List<ParametricRewrite.Site> sites = ParametricRewrite.sites(doc);
        ParsedScenario literal = ScenarioReader.read(doc, StudyFolder.of(example));
        CentralValues literalValues = ScenarioLoader.centralValues(literal);
        for (ParametricRewrite.Mode mode : ParametricRewrite.Mode.values()) {
            Path copy = example.toAbsolutePath().getParent().resolve(".parametric-" + mode + "-" + example.getFileName() + ".tmp");
            try {
                Files.writeString(copy, ParametricRewrite.rewrite(doc, sites, mode));
                ParsedScenario parametric = ScenarioReader.read(YamlReader.read(copy), StudyFolder.of(copy));
                CentralValues values = ScenarioLoader.centralValues(parametric);
                List<String> differences = new ArrayList<>();
                int[] compared = {0};
                compare(literal.declarations(), parametric.declarations(), literalValues, values, "declarations",
                        differences, compared);
                assertEquals(List.of(), differences, example + " " + mode);
                // every field replaced now reads a parameter (and so may a derived one: a measurement's device-hours
                // read the hardware's count)
                long parametricFields = countParametric(parametric.declarations());
                assertTrue(parametricFields >= sites.size(), example + " " + mode + ": " + parametricFields + " < " + sites);
                assertTrue(compared[0] >= sites.size());
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** Walks two declaration trees side by side, comparing expressions by their central values. */
    static void compare(Object a, Object b, CentralValues ca, CentralValues cb, String path, List<String> out, int[] n)
            throws Exception {
        if (a == null || b == null) {
            if (a != b) {
                out.add(path + ": " + a + " / " + b);
            }
            return;
        }
        if (a instanceof Expression ea && b instanceof Expression eb) {
            double x = ca.of(ea);
            double y = cb.of(eb);
            n[0]++;
            if (Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y))) {
                out.add(path + ": " + x + " (" + ea.text() + ") / " + y + " (" + eb.text() + ")");
            }
            return;
        }
        if (a instanceof Record) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                if (!rc.getName().equals("origin")) {
                    compare(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b), ca, cb, path + "." + rc.getName(), out, n);
                }
            }
            return;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                out.add(path + ": " + la.size() + " / " + lb.size() + " items");
                return;
            }
            for (int i = 0; i < la.size(); i++) {
                compare(la.get(i), lb.get(i), ca, cb, path + "[" + i + "]", out, n);
            }
            return;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                out.add(path + ": keys " + ma.keySet() + " / " + mb.keySet());
                return;
            }
            for (Object k : ma.keySet()) {
                compare(ma.get(k), mb.get(k), ca, cb, path + "." + k, out, n);
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(path + ": " + a + " / " + b);
        }
    }

    /** The number of expressions in the tree that read a parameter named zz_p…. */
    static long countParametric(Object o) throws Exception {
        if (o instanceof Expression e) {
            return e.variables().stream().anyMatch(v -> v.startsWith("zz_p")) ? 1 : 0;
        }
        long c = 0;
        if (o instanceof Record) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                c += countParametric(rc.getAccessor().invoke(o));
            }
        } else if (o instanceof List<?> l) {
            for (Object x : l) {
                c += countParametric(x);
            }
        } else if (o instanceof Map<?, ?> m) {
            for (Object x : m.values()) {
                c += countParametric(x);
            }
        }
        return c;
    }
}
