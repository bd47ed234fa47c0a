package dev.cradle.engine.analysis;

import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.LcaCalculator;
import dev.cradle.engine.calc.ParameterTable;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.model.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled product system as a {@link ParametricModel}: parameters are the slots of its
 * {@link ParameterTable}, formula slots are re-derived with {@link ParameterTable#evaluateInto}, and the outputs
 * are the impacts of the functional unit per indicator (the {@link ImpactIndex} order, keys as names). Each
 * evaluation builds the matrices and solves once ({@link LcaCalculator#calculate(CompiledSystem, double[])}).
 */
public final class CompiledSystemModel extends CompiledParameterSlots {
    private final LcaCalculator calculator;
    private final List<String> outputs;

    public CompiledSystemModel(CompiledSystem system, LcaCalculator calculator) {
        super(system);
        this.calculator = calculator;
        List<String> names = new ArrayList<>();
        for (ImpactIndex.Indicator i : system.impactIndex().indicators()) {
            names.add(i.key());
        }
        this.outputs = List.copyOf(names);
    }

    @Override
    public List<String> outputNames() {
        return outputs;
    }

    @Override
    public Evaluator newEvaluator() {
        return (parameters, out) -> System.arraycopy(calculator.calculate(system, parameters).impacts(), 0, out, 0,
                out.length);
    }

    /**
     * The global parameters of the product system that carry a distribution, in declaration order.
     *
     * @throws IllegalArgumentException when a parameter with a distribution is a formula (its slot is derived,
     *                                  so a draw would be overwritten), or its distribution is impossible
     */
    public List<UncertainParameter> uncertainGlobalParameters() {
        ParameterTable table = system.parameters();
        List<UncertainParameter> list = new ArrayList<>();
        for (Parameter p : system.system().parameters()) {
            if (p.uncertainty() == null) {
                continue;
            }
            int slot = table.globalSlot(p.name());
            if (table.isFormula(slot)) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' is a formula and has a distribution; "
                        + "give the distribution to the parameters it is computed from");
            }
            list.add(UncertainParameter.of(p.name(), slot, p.uncertainty()));
        }
        return List.copyOf(list);
    }
}
