package dev.cradle.scenario.report;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.model.Amount;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.Uncertainty;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every parameter of a study as the outputs list it: the scenario's inputs (value, unit, distribution),
 * derived parameters (formula and evaluated value), the parameters the AI rules create (library values
 * with their ranges, grid intensities, …) and the processes' local parameters. Read from the product
 * system's parameters and the compiled parameter table's values, so any parameter added to either appears.
 */
public final class ParameterReport {
    /** Where a parameter was declared: the scenario's {@code parameters}, or created by the AI rules. */
    public static final String SCENARIO = "scenario";
    /** A parameter the AI rules created (from the factor library or the AI declarations). */
    public static final String RULES = "ai rules";

    /**
     * One parameter.
     *
     * @param name         the parameter's name
     * @param scope        {@code global}, or {@code process:<id>} for a process's local parameter
     * @param source       {@link #SCENARIO} or {@link #RULES}
     * @param derived      true when the parameter is a formula over others (its value is computed)
     * @param value        its value at the parameters' central values (location-based)
     * @param marketValue  its value with market-based grid intensities; NaN when the study has none or it is the same
     * @param unit         the declared unit, empty when none
     * @param formula      the formula of a derived parameter, empty for an input
     * @param distribution the distribution's name and parameters ({@code distribution: lognormal, geometric_mean: …}),
     *                     empty when none is declared
     * @param description  free text; for library parameters it names the source
     */
    public record Row(String name, String scope, String source, boolean derived, double value, double marketValue,
                      String unit, String formula, Map<String, Object> distribution, String description) {
    }

    private ParameterReport() {
    }

    /**
     * The rows of every parameter of {@code compiled}'s system, globals first, then each process's locals.
     *
     * @param ruleParameters the global parameters the AI rules created (a scenario parameter of the same name,
     *                       which overrides one, is the scenario's)
     * @param market         the market-based parameter vector, or null
     */
    public static List<Row> rows(CompiledSystem compiled, Set<Parameter> ruleParameters, double[] market) {
        double[] values = compiled.parameters().evaluate();
        var table = compiled.parameters();
        List<Row> out = new ArrayList<>();
        for (Parameter p : compiled.system().parameters()) {
            int slot = table.globalSlot(p.name());
            if (slot >= 0) {
                out.add(row(p, "global", ruleParameters.contains(p) ? RULES : SCENARIO, values, market, slot));
            }
        }
        for (Process proc : compiled.system().processes()) {
            var scope = table.resolverFor(proc.id());
            for (Parameter p : proc.parameters()) {
                int slot = scope.applyAsInt(p.name());
                if (slot >= 0) {
                    out.add(row(p, "process:" + proc.id(), SCENARIO, values, market, slot));
                }
            }
        }
        return out;
    }

    private static Row row(Parameter p, String scope, String source, double[] values, double[] market, int slot) {
        String formula = p.amount() instanceof Amount.Formula f ? f.expression()
                : p.amount() instanceof Amount.Tree t ? t.expression().text() : "";
        double m = market == null || market[slot] == values[slot] ? Double.NaN : market[slot];
        return new Row(p.name(), scope, source, !formula.isEmpty(), values[slot], m, p.unit(), formula,
                distribution(p.uncertainty()), p.description());
    }

    /**
     * A distribution as {@code distribution} (its name in the scenario format: normal, lognormal, uniform,
     * triangular, …) and its parameters by their scenario keys ({@code geometric_mean}), read from the
     * record's components so a distribution added later is listed too; a lognormal derived from pedigree scores
     * lists them ({@code pedigree: [r, c, t, g, tech]}, {@code basic_variance}) beside its geometric mean and sd.
     */
    static Map<String, Object> distribution(Uncertainty u) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (u == null) {
            return out;
        }
        out.put("distribution", u.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        RecordComponent[] components = u.getClass().getRecordComponents();
        if (components != null) {
            for (RecordComponent c : components) {
                try {
                    Object v = c.getAccessor().invoke(u);
                    if (v instanceof Uncertainty.PedigreeScores ps) {
                        // provenance of a lognormal's spread, under the scenario format's keys
                        out.put("pedigree", ps.scores());
                        out.put("basic_variance", ps.basicVariance());
                    } else if (v != null) {
                        out.put(snake(c.getName()), v);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + u, e);
                }
            }
        }
        return out;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The rows for results.json; figures that do not apply are left out, never NaN. */
    public static List<Map<String, Object>> json(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("scope", r.scope());
            m.put("source", r.source());
            m.put("kind", r.derived() ? "derived" : "input");
            m.put("value", r.value());
            if (Double.isFinite(r.marketValue())) {
                m.put("value_market_based", r.marketValue());
            }
            if (!r.unit().isEmpty()) {
                m.put("unit", r.unit());
            }
            if (r.derived()) {
                m.put("formula", r.formula());
            }
            if (!r.distribution().isEmpty()) {
                m.put("uncertainty", r.distribution());
            }
            if (!r.description().isEmpty()) {
                m.put("description", r.description());
            }
            out.add(m);
        }
        return out;
    }

    /**
     * parameters.csv, one row per parameter: {@code name, scope, source, kind, value, value_market_based,
     * unit, formula, distribution}, one column per distribution parameter any row has ({@code mean, sd,
     * geometric_mean, geometric_sd, min, mode, max}), and {@code description}. Cells that do not apply are empty.
     */
    public static String csv(List<Row> rows) {
        Set<String> distributionColumns = new LinkedHashSet<>();
        rows.forEach(r -> r.distribution().keySet().stream().filter(k -> !k.equals("distribution"))
                .forEach(distributionColumns::add));
        List<String> header = new ArrayList<>(List.of("name", "scope", "source", "kind", "value", "value_market_based",
                "unit", "formula", "distribution"));
        header.addAll(distributionColumns);
        header.add("description");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (Row r : rows) {
                List<Object> row = new ArrayList<>(List.of(r.name(), r.scope(), r.source(), r.derived() ? "derived" : "input",
                        r.value(), Double.isFinite(r.marketValue()) ? r.marketValue() : "", r.unit(), r.formula(),
                        r.distribution().getOrDefault("distribution", "")));
                for (String c : distributionColumns) {
                    row.add(r.distribution().getOrDefault(c, ""));
                }
                row.add(r.description());
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
