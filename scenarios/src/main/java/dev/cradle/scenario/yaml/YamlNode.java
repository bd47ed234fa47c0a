package dev.cradle.scenario.yaml;

import dev.cradle.scenario.Position;
import java.util.List;
import java.util.Optional;

/**
 * A YAML document as plain immutable records that remember where each node starts, so every
 * validation message can name a line and column.
 */
public sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.ScalarNode {

    Position position();

    /** A short name of the node's kind for messages: "a map", "a list", "a value". */
    String kind();

    /** One key of a map with its value; {@code keyPosition} is where the key is written. */
    record Entry(String key, Position keyPosition, YamlNode value) {
    }

    record MapNode(List<Entry> entries, Position position) implements YamlNode {
        public MapNode {
            entries = List.copyOf(entries);
        }

        public Optional<YamlNode> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record ListNode(List<YamlNode> items, Position position) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@code text} as written (null for YAML null), {@code quoted} when it was a string token
     * rather than a number or boolean.
     */
    record ScalarNode(String text, boolean quoted, boolean numeric, Position position) implements YamlNode {
        @Override
        public String kind() {
            return text == null ? "null" : numeric ? "a number" : "a value";
        }
    }
}
