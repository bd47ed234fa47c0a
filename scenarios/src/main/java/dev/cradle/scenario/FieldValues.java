package dev.cradle.scenario;

import dev.cradle.engine.calc.Suggestions;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;
import dev.cradle.model.Parameter;
import dev.cradle.model.Quantity;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;
import dev.cradle.scenario.yaml.YamlChecker;
import dev.cradle.scenario.yaml.YamlNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import dev.cradle.scenario.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the numeric fields of a scenario into {@link Expression}s in each field's reference unit, and
 * checks them against their domain ({@link NumericFields}). A field holds
 * <ul>
 * <li>a number, in the field's reference unit ({@code power: 400} is 400 W);</li>
 * <li>a quantity, converted ({@code power: 0.4 kW} is 400 W; {@code grid_intensity: 429 g/kWh} is 0.429 kg/kWh);</li>
 * <li>a parameter, converted from the parameter's declared unit ({@code power: gpu_w} with {@code gpu_w: 0.4 kW}
 *     is {@code gpu_w * 1000} W);</li>
 * <li>a formula over parameters with the unit its value is in ({@code device_hours: days * 24 * gpus h}); the
 *     unit converts by multiplying with a number ({@code power: p * 2 / 2 kW} is {@code (p * 2 / 2) * 1000} W).</li>
 * </ul>
 * Literals are checked against the domain here; a field that reads parameters is checked at the parameters'
 * central values once they are known ({@link #checks()}, run by the loader), at the field's position.
 */
final class FieldValues {
    /** The unit a numeric field holds its value in: a plain number, a quantity of one dimension, or a rate per kWh. */
    record FieldUnit(Dimension dimension, String target, boolean perKwh) {
        /** A plain number (a count, a share, a ratio). */
        static final FieldUnit NUMBER = new FieldUnit(null, "", false);

        static FieldUnit of(Dimension d, String target) {
            return new FieldUnit(d, target, false);
        }

        /** {@code numerator} per kWh, e.g. kg/kWh or L/kWh. */
        static FieldUnit perKwh(Dimension numerator, String target) {
            return new FieldUnit(numerator, target, true);
        }

        String symbol() {
            return perKwh ? target + "/kWh" : target;
        }
    }

    /**
     * A check of a field that reads parameters, run at the parameters' central values.
     *
     * @param at      where the field is written
     * @param value   the field's expression
     * @param accepts whether the central value is acceptable
     * @param message the problem for an unacceptable central value
     * @param domain  the field's domain; null for a check of a derived quantity (a sum of shares, a difference)
     * @param field   the field or quantity as messages name it ({@code 'pue' of datacenter 'dc'}); null for a check
     *                made at the central values only
     * @param rule    what the draws must satisfy ({@code domain}'s rule for a field), checked by {@link DrawDomains};
     *                null for a check made at the central values only
     * @param fix     what would be right when draws break the rule
     */
    record CentralCheck(Position at, Expression value, java.util.function.DoublePredicate accepts,
                        java.util.function.DoubleFunction<String> message, Domain domain, String field, String rule,
                        String fix) {
        CentralCheck {
            if (domain != null) {
                rule = domain.rule();
                fix = DrawDomains.fix(domain);
            }
        }

        /** A check at the central values only. */
        CentralCheck(Position at, Expression value, java.util.function.DoublePredicate accepts,
                     java.util.function.DoubleFunction<String> message) {
            this(at, value, accepts, message, null, null, null, null);
        }

        /** A field in {@code domain}, checked at the central values and in every draw. */
        CentralCheck(Position at, Expression value, java.util.function.DoubleFunction<String> message, Domain domain,
                     String field) {
            this(at, value, domain::accepts, message, domain, field, null, null);
        }

        /** A derived quantity, checked at the central values and in every draw against {@code rule}. */
        CentralCheck(Position at, Expression value, java.util.function.DoublePredicate accepts,
                     java.util.function.DoubleFunction<String> message, String field, String rule, String fix) {
            this(at, value, accepts, message, null, field, rule, fix);
        }

        /** Whether {@link DrawDomains} checks the draws too. */
        boolean drawn() {
            return rule != null;
        }
    }

    /** A formula and the unit written after it ("" for none). */
    record FormulaText(Expression expression, String formula, String unit) {
    }

    private final YamlChecker yaml;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final List<CentralCheck> checks = new ArrayList<>();

    FieldValues(YamlChecker yaml) {
        this.yaml = yaml;
    }

    /** The global parameters fields may read. */
    void declare(List<Parameter> globals) {
        globals.forEach(p -> parameters.putIfAbsent(p.name(), p));
    }

    /** The checks to run at the parameters' central values. */
    List<CentralCheck> checks() {
        return List.copyOf(checks);
    }

    /** Adds a check to run at the parameters' central values. */
    void check(CentralCheck c) {
        checks.add(c);
    }

    // ---- literal numbers -----------------------------------------------------------------------------

    /**
     * A number in the domain of field {@code kind.key} ({@link NumericFields}); outside it, a problem at
     * the number's position saying what would be right.
     */
    Optional<Double> number(YamlNode n, String kind, String key, String where) {
        return yaml.number(n, "'" + key + "'" + (where.isEmpty() ? "" : " of " + where))
                .flatMap(v -> inDomain(n, v, kind, key, where, null));
    }

    /** {@code v}, read from {@code n} (as {@code written}, null for the number itself), if inside the field's domain. */
    Optional<Double> inDomain(YamlNode n, double v, String kind, String key, String where, String written) {
        Domain d = NumericFields.of(kind, key);
        if (d.accepts(v)) {
            return Optional.of(v);
        }
        String shown = written != null ? written : n instanceof ScalarNode s && s.text() != null ? s.text().trim()
                : Double.toString(v);
        yaml.problem(YamlChecker.pos(n), "'" + key + "'" + (where.isEmpty() ? "" : " of " + where) + " is "
                + Messages.shorten(shown) + "; it must be " + d.rule() + NumericFields.hint(kind, key));
        return Optional.empty();
    }

    // ---- fields ----------------------------------------------------------------------------------------

    /** The field {@code kind.key} of map {@code m}, if written. */
    Optional<Expression> field(MapNode m, String kind, String key, FieldUnit unit, boolean required, String where) {
        return field(m, key, kind, key, unit, required, where);
    }

    /**
     * The value written under {@code key}, whose domain is that of {@code kind.field}, as an expression in
     * {@code unit}'s reference unit; empty (after a problem) when it cannot be read, or when it is not written
     * (a problem only when {@code required}).
     */
    Optional<Expression> field(MapNode m, String key, String kind, String field, FieldUnit unit, boolean required,
                               String where) {
        Optional<YamlNode> n = m.get(key);
        if (n.isEmpty()) {
            if (required) {
                yaml.problem(m.position(), where + " needs '" + key + "'");
            }
            return Optional.empty();
        }
        YamlNode v = n.get();
        String of = where.isEmpty() ? "" : " of " + where;
        if (v instanceof ScalarNode s && s.text() != null && s.numeric()) {
            return yaml.number(v, "'" + key + "'" + of).flatMap(x -> inDomain(v, x, kind, field, where, null)).map(FieldValues::literal);
        }
        if (!(v instanceof ScalarNode s) || s.text() == null) {
            yaml.problem(YamlChecker.pos(v), "'" + key + "' must be " + (unit.dimension() == null ? "a number or a formula"
                    : unit.perKwh() ? "a rate such as " + rateExample(unit.dimension()) : "a quantity such as '"
                    + example(unit.dimension()) + "'"));
            return Optional.empty();
        }
        String text = s.text().trim();
        Optional<FormulaText> formula = split(text, unit);
        if (formula.isPresent() && !formula.get().expression().variables().isEmpty()) {
            return parametric(s, key, kind, field, unit, where, formula.get());
        }
        if (unit.dimension() == null) {
            return number(v, kind, field, where).map(FieldValues::literal);
        }
        return unit.perKwh() ? rate(s, key, kind, field, unit, where) : quantity(s, key, kind, field, unit, where);
    }

    static Expression literal(double v) {
        return new Expression.Number(v, 0);
    }

    /** {@code "400 W"} converted to the field's unit (a literal). */
    private Optional<Expression> quantity(ScalarNode s, String key, String kind, String field, FieldUnit unit, String where) {
        String of = where.isEmpty() ? "" : " of " + where;
        Dimension dim = unit.dimension();
        try {
            Quantity q = Quantity.parse(s.text());
            if (q.unit().dimension() != dim) {
                yaml.problem(s.position(), "'" + key + "'" + of + " is " + q.unit().dimension().label() + " (" + q.unit()
                        + ") but must be " + dim.label() + ", e.g. '" + example(dim) + "'");
                return Optional.empty();
            }
            double converted = q.in(Units.of(unit.target()));
            if (!Double.isFinite(converted)) {
                yaml.problem(s.position(), "'" + key + "'" + of + " is " + Messages.shorten(s.text().trim())
                        + ", too large to calculate with in " + unit.target() + " (beyond about 1.8e308); check its "
                        + "magnitude and unit");
                return Optional.empty();
            }
            return inDomain(s, converted, kind, field, where, s.text().trim()).map(FieldValues::literal);
        } catch (IllegalArgumentException e) {
            yaml.problem(s.position(), "'" + key + "'" + of + ": " + YamlChecker.quantityProblem(e, s.text())
                    + "; e.g. '" + example(dim) + "'");
            return Optional.empty();
        }
    }

    /** {@code "429 g/kWh"} converted to the field's unit per kWh (a literal). */
    private Optional<Expression> rate(ScalarNode s, String key, String kind, String field, FieldUnit unit, String where) {
        Dimension num = unit.dimension();
        String hint = rateExample(num);
        String text = s.text().trim();
        if (!text.contains("/")) {
            yaml.problem(s.position(), "'" + key + "' must be a rate such as " + hint);
            return Optional.empty();
        }
        int slash = text.lastIndexOf('/');
        try {
            Quantity top = Quantity.parse(text.substring(0, slash));
            Unit bottom = Units.of(text.substring(slash + 1).trim());
            if (top.unit().dimension() != num || bottom.dimension() != Dimension.ENERGY) {
                yaml.problem(s.position(), "'" + key + "' must be " + num.label() + " per energy, such as " + hint);
                return Optional.empty();
            }
            double r = top.in(Units.of(unit.target())) / bottom.convert(1, Units.of("kWh"));
            if (!Double.isFinite(r)) {
                yaml.problem(s.position(), "'" + key + "' of " + where + " is " + Messages.shorten(text)
                        + ", too large to calculate with (beyond about 1.8e308); check its magnitude and units");
                return Optional.empty();
            }
            return inDomain(s, r, kind, field, where, text).map(FieldValues::literal);
        } catch (IllegalArgumentException e) {
            yaml.problem(s.position(), "'" + key + "': " + YamlChecker.quantityProblem(e, text)
                    + "; write it like " + hint);
            return Optional.empty();
        }
    }

    /** A field that reads parameters: names checked, unit converted, domain checked at the central values later. */
    private Optional<Expression> parametric(ScalarNode s, String key, String kind, String field, FieldUnit unit,
                                            String where, FormulaText f) {
        String of = where.isEmpty() ? "" : " of " + where;
        Position start = yaml.doc().contentStart(s);
        boolean known = true;
        for (String name : f.expression().variables()) {
            if (!parameters.containsKey(name)) {
                String suggestion = Suggestions.didYouMean(name, parameters.keySet());
                yaml.problem(start.shiftColumns(f.expression().firstColumnOf(name) - 1), "unknown parameter '"
                        + Messages.shorten(name) + "' in '" + key + "'" + of + (suggestion.isEmpty()
                        ? "; declare it under 'parameters' (e.g. '" + Messages.shorten(name) + ": 1"
                                + (unit.dimension() == null ? "" : " " + unit.symbol()) + "')" : suggestion));
                known = false;
            }
        }
        if (!known) {
            return Optional.empty();
        }
        String unitText = f.unit();
        String source = "";
        if (unitText.isEmpty() && f.expression() instanceof Expression.Variable var) {
            unitText = parameters.get(var.name()).unit();
            source = " (the unit of parameter '" + var.name() + "')";
        }
        double factor;
        if (unit.dimension() == null) {
            if (!unitText.isEmpty() && Units.find(unitText).filter(u -> u.dimension() == Dimension.COUNT).isEmpty()) {
                yaml.problem(s.position(), "'" + key + "'" + of + " is a plain number, but '" + Messages.shorten(s.text().trim())
                        + "' is in " + Messages.shorten(unitText) + source + "; give a number without a unit");
                return Optional.empty();
            }
            factor = 1;
        } else if (unitText.isEmpty()) {
            String fix = f.expression() instanceof Expression.Variable var
                    ? "declare the unit of parameter '" + var.name() + "' (e.g. '" + var.name() + ": 400 " + unit.target()
                    + "') or write the unit after it: '" + var.name() + " " + unit.symbol() + "'"
                    : "write the unit its value is in after it, e.g. '" + Messages.shorten(f.formula()) + " "
                    + unit.symbol() + "'";
            yaml.problem(s.position(), "'" + key + "'" + of + " is " + (unit.perKwh() ? "a rate (" + unit.dimension().label()
                    + " per energy)" : unit.dimension().label()) + ", but '" + Messages.shorten(s.text().trim())
                    + "' has no unit: " + fix);
            return Optional.empty();
        } else {
            Optional<Double> k = factor(unitText, unit);
            if (k.isEmpty()) {
                yaml.problem(s.position(), "'" + key + "'" + of + " must be " + (unit.perKwh() ? unit.dimension().label()
                        + " per energy, such as " + rateExample(unit.dimension()) : unit.dimension().label() + ", e.g. '"
                        + example(unit.dimension()) + "'") + ", but '" + Messages.shorten(s.text().trim()) + "' is in "
                        + Messages.shorten(unitText) + source);
                return Optional.empty();
            }
            factor = k.get();
        }
        Expression e = factor == 1 ? f.expression()
                : new Expression.Binary("*", f.expression(), new Expression.Number(factor, 0), f.expression().column());
        Domain d = NumericFields.of(kind, field);
        String written = Messages.shorten(s.text().trim());
        String target = unit.dimension() == null ? "" : " " + unit.symbol();
        checks.add(new CentralCheck(s.position(), e, v -> "'" + field + "'" + of + " is '" + written
                + "' = " + Messages.number(v) + target + " at the parameters' central values; it must be " + d.rule()
                + NumericFields.hint(kind, field), d, "'" + field + "'" + of));
        return Optional.of(e);
    }

    /** The factor converting one {@code unitText} into the field's unit, if of the right dimension. */
    static Optional<Double> factor(String unitText, FieldUnit unit) {
        String t = unitText.trim();
        if (!unit.perKwh()) {
            return Units.find(t).filter(u -> u.dimension() == unit.dimension())
                    .map(u -> u.convert(1, Units.of(unit.target())));
        }
        int slash = t.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        Optional<Unit> top = Units.find(t.substring(0, slash).trim()).filter(u -> u.dimension() == unit.dimension());
        Optional<Unit> bottom = Units.find(t.substring(slash + 1).trim()).filter(u -> u.dimension() == Dimension.ENERGY);
        if (top.isEmpty() || bottom.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(top.get().convert(1, Units.of(unit.target())) / bottom.get().convert(1, Units.of("kWh")));
    }

    /** A known unit or rate of units ({@code g/kWh}). */
    private static boolean isUnit(String t) {
        if (Units.find(t).isPresent()) {
            return true;
        }
        int slash = t.lastIndexOf('/');
        return slash > 0 && Units.find(t.substring(0, slash).trim()).isPresent()
                && Units.find(t.substring(slash + 1).trim()).isPresent();
    }

    /**
     * {@code text} as a formula with an optional trailing unit: the whole text when it parses, else the longest
     * prefix that parses followed by a unit. Empty when neither reads; quantities ({@code 400 W}) come out as a
     * number (the caller reads them as literals).
     */
    static Optional<FormulaText> split(String text, FieldUnit unit) {
        Optional<Expression> whole = parse(text);
        if (whole.isPresent()) {
            return Optional.of(new FormulaText(whole.get(), text, ""));
        }
        for (int i = text.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                String suffix = text.substring(i).trim();
                String prefix = text.substring(0, i).trim();
                if (!suffix.isEmpty() && isUnit(suffix)) {
                    Optional<Expression> e = parse(prefix);
                    if (e.isPresent()) {
                        return Optional.of(new FormulaText(e.get(), prefix, suffix));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Expression> parse(String text) {
        try {
            return Optional.of(FormulaParser.parse(text));
        } catch (FormulaException e) {
            return Optional.empty();
        }
    }

    /**
     * A parameter written as a formula with an optional unit after it ({@code days * 24 * gpus h}); a problem at
     * the formula (the parser's, at its column, or an unknown unit) when it does not read.
     */
    Optional<FormulaText> formulaWithUnit(ScalarNode s, String what) {
        String text = s.text().trim();
        Optional<FormulaText> f = split(text, FieldUnit.NUMBER);
        if (f.isPresent()) {
            return f;
        }
        int space = text.lastIndexOf(' ');
        if (space > 0 && parse(text.substring(0, space)).isPresent()) {
            yaml.problem(s.position(), what + ": " + YamlChecker.unknownUnit(text.substring(space + 1).trim()));
            return Optional.empty();
        }
        try {
            FormulaParser.parse(text);
        } catch (FormulaException e) {
            yaml.problem(yaml.doc().contentStart(s).shiftColumns(Math.max(0, e.column() - 1)), what + ": " + e.reason()
                    + " (write a number, a quantity such as '400 W', or a formula such as 'days * 24 * gpus h')");
        }
        return Optional.empty();
    }

    static String example(Dimension d) {
        return switch (d) {
            case ENERGY -> "120 kWh";
            case POWER -> "400 W";
            case TIME -> "6 years";
            case MASS -> "1.7 kg";
            case DISTANCE -> "19000 km";
            case VOLUME -> "2 L";
            default -> "1 " + d.baseUnit();
        };
    }

    private static String rateExample(Dimension numerator) {
        return numerator == Dimension.MASS ? "'429 g/kWh' or '0.954 lb/kWh'" : "'0.55 L/kWh'";
    }

    /** {@code a × b}, folded to a number when both are numbers (so literals multiply exactly as doubles). */
    static Expression times(Expression a, Expression b) {
        if (a instanceof Expression.Number x && b instanceof Expression.Number y) {
            return new Expression.Number(x.value() * y.value(), 0);
        }
        return new Expression.Binary("*", a, b, 0);
    }

    /** The number of a literal field, NaN when the field reads parameters or is absent. */
    static double literalOrNaN(Expression e) {
        return e instanceof Expression.Number n ? n.value() : Double.NaN;
    }
}
