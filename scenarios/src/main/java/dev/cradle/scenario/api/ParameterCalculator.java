package dev.cradle.scenario.api;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.LcaCalculator;
import dev.cradle.engine.calc.ParameterTable;
import dev.cradle.engine.calc.Suggestions;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recalculates a loaded study for new values of its global parameters without re-reading the file,
 * re-running the AI rules or re-indexing: the compiled system's parameter table holds every parameter
 * in one {@code double[]}; an input slot is set, the formula slots are re-evaluated in dependency order
 * ({@link ParameterTable#evaluateInto}), and the matrices are refilled and solved.
 *
 * <pre>{@code
 * ParameterCalculator calc = Cradle.calculator(Cradle.load(path));
 * double kg = calc.with("gpu_w", 350).with("pue", 1.2).result().impact("climate_change");
 * }</pre>
 *
 * <p>{@link #with} returns a new calculator (immutable, thread-safe; one array copy per call). For many
 * evaluations (Monte Carlo) use the primitive layer: {@link #slot} once per name, {@link #values()} once,
 * then per draw set the slots and call {@link #calculate(double[])} on the same array.
 *
 * <p>Inputs are the global parameters whose value is a number; a parameter defined by a formula is
 * computed from the others and cannot be set. The market-based result sets the AI rules' grid-intensity
 * parameters to their market-based expressions evaluated on the same parameters.
 */
public final class ParameterCalculator {
    private final CompiledSystem compiled;
    private final LcaCalculator calculator;
    private final dev.cradle.engine.ai.MarketBasis market;
    private final Map<String, Integer> inputs;
    private final Set<String> formulas;
    private final double[] values;

    private ParameterCalculator(CompiledSystem compiled, LcaCalculator calculator,
                                dev.cradle.engine.ai.MarketBasis market, Map<String, Integer> inputs,
                                Set<String> formulas, double[] values) {
        this.compiled = compiled;
        this.calculator = calculator;
        this.market = market;
        this.inputs = inputs;
        this.formulas = formulas;
        this.values = values;
    }

    /**
     * A calculator over a compiled system.
     *
     * @param market the AI rules' market basis compiled against {@code compiled} (each grid intensity slot's
     *               market-based expression over the parameters); null for a study without AI declarations
     */
    public static ParameterCalculator of(CompiledSystem compiled, dev.cradle.engine.ai.MarketBasis market,
                                         LcaCalculator calculator) {
        ParameterTable table = compiled.parameters();
        Map<String, Integer> inputs = new LinkedHashMap<>();
        Set<String> formulas = new java.util.TreeSet<>();
        for (Parameter p : compiled.system().parameters()) {
            int slot = table.globalSlot(p.name());
            if (slot < 0) {
                continue;
            }
            if (table.isFormula(slot)) {
                formulas.add(p.name());
            } else {
                inputs.put(p.name(), slot);
            }
        }
        return new ParameterCalculator(compiled, calculator, market, java.util.Collections.unmodifiableMap(inputs),
                java.util.Collections.unmodifiableSet(formulas), table.evaluate());
    }

    /** The global parameters that can be set, in declaration order. */
    public List<String> parameters() {
        return List.copyOf(inputs.keySet());
    }

    /** Whether the study has a market-based result (AI declarations with a grid). */
    public boolean hasMarketBased() {
        return market != null;
    }

    /**
     * The slot of input parameter {@code name} in {@link #values()}.
     *
     * @throws UnknownParameterException when the study has no such input parameter (with a suggestion)
     */
    public int slot(String name) {
        Integer slot = inputs.get(name);
        if (slot != null) {
            return slot;
        }
        if (formulas.contains(name)) {
            throw new UnknownParameterException(name, "parameter '" + name + "' is computed by a formula; set the "
                    + "parameters it reads instead");
        }
        throw new UnknownParameterException(name, "unknown parameter '" + name + "'"
                + Suggestions.didYouMean(name, inputs.keySet())
                + (inputs.isEmpty() ? "; the study has no global parameters" : " (parameters: "
                + String.join(", ", inputs.keySet()) + ")"));
    }

    /** The current value of an input parameter. */
    public double value(String name) {
        return values[slot(name)];
    }

    /** A calculator with {@code name} set to {@code value} (in the parameter's own unit); this one is unchanged. */
    public ParameterCalculator with(String name, double value) {
        int slot = slot(name);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' cannot be " + value + "; give a finite number");
        }
        double[] v = values.clone();
        v[slot] = value;
        return new ParameterCalculator(compiled, calculator, market, inputs, formulas, v);
    }

    /** A calculator with several parameters set at once. */
    public ParameterCalculator with(Map<String, Double> settings) {
        ParameterCalculator c = this;
        for (Map.Entry<String, Double> e : settings.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /** The location-based result at the current values. */
    public LcaResult result() {
        return calculate(values.clone());
    }

    /** The market-based result at the current values; the location-based one for a study without AI declarations. */
    public LcaResult marketBased() {
        return calculateMarketBased(values.clone());
    }

    /** A fresh copy of the full parameter vector at the current values (inputs and derived slots). */
    public double[] values() {
        return values.clone();
    }

    /**
     * The location-based result for a parameter vector laid out as {@link #values()}: the derived slots of
     * {@code parameters} are re-evaluated in place from its input slots (no other allocation than the solve's).
     */
    public LcaResult calculate(double[] parameters) {
        compiled.parameters().evaluateInto(parameters);
        return calculator.calculate(compiled, parameters);
    }

    /**
     * As {@link #calculate(double[])}, then with each grid-intensity slot set to its market-based expression
     * evaluated on the same vector (a copy: {@code parameters} keeps its location-based values).
     */
    public LcaResult calculateMarketBased(double[] parameters) {
        compiled.parameters().evaluateInto(parameters);
        double[] p = market == null ? parameters : market.apply(parameters);
        return calculator.calculate(compiled, p);
    }
}
