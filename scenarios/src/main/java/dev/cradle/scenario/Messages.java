package dev.cradle.scenario;

/** Text helpers for problem messages: values the user wrote are echoed short and printable. */
public final class Messages {
    /** Longest echo of a value the user wrote, in characters, before it is cut with "…". */
    public static final int MAX_ECHO = 60;

    private Messages() {
    }

    /**
     * {@code text} as it may appear in a message: control characters written as escapes ({@code \t},
     * {@code \u0007}) and anything beyond {@link #MAX_ECHO} characters replaced by "…" and the length.
     */
    public static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length() && shown < MAX_ECHO; i++, shown++) {
            char c = text.charAt(i);
            if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (text.length() > MAX_ECHO) {
            b.append("… (").append(text.length()).append(" characters)");
        }
        return b.toString();
    }

    /** A number for a message: six significant figures, no exponent for everyday magnitudes. */
    public static String number(double v) {
        if (v != 0 && Double.isFinite(v) && (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-6)) {
            return String.format(java.util.Locale.ROOT, "%.6g", v);
        }
        return dev.cradle.model.SignificantFigures.of(v, 6);
    }
}
