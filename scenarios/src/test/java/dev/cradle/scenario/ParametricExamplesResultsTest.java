package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.yaml.YamlDocument;
import dev.cradle.scenario.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every literal numeric field of every bundled example's AI declarations, replaced by a parameter and by a
 * formula ({@link ParametricRewrite}), gives the same results: every indicator, location-based and
 * market-based, to 1e-12 (relative).
 *
 * <p>This runs through the rules (which compute with {@code Value}, so a field that reads a parameter stays a
 * tree over the parameter table) and the solve.
 */
class ParametricExamplesResultsTest {
    static java.util.stream.Stream<Path> examples() throws Exception {
        return ParametricExamplesTest.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parametersAndFormulasGiveTheLiteralsResults(Path example) throws Exception {
        YamlDocument doc = YamlReader.read(example);
        List<ParametricRewrite.Site> sites = ParametricRewrite.sites(doc);
        LoadedScenario literal = ScenarioLoader.load(example);
        for (ParametricRewrite.Mode mode : ParametricRewrite.Mode.values()) {
            Path copy = example.toAbsolutePath().getParent().resolve(".parametric-" + mode + "-" + example.getFileName() + ".tmp");
            try {
                Files.writeString(copy, ParametricRewrite.rewrite(doc, sites, mode));
                LoadedScenario parametric = ScenarioLoader.load(copy);
                same(literal.result(), parametric.result(), example + " " + mode + " location-based");
                if (literal.view().market() != null) {
                    same(literal.view().market(), parametric.view().market(), example + " " + mode + " market-based");
                }
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    private static void same(LcaResult a, LcaResult b, String what) {
        assertEquals(a.impactIndex().size(), b.impactIndex().size(), what);
        for (int k = 0; k < a.impactIndex().size(); k++) {
            double x = a.impacts()[k];
            double y = b.impacts()[k];
            assertEquals(x, y, 1e-12 * Math.max(Math.abs(x), Math.abs(y)), what + " " + a.impactIndex().at(k).key());
        }
    }
}
