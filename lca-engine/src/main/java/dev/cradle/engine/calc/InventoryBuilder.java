package dev.cradle.engine.calc;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.formula.CompiledFormula;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.TechFlow;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.SparseMatrixTemplate;
import dev.cradle.model.Direction;
import dev.cradle.model.Expression;
import dev.cradle.model.Exchange;
import dev.cradle.model.Process;
import dev.cradle.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Puts every exchange of a product system into the technosphere A or the interventions B as a compiled
 * term (openLCA's {@code InventoryBuilder}), fixing the sparsity patterns once:
 * <ul>
 *   <li>a provided product (or treated waste) on A's diagonal, positive for an output, negative for an
 *       input (a waste treatment);</li>
 *   <li>a linked product input or waste output at (provider, column), with the sign of its direction
 *       (avoided products keep theirs, so their provider gets a negative scaling: a credit);</li>
 *   <li>an elementary exchange in B, positive in its flow's natural direction
 *       ({@link dev.cradle.model.Flow#naturalDirection()}).</li>
 * </ul>
 * Each term is {@code unit factor × amount × allocation factor}; another co-product of the same process
 * is skipped (it has its own column). Unit mismatches, formula problems and failed links are reported.
 */
final class InventoryBuilder {
    /** The patterns of A and B with one compiled term per exchange entry. */
    record Templates(SparseMatrixTemplate a, CompiledSystem.Term[] aTerms, SparseMatrixTemplate b,
                     CompiledSystem.Term[] bTerms) {
    }

    private record PendingTerm(int ticket, double multiplier, CompiledFormula amount, CompiledFormula allocation,
                               boolean constant, Expression expression, ToIntFunction<String> scope) {
    }

    private final TechIndex tech;
    private final FlowIndex flows;
    private final ProviderLinker linker;
    private final AllocationFactors allocation;
    private final AmountCompiler amounts;
    private final ReferenceChecks checks;
    private final List<ModelProblem> problems;
    private final SparseMatrixTemplate.Builder aPattern;
    private final SparseMatrixTemplate.Builder bPattern;
    private final List<PendingTerm> aTerms = new ArrayList<>();
    private final List<PendingTerm> bTerms = new ArrayList<>();

    InventoryBuilder(TechIndex tech, FlowIndex flows, ProviderLinker linker, AllocationFactors allocation,
                     AmountCompiler amounts, ReferenceChecks checks, List<ModelProblem> problems) {
        this.tech = tech;
        this.flows = flows;
        this.linker = linker;
        this.allocation = allocation;
        this.amounts = amounts;
        this.checks = checks;
        this.problems = problems;
        this.aPattern = new SparseMatrixTemplate.Builder(tech.size(), tech.size());
        this.bPattern = new SparseMatrixTemplate.Builder(flows.size(), tech.size());
    }

    /** Adds the terms of every column, in column order. */
    InventoryBuilder addAll() {
        for (int j = 0; j < tech.size(); j++) {
            addColumn(j);
        }
        return this;
    }

    private void addColumn(int j) {
        TechFlow column = tech.at(j);
        Process p = column.process();
        String pPath = "process:" + p.id();
        Map<Integer, CompiledFormula> factors = allocation.of(p, column);
        List<Exchange> exchanges = p.exchanges();
        for (int x = 0; x < exchanges.size(); x++) {
            Exchange e = exchanges.get(x);
            String path = pPath + "/exchange:" + x;
            if (e.isProviderSide() && !e.flow().id().equals(column.flowId())) {
                continue; // another co-product: it has its own column
            }
            double unitFactor = unitFactor(e, path);
            CompiledFormula amount = amounts.compile(e.amount(), p.id(), path);
            boolean constant = AmountCompiler.isConstant(e.amount());
            Expression expression = constant || amount == null ? null : expressionOf(e.amount());
            ToIntFunction<String> scope = amounts.parameters() == null ? null : amounts.parameters().resolverFor(p.id());
            double sign = e.direction() == Direction.OUTPUT ? 1 : -1;
            if (e.isProviderSide()) {
                aTerms.add(new PendingTerm(aPattern.add(j, j), sign * unitFactor, amount, null, constant, expression,
                        scope));
                checks.providedAmount(p, e, amount, path);
            } else if (e.flow().isElementary()) {
                int row = flows.indexOf(e.flow().id()).orElseThrow();
                double natural = e.direction() == e.flow().naturalDirection() ? 1 : -1;
                bTerms.add(new PendingTerm(bPattern.add(row, j), natural * unitFactor, amount, factors.get(x),
                        constant && factors.get(x) == null, expression, scope));
            } else {
                int provider = linker.link(p, e, path);
                if (provider != ProviderLinker.UNLINKED) {
                    aTerms.add(new PendingTerm(aPattern.add(provider, j), sign * unitFactor, amount, factors.get(x),
                            constant && factors.get(x) == null, expression, scope));
                }
            }
        }
    }

    /** The amount's expression, or null when it does not parse (the problem is reported where it is compiled). */
    private static Expression expressionOf(dev.cradle.model.Amount amount) {
        try {
            return AmountCompiler.expression(amount);
        } catch (dev.cradle.engine.formula.FormulaException fe) {
            return null;
        }
    }

    /** The factor from the exchange's unit to its flow's reference unit; 1 after reporting a mismatch. */
    private double unitFactor(Exchange e, String path) {
        Unit ref = e.flow().referenceUnit();
        if (!e.unit().isCompatibleWith(ref)) {
            problems.add(ModelProblem.at(path, "the amount is in " + e.unit() + " (" + e.unit().dimension().label()
                    + ") but flow '" + e.flow().id() + "' is measured in " + ref + " (" + ref.dimension().label()
                    + "); write it in a " + ref.dimension().label() + " unit such as " + ref));
            return 1;
        }
        return e.unit().conversionFactorTo(ref);
    }

    /** The fixed patterns and their terms; call once every column is added and no problem is left. */
    Templates build() {
        SparseMatrixTemplate a = aPattern.build();
        SparseMatrixTemplate b = bPattern.build();
        return new Templates(a, resolve(aTerms, aPattern), b, resolve(bTerms, bPattern));
    }

    private static CompiledSystem.Term[] resolve(List<PendingTerm> terms, SparseMatrixTemplate.Builder pattern) {
        return terms.stream()
                .map(t -> new CompiledSystem.Term(pattern.slotOf(t.ticket()), t.multiplier(), t.amount(), t.allocation(),
                        t.constant(), t.expression(), t.scope()))
                .toArray(CompiledSystem.Term[]::new);
    }
}
