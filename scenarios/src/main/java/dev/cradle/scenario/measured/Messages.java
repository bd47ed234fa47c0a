package dev.cradle.scenario.measured;

/** Short forms for names in messages: a file's content is never echoed, a column name at most 40 characters. */
final class Messages {
    private Messages() {
    }

    static String shorten(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.codePointCount(0, s.length()) > 40 ? b + "…" : b.toString();
    }
}
