package dev.cradle.scenario.report.study;

import dev.cradle.engine.analysis.OutputStatistics;
import dev.cradle.engine.analysis.Sobol;
import dev.cradle.engine.analysis.Tornado;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small hand-written SVG charts for the HTML reports (no script, no external file): horizontal contribution
 * bars (one basis, or location- and market-based side by side), a histogram with its mean and interval, a tornado, Sobol bars with their intervals, the convergence of
 * the mean, and the distribution of a difference. Every axis is labelled with its unit, every chart that draws
 * more than one kind of mark has a legend, and all user text is escaped.
 */
final class Charts {
    static final int WIDTH = 760;
    private static final int LABEL = 230;
    private static final int RIGHT = 30;
    private static final String BLUE = "#3b6ea5";
    private static final String ORANGE = "#d9822b";
    private static final String GREY = "#888";
    private static final String RED = "#b33";
    private static final String GREEN = "#3a8f5c";
    /** At most this many rows in a bar chart; the rest are summed into one row. */
    static final int MAX_ROWS = 12;

    private Charts() {
    }

    /** Horizontal bars of contributions (largest magnitude first), each with its value and share of the total. */
    static String bars(String title, String unit, Map<String, Double> values) {
        List<Map.Entry<String, Double>> rows = new ArrayList<>(values.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() != 0).toList());
        rows.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())));
        if (rows.size() > MAX_ROWS) {
            double rest = 0;
            for (Map.Entry<String, Double> e : rows.subList(MAX_ROWS - 1, rows.size())) {
                rest += e.getValue();
            }
            int others = rows.size() - (MAX_ROWS - 1);
            rows = new ArrayList<>(rows.subList(0, MAX_ROWS - 1));
            rows.add(Map.entry(others + " others", rest));
        }
        double total = 0;
        double lo = 0;
        double hi = 0;
        for (Map.Entry<String, Double> e : rows) {
            total += e.getValue();
            lo = Math.min(lo, e.getValue());
            hi = Math.max(hi, e.getValue());
        }
        int rowH = 24;
        int top = 30;
        int height = top + rows.size() * rowH + 50;
        Axis x = Axis.of(lo, hi, LABEL, WIDTH - RIGHT - 90);
        Svg s = new Svg(WIDTH, height, title);
        s.text(8, 18, title, "bold");
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, Double> e = rows.get(i);
            double y = top + i * rowH;
            double a = x.at(Math.min(0, e.getValue()));
            double b = x.at(Math.max(0, e.getValue()));
            s.label(LABEL - 8, y + 16, e.getKey(), 31);
            s.rect(a, y + 4, Math.max(1, b - a), rowH - 8, e.getValue() < 0 ? ORANGE : BLUE, e.getKey() + ": "
                    + Fmt.number(e.getValue()) + " " + unit);
            String share = total == 0 ? "" : " (" + Fmt.percent(e.getValue() / total) + ")";
            s.text(b + 6, y + 16, Fmt.number(e.getValue()) + share, "");
        }
        x.draw(s, top + rows.size() * rowH + 4, unit);
        return s.end();
    }

    /**
     * Contributions on both electricity bases side by side: per member a location-based (blue) and a market-based
     * (green) bar, members by largest location-based magnitude; beyond {@link #MAX_ROWS} members the rest are summed
     * into one row. A member present on one basis only counts as zero on the other.
     */
    static String basisBars(String title, String unit, Map<String, Double> location, Map<String, Double> market) {
        java.util.LinkedHashMap<String, double[]> all = new java.util.LinkedHashMap<>();
        location.forEach((k, v) -> all.computeIfAbsent(k, x -> new double[2])[0] = v == null ? 0 : v);
        market.forEach((k, v) -> all.computeIfAbsent(k, x -> new double[2])[1] = v == null ? 0 : v);
        List<Map.Entry<String, double[]>> rows = new ArrayList<>(all.entrySet().stream()
                .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0).toList());
        rows.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -Math.max(Math.abs(e.getValue()[0]),
                Math.abs(e.getValue()[1]))));
        if (rows.size() > MAX_ROWS) {
            double[] rest = new double[2];
            for (Map.Entry<String, double[]> e : rows.subList(MAX_ROWS - 1, rows.size())) {
                rest[0] += e.getValue()[0];
                rest[1] += e.getValue()[1];
            }
            int others = rows.size() - (MAX_ROWS - 1);
            rows = new ArrayList<>(rows.subList(0, MAX_ROWS - 1));
            rows.add(Map.entry(others + " others", rest));
        }
        double lo = 0;
        double hi = 0;
        for (Map.Entry<String, double[]> e : rows) {
            lo = Math.min(lo, Math.min(e.getValue()[0], e.getValue()[1]));
            hi = Math.max(hi, Math.max(e.getValue()[0], e.getValue()[1]));
        }
        int rowH = 36;
        int top = 30;
        int height = top + rows.size() * rowH + 80;
        Axis x = Axis.of(lo, hi, LABEL, WIDTH - RIGHT - 70);
        Svg s = new Svg(WIDTH, height, title);
        s.text(8, 18, title, "bold");
        String[] colours = {BLUE, GREEN};
        String[] bases = {"location-based", "market-based"};
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, double[]> e = rows.get(i);
            double y = top + i * rowH;
            s.label(LABEL - 8, y + 21, e.getKey(), 31);
            for (int b = 0; b < 2; b++) {
                double v = e.getValue()[b];
                double a = x.at(Math.min(0, v));
                double c = x.at(Math.max(0, v));
                double yy = y + 4 + b * 14;
                s.rect(a, yy, Math.max(1, c - a), 12, colours[b], e.getKey() + ", " + bases[b] + ": "
                        + Fmt.number(v) + " " + unit);
                s.text(c + 6, yy + 10, Fmt.number(v), "");
            }
        }
        int axisY = top + rows.size() * rowH + 4;
        s.vline(x.at(0), top - 4, axisY, GREY, null);
        x.draw(s, axisY, unit);
        s.legend(LABEL, axisY + 52, List.of(new Legend(BLUE, "box", "location-based"), new Legend(GREEN, "box",
                "market-based (contracts)")));
        return s.end();
    }

    /**
     * The Monte Carlo histogram of an output with its mean, median, 95 % interval and the deterministic result
     * marked; the y axis counts draws.
     */
    static String histogram(String title, String unit, OutputStatistics st, double deterministic) {
        OutputStatistics.Histogram h = st.histogram();
        int top = 52;
        int plotH = 200;
        int left = 70;
        Svg s = new Svg(WIDTH, top + plotH + 110, title);
        s.text(8, 18, title, "bold");
        if (h == null) {
            s.text(left, top + 40, "every draw gave the same value, " + Fmt.number(st.mean()) + " " + unit, "");
            return s.end();
        }
        double width = st.p97_5() - st.p2_5();
        double windowLo = Math.max(h.edges()[0], st.p2_5() - 0.5 * width);
        double windowHi = Math.min(h.edges()[h.bins()], st.p97_5() + 0.5 * width);
        double lo = Math.min(windowLo, deterministic);
        double hi = Math.max(windowHi, deterministic);
        Axis x = Axis.of(lo, hi, left, WIDTH - RIGHT);
        double maxCount = 0;
        double hidden = 0;
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < h.bins(); i++) {
            if (h.edges()[i + 1] < x.min() || h.edges()[i] > x.max()) {
                hidden += h.counts()[i];
            } else {
                shown.add(i);
                maxCount = Math.max(maxCount, h.counts()[i]);
            }
        }
        Axis y = Axis.of(0, maxCount, top + plotH, top);
        for (int i : shown) {
            double a = x.at(Math.max(x.min(), h.edges()[i]));
            double b = x.at(Math.min(x.max(), h.edges()[i + 1]));
            double yy = y.at(h.counts()[i]);
            s.rect(a, yy, Math.max(0.5, b - a - 0.5), top + plotH - yy, BLUE,
                    Fmt.number(h.edges()[i]) + " to " + Fmt.number(h.edges()[i + 1]) + " " + unit + ": about "
                            + Math.round(h.counts()[i]) + " draws");
        }
        x.draw(s, top + plotH, unit);
        y.drawVertical(s, left, "draws");
        s.vline(x.at(st.p2_5()), top, top + plotH, RED, "4,3");
        s.vline(x.at(st.p97_5()), top, top + plotH, RED, "4,3");
        s.vline(x.at(st.mean()), top, top + plotH, "#000", null);
        s.vline(x.at(deterministic), top, top + plotH, ORANGE, "2,2");
        int ly = top + plotH + 62;
        if (Math.round(hidden) > 0) {
            s.text(WIDTH - RIGHT, top - 12, "about " + Math.round(hidden) + " of " + st.draws() + " draws lie outside "
                    + "the range shown (min " + Fmt.number(st.min()) + ", max " + Fmt.number(st.max()) + ")", "", "end");
        }
        s.legend(left, ly, List.of(
                new Legend("#000", null, "mean " + Fmt.number(st.mean())),
                new Legend(RED, "4,3", "95 % interval " + Fmt.number(st.p2_5()) + " to " + Fmt.number(st.p97_5())),
                new Legend(ORANGE, "2,2", "deterministic " + Fmt.number(deterministic))));
        return s.end();
    }

    /**
     * A tornado: each parameter at its 5th (blue) and 95th (orange) percentile, the others central; bars start at
     * the deterministic result.
     */
    static String tornado(String title, String unit, List<Tornado.Bar> bars, double central,
                          Map<String, String> units) {
        List<Tornado.Bar> shown = bars.size() > MAX_ROWS ? bars.subList(0, MAX_ROWS) : bars;
        double lo = central;
        double hi = central;
        for (Tornado.Bar b : shown) {
            lo = Math.min(lo, Math.min(b.outputLow(), b.outputHigh()));
            hi = Math.max(hi, Math.max(b.outputLow(), b.outputHigh()));
        }
        int rowH = 26;
        int top = 30;
        Svg s = new Svg(WIDTH, top + shown.size() * rowH + 100, title);
        s.text(8, 18, title, "bold");
        Axis x = Axis.of(lo, hi, LABEL + 40, WIDTH - RIGHT - 10);
        for (int i = 0; i < shown.size(); i++) {
            Tornado.Bar b = shown.get(i);
            double y = top + i * rowH;
            String u = units.getOrDefault(b.parameter().name(), "");
            String pu = u.isBlank() ? "" : " " + u;
            s.label(LABEL + 32, y + 17, b.parameter().name() + " " + Fmt.number(b.low()) + "–" + Fmt.number(b.high())
                    + pu, 38); // at most 38 characters fit left of the bars
            bar(s, x, central, b.outputLow(), y, rowH, BLUE, b.parameter().name() + " at P5 = " + Fmt.number(b.low())
                    + ": " + Fmt.number(b.outputLow()) + " " + unit);
            bar(s, x, central, b.outputHigh(), y, rowH, ORANGE, b.parameter().name() + " at P95 = "
                    + Fmt.number(b.high()) + ": " + Fmt.number(b.outputHigh()) + " " + unit);
        }
        int axisY = top + shown.size() * rowH + 4;
        s.vline(x.at(central), top - 4, axisY, "#000", null);
        x.draw(s, axisY, unit);
        s.legend(LABEL + 40, axisY + 52, List.of(new Legend(BLUE, "box", "parameter at its 5th percentile"),
                new Legend(ORANGE, "box", "at its 95th percentile"), new Legend("#000", null, "deterministic "
                        + Fmt.number(central))));
        return s.end();
    }

    private static void bar(Svg s, Axis x, double from, double to, double y, int rowH, String colour, String tip) {
        double a = x.at(Math.min(from, to));
        double b = x.at(Math.max(from, to));
        s.rect(a, y + 5, Math.max(1, b - a), rowH - 10, colour, tip);
    }

    /** Sobol first-order (blue) and total (orange) indices per parameter, largest total first, with intervals. */
    static String sobol(String title, Sobol.OutputIndices o, double confidence) {
        List<Sobol.Index> ix = new ArrayList<>(o.indices());
        ix.sort(Comparator.comparingDouble((Sobol.Index i) -> -i.total()));
        if (ix.size() > MAX_ROWS) {
            ix = ix.subList(0, MAX_ROWS);
        }
        double lo = 0;
        double hi = 1;
        for (Sobol.Index i : ix) {
            lo = Math.min(lo, Math.min(i.firstOrderLow(), i.totalLow()));
            hi = Math.max(hi, Math.max(i.firstOrderHigh(), i.totalHigh()));
        }
        // indices are shares in [0, 1]; estimates and intervals past it are drawn to the frame's edge
        lo = Math.max(-0.2, Math.floor(lo * 10) / 10);
        hi = Math.min(1.2, Math.ceil(hi * 10) / 10);
        int rowH = 34;
        int top = 30;
        Svg s = new Svg(WIDTH, top + ix.size() * rowH + 80, title);
        s.text(8, 18, title, "bold");
        Axis x = new Axis(lo, hi, LABEL, WIDTH - RIGHT - 20, 0.2);
        for (int r = 0; r < ix.size(); r++) {
            Sobol.Index i = ix.get(r);
            double y = top + r * rowH;
            s.label(LABEL - 8, y + 20, i.parameter().name(), 31);
            indexBar(s, x, y + 4, i.firstOrder(), i.firstOrderLow(), i.firstOrderHigh(), BLUE,
                    i.parameter().name() + ": first-order S = " + Fmt.index(i.firstOrder()));
            indexBar(s, x, y + 17, i.total(), i.totalLow(), i.totalHigh(), ORANGE,
                    i.parameter().name() + ": total ST = " + Fmt.index(i.total()));
        }
        int axisY = top + ix.size() * rowH + 4;
        s.vline(x.at(0), top - 4, axisY, GREY, null);
        x.draw(s, axisY, "share of the output's variance");
        s.legend(LABEL, axisY + 52, List.of(new Legend(BLUE, "box", "first-order S"), new Legend(ORANGE, "box",
                "total ST"), new Legend("#000", null, String.format(Locale.ROOT, "%.0f %% bootstrap interval",
                confidence * 100))));
        return s.end();
    }

    private static void indexBar(Svg s, Axis x, double y, double v, double lo, double hi, String colour, String tip) {
        double a = x.at(Math.max(x.min(), Math.min(0, v)));
        double b = x.at(Math.min(x.max(), Math.max(0, v)));
        s.rect(a, y, Math.max(1, b - a), 11, colour, tip + " (" + Fmt.index(lo) + " to " + Fmt.index(hi) + ")");
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            lo = Math.max(x.min(), lo);
            hi = Math.min(x.max(), hi);
            s.line(x.at(lo), y + 5.5, x.at(hi), y + 5.5, "#000", null);
            s.line(x.at(lo), y + 2, x.at(lo), y + 9, "#000", null);
            s.line(x.at(hi), y + 2, x.at(hi), y + 9, "#000", null);
        }
    }

    /** The running mean after each chunk of draws with its 95 % band (± 1.96 standard errors). */
    static String convergence(String title, String unit, OutputStatistics.Convergence c) {
        int top = 52;
        int plotH = 180;
        int left = 90;
        Svg s = new Svg(WIDTH, top + plotH + 90, title);
        s.text(8, 18, title, "bold");
        int n = c.points();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double se = Double.isNaN(c.standardError()[i]) ? 0 : 1.96 * c.standardError()[i];
            lo = Math.min(lo, c.mean()[i] - se);
            hi = Math.max(hi, c.mean()[i] + se);
        }
        Axis x = Axis.of(0, c.draws()[n - 1], left, WIDTH - RIGHT);
        Axis y = Axis.of(lo, hi, top + plotH, top);
        StringBuilder band = new StringBuilder();
        StringBuilder back = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double se = Double.isNaN(c.standardError()[i]) ? 0 : 1.96 * c.standardError()[i];
            double px = x.at(c.draws()[i]);
            band.append(Svg.f(px)).append(',').append(Svg.f(y.at(c.mean()[i] + se))).append(' ');
            back.insert(0, Svg.f(px) + "," + Svg.f(y.at(c.mean()[i] - se)) + " ");
            line.append(Svg.f(px)).append(',').append(Svg.f(y.at(c.mean()[i]))).append(' ');
        }
        s.raw("<polygon points=\"" + band + back + "\" fill=\"" + BLUE + "\" fill-opacity=\"0.25\" stroke=\"none\"/>");
        s.raw("<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + BLUE + "\" stroke-width=\"1.5\"/>");
        if (n == 1) {
            s.raw("<circle cx=\"" + Svg.f(x.at(c.draws()[0])) + "\" cy=\"" + Svg.f(y.at(c.mean()[0]))
                    + "\" r=\"3\" fill=\"" + BLUE + "\"/>");
        }
        x.draw(s, top + plotH, "draws");
        y.drawVertical(s, left, unit);
        s.legend(left, top + plotH + 62, List.of(new Legend(BLUE, null, "running mean"), new Legend(BLUE, "band",
                "± 1.96 standard errors (95 %)")));
        return s.end();
    }

    /**
     * One row per compared pair: the distribution of the difference A − B (2.5–97.5 % whiskers, 5–95 % box, median
     * and mean), a line at zero, and the probability that A is lower.
     */
    static String differences(String title, String unit, List<String> labels, List<OutputStatistics> diffs,
                              List<Double> pLower) {
        double lo = 0;
        double hi = 0;
        for (OutputStatistics d : diffs) {
            lo = Math.min(lo, d.p2_5());
            hi = Math.max(hi, d.p97_5());
        }
        int rowH = 34;
        int top = 30;
        Svg s = new Svg(WIDTH, top + diffs.size() * rowH + 80, title);
        s.text(8, 18, title, "bold");
        Axis x = Axis.of(lo, hi, LABEL, WIDTH - RIGHT - 90);
        for (int i = 0; i < diffs.size(); i++) {
            OutputStatistics d = diffs.get(i);
            double y = top + i * rowH;
            s.label(LABEL - 8, y + 20, labels.get(i), 31);
            s.line(x.at(d.p2_5()), y + 16, x.at(d.p97_5()), y + 16, "#000", null);
            s.rect(x.at(d.p5()), y + 8, Math.max(1, x.at(d.p95()) - x.at(d.p5())), 16, BLUE,
                    labels.get(i) + ": 5–95 % " + Fmt.number(d.p5()) + " to " + Fmt.number(d.p95()) + " " + unit);
            s.line(x.at(d.median()), y + 6, x.at(d.median()), y + 26, "#fff", null);
            s.raw("<circle cx=\"" + Svg.f(x.at(d.mean())) + "\" cy=\"" + Svg.f(y + 16) + "\" r=\"3\" fill=\"" + ORANGE
                    + "\"/>");
            s.text(WIDTH - RIGHT - 84, y + 20, "P(lower) " + Fmt.index(pLower.get(i)), "");
        }
        int axisY = top + diffs.size() * rowH + 4;
        s.vline(x.at(0), top - 4, axisY, RED, "4,3");
        x.draw(s, axisY, "difference A − B, " + unit);
        s.legend(LABEL, axisY + 52, List.of(new Legend(BLUE, "box", "5–95 %"), new Legend("#000", null, "2.5–97.5 %"),
                new Legend(RED, "4,3", "no difference")));
        return s.end();
    }

    /** A legend entry: a line (dash pattern or null), a filled box ("box") or a translucent band ("band"). */
    record Legend(String colour, String style, String text) {
    }

    /** A linear axis from a data range to a pixel range, with "nice" ticks (1, 2 or 5 × 10ⁿ). */
    record Axis(double min, double max, double from, double to, double step) {
        static Axis of(double lo, double hi, double from, double to) {
            if (!(hi > lo)) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            double step = nice((hi - lo) / 5);
            double min = Math.floor(lo / step) * step;
            double max = Math.ceil(hi / step) * step;
            return new Axis(min, max, from, to, step);
        }

        static double nice(double raw) {
            double e = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / e;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
        }

        double at(double v) {
            return from + (v - min) / (max - min) * (to - from);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            double first = Math.ceil(min / step - 1e-9) * step;
            for (int i = 0; first + i * step <= max + step * 1e-9; i++) {
                double v = first + i * step;
                t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return t;
        }

        /**
         * A tick's label: four significant digits ({@link Fmt#number}), unless the ticks are closer than that shows
         * (a narrow range far from zero, e.g. 13,855 and 13,860 would both read 13,860): then the digits the step needs.
         */
        String tick(double v) {
            if (v == 0 || !(step > 0) || Math.abs(v) >= 1e15) {
                return Fmt.number(v);
            }
            int digits = (int) Math.floor(Math.log10(Math.abs(v))) - (int) Math.floor(Math.log10(step)) + 1;
            if (digits <= 4) {
                return Fmt.number(v);
            }
            int decimals = Math.max(0, -(int) Math.floor(Math.log10(step)));
            return String.format(Locale.ROOT, "%,." + decimals + "f", v);
        }

        /** A horizontal axis at pixel row y with ticks, tick labels and the unit below. */
        void draw(Svg s, double y, String unit) {
            s.line(from, y, to, y, "#000", null);
            for (double v : ticks()) {
                double px = at(v);
                s.line(px, y, px, y + 5, "#000", null);
                s.raw("<text x=\"" + Svg.f(px) + "\" y=\"" + Svg.f(y + 18) + "\" text-anchor=\"middle\">"
                        + Fmt.xml(tick(v)) + "</text>");
            }
            s.raw("<text x=\"" + Svg.f((from + to) / 2) + "\" y=\"" + Svg.f(y + 36) + "\" text-anchor=\"middle\" "
                    + "font-style=\"italic\">" + Fmt.xml(unit) + "</text>");
        }

        /** A vertical axis at pixel column x with ticks, labels and its unit. */
        void drawVertical(Svg s, double x, String unit) {
            s.line(x, from, x, to, "#000", null);
            for (double v : ticks()) {
                double py = at(v);
                s.line(x - 5, py, x, py, "#000", null);
                s.raw("<text x=\"" + Svg.f(x - 8) + "\" y=\"" + Svg.f(py + 4) + "\" text-anchor=\"end\">"
                        + Fmt.xml(tick(v)) + "</text>");
            }
            s.raw("<text x=\"" + Svg.f(x - 8) + "\" y=\"" + Svg.f(to - 12) + "\" text-anchor=\"start\" "
                    + "font-style=\"italic\">" + Fmt.xml(unit) + "</text>");
        }
    }

    /** An SVG document under construction. */
    static final class Svg {
        private final StringBuilder b = new StringBuilder();

        Svg(int width, int height, String title) {
            b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                    .append("\" width=\"").append(width).append("\" height=\"").append(height)
                    .append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\" role=\"img\">")
                    .append("<title>").append(Fmt.xml(title)).append("</title>");
        }

        static String f(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }

        void raw(String svg) {
            b.append(svg);
        }

        void text(double x, double y, String text, String weight) {
            text(x, y, text, weight, "start");
        }

        void text(double x, double y, String text, String weight, String anchor) {
            b.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append('"')
                    .append(anchor.equals("start") ? "" : " text-anchor=\"" + anchor + "\"")
                    .append(weight.isEmpty() ? "" : " font-weight=\"" + weight + "\"").append('>')
                    .append(Fmt.xml(text)).append("</text>");
        }

        /** A right-aligned label, shortened to {@code max} characters (the whole text as its tooltip). */
        void label(double x, double y, String text, int max) {
            String shown = text.length() > max ? text.substring(0, max - 1) + "…" : text;
            b.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"end\"><title>")
                    .append(Fmt.xml(text)).append("</title>").append(Fmt.xml(shown)).append("</text>");
        }

        void rect(double x, double y, double w, double h, String fill, String tip) {
            b.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                    .append("\" height=\"").append(f(h)).append("\" fill=\"").append(fill).append("\"><title>")
                    .append(Fmt.xml(tip)).append("</title></rect>");
        }

        void line(double x1, double y1, double x2, double y2, String stroke, String dash) {
            b.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                    .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke).append('"')
                    .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
        }

        void vline(double x, double y1, double y2, String stroke, String dash) {
            b.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"2\"")
                    .append(dash == null ? "" : " stroke-dasharray=\"" + dash + "\"").append("/>");
        }

        void legend(double x, double y, List<Legend> entries) {
            double px = x;
            for (Legend e : entries) {
                double w = 19 + 6.5 * e.text().length() + 18;
                if (px > x && px + w > WIDTH - 10) {
                    px = x;
                    y += 18;
                }
                if ("box".equals(e.style())) {
                    b.append("<rect x=\"").append(f(px)).append("\" y=\"").append(f(y - 9)).append("\" width=\"14\" "
                            + "height=\"10\" fill=\"").append(e.colour()).append("\"/>");
                } else if ("band".equals(e.style())) {
                    b.append("<rect x=\"").append(f(px)).append("\" y=\"").append(f(y - 9)).append("\" width=\"14\" "
                            + "height=\"10\" fill=\"").append(e.colour()).append("\" fill-opacity=\"0.25\"/>");
                } else {
                    line(px, y - 4, px + 14, y - 4, e.colour(), e.style());
                }
                text(px + 19, y, e.text(), "");
                px += w;
            }
        }

        String end() {
            return b.append("</svg>").toString();
        }
    }
}
