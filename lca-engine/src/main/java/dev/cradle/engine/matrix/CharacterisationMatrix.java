package dev.cradle.engine.matrix;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.FlowIndex;
import dev.cradle.engine.index.ImpactIndex;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.Unit;
import java.util.List;

/**
 * Builds the characterisation matrix C (indicators × elementary flows, dense: methods are small), as
 * openLCA's {@code ImpactBuilder} does: {@code C[k][i]} is indicator k per one reference unit of flow i,
 * i.e. the factor (per the factor's flow unit u) times {@code 1 flow reference unit in u}. A factor for a
 * flow that does not occur in the system is skipped; one in an incompatible unit is reported.
 */
public final class CharacterisationMatrix {
    private CharacterisationMatrix() {
    }

    /** C for these indices; a factor whose unit cannot be converted is reported into {@code problems}. */
    public static double[][] of(ImpactIndex impacts, FlowIndex flows, List<ModelProblem> problems) {
        double[][] c = new double[impacts.size()][flows.size()];
        for (int k = 0; k < impacts.size(); k++) {
            ImpactIndex.Indicator ind = impacts.at(k);
            ImpactCategory cat = ind.category();
            for (int x = 0; x < cat.factors().size(); x++) {
                CharacterisationFactor cf = cat.factors().get(x);
                var row = flows.indexOf(cf.flow().id());
                if (row.isEmpty()) {
                    continue; // the flow does not occur in this system
                }
                Flow inventoryFlow = flows.at(row.getAsInt());
                Unit cfUnit = cf.flow().referenceUnit();
                if (!inventoryFlow.referenceUnit().isCompatibleWith(cfUnit)) {
                    problems.add(ModelProblem.at("method:" + ind.method().id() + "/category:" + cat.id() + "/factor:" + x,
                            "the factor for '" + cf.flow().id() + "' is per " + cfUnit + " but the flow is measured in "
                                    + inventoryFlow.referenceUnit()));
                    continue;
                }
                c[k][row.getAsInt()] = cf.value() * inventoryFlow.referenceUnit().conversionFactorTo(cfUnit);
            }
        }
        return c;
    }
}
