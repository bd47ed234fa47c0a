package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.factors.FactorLibrary;
import dev.cradle.scenario.io.DatabaseCalculator;
import dev.cradle.scenario.io.DatabaseLinker;
import dev.cradle.scenario.io.DatabaseResults;
import dev.cradle.scenario.io.Databases;
import dev.cradle.scenario.io.FlowMapping;
import dev.cradle.scenario.io.ImportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario that links its electricity to a process of the bundled USLCI instead of inlining it. */
class BackgroundDatabaseScenarioTest {
    static final Path EXAMPLE = Path.of("examples/uslci-background.yaml");

    @TempDir
    Path dir;

    @Test
    void theForegroundCarriesTheBackgroundProcesssCumulativeResult() {
        LoadedScenario s = ScenarioLoader.load(EXAMPLE);
        assertEquals(767, s.system().processes().size(), "the run and USLCI's 766 processes");
        LcaResult r = Cradle.calculator().calculate(s.compiled());
        // the same grid process through 'db calc': y kg CO2-eq per MJ; the run draws
        // 8 × 400 W × 72 h / 1000 × 1.2 = 276.48 kWh = 995.328 MJ, so GWP = 995.328 × y (≈ 217.6 kg)
        FactorLibrary lib = FactorLibrary.bundled();
        DatabaseResults db = DatabaseCalculator.calculate(DatabaseLinker.link(Databases.read("uslci"),
                ImportOptions.defaults()), List.of(lib.method("ipcc-ar6-gwp100").orElseThrow()),
                new FlowMapping(lib.flows().values()));
        double y = db.row("b65eb774-e80d-3ba6-a63c-5e1a5e33e54b").values()[0];
        assertEquals(276.48 * 3.6 * y, r.impact("climate_change"), 1e-9 * 217.6);
        assertEquals(217.6, r.impact("climate_change"), 0.05);
        assertTrue(s.backgroundLinks().stream().anyMatch(l -> l.contains("process:fine_tuning/exchange:0  ->  uslci: "
                + "'Electricity, at grid, US, 2000' (b65eb774-e80d-3ba6-a63c-5e1a5e33e54b)")), s.backgroundLinks().toString());
    }

    @Test
    void explainShowsTheLinkAndTheCoverage() {
        Cli r = Cli.run("explain", EXAMPLE.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Background database uslci:"), r.out());
        assertTrue(r.out().contains("coverage in uslci: ipcc-ar6-gwp100/climate_change"), r.out());
    }

    @Test
    void anUnknownBackgroundProcessIsAPositionedError() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, Files.readString(EXAMPLE).replace("Electricity, at grid, US, 2000", "Electricity, at grid, US, 2001"));
        Cli r = Cli.run("validate", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:30:68: database 'uslci' has no process 'Electricity, at grid, US, 2001'; "
                + "did you mean"), r.err());
    }

    @Test
    void aDatabaseThatCannotBeReadIsAPositionedError() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, Files.readString(EXAMPLE).replace("path: uslci}", "path: missing.zip}"));
        Cli r = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:13:23: ") && r.err().contains("missing.zip: no such file or folder"), r.err());
        assertTrue(r.err().contains("1 problem"), "no follow-up error at the provider: " + r.err());
    }

    /** A database is read like every file a scenario names: inside the study's folder or an --allow-root. */
    @Test
    void aDatabaseOutsideTheStudysFolderIsRefusedUnlessItsFolderIsAllowed() throws Exception {
        Path zip = Path.of("src/main/resources/databases/uslci/uslci-olca1.5-jsonld.zip").toAbsolutePath();
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, Files.readString(EXAMPLE).replace("path: uslci}", "path: \"" + zip + "\"}"));
        Cli r = Cli.run("validate", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("s.yaml:13:23: database 'uslci': ") && r.err().contains("lies outside the study's "
                + "folder") && r.err().contains("--allow-root DIR"), r.err());
        r = Cli.run("validate", f.toString(), "--allow-root", zip.getParent().toString());
        assertEquals(0, r.code(), r.err());
    }
}
