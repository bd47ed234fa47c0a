package dev.cradle.engine.ai;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import java.util.Map;

/**
 * An AI study's market basis compiled against one {@link CompiledSystem}, to turn many location-based
 * parameter vectors into market-based ones without compiling anything again: each grid intensity slot gets
 * its market-based expression evaluated on the same vector (see {@link AiStudy}). Immutable; thread-safe.
 */
public final class MarketBasis {
    private final int[] slots;
    private final CompiledFormula[] formulas;
    private final double[] constants;

    MarketBasis(CompiledSystem compiled, Map<String, Value> basis) {
        int n = basis.size();
        slots = new int[n];
        formulas = new CompiledFormula[n];
        constants = new double[n];
        int i = 0;
        for (Map.Entry<String, Value> e : basis.entrySet()) {
            slots[i] = compiled.parameters().globalSlot(e.getKey());
            Value v = e.getValue();
            if (v.isConstant()) {
                constants[i] = v.central();
            } else {
                formulas[i] = FormulaCompiler.compile(v.text(), v.tree(), name -> {
                    int slot = compiled.parameters().globalSlot(name);
                    if (slot < 0) {
                        throw new IllegalStateException("the market basis reads '" + name + "', which is not a global "
                                + "parameter of the compiled system");
                    }
                    return slot;
                });
            }
            i++;
        }
    }

    /**
     * The market-based counterpart of an evaluated, location-based parameter vector: a copy in which each grid
     * intensity slot holds its market-based value computed from {@code parameters}. The intensity parameters are
     * read by the rules' exchanges only, so no other slot changes.
     */
    public double[] apply(double[] parameters) {
        double[] p = parameters.clone();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] >= 0) {
                p[slots[i]] = formulas[i] == null ? constants[i] : formulas[i].evaluate(parameters);
            }
        }
        return p;
    }
}
