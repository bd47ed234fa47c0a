package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.FunctionalUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Several functional units of ONE compiled system as demand vectors: each unit's reference flow is a
 * column of the technosphere, and its amount a formula over the system's parameter table, compiled once.
 * {@link #results} solves every unit on one factorisation ({@link PreparedSystem}): the demand of unit u
 * is {@code f_u = e_j(u) · sign · unitFactor · amount_u(p)}, with sign −1 for a waste reference flow (a
 * treatment service, docs/methodology.md §3) and unitFactor converting the unit's amount to the flow's
 * reference unit. The first unit is the primary one; when it is the system's own functional unit its
 * result is the system's own ({@link PreparedSystem#calculate()}).
 */
public final class FunctionalUnitDemands {
    private final CompiledSystem system;
    private final List<NamedFunctionalUnit> units;
    private final int[] columns;
    private final double[] multipliers;
    private final CompiledFormula[] amounts;

    private FunctionalUnitDemands(CompiledSystem system, List<NamedFunctionalUnit> units, int[] columns,
                                  double[] multipliers, CompiledFormula[] amounts) {
        this.system = system;
        this.units = units;
        this.columns = columns;
        this.multipliers = multipliers;
        this.amounts = amounts;
    }

    /**
     * Finds each unit's column and compiles its amount.
     *
     * @throws ModelException at {@code functional_unit:<id>} when a unit's flow has no (or no single) provider,
     *     its unit does not fit the flow, or its amount reads an unknown parameter
     */
    public static FunctionalUnitDemands compile(CompiledSystem system, List<NamedFunctionalUnit> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no functional unit");
        }
        List<ModelProblem> problems = new ArrayList<>();
        int n = units.size();
        int[] columns = new int[n];
        double[] multipliers = new double[n];
        CompiledFormula[] amounts = new CompiledFormula[n];
        for (int u = 0; u < n; u++) {
            NamedFunctionalUnit named = units.get(u);
            FunctionalUnit fu = named.unit();
            String path = "functional_unit:" + named.id();
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < system.techIndex().size(); j++) {
                var column = system.techIndex().at(j);
                if (column.flowId().equals(fu.referenceFlow().id())
                        && (fu.provider().isEmpty() || column.processId().equals(fu.provider()))) {
                    candidates.add(j);
                }
            }
            if (candidates.size() != 1) {
                problems.add(ModelProblem.at(path, "functional unit '" + named.id() + "': " + (candidates.isEmpty()
                        ? "no process provides its reference flow '" + fu.referenceFlow().id() + "'"
                        : "its reference flow '" + fu.referenceFlow().id() + "' has several providers")));
                continue;
            }
            if (!fu.unit().isCompatibleWith(fu.referenceFlow().referenceUnit())) {
                problems.add(ModelProblem.at(path, "functional unit '" + named.id() + "' is in " + fu.unit()
                        + " but its flow is measured in " + fu.referenceFlow().referenceUnit()));
                continue;
            }
            columns[u] = candidates.get(0);
            multipliers[u] = (fu.referenceFlow().isWaste() ? -1 : 1)
                    * fu.unit().conversionFactorTo(fu.referenceFlow().referenceUnit());
            amounts[u] = new AmountCompiler(system.parameters(), problems).compile(fu.amount(), null, path);
        }
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        return new FunctionalUnitDemands(system, List.copyOf(units), columns, multipliers, amounts);
    }

    public List<NamedFunctionalUnit> units() {
        return units;
    }

    /** The column of the technosphere that provides unit {@code u}'s reference flow. */
    public int column(int u) {
        return columns[u];
    }

    /**
     * The one non-zero entry of unit {@code u}'s demand vector (at {@link #column(int)}) for {@code parameters}:
     * sign × unit factor × amount, in the flow's reference unit; no allocation.
     */
    public double demandEntry(int u, double[] parameters) {
        return multipliers[u] * amounts[u].evaluate(parameters);
    }

    /** The demand vector of unit {@code u} at parameter vector {@code parameters}. */
    public double[] demand(int u, double[] parameters) {
        double[] f = new double[system.techIndex().size()];
        f[columns[u]] = multipliers[u] * amounts[u].evaluate(parameters);
        return f;
    }

    /**
     * One result per unit, in order, all on {@code prepared}'s factorisation.
     *
     * @param parameters the parameter vector {@code prepared} was built for (the units' amounts read it)
     * @throws ModelException when a unit's amount is not greater than zero, or a result is not finite
     */
    public List<LcaResult> results(PreparedSystem prepared, double[] parameters) {
        if (prepared.system() != system) {
            throw new IllegalArgumentException("the prepared system is not the one these units were compiled for");
        }
        List<LcaResult> out = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            double amount = amounts[u].evaluate(parameters);
            if (!(amount > 0) || !Double.isFinite(amount)) {
                throw ModelException.of("functional_unit:" + units.get(u).id(), "the amount of functional unit '"
                        + units.get(u).id() + "' is " + amount + "; it must be a finite number greater than zero");
            }
            boolean own = u == 0 && units.get(0).unit().equals(system.system().functionalUnit());
            out.add(own ? prepared.calculate() : prepared.calculate(demand(u, parameters)));
        }
        return out;
    }
}
