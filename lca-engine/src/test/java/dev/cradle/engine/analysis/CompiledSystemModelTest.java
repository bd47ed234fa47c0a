package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.model.Amount;
import dev.cradle.model.CharacterisationFactor;
import dev.cradle.model.Compartment;
import dev.cradle.model.Flow;
import dev.cradle.model.ImpactCategory;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import dev.cradle.model.ProductSystem;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.Units;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyses over a compiled product system: parameters drawn, formulas re-derived, the system solved per draw. */
class CompiledSystemModelTest {
    private static final Flow ELECTRICITY = Flow.product("electricity", "Electricity", Units.of("kWh"));
    private static final Flow CO2 = Flow.elementary("co2", "Carbon dioxide, fossil", Units.of("kg"), Compartment.AIR);
    private static final ImpactMethod GWP = new ImpactMethod("gwp", "Test GWP100", List.of(
            new ImpactCategory("gwp100", "Climate change", Units.indicator("kg CO2-eq"),
                    List.of(CharacterisationFactor.of(CO2, 1.0)))));

    /**
     * 1 kWh at a data centre: CO2 = effective = intensity · pue (a formula parameter), intensity ~ N(0.5, 0.05²)
     * kg/kWh, pue ~ U(1.1, 1.3), declared 0.5 and 1.2.
     */
    private static ProductSystem system(Uncertainty onFormula) {
        Process p = Process.builder("datacentre").output(ELECTRICITY, 1).outputFormula(CO2, "effective", "kg").build();
        return ProductSystem.builder("dc").process(p)
                .parameter(new Parameter("intensity", Amount.of(0.5), "kg/kWh", new Uncertainty.Normal(0.5, 0.05), ""))
                .parameter(new Parameter("pue", Amount.of(1.2), "", new Uncertainty.Uniform(1.1, 1.3), ""))
                .parameter(new Parameter("effective", Amount.formula("intensity * pue"), "kg/kWh", onFormula, ""))
                .functionalUnit(ELECTRICITY, 1, "1 kWh").method(GWP).build();
    }

    /**
     * Independent inputs: E[CO2] = 0.5 · 1.2 = 0.6 kg; Var = E[i²]E[p²] − 0.6² = (0.25 + 0.0025)(1.44 + 0.2²/12)
     * − 0.36 = 0.0044417 (sd 0.066646). n = 4,000: SE(mean) = 0.001054; every draw's result is exactly
     * intensity · pue of that draw (the formula slot re-derived from the drawn inputs).
     */
    @Test
    void monteCarloOverTheCompiledSystem() {
        CompiledSystemModel model = new CompiledSystemModel(Cradle.compile(system(null)), Cradle.calculator());
        List<UncertainParameter> ps = model.uncertainGlobalParameters();
        assertEquals(List.of("intensity", "pue"), ps.stream().map(UncertainParameter::name).toList());
        assertEquals(1, model.outputCount());
        assertTrue(model.outputNames().get(0).contains("gwp100"), model.outputNames().toString());
        MonteCarlo.Result r = MonteCarlo.run(model, ps, new MonteCarlo.Settings(4000, 3, 2),
                (d, p, o) -> assertEquals(p[0] * p[1], o[0], 1e-12));
        OutputStatistics co2 = r.outputs().get(0);
        assertEquals(0.6, co2.mean(), 4 * 0.001054);
        assertEquals(0.066646, co2.sd(), 0.004);
    }

    /** Tornado: pue at 1.11 / 1.29 → 0.555 / 0.645 kg; intensity at 0.5 ∓ 1.644854·0.05 → (0.41776, 0.58224)·1.2. */
    @Test
    void tornadoOverTheCompiledSystem() {
        CompiledSystemModel model = new CompiledSystemModel(Cradle.compile(system(null)), Cradle.calculator());
        Tornado.Result t = Tornado.run(model, model.uncertainGlobalParameters());
        assertEquals(0.6, t.central()[0], 1e-12);
        Tornado.Bar first = t.bars().get(0).get(0);
        assertEquals("intensity", first.parameter().name());
        assertEquals((0.5 - 1.644854 * 0.05) * 1.2, first.outputLow(), 1e-6);
        Tornado.Bar pue = t.bars().get(0).get(1);
        assertEquals(0.555, pue.outputLow(), 1e-12);
        assertEquals(0.645, pue.outputHigh(), 1e-12);
    }

    @Test
    void aDistributionOnAFormulaParameterIsRejected() {
        CompiledSystemModel model = new CompiledSystemModel(Cradle.compile(system(new Uncertainty.Normal(0.6, 0.1))),
                Cradle.calculator());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, model::uncertainGlobalParameters);
        assertTrue(e.getMessage().startsWith("parameter 'effective' is a formula and has a distribution"), e.getMessage());
    }
}
