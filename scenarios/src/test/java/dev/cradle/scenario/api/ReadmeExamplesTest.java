package dev.cradle.scenario.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples, compiled as written (javax.tools, against the test classpath) and run:
 * what they print is checked against hand-computed values.
 */
class ReadmeExamplesTest {

    /** The repository's README.md, found by walking up from the module directory. */
    static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("README.md");
            if (Files.exists(candidate) && Files.exists(dir.resolve("lca-engine"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** Every ```java block of the README, in order. */
    static List<String> javaBlocks() throws IOException {
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(readme(), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Compiles one example into {@code dir}, runs its main method and returns what it printed. */
    static String compileAndRun(String source, Path dir) throws Exception {
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(name.find(), "the example declares a public class");
        Path file = dir.resolve(name.group(1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK (not a JRE) runs the tests");
        StringWriter diagnostics = new StringWriter();
        String classpath = classpath();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("-classpath", classpath, "-d", dir.toString(),
                "-Xlint:none"), null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                .getJavaFileObjects(file.toFile())).call();
        assertTrue(ok, "the README example " + name.group(1) + " does not compile:\n" + diagnostics);
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeExamplesTest.class.getClassLoader())) {
            Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8).strip();
    }

    /** The test classpath as javac needs it (surefire may hand the JVM a manifest-only jar). */
    private static String classpath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(e);
            if (e.endsWith(".jar") && Files.exists(Path.of(e))) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(e)) {
                    var manifest = jar.getManifest();
                    String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String u : cp.trim().split("\\s+")) {
                            entries.add(Path.of(java.net.URI.create(u)).toString());
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void theReadmeHasTwoJavaExamples() throws IOException {
        assertEquals(2, javaBlocks().size());
    }

    @Test
    void theProductSystemExampleCompilesAndPrintsTheHandValue(@TempDir Path dir) throws Exception {
        // 1,082,990 GPU-hours × 0.4 kW = 433,196 kWh; × 57 g/kWh = 24,692.172 kg CO2-eq
        assertEquals("24692.172 kg CO2-eq", compileAndRun(javaBlocks().get(0), dir));
    }

    @Test
    void theAiStudyExampleCompilesAndPrintsTheHandValue(@TempDir Path dir) throws Exception {
        // device-hours: 10 days × 24 h × 8 GPUs = 1,920;
        // use: 1,920 device-h × 0.4 kW = 768 kWh IT × PUE 1.2 = 921.6 kWh × 0.05 kg/kWh = 46.08 kg;
        // embodied: 150 kg per GPU × 1,920 device-h / (5 years × 8,760 h × utilisation 1) = 6.5753 kg;
        // total 52.6553 kg CO2-eq
        assertEquals("52.655 kg CO2-eq", compileAndRun(javaBlocks().get(1), dir));
    }
}
