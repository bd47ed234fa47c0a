package dev.cradle.engine.calc;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.formula.FormulaCompiler;
import dev.cradle.engine.formula.FormulaException;
import dev.cradle.engine.formula.FormulaParser;
import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where an {@link Amount} becomes a {@link CompiledFormula} over the parameter table's
 * {@code double[]}: a {@link Amount.Constant} a constant, a {@link Amount.Formula} parsed once from its
 * text, an {@link Amount.Tree} compiled as built (never parsed). Every parameter name is resolved to
 * its slot once; an unknown name is a {@link FormulaException} at its column with the closest known
 * names. Used by {@link ParameterTable} (parameter formulas) and by {@link SystemCompiler}'s pieces
 * (exchange amounts, allocation factors, the functional unit's amount).
 */
public final class AmountCompiler {
    private final ParameterTable parameters;
    private final List<ModelProblem> problems;

    /**
     * A compiler over {@code parameters} that reports failures into {@code problems}.
     *
     * @param parameters the system's parameter table, or null when it failed to compile (its problems are
     *                   reported already; amounts are then checked for syntax only)
     */
    AmountCompiler(ParameterTable parameters, List<ModelProblem> problems) {
        this.parameters = parameters;
        this.problems = problems;
    }

    /** The table the amounts are compiled over; null when it failed to compile. */
    ParameterTable parameters() {
        return parameters;
    }

    /**
     * {@code amount} compiled in the scope of {@code processId} (null: global parameters only), or null
     * after reporting the problem at {@code path} (or, when the parameter table failed, without compiling).
     */
    CompiledFormula compile(Amount amount, String processId, String path) {
        if (amount instanceof Amount.Constant c) {
            return CompiledFormula.constant(c.value());
        }
        try {
            Expression e = expression(amount);
            if (parameters == null) {
                return null; // parameters failed to compile: their problems are already reported
            }
            return compile(text(amount), e, parameters.resolverFor(processId), () -> parameters.visibleNames(processId));
        } catch (FormulaException fe) {
            problems.add(new ModelProblem(path, fe.column(), fe.reason()));
            return null;
        }
    }

    /**
     * {@code amount} at the parameters' declared values {@code values}, in the scope of {@code processId};
     * NaN when it cannot be compiled (the problem is reported where the amount is compiled for the matrix).
     */
    double valueAt(Amount amount, String processId, double[] values) {
        if (amount instanceof Amount.Constant c) {
            return c.value();
        }
        try {
            return compile(text(amount), expression(amount), parameters.resolverFor(processId), List::of)
                    .evaluate(values);
        } catch (FormulaException fe) {
            return Double.NaN;
        }
    }

    /** The text of an amount as shown in messages: the number, the formula as written, or the tree's text. */
    public static String text(Amount amount) {
        if (amount instanceof Amount.Constant c) {
            return Double.toString(c.value());
        }
        return amount instanceof Amount.Tree t ? t.expression().text() : ((Amount.Formula) amount).expression();
    }

    /**
     * True when {@code amount} reads no parameter (a number, or a formula without names), so its compiled value
     * is the same for every parameter vector; false for anything else, a formula that does not parse included.
     */
    static boolean isConstant(Amount amount) {
        if (amount instanceof Amount.Constant) {
            return true;
        }
        try {
            return expression(amount).variables().isEmpty();
        } catch (FormulaException fe) {
            return false;
        }
    }

    /**
     * The expression of an amount: a formula's text parsed, a tree as built, a constant as a number.
     *
     * @throws FormulaException when a formula's text does not parse
     */
    public static Expression expression(Amount amount) {
        if (amount instanceof Amount.Constant c) {
            return new Expression.Number(c.value(), 1);
        }
        return amount instanceof Amount.Tree t ? t.expression() : FormulaParser.parse(((Amount.Formula) amount).expression());
    }

    /**
     * Compiles {@code e} (whose text is {@code text}) with every name resolved by {@code scope}.
     *
     * @param scope   a name's slot, or -1 when no parameter of that name is visible
     * @param visible the names visible in the scope, asked only to suggest one for an unknown name
     * @throws FormulaException naming an unknown parameter at its column
     */
    public static CompiledFormula compile(String text, Expression e, ToIntFunction<String> scope,
                                          Supplier<? extends Collection<String>> visible) {
        return FormulaCompiler.compile(text, e, name -> {
            int slot = scope.applyAsInt(name);
            if (slot < 0) {
                throw new FormulaException(text, columnOf(text, e, name), "unknown parameter '" + name + "'"
                        + Suggestions.didYouMean(name, visible.get()));
            }
            return slot;
        });
    }

    /** The 1-based column of the first use of {@code name}: from the parse, else found in the text, else 1. */
    private static int columnOf(String text, Expression e, String name) {
        int parsed = e.firstColumnOf(name);
        if (parsed > 0) {
            return parsed;
        }
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text);
        return m.find() ? m.start() + 1 : 1;
    }
}
