package dev.cradle.scenario.yaml;

import dev.cradle.engine.calc.Suggestions;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import dev.cradle.scenario.Messages;
import dev.cradle.scenario.Position;
import dev.cradle.scenario.Problem;
import dev.cradle.scenario.yaml.YamlNode.ListNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import dev.cradle.scenario.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to the positioned YAML tree of one file, collecting every problem (and warning) at its
 * line and column instead of stopping at the first: maps and lists, allowed keys with a suggestion for a
 * misspelt one, single values, finite numbers, booleans, choices among options and units. Knows nothing
 * of what a scenario means: the allowed keys per kind of map are handed in.
 */
public final class YamlChecker {
    /** Longest ids and names accepted: they are echoed in every report and trace. */
    public static final Map<String, Integer> TEXT_LIMITS = Map.of("id", 200, "name", 1000);

    private final YamlDocument doc;
    private final Map<String, List<String>> keys;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    /**
     * @param keys the allowed keys per kind of map ({@link #checkKeys})
     */
    public YamlChecker(YamlDocument doc, Map<String, List<String>> keys) {
        this.doc = doc;
        this.keys = keys;
    }

    public YamlDocument doc() {
        return doc;
    }

    /** The problems found so far, in the order found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    public void problem(Position pos, String message) {
        problems.add(new Problem(doc.file(), pos, message));
    }

    /** Problems found by a later step (the engine's), already located. */
    public void problems(List<Problem> more) {
        problems.addAll(more);
    }

    /** Something that is valid but probably not what the author meant; printed, and stored with the results. */
    public void warn(Position pos, String message) {
        warnings.add(new Problem(doc.file(), pos, message));
    }

    public static Position pos(YamlNode n) {
        return n == null ? Position.UNKNOWN : n.position();
    }

    public static String kind(YamlNode n) {
        return n == null ? "nothing" : n.kind();
    }

    public Optional<MapNode> asMap(YamlNode n, String what) {
        if (n instanceof MapNode m) {
            return Optional.of(m);
        }
        problem(pos(n), what + " must be a map of keys and values, not " + kind(n));
        return Optional.empty();
    }

    public List<YamlNode> asList(YamlNode n, String what) {
        if (n instanceof ListNode l) {
            return l.items();
        }
        problem(pos(n), what + " must be a list (items starting with '- '), not " + kind(n));
        return List.of();
    }

    /** Reports keys that are not allowed for this kind of map, with a suggestion. */
    public void checkKeys(MapNode m, String kindOfMap) {
        List<String> allowed = keys.get(kindOfMap);
        for (YamlNode.Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                String hint = Suggestions.closest(e.key(), allowed).map(s -> "did you mean '" + s + "'?")
                        .orElse("allowed keys: " + String.join(", ", allowed));
                problem(e.keyPosition(), "unknown key '" + Messages.shorten(e.key()) + "' in " + kindOfMap.replace('_', ' ')
                        + "; " + hint);
            }
        }
    }

    /** The single value under {@code key}; a problem when it is required and missing, or not a single value. */
    public Optional<String> text(MapNode m, String key, boolean required, String where) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty() || (n.get() instanceof ScalarNode s && s.text() == null)) {
            if (required) {
                problem(m.position(), where + " needs '" + key + "'");
            }
            return Optional.empty();
        }
        if (n.get() instanceof ScalarNode s) {
            Integer limit = TEXT_LIMITS.get(key);
            if (limit != null && s.text().length() > limit) {
                problem(pos(n.get()), "'" + key + "' is " + s.text().length() + " characters long; " + key + "s are limited "
                        + "to " + limit + " characters ('" + Messages.shorten(s.text()) + "')");
                return Optional.empty();
            }
            return Optional.of(s.text());
        }
        problem(pos(n.get()), "'" + key + "' must be a single value, not " + kind(n.get()));
        return Optional.empty();
    }

    /** A finite number; {@code what} names it in the message. */
    public Optional<Double> number(YamlNode n, String what) {
        if (n instanceof ScalarNode s && s.text() != null) {
            try {
                double v = Double.parseDouble(s.text().trim());
                if (Double.isFinite(v)) {
                    return Optional.of(v);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problem(pos(n), what + " must be a finite number, not " + describe(n));
        return Optional.empty();
    }

    public static String describe(YamlNode n) {
        return n instanceof ScalarNode s && s.text() != null ? "'" + Messages.shorten(s.text()) + "'" : kind(n);
    }

    public Optional<Boolean> bool(YamlNode n, String what) {
        if (n instanceof ScalarNode s && s.text() != null && !s.quoted()
                && (s.text().equals("true") || s.text().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s.text()));
        }
        problem(pos(n), what + " must be true or false, not " + describe(n));
        return Optional.empty();
    }

    /** One of {@code options} under {@code key}, parsed by {@code parse}; otherwise a problem with a suggestion. */
    public <E> Optional<E> choice(MapNode m, String key, Function<String, Optional<E>> parse, List<String> options,
                                  boolean required, String where) {
        return text(m, key, required, where).flatMap(t -> {
            Optional<E> v = parse.apply(t);
            if (v.isEmpty()) {
                String hint = Suggestions.closest(t, options).map(s -> "did you mean '" + s + "'?")
                        .orElse("use one of: " + String.join(", ", options));
                problem(pos(m.get(key).orElse(m)), "'" + Messages.shorten(t) + "' is not a valid " + key.replace('_', ' ')
                        + "; " + hint);
            }
            return v;
        });
    }

    /**
     * A message for a quantity that did not parse or convert ({@link dev.cradle.model.Quantity#parse},
     * {@link dev.cradle.model.Quantity#in}), by the failure's type, with the value shortened and, for an unknown
     * unit, the units it matches ignoring case ({@code w} → {@code W}).
     */
    public static String quantityProblem(IllegalArgumentException failure, String written) {
        if (failure instanceof dev.cradle.model.UnknownUnitException u) {
            return unknownUnit(u.symbol());
        }
        if (failure instanceof dev.cradle.model.NotAQuantityException) {
            return "expected a number and a unit such as '12 kWh', not '" + Messages.shorten(written.trim()) + "'";
        }
        if (failure instanceof dev.cradle.model.MissingUnitException) {
            return "'" + Messages.shorten(written.trim()) + "' has no unit; write the unit after the number, e.g. '12 kWh'";
        }
        return Messages.shorten(failure.getMessage());
    }

    /** "unknown unit 'w'; did you mean 'W'? (units are case-sensitive)", or the nearest symbols. */
    public static String unknownUnit(String symbol) {
        List<String> sameLetters = Units.all().keySet().stream()
                .filter(k -> k.equalsIgnoreCase(symbol.trim())).sorted().toList();
        String hint = !sameLetters.isEmpty()
                ? "did you mean " + String.join(" or ", sameLetters.stream().map(x -> "'" + x + "'").toList())
                        + "? (units are case-sensitive)"
                : Suggestions.closest(symbol, Units.all().keySet()).map(x -> "did you mean '" + x + "'?")
                        .orElse("see docs/scenario-reference.md for the list of units");
        return "unknown unit '" + Messages.shorten(symbol) + "'; " + hint;
    }

    /** The unit {@code symbol}, written at {@code n}; a problem with a suggestion when unknown. */
    public Optional<Unit> unit(YamlNode n, String symbol) {
        Optional<Unit> u = Units.find(symbol);
        if (u.isEmpty()) {
            problem(pos(n), unknownUnit(symbol));
        }
        return u;
    }
}
