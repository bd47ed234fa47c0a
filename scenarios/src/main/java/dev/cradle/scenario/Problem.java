package dev.cradle.scenario;

import java.nio.file.Path;

/** One problem in a scenario file, printed as {@code file:line:column: message}. */
public record Problem(Path file, Position position, String message) {
    /**
     * A quoted value ('...') this long is cut to {@link Messages#MAX_ECHO} characters here, whatever
     * message it is in: the safety net behind the messages that shorten what they echo themselves.
     */
    private static final int SAFETY_NET = 1000;

    private static final java.util.regex.Pattern LONG_QUOTE = java.util.regex.Pattern.compile(
            "'([^']{" + SAFETY_NET + ",})'");

    public Problem {
        if (message != null && message.length() > SAFETY_NET) {
            message = LONG_QUOTE.matcher(message).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    "'" + Messages.shorten(m.group(1)) + "'"));
        }
    }

    @Override
    public String toString() {
        return file + ":" + position.line() + ":" + position.column() + ": " + message;
    }
}
