package dev.cradle.engine.calc;

import dev.cradle.engine.ModelException;
import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.engine.index.IndexBuilder;
import dev.cradle.engine.index.TechIndex;
import dev.cradle.engine.matrix.CharacterisationMatrix;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.SignificantFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link ProductSystem} into a {@link CompiledSystem}, in the steps openLCA takes:
 * <ol>
 *   <li>the parameter table ({@link ParameterTable}), every formula compiled once ({@link AmountCompiler});</li>
 *   <li>the indices of A, B and C ({@link IndexBuilder});</li>
 *   <li>every exchange as a term of A or B ({@link InventoryBuilder}), with links to providers
 *       ({@link ProviderLinker}), allocation factors ({@link AllocationFactors}) and reference amounts checked
 *       ({@link ReferenceChecks});</li>
 *   <li>the functional unit's demand ({@link FunctionalUnitDemand}) and the characterisation matrix
 *       ({@link CharacterisationMatrix}).</li>
 * </ol>
 * Every step reports its problems into one list; all are thrown together as a {@link ModelException}.
 * Matrix signs: docs/methodology.md §3 and {@link InventoryBuilder}.
 */
public final class SystemCompiler {
    private SystemCompiler() {
    }

    /** Compiles {@code system} or throws a {@link ModelException} listing every problem. */
    public static CompiledSystem compile(ProductSystem system) {
        List<ModelProblem> problems = new ArrayList<>();
        ParameterTable parameters = null;
        try {
            parameters = ParameterTable.compile(system);
        } catch (ModelException e) {
            problems.addAll(e.problems());
        }
        double[] defaults = parameters == null ? null : parameters.evaluate();
        AmountCompiler amounts = new AmountCompiler(parameters, problems);

        TechIndex tech = IndexBuilder.techIndex(system, problems);
        FlowIndex flows = IndexBuilder.flowIndex(system, problems);
        ProviderLinker linker = new ProviderLinker(system, tech, problems);
        ReferenceChecks checks = new ReferenceChecks(amounts, defaults, problems);
        InventoryBuilder inventory = new InventoryBuilder(tech, flows, linker,
                new AllocationFactors(system.allocationMethod(), amounts, defaults, problems), amounts, checks, problems)
                .addAll();
        checks.selfConsumption(tech);
        FunctionalUnitDemand demand = FunctionalUnitDemand.of(system, linker, amounts, defaults, problems);
        ImpactIndex impacts = IndexBuilder.impactIndex(system, problems);
        double[][] c = CharacterisationMatrix.of(impacts, flows, problems);

        if (!problems.isEmpty()) {
            throw new ModelException(problems.stream().distinct().toList());
        }
        InventoryBuilder.Templates ab = inventory.build();
        return new CompiledSystem(system, parameters, tech, flows, impacts, ab.a(), ab.b(), ab.aTerms(), ab.bTerms(), c,
                demand.column(), demand.multiplier(), demand.amount());
    }

    /** A number rounded to 10 significant digits for messages (0.8999999999999999 → 0.9). */
    static String round(double v) {
        return SignificantFigures.of(v, 10);
    }
}
