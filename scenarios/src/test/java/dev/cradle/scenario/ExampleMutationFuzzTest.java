package dev.cradle.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over every bundled example (scenarios/examples/*.yaml): each mutant gets one
 * to three mutations (a line deleted, duplicated or swapped; a number replaced by 0, −1, 1e308, NaN, a
 * string…; a unit replaced by a wrong one; indentation broken; the file truncated; a control character
 * inserted; a value or key replaced) and is run through {@code cradle validate} and {@code cradle run}
 * in-process. For every mutant: exit 0 or 2, never 1; no stack trace; no non-finite number
 * ("NaN", "Infinity") in the printed report or any result file (in the files' number fields, learnt
 * from the unmutated examples, so that a label called "NaN" is not taken for a number); {@code validate} succeeds exactly when
 * {@code run} does; both finish within {@link #SECONDS_PER_MUTANT} seconds, or within
 * {@link #TIMES_THE_EXAMPLE} times what the unmutated example takes when that is longer (an example
 * linked to a 766-process background database takes seconds by itself).
 *
 * <p>{@code -Dcradle.fuzz.mutants=N} (default 2,000) and {@code -Dcradle.fuzz.seed=S} (default fixed)
 * choose the run; failing mutants are written to target/fuzz-failures/ with the mutations applied.
 */
class ExampleMutationFuzzTest {
    static final int MUTANTS = Integer.getInteger("cradle.fuzz.mutants", 2000);
    static final long SEED = Long.getLong("cradle.fuzz.seed", 8_2026_11_29L);
    /** A generous bound for validate + run of one mutant on a loaded CI machine. */
    static final int SECONDS_PER_MUTANT = 10;
    /** A mutant may take this many times as long as its unmutated example (measured warm, in-process). */
    static final int TIMES_THE_EXAMPLE = 5;

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\\-])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w.])");
    private static final Pattern UNIT = Pattern.compile("(?<=\\d )[A-Za-zµ%][A-Za-z0-9µ%/²³.-]*");
    private static final Pattern VALUE = Pattern.compile("(?<=[A-Za-z_]: )[^#\\n{}\\[\\],]+");
    private static final Pattern KEY = Pattern.compile("(?<=[\\s{,-] ?)[a-z_]{2,}(?=: )");
    private static final Pattern NON_FINITE = Pattern.compile("\\bNaN\\b|Infinity|∞");
    private static final String[] NUMBERS = {"0", "-1", "1e308", "-1e308", "1e309", "NaN", ".nan", ".inf", "-.inf",
            "1e-320", "abc", "'12'", "99999999999999999999", "0.0", "-0", "1_000", "0x10", "2.5", "-1e-9", "1e30"};
    private static final String[] UNITS = {"kg", "kWh", "MW", "W", "w", "h", "days", "years", "km", "t", "L/kWh",
            "g/kWh", "GB", "furlongs", "KWH", "%", "m3", "kg/kWh", "J", "tkm", "item"};
    private static final String[] VALUES = {"", "~", "null", "[]", "{}", "[1, 2]", "{a: 1}", "true", "'x'", "\"\"",
            "x".repeat(300), "-5", "0", "1e308", "NaN", "dc", "gpus", "training", "inference", "2 kWh", "a: b",
            "'1 + '", "unknown-id", "&a 1", "*a", "!!binary aGk=", "|\n  block"};
    private static final String[] CONTROLS = {"\u0000", "\u0001", "\u0007", "\b", "\u000b", "\f", "\u001b",
            "\u007f", "\r", "\t", "\u0085", "\u2028", "\uFEFF", "\uD800"};

    @TempDir
    Path tmp;

    /** One mutant: its example, the mutations applied and the text. */
    record Mutant(int number, String example, List<String> mutations, String text) {
        String describe() {
            return "mutant " + number + " of " + example + ": " + String.join("; ", mutations);
        }
    }

    /** What went wrong with a mutant, by class (for the summary) and in detail. */
    record Failure(String kind, Mutant mutant, String detail) {
    }

    @Test
    void mutantsOfEveryExampleAreRefusedOrRunCleanly() throws Exception {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(examples.size() >= 10, "the bundled examples are found: " + examples);
        Path study = Files.createDirectories(tmp.resolve("study"));
        copyTree(Path.of("examples/data"), study.resolve("data"));
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path e : examples) {
            sources.put(e.getFileName().toString(), Files.readString(e));
        }
        OutputShape shape = OutputShape.of(study, sources);
        Map<String, Long> limitMillis = new LinkedHashMap<>();
        for (String name : sources.keySet()) {
            long t0 = System.nanoTime();
            Cli.run("validate", study.resolve(name).toString());
            Cli.run("run", study.resolve(name).toString(), "--out", tmp.resolve("timing").toString());
            long example = (System.nanoTime() - t0) / 1_000_000;
            limitMillis.put(name, Math.max(SECONDS_PER_MUTANT * 1000L, TIMES_THE_EXAMPLE * example));
        }
        Random random = new Random(SEED);
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        long start = System.nanoTime();
        try {
            for (int i = 0; i < MUTANTS; i++) {
                String name = examples.get(i % examples.size()).getFileName().toString();
                Mutant m = mutate(i, name, sources.get(name), new Random(random.nextLong()));
                Path file = study.resolve("m-" + name);
                Files.write(file, bytes(m.text()));
                Path out = tmp.resolve("out-" + name);
                Future<List<Failure>> check = worker.submit(() -> check(m, file, out, outcomes, shape));
                try {
                    failures.addAll(check.get(limitMillis.get(name), TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    failures.add(new Failure("slower than " + limitMillis.get(name) + " ms", m, ""));
                    try {
                        check.get(60, TimeUnit.SECONDS); // let it finish before the next mutant runs
                    } catch (TimeoutException hung) {
                        check.cancel(true);
                        worker.shutdownNow();
                        worker = Executors.newSingleThreadExecutor(daemon());
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        System.out.println("ExampleMutationFuzzTest: " + MUTANTS + " mutants of " + examples.size() + " examples, seed "
                + SEED + ", " + seconds + " s; outcomes " + outcomes + "; " + failures.size() + " failing");
        if (!failures.isEmpty()) {
            report(failures);
        }
        assertEquals(List.of(), failures.stream().map(f -> f.kind() + " — " + f.mutant().describe()).limit(20).toList(),
                failures.size() + " failing mutants; details in target/fuzz-failures/");
    }

    /** The detector itself: a number written as NaN is caught, a label called NaN is not. */
    @Test
    void theNonFiniteDetectorTellsNumbersFromLabels() {
        OutputShape shape = new OutputShape(java.util.Set.of("value", "share"), java.util.Set.of("value", "share"));
        assertTrue(shape.nonFiniteInJson("{\"impacts\": [{\"process\": \"NaN\", \"value\": 1.5}]}").isEmpty());
        assertEquals("\"value\": \"NaN\"", shape.nonFiniteInJson("{\"impacts\": [{\"value\": \"NaN\"}]}").orElseThrow());
        assertTrue(shape.nonFiniteInJson("{\"share\": Infinity}").orElseThrow().startsWith("\"share\": "));
        assertTrue(shape.nonFiniteInCsv("group,value,share\nNaN,1.0,0.5\n").isEmpty());
        assertTrue(shape.nonFiniteInCsv("group,value,share\nx,-Infinity,0.5\n").orElseThrow().startsWith("line 2"));
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-mutant");
            t.setDaemon(true);
            return t;
        };
    }

    private static List<Failure> check(Mutant m, Path file, Path out, Map<String, Integer> outcomes, OutputShape shape)
            throws IOException {
        List<Failure> failures = new ArrayList<>();
        Cli validate = Cli.run("validate", file.toString());
        Cli run = Cli.run("run", file.toString(), "--out", out.toString());
        synchronized (outcomes) {
            outcomes.merge("validate " + validate.code() + " / run " + run.code(), 1, Integer::sum);
        }
        for (Cli c : new Cli[] {validate, run}) {
            String what = c == validate ? "validate" : "run";
            if (c.code() != 0 && c.code() != 2) {
                failures.add(new Failure(what + " exit " + c.code(), m, c.err()));
            }
            String all = c.out() + c.err();
            if (all.contains("\tat ") || all.contains("Exception") || all.contains("internal error")) {
                failures.add(new Failure(what + " prints a stack trace or an internal error", m, c.err()));
            }
        }
        if (run.code() == 0) {
            // a label may be called "NaN"; a printed NaN or Infinity the mutant does not contain is a number
            Matcher printed = NON_FINITE.matcher(run.out());
            while (printed.find()) {
                if (!m.text().contains(printed.group())) {
                    failures.add(new Failure("non-finite number in the printed report", m, excerpt(run.out())));
                    break;
                }
            }
            shape.nonFiniteInJson(Files.readString(out.resolve("results.json")))
                    .ifPresent(d -> failures.add(new Failure("non-finite number in results.json", m, d)));
            shape.nonFiniteInCsv(Files.readString(out.resolve("results.csv")))
                    .ifPresent(d -> failures.add(new Failure("non-finite number in results.csv", m, d)));
        }
        boolean environment = run.err().contains("cannot write results to");
        if ((validate.code() == 0) != (run.code() == 0) && !environment) {
            failures.add(new Failure("validate exit " + validate.code() + " but run exit " + run.code(), m,
                    validate.err() + run.err()));
        }
        return failures;
    }

    /**
     * Which result fields hold numbers, learnt from the unmutated examples' outputs, so that a process or a
     * scenario named "NaN" is not mistaken for a non-finite number while a number written as "NaN" (Jackson
     * writes non-finite doubles as strings) or an unparsable results.json is caught.
     */
    record OutputShape(java.util.Set<String> numericJsonFields, java.util.Set<String> numericCsvColumns) {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                com.fasterxml.jackson.databind.json.JsonMapper.builder()
                        .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        private static final java.util.Set<String> NON_FINITE_TEXT = java.util.Set.of("NaN", "Infinity", "-Infinity",
                "+Infinity");

        static OutputShape of(Path study, Map<String, String> sources) throws IOException {
            java.util.Set<String> fields = new java.util.TreeSet<>();
            java.util.Set<String> columns = null;
            for (String name : sources.keySet()) {
                Path file = study.resolve(name);
                Files.writeString(file, sources.get(name));
                Path out = study.resolve("baseline-" + name);
                Cli run = Cli.run("run", file.toString(), "--out", out.toString());
                assertEquals(0, run.code(), name + " runs unmutated: " + run.err());
                numericFields(JSON.readTree(Files.readString(out.resolve("results.json"))), "", fields);
                java.util.Set<String> numeric = numericColumns(Files.readString(out.resolve("results.csv")));
                if (columns == null) {
                    columns = numeric;
                } else {
                    columns.retainAll(numeric);
                }
            }
            assertTrue(fields.contains("value") && columns.contains("value"), fields + " " + columns);
            return new OutputShape(fields, columns);
        }

        private static void numericFields(com.fasterxml.jackson.databind.JsonNode n, String field, java.util.Set<String> out) {
            if (n.isNumber()) {
                out.add(field);
            }
            if (n.isObject()) {
                n.properties().forEach(e -> numericFields(e.getValue(), e.getKey(), out));
            } else if (n.isArray()) {
                n.forEach(c -> numericFields(c, field, out));
            }
        }

        private static java.util.Set<String> numericColumns(String csv) throws IOException {
            java.util.Set<String> numeric = new java.util.TreeSet<>();
            try (var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(csv))) {
                List<org.apache.commons.csv.CSVRecord> rows = p.getRecords();
                for (String column : p.getHeaderNames()) {
                    boolean all = !rows.isEmpty();
                    for (var row : rows) {
                        String v = row.get(column);
                        all &= v.isEmpty() || isNumber(v);
                    }
                    if (all) {
                        numeric.add(column);
                    }
                }
            }
            return numeric;
        }

        private static boolean isNumber(String v) {
            try {
                Double.parseDouble(v);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        java.util.Optional<String> nonFiniteInJson(String json) {
            try {
                List<String> found = new ArrayList<>();
                walk(JSON.readTree(json), "", found);
                return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", found));
            } catch (IOException e) {
                return java.util.Optional.of("results.json is not valid JSON: " + e.getMessage());
            }
        }

        private void walk(com.fasterxml.jackson.databind.JsonNode n, String field, List<String> found) {
            if (n.isNumber() && !Double.isFinite(n.doubleValue())
                    || n.isTextual() && NON_FINITE_TEXT.contains(n.textValue()) && numericJsonFields.contains(field)) {
                found.add("\"" + field + "\": " + n);
            }
            if (n.isObject()) {
                n.properties().forEach(e -> walk(e.getValue(), e.getKey(), found));
            } else if (n.isArray()) {
                n.forEach(c -> walk(c, field, found));
            }
        }

        java.util.Optional<String> nonFiniteInCsv(String csv) {
            try (var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(csv))) {
                for (var row : p) {
                    for (String column : numericCsvColumns) {
                        String v = row.isMapped(column) ? row.get(column) : "";
                        if (!v.isEmpty() && (!isNumber(v) || !Double.isFinite(Double.parseDouble(v)))) {
                            return java.util.Optional.of("line " + (row.getRecordNumber() + 1) + ": " + row);
                        }
                    }
                }
                return java.util.Optional.empty();
            } catch (IOException | RuntimeException e) {
                return java.util.Optional.of("results.csv cannot be read back: " + e.getMessage());
            }
        }
    }

    /** UTF-8, except that a lone surrogate (U+D800) stands for the invalid byte 0xFF. */
    static byte[] bytes(String text) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        String[] parts = text.split("\uD800", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.write(0xFF);
            }
            b.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static String excerpt(String s) {
        Matcher x = NON_FINITE.matcher(s);
        if (!x.find()) {
            return "";
        }
        int a = s.lastIndexOf('\n', Math.max(0, x.start() - 1));
        int b = s.indexOf('\n', x.end());
        return s.substring(Math.max(0, a + 1), b < 0 ? s.length() : b);
    }

    // ---- mutations ---------------------------------------------------------------------------------

    static Mutant mutate(int number, String example, String source, Random r) {
        String text = source;
        List<String> applied = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int k = 0; k < count; k++) {
            String[] result = mutateOnce(text, r);
            text = result[0];
            applied.add(result[1]);
        }
        return new Mutant(number, example, applied, text);
    }

    /** One mutation: the new text and a description naming the line. */
    static String[] mutateOnce(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = r.nextInt(lines.size());
        switch (r.nextInt(10)) {
            case 0 -> {
                lines.remove(line);
                return new String[] {String.join("\n", lines), "delete line " + (line + 1)};
            }
            case 1 -> {
                lines.add(line, lines.get(line));
                return new String[] {String.join("\n", lines), "duplicate line " + (line + 1)};
            }
            case 2 -> {
                int other = r.nextInt(lines.size());
                String a = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, a);
                return new String[] {String.join("\n", lines), "swap lines " + (line + 1) + " and " + (other + 1)};
            }
            case 3 -> {
                return replaceMatch(text, NUMBER, NUMBERS[r.nextInt(NUMBERS.length)], r, "number");
            }
            case 4 -> {
                return replaceMatch(text, UNIT, UNITS[r.nextInt(UNITS.length)], r, "unit");
            }
            case 5 -> {
                String l = lines.get(line);
                String indented = switch (r.nextInt(4)) {
                    case 0 -> " " + l;
                    case 1 -> "   " + l;
                    case 2 -> l.stripLeading();
                    default -> "\t" + l.stripLeading();
                };
                lines.set(line, indented);
                return new String[] {String.join("\n", lines), "indentation of line " + (line + 1)};
            }
            case 6 -> {
                int at = r.nextInt(text.length() + 1);
                return new String[] {text.substring(0, at), "truncate at character " + at};
            }
            case 7 -> {
                int at = r.nextInt(text.length() + 1);
                String c = CONTROLS[r.nextInt(CONTROLS.length)];
                return new String[] {text.substring(0, at) + c + text.substring(at),
                        "insert U+" + String.format("%04X", (int) c.charAt(0)) + " at character " + at};
            }
            case 8 -> {
                return replaceMatch(text, VALUE, VALUES[r.nextInt(VALUES.length)], r, "value");
            }
            default -> {
                String[] keys = {"id", "name", "unit", "amount", "flow", "count", "lifetime", "power", "pue", "model",
                        "hardware", "datacenter", "phase", "formula", "value", "grid", "devices", "runs", "x"};
                return replaceMatch(text, KEY, keys[r.nextInt(keys.length)], r, "key");
            }
        }
    }

    private static String[] replaceMatch(String text, Pattern p, String replacement, Random r, String what) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return new String[] {text, "no " + what + " to replace"};
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        int line = 1 + (int) text.substring(0, s[0]).chars().filter(c -> c == '\n').count();
        String shown = replacement.length() > 20 ? replacement.substring(0, 20) + "…" : replacement;
        return new String[] {text.substring(0, s[0]) + replacement + text.substring(s[1]),
                what + " '" + text.substring(s[0], s[1]) + "' → '" + shown.replace("\n", "\\n") + "' on line " + line};
    }

    // ---- reporting ---------------------------------------------------------------------------------

    private static void report(List<Failure> failures) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Map<String, List<Failure>> byKind = new TreeMap<>();
        failures.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        StringBuilder summary = new StringBuilder();
        for (var e : byKind.entrySet()) {
            summary.append(e.getValue().size()).append(" × ").append(e.getKey()).append('\n');
            for (Failure f : e.getValue().subList(0, Math.min(5, e.getValue().size()))) {
                Path file = dir.resolve("mutant-" + f.mutant().number() + "-" + f.mutant().example());
                Files.write(file, bytes(f.mutant().text()));
                summary.append("    ").append(f.mutant().describe()).append(" → ").append(file).append('\n');
                summary.append("      ").append(f.detail().strip().replace("\n", "\n      ")).append('\n');
            }
        }
        Files.writeString(dir.resolve("summary.txt"), summary.toString());
        System.out.println(summary);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
