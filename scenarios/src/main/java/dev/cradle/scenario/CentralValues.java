package dev.cradle.scenario;

import dev.cradle.engine.calc.ParameterTable;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.model.Expression;
import dev.cradle.model.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The central values of a scenario's global parameters: the parameter table compiled once and evaluated at
 * the declared values (formulas in dependency order), each parameter's number in its declared unit. The
 * AI rules compute with these, and the fields that read parameters are checked against them.
 */
final class CentralValues {
    private final Map<String, Double> byName;

    private CentralValues(ParameterTable table) {
        double[] values = table.evaluate();
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < table.size(); i++) {
            String path = table.path(i);
            m.put(path.substring(path.indexOf(':') + 1), values[i]);
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    /**
     * Compiles and evaluates {@code globals}.
     *
     * @throws dev.cradle.engine.ModelException for an unknown name, a cycle, or a value that is not finite
     */
    static CentralValues of(List<Parameter> globals) {
        return new CentralValues(ParameterTable.compile(globals));
    }

    /** Every global parameter's central value, by name. */
    Map<String, Double> byName() {
        return byName;
    }

    /** The value of {@code e} (whose names are global parameters) at the central values. */
    double of(Expression e) {
        return FormulaCompiler.evaluate(e, byName);
    }

    /** The problems of the checks whose field is unacceptable at the central values, at the fields' positions. */
    List<Problem> run(java.nio.file.Path file, List<FieldValues.CentralCheck> checks) {
        List<Problem> out = new ArrayList<>();
        for (FieldValues.CentralCheck c : checks) {
            double v = of(c.value());
            if (!c.accepts().test(v)) {
                out.add(new Problem(file, c.at(), c.message().apply(v)));
            }
        }
        return out;
    }
}
