package dev.cradle.scenario.yaml;

import dev.cradle.scenario.Position;
import java.nio.file.Path;
import java.util.List;

/** A parsed YAML file: its root node and its lines (to point inside quoted formulas). */
public record YamlDocument(Path file, YamlNode root, List<String> lines) {
    public YamlDocument {
        lines = List.copyOf(lines);
    }

    /**
     * Where the text of a scalar starts: one column after an opening quote, since Jackson reports the
     * quote's position.
     */
    public Position contentStart(YamlNode.ScalarNode scalar) {
        Position p = scalar.position();
        if (p.line() - 1 < lines.size()) {
            String line = lines.get(p.line() - 1);
            int idx = p.column() - 1;
            if (idx >= 0 && idx < line.length() && (line.charAt(idx) == '"' || line.charAt(idx) == '\'')) {
                return p.shiftColumns(1);
            }
        }
        return p;
    }
}
