package dev.cradle.scenario;

import dev.cradle.model.Amount;
import dev.cradle.model.Parameter;
import dev.cradle.model.Quantity;
import dev.cradle.model.Uncertainty;
import dev.cradle.scenario.yaml.YamlChecker;
import dev.cradle.scenario.yaml.YamlNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import dev.cradle.scenario.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code parameters} of a scenario or a process: each a value (a number, or a quantity such as
 * {@code 400 W}) or a formula over other parameters, with an optional unit, description and distribution.
 * Two forms: a list of maps with {@code name}, or a map from name to a value, a formula with a trailing unit
 * ({@code days * 24 * gpus h}) or a map. A parameter's number is in its declared unit; the unit is what an
 * AI field that reads the parameter converts from (docs/scenario-reference.md, "parameters").
 */
final class ParameterReader {
    /** The distributions {@code uncertainty.distribution} may name. */
    static final List<String> DISTRIBUTIONS = List.of("normal", "lognormal", "uniform", "triangular", "pert", "discrete",
            "empirical", "fixed");

    private final YamlChecker yaml;
    private final FieldValues fields;
    private final SourceMap sources;

    ParameterReader(YamlChecker yaml, FieldValues fields, SourceMap sources) {
        this.yaml = yaml;
        this.fields = fields;
        this.sources = sources;
    }

    /** The scenario's global parameters. */
    List<Parameter> globals(YamlNode n) {
        return read(n, "parameter:");
    }

    /** The local parameters of a process whose problem path is {@code processPath}. */
    List<Parameter> locals(YamlNode n, String processPath) {
        return read(n, processPath + "/parameter:");
    }

    private List<Parameter> read(YamlNode n, String pathPrefix) {
        List<Parameter> out = new ArrayList<>();
        java.util.Map<String, Position> seen = new java.util.HashMap<>();
        if (n instanceof MapNode byName) {
            for (YamlNode.Entry e : byName.entries()) {
                if (!validName(e.key(), e.keyPosition()) || !unique(seen, e.key(), e.keyPosition())) {
                    continue;
                }
                String path = pathPrefix + e.key();
                sources.element(path, e.keyPosition());
                if (e.value() instanceof MapNode m) {
                    yaml.checkKeys(m, "parameter");
                    if (m.get("name").isPresent()) {
                        yaml.problem(m.entry("name").get().keyPosition(), "parameter '" + e.key() + "' is named by its key; "
                                + "remove 'name'");
                        continue;
                    }
                    full(e.key(), m, path).ifPresent(out::add);
                } else {
                    shorthand(e.key(), e.value(), path).ifPresent(out::add);
                }
            }
            return out;
        }
        for (YamlNode item : yaml.asList(n, "'parameters' (a list of parameters, or a map from name to value)")) {
            yaml.asMap(item, "a parameter").ifPresent(m -> {
                yaml.checkKeys(m, "parameter");
                Optional<String> name = yaml.text(m, "name", true, "a parameter");
                if (name.isEmpty() || !validName(name.get(), YamlChecker.pos(m.get("name").get()))
                        || !unique(seen, name.get(), YamlChecker.pos(m.get("name").get()))) {
                    return;
                }
                String path = pathPrefix + name.get();
                sources.element(path, m.position());
                full(name.get(), m, path).ifPresent(out::add);
            });
        }
        return out;
    }

    private boolean validName(String name, Position at) {
        if (Parameter.isValidName(name)) {
            return true;
        }
        yaml.problem(at, "'" + Messages.shorten(name) + "' is not a valid parameter name: a name starts with a letter "
                + "or '_' and goes on with letters, digits and '_', with further segments after a '.' that may also hold "
                + "inner '-' (hardware.a100-cluster.embodied_gwp, to override a library parameter)");
        return false;
    }

    private boolean unique(java.util.Map<String, Position> seen, String name, Position at) {
        Position first = seen.putIfAbsent(name, at);
        if (first != null) {
            yaml.problem(at, "parameter '" + name + "' is declared twice (first at line " + first.line() + ", column "
                    + first.column() + ")");
            return false;
        }
        return true;
    }

