package dev.cradle.engine.ai.build;

import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;
import dev.cradle.model.Unit;
import dev.cradle.model.Units;

/**
 * Turns what an analyst gives a builder — a number in the field's reference unit, a quantity with a
 * unit, or a formula over the scenario's parameters with a unit — into the {@link Expression} the
 * declarations hold: the value in the field's reference unit. A formula is parsed once here
 * ({@link FormulaParser}) and multiplied by the unit's conversion factor; a formula that reads no
 * parameter is folded to its number. Wrong units and malformed formulas are refused at once, naming
 * the field.
 */
final class FieldValue {
    private FieldValue() {
    }

    /** A number already in the field's reference unit; it must be finite. */
    static Expression number(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new DeclarationException("'" + field + "' is " + value + "; it must be a finite number");
        }
        return new Expression.Number(value, 0);
    }

    /** {@code value unit}, converted to {@code target} (a unit of {@code dimension}). */
    static Expression quantity(String field, double value, String unit, Dimension dimension, String target) {
        return number(field, value * factor(field, unit, dimension, target));
    }

    /** A formula over parameters whose value is in {@code unit}, as a tree in {@code target}. */
    static Expression formula(String field, String formula, String unit, Dimension dimension, String target) {
        return scaled(field, parse(field, formula), factor(field, unit, dimension, target));
    }

    /** A dimensionless formula over parameters (a share, a count, a PUE). */
    static Expression formula(String field, String formula) {
        return scaled(field, parse(field, formula), 1);
    }

    /** A rate per energy such as {@code g/kWh} or {@code L/MWh}: numerator of {@code dimension} per energy. */
    static double rateFactor(String field, String unit, Dimension dimension, String target) {
        int slash = unit == null ? -1 : unit.lastIndexOf('/');
        if (slash < 0) {
            throw new DeclarationException("'" + field + "' takes a rate per energy such as 'g/kWh' or 'L/kWh'; '"
                    + unit + "' is not one");
        }
        double top = factor(field, unit.substring(0, slash).trim(), dimension, target);
        double bottom = factor(field, unit.substring(slash + 1).trim(), Dimension.ENERGY, "kWh");
        return top / bottom;
    }

    static Expression rate(String field, double value, String unit, Dimension dimension, String target) {
        return number(field, value * rateFactor(field, unit, dimension, target));
    }

    static Expression rateFormula(String field, String formula, String unit, Dimension dimension, String target) {
        return scaled(field, parse(field, formula), rateFactor(field, unit, dimension, target));
    }

    /** The multiplier from {@code unit} to {@code target}, after checking the unit's dimension. */
    static double factor(String field, String unit, Dimension dimension, String target) {
        Unit u = Units.find(unit).orElseThrow(() -> new DeclarationException("'" + field + "': unknown unit '" + unit
                + "'" + dev.cradle.engine.calc.Suggestions.didYouMean(String.valueOf(unit), Units.all().keySet())));
        if (u.dimension() != dimension) {
            throw new DeclarationException("'" + field + "' is " + dimension.label() + "; '" + unit + "' is a unit of "
                    + u.dimension().label() + " (use e.g. '" + target + "')");
        }
        return u.conversionFactorTo(Units.of(target));
    }

    private static Expression parse(String field, String formula) {
        try {
            return FormulaParser.parse(formula);
        } catch (FormulaException e) {
            throw new DeclarationException("'" + field + "': the formula '" + formula + "' is malformed at column "
                    + e.column() + ": " + e.reason());
        }
    }

    private static Expression scaled(String field, Expression tree, double factor) {
        Expression e = factor == 1 ? tree : new Expression.Binary("*", tree, new Expression.Number(factor, 0), 0);
        if (!e.variables().isEmpty()) {
            return e;
        }
        // reads no parameter: its number (the declarations hold a literal wherever one is known)
        double v = FormulaCompiler.compile(e.text(), e, name -> -1).evaluate(new double[0]);
        return number(field, v);
    }
}
