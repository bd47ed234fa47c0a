package dev.cradle.engine.analysis;

import dev.cradle.engine.calc.CompiledSystem;

/**
 * The parameter side shared by the models over a compiled product system: the parameters are the slots of its
 * {@link dev.cradle.engine.calc.ParameterTable} (each in its own unit), the central vector is the table evaluated
 * at the declared values, and formula slots are re-derived after a draw with
 * {@link dev.cradle.engine.calc.ParameterTable#evaluateInto}.
 */
abstract class CompiledParameterSlots implements ParametricModel {
    /** The compiled system whose parameter table the slots belong to. */
    protected final CompiledSystem system;

    CompiledParameterSlots(CompiledSystem system) {
        this.system = system;
    }

    @Override
    public final int parameterCount() {
        return system.parameters().size();
    }

    @Override
    public final double[] centralParameters() {
        return system.parameters().evaluate();
    }

    @Override
    public final void deriveParameters(double[] parameters) {
        system.parameters().evaluateInto(parameters);
    }
}
