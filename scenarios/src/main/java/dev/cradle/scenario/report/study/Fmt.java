package dev.cradle.scenario.report.study;

import dev.cradle.scenario.report.Numbers;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/** Numbers and escaping for the study reports: HTML/XML (Commons Text), Markdown table cells and LaTeX. */
final class Fmt {
    private Fmt() {
    }

    /** Four significant digits ({@link Numbers#format}); "n/a" for NaN (not known). */
    static String number(double v) {
        return Double.isNaN(v) ? "n/a" : Numbers.format(v);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : Numbers.percent(share);
    }

    /** Two decimals for indices in [0, 1] (Sobol, probabilities). */
    static String index(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Text for HTML element content and attribute values. */
    static String html(String s) {
        return StringEscapeUtils.escapeHtml4(s == null ? "" : s);
    }

    /** Text for SVG (XML) content and attribute values. */
    static String xml(String s) {
        return StringEscapeUtils.escapeXml10(s == null ? "" : s);
    }

    /** Text in a Markdown table cell or line: the characters Markdown would read as markup are escaped. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '|', '*', '_', '`', '[', ']', '<', '>', '#', '\\' -> b.append('\\').append(c);
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Text for LaTeX: its ten special characters escaped, so any name compiles as plain text. */
    static String tex(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                case '×' -> b.append("$\\times$");
                case '≥' -> b.append("$\\geq$");
                case '≤' -> b.append("$\\leq$");
                case '−' -> b.append("-");
                case '₂' -> b.append("\\textsubscript{2}");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
