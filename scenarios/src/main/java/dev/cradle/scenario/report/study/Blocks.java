package dev.cradle.scenario.report.study;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a list of plain blocks — headings, paragraphs, bullet lists, tables and figures — written once and
 * rendered as Markdown ({@link #markdown()}) and as a self-contained HTML page ({@link #html(String)}). Text is
 * plain: each renderer escapes it for its format. Markdown leaves figures out and points at the HTML page.
 */
final class Blocks {
    sealed interface Block permits Heading, Paragraph, Bullets, Table, Figure {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /** A table; columns after the first whose cells are numbers are right-aligned. */
    record Table(List<String> header, List<List<String>> rows, boolean numeric) implements Block {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** An SVG figure (already escaped SVG markup) with a caption. */
    record Figure(String svg, String caption) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    Blocks heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    Blocks paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    Blocks bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(items));
        }
        return this;
    }

    Blocks table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(header, rows, true));
        return this;
    }

    Blocks figure(String svg, String caption) {
        blocks.add(new Figure(svg, caption));
        return this;
    }

    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                b.append("#".repeat(h.level())).append(' ').append(Fmt.md(h.text())).append("\n\n");
            } else if (block instanceof Paragraph p) {
                b.append(Fmt.md(p.text())).append("\n\n");
            } else if (block instanceof Bullets l) {
                l.items().forEach(i -> b.append("- ").append(Fmt.md(i)).append('\n'));
                b.append('\n');
            } else if (block instanceof Table t) {
                b.append('|');
                t.header().forEach(h -> b.append(' ').append(Fmt.md(h)).append(" |"));
                b.append("\n|");
                for (int i = 0; i < t.header().size(); i++) {
                    b.append(numeric(t, i) ? "---:|" : "---|");
                }
                b.append('\n');
                for (List<String> row : t.rows()) {
                    b.append('|');
                    row.forEach(c -> b.append(' ').append(Fmt.md(c)).append(" |"));
                    b.append('\n');
                }
                b.append('\n');
            } else if (block instanceof Figure f) {
                b.append("*Figure: ").append(Fmt.md(f.caption())).append(" (chart in report.html)*\n\n");
            }
        }
        return b.toString();
    }

    String html(String title) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Fmt.html(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                b.append("<h").append(h.level()).append(" id=\"").append(slug(h.text())).append("\">").append(Fmt.html(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (block instanceof Paragraph p) {
                b.append("<p>").append(Fmt.html(p.text())).append("</p>\n");
            } else if (block instanceof Bullets l) {
                b.append("<ul>\n");
                l.items().forEach(i -> b.append("<li>").append(Fmt.html(i)).append("</li>\n"));
                b.append("</ul>\n");
            } else if (block instanceof Table t) {
                b.append("<div class=\"t\"><table>\n<thead><tr>");
                t.header().forEach(h -> b.append("<th>").append(Fmt.html(h)).append("</th>"));
                b.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    b.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        b.append(numeric(t, i) ? "<td class=\"n\">" : "<td>").append(Fmt.html(row.get(i))).append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody>\n</table></div>\n");
            } else if (block instanceof Figure f) {
                b.append("<figure>").append(f.svg()).append("<figcaption>").append(Fmt.html(f.caption()))
                        .append("</figcaption></figure>\n");
            }
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** A column is numeric when every non-empty cell after the header reads as a number (or n/a, unknown). */
    static boolean numeric(Table t, int column) {
        if (column == 0) {
            return false;
        }
        boolean any = false;
        for (List<String> row : t.rows()) {
            String c = column < row.size() ? row.get(column).trim() : "";
            if (c.isEmpty() || c.equals("n/a") || c.equals("unknown")) {
                continue;
            }
            if (!c.matches("[-+−]?[0-9][0-9,.]*(e[-+]?[0-9]+)?%?( \\(.*\\))?( to [-+−]?[0-9][0-9,.e+-]*)?")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** An id for a heading: lower case letters and digits joined by '-'. */
    static String slug(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; max-width: 820px; margin: 2em auto; padding: 0 1em; color: #222;
                   line-height: 1.45; }
            h1 { font-size: 1.6em; border-bottom: 2px solid #3b6ea5; padding-bottom: .2em; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
            h3 { font-size: 1.1em; margin-top: 1.4em; }
            table { border-collapse: collapse; margin: .8em 0; font-size: .9em; }
            th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
            th { background: #eef2f7; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            div.t { overflow-x: auto; }
            figure { margin: 1em 0; }
            figcaption { font-size: .85em; color: #555; margin-top: .3em; }
            svg { max-width: 100%; height: auto; }
            """;
}
