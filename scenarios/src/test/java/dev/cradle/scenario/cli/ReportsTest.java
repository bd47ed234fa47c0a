package dev.cradle.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.calc.LcaCalculator;
import dev.cradle.engine.solve.Factorization;
import dev.cradle.engine.solve.SingularSystemException;
import dev.cradle.engine.solve.SparseLuSolver;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioException;
import dev.cradle.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A system that cannot be solved is bad input (exit 2, the loop named), in every solve behind the reports. */
class ReportsTest {
    @TempDir
    Path dir;

    /**
     * Two processes in a loop: pa makes 1 kg of a from 1e-12 kg of b; pb makes 1e-6 kg of b from 1e4 kg of a.
     * A = [[1, -1e4], [-1e-12, 1e-6]] is regular (det 0.99e-6), but its transpose's pivots differ by 1e-14.
     */
    static final String LOOP = """
            name: loop
            flows:
              - {id: a, type: product, unit: kg}
              - {id: b, type: product, unit: kg}
              - {id: co2, type: elementary, compartment: air, unit: kg}
            processes:
              - id: pa
                stage: use
                outputs:
                  - {flow: a, amount: 1}
                  - {flow: co2, amount: 1}
                inputs:
                  - {flow: b, amount: 1e-12}
              - id: pb
                stage: use
                outputs:
                  - {flow: b, amount: 1e-6}
                inputs:
                  - {flow: a, amount: 1e4}
            methods:
              - id: m
                categories:
                  - {id: gwp, unit: kg CO2-eq, factors: [{flow: co2, value: 1}]}
            functional_unit: {flow: b, amount: 1}
            """;

    /**
     * A solver whose solves work and whose transposed solve (the upstream tree's) finds the loop singular:
     * the sparse LU's factorisation behind a proxy that fails only {@code solveTransposed}.
     */
    private static final dev.cradle.engine.solve.Solver TRANSPOSED_SINGULAR = a -> {
        Factorization lu = new SparseLuSolver().factorize(a);
        return (Factorization) java.lang.reflect.Proxy.newProxyInstance(Factorization.class.getClassLoader(),
                new Class<?>[] {Factorization.class}, (proxy, method, args) -> {
                    if (method.getName().equals("solveTransposed")) {
                        throw new SingularSystemException("the matrix is singular: these processes form a loop",
                                new int[] {0, 1});
                    }
                    try {
                        return method.invoke(lu, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    };

    /** The loaded scenario with another result (every other component copied, whatever the record holds). */
    private static LoadedScenario withResult(LoadedScenario loaded, dev.cradle.engine.result.LcaResult result)
            throws Exception {
        var components = LoadedScenario.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("result") ? result : components[i].getAccessor().invoke(loaded);
        }
        return LoadedScenario.class.getDeclaredConstructor(types).newInstance(values);
    }

    @Test
    void aSingularUpstreamSolveIsBadInputNamingTheLoop() throws Exception {
        Path f = dir.resolve("loop.yaml");
        Files.writeString(f, LOOP);
        LoadedScenario loaded = ScenarioLoader.load(f);
        LoadedScenario s = withResult(loaded, new LcaCalculator(TRANSPOSED_SINGULAR).calculate(loaded.compiled()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Reports.of(s));
        assertEquals(1, e.problems().size());
        String message = e.problems().get(0).toString();
        // process pa is declared at line 7, column 5 of LOOP
        assertTrue(message.endsWith("loop.yaml:7:5: the system cannot be solved: the matrix is singular: these processes "
                + "form a loop (pa, pb)"), message);
    }

    /** Through the real CLI: whatever the solver decides about this system, it is never an internal fault. */
    @Test
    void theCliNeverReportsASolveFailureAsABug() throws Exception {
        Path f = dir.resolve("loop.yaml");
        Files.writeString(f, LOOP);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CradleCli.run(new String[] {"run", f.toString(), "--out", dir.resolve("out").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertNotEquals(1, code, text);
        if (code == 2) {
            assertTrue(text.contains("loop.yaml:7:5: the system cannot be solved") && text.contains("(pa, pb)"), text);
            assertTrue(Files.notExists(dir.resolve("out")), "nothing is written");
        }
    }
}
