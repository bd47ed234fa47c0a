package dev.cradle.scenario.io;

import dev.cradle.engine.formula.Functions;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates openLCA formulas (olca-formula: case-insensitive names, {@code IF(c; a; b)} with ';' or
 * ',' between arguments, '=' and '<>' as comparisons) into Cradle's formula language. A formula that
 * calls a function Cradle does not have is refused with the function's name, never approximated.
 */
final class OlcaFormulas {
    private static final Pattern CALL = Pattern.compile("([a-z_][a-z0-9_]*)\\s*\\(");

    private OlcaFormulas() {
    }

    /** A translated formula, or why it cannot be translated. */
    record Translation(String formula, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    /** openLCA compares names case-insensitively; Cradle's names are its lower-case, trimmed form. */
    static String name(String openLcaName) {
        return openLcaName.trim().toLowerCase(Locale.ROOT);
    }

    static Translation translate(String text) {
        if (text == null || text.isBlank()) {
            return new Translation(null, "the formula is empty");
        }
        String s = text.trim().toLowerCase(Locale.ROOT).replace(';', ',').replace("<>", "!=");
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') {
                char prev = i > 0 ? s.charAt(i - 1) : ' ';
                char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (prev != '<' && prev != '>' && prev != '!' && prev != '=' && next != '=') {
                    out.append("==");
                    continue;
                }
            }
            out.append(c);
        }
        String f = out.toString();
        Matcher m = CALL.matcher(f);
        while (m.find()) {
            String fn = m.group(1);
            if (Functions.find(fn).isEmpty()) {
                return new Translation(null, "calls " + fn.toUpperCase(Locale.ROOT)
                        + "(), which Cradle's formula language does not have (it has " + Functions.names() + ")");
            }
        }
        return new Translation(f, null);
    }
}
