package dev.cradle.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cradle.engine.ModelProblem;
import dev.cradle.engine.index.IndexBuilder;
import dev.cradle.model.Flow;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A power plant that uses some of its own electricity: fine while it makes more than it uses. */
class ReferenceChecksTest {
    static final Flow POWER = Flow.product("electricity", "Electricity", Units.of("kWh"));

    static List<ModelProblem> check(double ownUseMWh) {
        ProductSystem s = ProductSystem.builder("s")
                .process(Process.builder("plant").output(POWER, 1000).inputFormula(POWER, "own_use", "MWh")
                        .parameter(Parameter.of("own_use", ownUseMWh)).build())
                .functionalUnit(POWER, 1, "1 kWh").build();
        List<ModelProblem> problems = new ArrayList<>();
        ParameterTable t = ParameterTable.compile(s);
        new ReferenceChecks(new AmountCompiler(t, problems), t.evaluate(), problems)
                .selfConsumption(IndexBuilder.techIndex(s, problems));
        return problems;
    }

    @Test
    void aProcessMustMakeMoreThanItUses() {
        assertEquals(List.of(), check(0.1)); // uses 100 kWh of the 1000 it makes
        // uses 1 MWh = 1000 kWh of the 1000 kWh it makes: nothing is left
        assertEquals(List.of(ModelProblem.at("process:plant/exchange:1", "process 'plant' consumes 1000 of its own "
                + "product 'electricity' but makes 1000; it must make more than it consumes (the net amount is its "
                + "reference), or remove the self-input")), check(1));
    }
}
