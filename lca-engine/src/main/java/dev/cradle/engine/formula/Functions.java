package dev.cradle.engine.formula;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The built-in functions a formula may call. All take and return doubles; booleans are 1 and 0.
 * {@code if(c, a, b)} evaluates only the branch it returns.
 */
public final class Functions {
    /** A function's name and how many arguments it takes. */
    public record Function(String name, int minArgs, int maxArgs, String doc) {
        String arity() {
            if (maxArgs == Integer.MAX_VALUE) {
                return "at least " + minArgs + " arguments";
            }
            return minArgs == maxArgs ? minArgs + " argument" + (minArgs == 1 ? "" : "s")
                    : minArgs + " to " + maxArgs + " arguments";
        }
    }

    private static final Map<String, Function> ALL = new TreeMap<>();

    static {
        add("min", 1, Integer.MAX_VALUE, "smallest argument");
        add("max", 1, Integer.MAX_VALUE, "largest argument");
        add("exp", 1, 1, "e to the power x");
        add("log", 1, 2, "natural logarithm of x, or log(x, base)");
        add("ln", 1, 1, "natural logarithm");
        add("log10", 1, 1, "base-10 logarithm");
        add("sqrt", 1, 1, "square root");
        add("abs", 1, 1, "absolute value");
        add("pow", 2, 2, "pow(x, y) = x^y");
        add("floor", 1, 1, "largest integer <= x");
        add("ceil", 1, 1, "smallest integer >= x");
        add("round", 1, 1, "nearest integer, halves away from zero");
        add("if", 3, 3, "if(condition, then, else): condition is true when not 0");
    }

    private Functions() {
    }

    private static void add(String name, int min, int max, String doc) {
        ALL.put(name, new Function(name, min, max, doc));
    }

    public static Optional<Function> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static String names() {
        return String.join(", ", ALL.keySet());
    }

    public static Map<String, Function> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}
