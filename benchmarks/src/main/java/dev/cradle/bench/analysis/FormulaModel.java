package dev.cradle.bench.analysis;

import dev.cradle.engine.analysis.ParametricModel;
import dev.cradle.engine.analysis.UncertainParameter;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Uncertainty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model written as formulas (Cradle's formula language, compiled once): input parameters with a central value
 * and a distribution, derived parameters (formulas, in order), and outputs (formulas over both). What a scenario
 * compiles to, without the matrices: the benchmark measures the analyses, not the solver.
 */
final class FormulaModel implements ParametricModel {
    private final List<String> slots = new ArrayList<>();
    private final List<Double> central = new ArrayList<>();
    private final List<UncertainParameter> uncertain = new ArrayList<>();
    private final Map<Integer, String> derivedText = new LinkedHashMap<>();
    private final Map<String, String> outputText = new LinkedHashMap<>();
    private CompiledFormula[] derived;
    private int[] derivedSlot;
    private CompiledFormula[] outputs;

    FormulaModel input(String name, double value, Uncertainty distribution) {
        uncertain.add(UncertainParameter.of(name, slots.size(), distribution));
        slots.add(name);
        central.add(value);
        return this;
    }

    FormulaModel derived(String name, String formula) {
        derivedText.put(slots.size(), formula);
        slots.add(name);
        central.add(0.0);
        return this;
    }

    FormulaModel output(String name, String formula) {
        outputText.put(name, formula);
        return this;
    }

    FormulaModel compile() {
        derived = new CompiledFormula[derivedText.size()];
        derivedSlot = new int[derivedText.size()];
        int i = 0;
        for (Map.Entry<Integer, String> e : derivedText.entrySet()) {
            derivedSlot[i] = e.getKey();
            derived[i++] = compile(e.getValue());
        }
        outputs = outputText.values().stream().map(this::compile).toArray(CompiledFormula[]::new);
        return this;
    }

    private CompiledFormula compile(String text) {
        return FormulaCompiler.compile(text, FormulaParser.parse(text), slots::indexOf);
    }

    List<UncertainParameter> uncertainParameters() {
        return List.copyOf(uncertain);
    }

    @Override
    public int parameterCount() {
        return slots.size();
    }

    @Override
    public List<String> outputNames() {
        return List.copyOf(outputText.keySet());
    }

    @Override
    public double[] centralParameters() {
        double[] c = new double[central.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = central.get(i);
        }
        deriveParameters(c);
        return c;
    }

    @Override
    public void deriveParameters(double[] p) {
        for (int i = 0; i < derived.length; i++) {
            p[derivedSlot[i]] = derived[i].evaluate(p);
        }
    }

    @Override
    public Evaluator newEvaluator() {
        CompiledFormula[] f = outputs;
        return (p, out) -> {
            for (int o = 0; o < f.length; o++) {
                out[o] = f[o].evaluate(p);
            }
        };
    }
}
