package dev.cradle.scenario;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ai.AiStudy;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.calc.FunctionalUnitDemands;
import dev.cradle.engine.calc.NamedFunctionalUnit;
import dev.cradle.engine.calc.PreparedSystem;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.scenario.report.UnitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Every functional unit of a study from one compiled system: the technosphere is factorised once for the
 * location-based parameter vector and once for the market-based one, and every unit is a demand vector
 * solved on those two factorisations. The units are the AI study's ({@code functional_units}, the first
 * primary) when its primary unit is the product system's; otherwise the product system's one unit, named
 * after its reference flow.
 */
final class FunctionalUnitResults {
    private FunctionalUnitResults() {
    }

    /** The units' results, the primary first; {@code ai} may be null (a study written only as processes). */
    static List<UnitResult> calculate(CompiledSystem compiled, AiStudy ai) {
        var system = compiled.system();
        List<NamedFunctionalUnit> units = ai != null && ai.functionalUnit().equals(system.functionalUnit())
                ? ai.functionalUnits()
                : List.of(new NamedFunctionalUnit(system.functionalUnit().referenceFlow().id(), system.functionalUnit()));
        FunctionalUnitDemands demands = FunctionalUnitDemands.compile(compiled, units);
        double[] location = compiled.parameters().evaluate();
        List<LcaResult> byLocation = demands.results(Cradle.calculator().prepare(compiled, location), location);
        List<LcaResult> byMarket = null;
        if (ai != null) {
            double[] market = ai.marketBasedParameters(compiled);
            PreparedSystem prepared = Cradle.calculator().prepare(compiled, market);
            byMarket = demands.results(prepared, market);
        }
        List<UnitResult> out = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            out.add(new UnitResult(units.get(u), u == 0, byLocation.get(u), byMarket == null ? null : byMarket.get(u)));
        }
        return List.copyOf(out);
    }
}
