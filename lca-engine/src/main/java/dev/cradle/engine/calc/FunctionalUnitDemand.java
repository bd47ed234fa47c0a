package dev.cradle.engine.calc;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.ProductSystem;
import java.util.List;

/**
 * The final demand of a product system's functional unit: {@code f[column] = multiplier × amount(params)},
 * where the multiplier converts the functional unit's unit to its flow's reference unit and is negative
 * for a waste (a treatment is demanded as a negative output, docs/methodology.md §3).
 *
 * @param column     the column providing the reference flow
 * @param multiplier unit conversion × sign
 * @param amount     the functional unit's amount, compiled over the parameter table (null only when reported)
 */
record FunctionalUnitDemand(int column, double multiplier, CompiledFormula amount) {

    /**
     * Links the reference flow, converts its unit and compiles its amount, reporting a missing provider, a
     * unit of the wrong dimension, and an amount that is not greater than zero at the declared values.
     */
    static FunctionalUnitDemand of(ProductSystem system, ProviderLinker linker, AmountCompiler amounts,
                                   double[] defaults, List<ModelProblem> problems) {
        int column = linker.referenceColumn();
        FunctionalUnit fu = system.functionalUnit();
        double unitFactor = 1;
        if (!fu.unit().isCompatibleWith(fu.referenceFlow().referenceUnit())) {
            problems.add(ModelProblem.at("functional_unit", "the functional unit is in " + fu.unit() + " ("
                    + fu.unit().dimension().label() + ") but its flow '" + fu.referenceFlow().id() + "' is measured in "
                    + fu.referenceFlow().referenceUnit() + " (" + fu.referenceFlow().referenceUnit().dimension().label()
                    + ")"));
        } else {
            unitFactor = fu.unit().conversionFactorTo(fu.referenceFlow().referenceUnit());
        }
        CompiledFormula amount = amounts.compile(fu.amount(), null, "functional_unit");
        if (amount != null && defaults != null) {
            double value = amount.evaluate(defaults);
            if (!(value > 0)) {
                problems.add(ModelProblem.at("functional_unit", "the functional unit's amount is "
                        + SystemCompiler.round(value) + "; it must be greater than zero (the study is about a positive "
                        + "quantity of '" + fu.referenceFlow().id() + "')"));
            }
        }
        double sign = fu.referenceFlow().isWaste() ? -1 : 1;
        return new FunctionalUnitDemand(column, sign * unitFactor, amount);
    }
}