    /** {@code name: 400 W}, {@code name: 12}, {@code name: "days * 24 * gpus h"}. */
    private Optional<Parameter> shorthand(String name, YamlNode v, String path) {
        if (!(v instanceof ScalarNode s) || s.text() == null || s.text().isBlank()) {
            yaml.problem(YamlChecker.pos(v), "parameter '" + name + "' needs a value such as 400 W, a formula such as "
                    + "'days * 24 * gpus h', or a map with 'value' or 'formula'");
            return Optional.empty();
        }
        if (s.numeric()) {
            return yaml.number(v, "parameter '" + name + "'").map(x -> new Parameter(name, Amount.of(x), "", null, ""));
        }
        Optional<Quantity> q = quantity(s.text());
        if (q.isPresent()) {
            return finite(v, name, q.get()).map(x -> new Parameter(name, Amount.of(x), q.get().unit().symbol(), null, ""));
        }
        return fields.formulaWithUnit(s, "parameter '" + name + "'").map(f -> {
            sources.formula(path, yaml.doc().contentStart(s));
            return new Parameter(name, Amount.formula(f.formula()), f.unit(), null, "");
        });
    }

    private static Optional<Quantity> quantity(String text) {
        try {
            return Optional.of(Quantity.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Double> finite(YamlNode at, String name, Quantity q) {
        if (Double.isFinite(q.value())) {
            return Optional.of(q.value());
        }
        yaml.problem(at.position(), "parameter '" + name + "' is too large to calculate with (beyond about 1.8e308)");
        return Optional.empty();
    }

    /** The map form: {@code value} or {@code formula}, {@code unit}, {@code description}, {@code uncertainty}. */
    private Optional<Parameter> full(String name, MapNode m, String path) {
        String what = "parameter '" + name + "'";
        Optional<YamlNode> value = m.get("value");
        Optional<YamlNode> formula = m.get("formula");
        String unit = yaml.text(m, "unit", false, what).orElse("");
        if (value.isPresent() == formula.isPresent()) {
            yaml.problem(m.position(), what + " needs exactly one of 'value' (a number or a quantity such as 400 W) or "
                    + "'formula' (an expression)");
            return Optional.empty();
        }
        Optional<Amount> amount;
        if (value.isPresent() && value.get() instanceof ScalarNode s && s.text() != null && !s.numeric()) {
            try {
                Quantity q = Quantity.parse(s.text());
                if (!unit.isEmpty()) {
                    yaml.problem(s.position(), "the value of " + what + " already has a unit ('" + Messages.shorten(s.text())
                            + "'); remove 'unit'");
                    return Optional.empty();
                }
                unit = q.unit().symbol();
                amount = finite(s, name, q).map(Amount::of);
            } catch (IllegalArgumentException e) {
                yaml.problem(s.position(), "'value' of " + what + ": " + YamlChecker.quantityProblem(e, s.text())
                        + "; or use 'formula' for an expression");
                return Optional.empty();
            }
        } else if (value.isPresent()) {
            amount = yaml.number(value.get(), "'value' of " + what).map(Amount::of);
        } else {
            amount = formulaText(formula.get(), path, what);
        }
        m.get("uncertainty").ifPresent(x -> sources.element(path + "/uncertainty", YamlChecker.pos(x)));
        if (formula.isPresent() && m.get("uncertainty").isPresent()) {
            yaml.problem(YamlChecker.pos(m.get("uncertainty").get()), what + " is a formula; a distribution goes on the "
                    + "parameters it is computed from (or make " + what + " a 'value')");
        }
        String declaredUnit = unit;
        Uncertainty u = formula.isPresent() ? null : m.get("uncertainty").flatMap(x -> uncertainty(x, amount.map(a ->
                a instanceof Amount.Constant c ? c.value() : null).orElse(null), declaredUnit)).orElse(null);
        return amount.map(a -> new Parameter(name, a, declaredUnit, u, yaml.text(m, "description", false, "").orElse("")));
    }

    /** A formula written as text at {@code n} (a number is taken as a constant), its start remembered for messages. */
    Optional<Amount> formulaText(YamlNode n, String path, String what) {
        if (n instanceof ScalarNode s && s.text() != null && !s.text().isBlank()) {
            sources.formula(path, yaml.doc().contentStart(s));
            if (s.numeric()) {
                return yaml.number(n, "'formula' of " + what).map(Amount::of);
            }
            return Optional.of(Amount.formula(s.text()));
        }
        yaml.problem(YamlChecker.pos(n), "'formula' of " + what + " must be an expression such as 'hours * power_w / 1000'");
        return Optional.empty();
    }

    /**
     * A distribution: {@code normal} (mean, sd), {@code lognormal} (geometric_mean and geometric_sd as ecoinvent
     * states them, or the arithmetic mean and sd), {@code uniform} (min, max), {@code triangular} and {@code pert}
     * (min, mode, max), {@code discrete} (values and probabilities), {@code empirical} (values, equally likely),
     * {@code fixed} (value). Impossible parameters are a problem at the distribution.
     */
    Optional<Uncertainty> uncertainty(YamlNode n) {
        return uncertainty(n, null);
    }

    /**
     * A distribution for a value whose central number is {@code central} (null for a formula): as
     * {@link #uncertainty(YamlNode)}, and {@code lognormal} with {@code pedigree} (five ecoinvent data-quality scores,
     * 1 best to 5 worst) and an optional {@code basic_variance} (variance of ln X before the scores, default 0): the
     * lognormal whose geometric mean is the central number (> 0) and whose geometric sd is
     * exp(√(basic_variance + Σ σ²ᵢ)) ({@link dev.cradle.engine.analysis.Pedigree}).
     */
    Optional<Uncertainty> uncertainty(YamlNode n, Double central) {
        return uncertainty(n, central, "");
    }

    /** As {@link #uncertainty(YamlNode, Double)}, for a value written in {@code unit} (for messages; may be empty). */
    Optional<Uncertainty> uncertainty(YamlNode n, Double central, String unit) {
        Optional<Uncertainty> u = distribution(n, central);
        if (u.isPresent() && central != null && Double.isFinite(central)) {
            String outside = CentralValueCheck.whyOutside(u.get(), central, unit);
            if (outside != null) {
                yaml.problem(YamlChecker.pos(n), outside);
                return Optional.empty();
            }
        }
        return u;
    }

    private Optional<Uncertainty> distribution(YamlNode n, Double central) {
        Optional<MapNode> mm = yaml.asMap(n, "'uncertainty'");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        yaml.checkKeys(m, "uncertainty");
        Optional<String> dist = yaml.text(m, "distribution", true, "an uncertainty");
        if (dist.isEmpty()) {
            return Optional.empty();
        }
        Function<String, Optional<Double>> num = k -> m.get(k).flatMap(v -> fields.number(v, "uncertainty", k, ""))
                .or(() -> {
                    if (m.get(k).isEmpty()) {
                        yaml.problem(m.position(), dist.get() + " needs '" + k + "'");
                    }
                    return Optional.empty();
                });
        try {
            switch (dist.get()) {
                case "normal": {
                    var a = num.apply("mean");
                    var b = num.apply("sd");
                    return a.isPresent() && b.isPresent() ? Optional.of(new Uncertainty.Normal(a.get(), b.get())) : Optional.empty();
                }
                case "lognormal": {
                    if (m.get("pedigree").isPresent()) {
                        return pedigree(m, central);
                    }
                    if (m.get("mean").isPresent() || m.get("sd").isPresent()) {
                        if (m.get("geometric_mean").isPresent() || m.get("geometric_sd").isPresent()) {
                            yaml.problem(m.position(), "lognormal takes either 'geometric_mean' and 'geometric_sd' or the "
                                    + "arithmetic 'mean' and 'sd', not both");
                            return Optional.empty();
                        }
                        var a = num.apply("mean");
                        var b = num.apply("sd");
                        return a.isPresent() && b.isPresent()
                                ? Optional.of(Uncertainty.LogNormal.fromArithmetic(a.get(), b.get())) : Optional.empty();
                    }
                    var a = num.apply("geometric_mean");
                    var b = num.apply("geometric_sd");
                    return a.isPresent() && b.isPresent() ? Optional.of(new Uncertainty.LogNormal(a.get(), b.get())) : Optional.empty();
                }
                case "uniform": {
                    var a = num.apply("min");
                    var b = num.apply("max");
                    return a.isPresent() && b.isPresent() ? Optional.of(new Uncertainty.Uniform(a.get(), b.get())) : Optional.empty();
                }
                case "triangular":
                case "pert": {
                    var a = num.apply("min");
                    var b = num.apply("mode");
                    var c = num.apply("max");
                    if (a.isEmpty() || b.isEmpty() || c.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(dist.get().equals("pert") ? new Uncertainty.Pert(a.get(), b.get(), c.get())
                            : new Uncertainty.Triangular(a.get(), b.get(), c.get()));
                }
                case "discrete":
                case "empirical": {
                    Optional<List<Double>> values = numbers(m, "values", dist.get());
                    if (values.isEmpty()) {
                        return Optional.empty();
                    }
                    if (dist.get().equals("empirical")) {
                        m.entry("probabilities").ifPresent(p -> yaml.problem(p.keyPosition(), "an empirical distribution "
                                + "takes its values as equally likely; for weights use 'distribution: discrete'"));
                        return Optional.of(Uncertainty.Discrete.empirical(values.get()));
                    }
                    Optional<List<Double>> p = numbers(m, "probabilities", dist.get());
                    return p.map(prob -> new Uncertainty.Discrete(values.get(), prob));
                }
                case "fixed":
                    return num.apply("value").map(Uncertainty.Fixed::new);
                default:
                    yaml.problem(YamlChecker.pos(m.get("distribution").get()), "unknown distribution '"
                            + Messages.shorten(dist.get()) + "'" + dev.cradle.engine.calc.Suggestions.didYouMean(dist.get(),
                            DISTRIBUTIONS) + "; use one of " + String.join(", ", DISTRIBUTIONS));
                    return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            yaml.problem(m.position(), e.getMessage().replace("need ", "it needs ") + "; got " + describeNumbers(m));
            return Optional.empty();
        }
    }

    /** {@code distribution: lognormal, pedigree: [r, c, t, g, tech], basic_variance: v} around {@code central}. */
    private Optional<Uncertainty> pedigree(MapNode m, Double central) {
        for (String other : List.of("geometric_mean", "geometric_sd", "mean", "sd")) {
            if (m.get(other).isPresent()) {
                yaml.problem(m.entry(other).get().keyPosition(), "a lognormal from a pedigree takes its geometric mean "
                        + "from the value and its spread from the scores; remove '" + other + "'");
                return Optional.empty();
            }
        }
        YamlNode scores = m.get("pedigree").get();
        List<YamlNode> items = yaml.asList(scores, "'pedigree' (five data-quality scores from 1 to 5: reliability, "
                + "completeness, temporal, geographical and further technological correlation)");
        if (items.size() != 5) {
            yaml.problem(YamlChecker.pos(scores), "'pedigree' needs five scores (reliability, completeness, temporal, "
                    + "geographical, further technological correlation), each from 1 to 5; got " + items.size());
            return Optional.empty();
        }
        int[] s = new int[5];
        for (int i = 0; i < 5; i++) {
            Optional<Double> v = yaml.number(items.get(i), "pedigree score");
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (v.get() != Math.rint(v.get()) || v.get() < 1 || v.get() > 5) {
                yaml.problem(YamlChecker.pos(items.get(i)), "pedigree score " + (i + 1) + " is "
                        + Messages.shorten(((ScalarNode) items.get(i)).text()) + "; it must be a whole number from 1 "
                        + "(best) to 5 (worst)");
                return Optional.empty();
            }
            s[i] = v.get().intValue();
        }
        Optional<Double> basic = m.get("basic_variance").isPresent()
                ? m.get("basic_variance").flatMap(v -> fields.number(v, "uncertainty", "basic_variance", ""))
                : Optional.of(0.0);
        if (basic.isEmpty()) {
            return Optional.empty();
        }
        if (central == null || !(central > 0)) {
            yaml.problem(m.position(), "a lognormal from a pedigree is centred on the value, which must be a number "
                    + "greater than 0" + (central == null ? " (not a formula: give the distribution to a parameter the "
                    + "formula reads)" : ", not " + central));
            return Optional.empty();
        }
        return Optional.of(new dev.cradle.engine.analysis.Pedigree(s[0], s[1], s[2], s[3], s[4])
                .logNormal(central, basic.get()));
    }

    /** A list of numbers under {@code key}, each in the domain of {@code uncertainty.key}. */
    private Optional<List<Double>> numbers(MapNode m, String key, String dist) {
        if (m.get(key).isEmpty()) {
            yaml.problem(m.position(), dist + " needs '" + key + "' (a list of numbers)");
            return Optional.empty();
        }
        List<Double> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : yaml.asList(m.get(key).get(), "'" + key + "'")) {
            Optional<Double> v = fields.number(item, "uncertainty", key, "");
            ok &= v.isPresent();
            v.ifPresent(out::add);
        }
        if (out.isEmpty() && ok) {
            yaml.problem(m.get(key).get().position(), "'" + key + "' needs at least one number");
        }
        return ok && !out.isEmpty() ? Optional.of(out) : Optional.empty();
    }

    private static String describeNumbers(MapNode m) {
        return String.join(", ", m.entries().stream().map(e -> e.key() + " " + (e.value() instanceof ScalarNode sc
                ? sc.text() : e.value() instanceof YamlNode.ListNode l ? l.items().stream()
                .map(i -> i instanceof ScalarNode si ? si.text() : "?").toList().toString() : "?"))
                .filter(t -> !t.startsWith("distribution ")).toList());
    }
}
