package dev.cradle.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.analysis.MonteCarlo;
import dev.cradle.scenario.analysis.AnalysisProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One bar per analysis, named after it and counting its unit; nothing at all without a terminal. */
class TerminalProgressTest {
    @Test
    void silentWithoutATerminal() {
        // the tests run without a console, as a piped or redirected run does
        assertNull(System.console());
        assertNull(TerminalProgress.open("x.yaml"));
        assertSame(AnalysisProgress.NONE, TerminalProgress.orNone(null));
    }

    @Test
    void eachAnalysisGetsItsOwnBar() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (TerminalProgress bars = new TerminalProgress("x.yaml")) {
            MonteCarlo.Progress tornado = bars.start("Tornado", "evaluations");
            tornado.update(1, 21);
            tornado.update(21, 21);
            MonteCarlo.Progress sobol = bars.start("Sobol", "steps");
            sobol.update(1000, 12_000);
            sobol.update(11_000, 11_000); // the total shrinks when outputs share their indices
        } finally {
            System.setErr(err);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Tornado x.yaml") && out.contains("21/21"), out);
        assertTrue(out.contains("Sobol x.yaml") && out.contains("11000/11000"), out);
        assertTrue(out.contains("evaluations") && out.contains("steps"), out);
    }
}
