package dev.cradle.scenario.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.cradle.scenario.Position;
import dev.cradle.scenario.Problem;
import dev.cradle.scenario.ScenarioException;
import dev.cradle.scenario.StudyFolder;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a scenario file with Jackson's streaming YAML parser into {@link YamlNode} records with
 * positions. Defensive by design: files over {@link #MAX_BYTES} (counted as read) are refused, nesting deeper than
 * {@link #MAX_DEPTH} is refused, anchors and aliases are refused (no alias bombs, and no value that
 * silently stands for another), duplicate keys are reported with both positions, and a syntax
 * error is reported at its line and column. Only one document per file.
 */
public final class YamlReader {
    /** Largest scenario file accepted: 4 MiB. */
    public static final int MAX_BYTES = StudyFolder.MAX_SCENARIO_BYTES;
    /** Deepest nesting of maps and lists accepted. */
    public static final int MAX_DEPTH = 40;

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private final String[] lines;

    private YamlReader(Path file, String text) {
        this.file = file;
        this.lines = text.split("\n", -1);
    }

    /**
     * Reads and parses {@code file}; bad input becomes a {@link ScenarioException}. The read is bounded
     * by the bytes actually read ({@link StudyFolder#readNamedFile}): a device, a pipe or an endless
     * stream is refused at once, never read into memory.
     */
    public static YamlDocument read(Path file) {
        byte[] bytes;
        try {
            bytes = StudyFolder.readNamedFile(file, MAX_BYTES);
        } catch (StudyFolder.RefusedFile e) {
            throw single(file, e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw single(file, "the file is not valid UTF-8 text");
        }
        return parse(file, text);
    }

    /** Parses YAML text that came from {@code file} (used for messages only). */
    public static YamlDocument parse(Path file, String text) {
        if (text.length() > MAX_BYTES) {
            throw single(file, "the text is longer than " + MAX_BYTES + " characters");
        }
        YamlReader reader = new YamlReader(file, text);
        reader.rejectControlCharacters(text);
        if (reader.problems.isEmpty() && (text.indexOf('&') >= 0 || text.indexOf('*') >= 0)) {
            reader.rejectAnchorsOnAnyNode(text);
        }
        if (!reader.problems.isEmpty()) {
            throw new ScenarioException(reader.problems);
        }
        YamlNode root = reader.parseText(text);
        if (!reader.problems.isEmpty()) {
            throw new ScenarioException(reader.problems);
        }
        return new YamlDocument(file, root, List.of(reader.lines));
    }

    /**
     * Control characters (other than tab, line feed and carriage return) are refused at their own line
     * and column, before the YAML parser sees them (it reports them later and elsewhere).
     */
    private void rejectControlCharacters(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if ((Character.isISOControl(c) && c != '\t' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                problems.add(new Problem(file, new Position(line, column), String.format(
                        "control character U+%04X is not allowed in a scenario file; remove it, or write it as an "
                                + "escape (\\u%04x) inside double quotes", (int) c, (int) c)));
                if (problems.size() >= 20) {
                    return;
                }
            }
            column++;
        }
    }

    /**
     * Anchors and aliases on any node, a plain value included ({@code value: &h 72}), found with
     * SnakeYAML's event stream (the token parser under Jackson's, which reports anchors of scalars
     * unreliably). A syntax error here is left to the main parse, which reports it.
     */
    private void rejectAnchorsOnAnyNode(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Integer.MAX_VALUE); // events only: nothing is expanded
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        options.setCodePointLimit(MAX_BYTES);
        try {
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(text))) {
                String what = null;
                if (e instanceof org.yaml.snakeyaml.events.AliasEvent) {
                    what = "YAML aliases (*name) are not allowed in scenario files; write the value out, or use a parameter";
                } else if (e instanceof org.yaml.snakeyaml.events.NodeEvent n && n.getAnchor() != null) {
                    what = "YAML anchors (&name) are not allowed in scenario files; write the value out, or use a "
                            + "parameter";
                }
                if (what != null) {
                    var mark = e.getStartMark();
                    problems.add(new Problem(file, new Position(mark.getLine() + 1, mark.getColumn() + 1), what));
                    return;
                }
            }
        } catch (RuntimeException syntax) {
            // reported by the main parse, with Jackson's position
        }
    }

    /** Where the first tab used for indentation is (YAML forbids it); the parser reports it one token late. */
    private Position firstIndentingTab() {
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            for (int c = 0; c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t'); c++) {
                if (line.charAt(c) == '\t') {
                    return new Position(l + 1, c + 1);
                }
            }
        }
        int tab = String.join("\n", lines).indexOf('\t');
        if (tab < 0) {
            return null;
        }
        String before = String.join("\n", lines).substring(0, tab);
        int l = (int) before.chars().filter(ch -> ch == '\n').count();
        return new Position(l + 1, tab - before.lastIndexOf('\n'));
    }

    private static ScenarioException single(Path file, String message) {
        return new ScenarioException(List.of(new Problem(file, Position.UNKNOWN, message)));
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported by us, with both positions
        YAMLFactory f = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 10).maxStringLength(MAX_BYTES).build())
                .build();
        return f;
    }

    private YamlNode parseText(String text) {
        try (JsonParser p = factory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(new Problem(file, Position.UNKNOWN, "the file is empty"));
                return null;
            }
            YamlNode root = node(p, 0);
            if (root == null) {
                return null;
            }
            if (p.nextToken() != null) {
                problems.add(new Problem(file, position(p.currentTokenLocation()),
                        "a scenario file holds one YAML document; remove the second one"));
            }
            return root;
        } catch (Abort a) {
            return null;
        } catch (StreamConstraintsException e) {
            problems.add(new Problem(file, Position.UNKNOWN, "the document nests too deeply or is too large: "
                    + firstLine(e.getOriginalMessage())));
            return null;
        } catch (IOException | RuntimeException e) {
            String message = syntaxMessage(e);
            Position at = syntaxPosition(e);
            if (message.contains("\\t(TAB)") || message.contains("\t(TAB)")) {
                Position tab = firstIndentingTab();
                if (tab != null) {
                    problems.add(new Problem(file, tab, "a tab character is not allowed here: YAML indents with spaces; "
                            + "replace the tab with spaces"));
                    return null;
                }
            }
            problems.add(new Problem(file, at, "not valid YAML: " + dev.cradle.scenario.Messages.shorten(message)));
            return null;
        }
    }

    /** Thrown to stop parsing after a fatal structural problem was recorded. */
    private static final class Abort extends RuntimeException {
        Abort() {
            super(null, null, false, false);
        }
    }

    private Position syntaxPosition(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return position(jpe.getLocation());
        }
        Throwable c = e.getCause();
        if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return new Position(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
        }
        return Position.UNKNOWN;
    }

    private static String syntaxMessage(Exception e) {
        Throwable c = e.getCause() != null ? e.getCause() : e;
        String msg;
        if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            msg = (m.getContext() == null ? "" : m.getContext() + ", ") + m.getProblem();
        } else if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
            msg = jpe.getOriginalMessage();
        } else {
            msg = c.getMessage();
        }
        return firstLine(msg == null ? c.getClass().getSimpleName() : msg);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private Position position(JsonLocation loc) {
        return new Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private void rejectAnchorsAndAliases(JsonParser p, Position pos) {
        YAMLParser y = (YAMLParser) p;
        if (y.isCurrentAlias()) {
            problems.add(new Problem(file, pos, "YAML aliases (*name) are not allowed in scenario files; "
                    + "write the value out, or use a parameter"));
            throw new Abort();
        }
        if (y.getCurrentAnchor() != null) {
            problems.add(new Problem(file, pos, "YAML anchors (&name) are not allowed in scenario files; "
                    + "write the value out, or use a parameter"));
            throw new Abort();
        }
    }

    private YamlNode node(JsonParser p, int depth) throws IOException {
        Position pos = position(p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            problems.add(new Problem(file, pos, "the document nests deeper than " + MAX_DEPTH + " levels"));
            throw new Abort();
        }
        rejectAnchorsAndAliases(p, pos);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, Position> seen = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Position keyPos = position(p.currentTokenLocation());
                    p.nextToken();
                    YamlNode value = node(p, depth + 1);
                    Position prior = seen.putIfAbsent(key, keyPos);
                    if (prior != null) {
                        problems.add(new Problem(file, keyPos, "duplicate key '" + key + "' (first written at line "
                                + prior.line() + ", column " + prior.column() + ")"));
                    } else {
                        entries.add(new YamlNode.Entry(key, keyPos, value));
                    }
                }
                return new YamlNode.MapNode(entries, pos);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, depth + 1));
                }
                return new YamlNode.ListNode(items, pos);
            }
            case VALUE_STRING:
                return new YamlNode.ScalarNode(p.getText(), true, false, pos);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.ScalarNode(p.getText(), false, true, pos);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.ScalarNode(p.getText(), false, false, pos);
            case VALUE_NULL:
                return new YamlNode.ScalarNode(null, false, false, pos);
            default:
                problems.add(new Problem(file, pos, "unexpected YAML content (" + t + ")"));
                throw new Abort();
        }
    }
}
