package dev.cradle.engine.ai;

import static dev.cradle.engine.ai.Declarations.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Infrastructure;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.calc.CompiledSystem;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.Expression;
import dev.cradle.model.MlPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 9's promise for AI studies: the rules run once, and a new parameter vector re-evaluates the whole
 * study. Setting any global parameter — the scenario's own or a library parameter the rules named — through the
 * compiled system's parameter vector gives, to 1e-12 relative, every indicator of compiling the study again with
 * that parameter's central value changed (for a library parameter: declaring a scenario parameter of that name,
 * the way a user overrides it), location- and market-based.
 *
 * <p>The study reads parameters in every rule: a mix grid whose coal share is a parameter, with the
 * technologies' intensities and the building per MW from the library; PUE, on-site water and renewable share;
 * an H100 archetype (its embodied GWP a library parameter) whose power, life, idle power, mass and transport
 * distance are parameters; a training workload of {@code dh} device-hours and an inference workload of
 * {@code queries × kwh_q}; idle energy shared by IT energy and the building by a formula rule.
 */
public class ParametricStudyProperties {
    /** The scenario's global parameters and their central values (also used by the benchmarks). */
    public static final Map<String, Double> CENTRAL = central();

    private static Map<String, Double> central() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("gpu_w", 300.0);
        m.put("dh", 60.0);
        m.put("pue_dc", 1.2);
        m.put("green", 0.3);
        m.put("wue", 1.0);
        m.put("coal_share", 0.4);
        m.put("kwh_q", 0.001);
        m.put("queries", 1000.0);
        m.put("life_h", 1000.0);
        m.put("idle_w", 50.0);
        m.put("mass", 2.0);
        m.put("km", 1000.0);
        return m;
    }

    /** The library parameters the rules name for this study, with their central values. */
    static final Map<String, Double> LIBRARY = library();

    private static Map<String, Double> library() {
        Map<String, Double> m = new LinkedHashMap<>();
        Cradle.aiCompiler(BundledFigures.WITH_RANGES).compile(study(), CENTRAL).libraryParameters().forEach(p -> m.put(p.name(),
                ((dev.cradle.model.Amount.Constant) p.amount()).value()));
        return m;
    }

    static Expression var(String name) {
        return new Expression.Variable(name, 0);
    }

    /** The study (also used by the benchmarks). */
    public static AiScenario study() {
        Map<String, Expression> mix = new LinkedHashMap<>();
        mix.put("coal", var("coal_share"));
        mix.put("gas", new Expression.Binary("-", number(1), var("coal_share"), 0));
        Datacenter dc = new Datacenter("dc-1", "dc", new Declarations.MixGrid(mix), "", var("pue_dc"), var("wue"), null,
                null, var("green"), List.of(new Infrastructure("building", "Building", null, number(1), number(10_000),
                new AllocationRule.Formula("device_hours + energy_kwh * 2"), "test")), number(0.1), number(100), "test");
        Hardware hw = new Hardware("h100-pod", "2 H100", "nvidia-h100-sxm", Map.of(), Map.of(), number(2), var("life_h"),
                number(0.5), "dc-1", var("gpu_w"), var("idle_w"), null, number(200), var("mass"),
                List.of(new Declarations.TransportLeg("sea", var("km"))), number(0.5), new AllocationRule.ByEnergy(), "test");
        Workload train = new Workload("train", "m1", MlPhase.TRAINING, "h100-pod", new Declarations.DeviceHours(var("dh")),
                null, number(1), number(0), number(0), null, "test");
        Workload serve = new Workload("serve", "m2", MlPhase.INFERENCE, "h100-pod",
                new Declarations.PerQuery(var("kwh_q"), number(100)), null, number(1), var("queries"), number(0),
                number(100), "test");
        return new AiScenario(List.of(dc), List.of(hw), List.of(new Model("m1", "m1", number(0), number(0), null, "", null,
                "test"), new Model("m2", "m2", number(0), number(0), null, "", null, "test")), List.of(train, serve),
                new AiFunctionalUnit(FunctionalUnitKind.STUDY, "", number(1), "test"));
    }

    /** The study compiled as the loader does (see {@link ParametricRulesTest#run}). */
    record Compiled(AiStudy ai, CompiledSystem system) {
    }

    static Compiled compile(Map<String, Double> scenarioParameters) {
        ParametricRulesTest.Run r = ParametricRulesTest.run(study(), scenarioParameters);
        return new Compiled(r.ai(), r.compiled());
    }

    static final Compiled BASE = compile(CENTRAL);

    @Property(tries = 60)
    void aParameterSetThroughTheVectorEqualsRecompilingWithIt(@ForAll @IntRange(min = 0, max = 99) int pick,
                                                               @ForAll @DoubleRange(min = 0.8, max = 1.25) double factor) {
        List<String> names = new ArrayList<>(CENTRAL.keySet());
        names.addAll(LIBRARY.keySet());
        assertEquals(16, names.size(), "12 scenario parameters and 4 from the library: " + names);
        String name = names.get(pick % names.size());
        double value = (CENTRAL.containsKey(name) ? CENTRAL.get(name) : LIBRARY.get(name)) * factor;

        double[] p = BASE.system().parameters().constants();
        int slot = BASE.system().parameters().globalSlot(name);
        assertTrue(slot >= 0, name);
        p[slot] = value;
        BASE.system().parameters().evaluateInto(p);
        LcaResult location = Cradle.calculator().calculate(BASE.system(), p);
        LcaResult market = Cradle.calculator().calculate(BASE.system(), BASE.ai().marketBasedParameters(BASE.system(), p));

        Map<String, Double> changed = new LinkedHashMap<>(CENTRAL);
        changed.put(name, value);
        Compiled again = compile(changed);
        LcaResult location2 = Cradle.calculator().calculate(again.system());
        LcaResult market2 = Cradle.calculator().calculate(again.system(), again.ai().marketBasedParameters(again.system()));

        if (Math.abs(factor - 1) > 1e-3) {
            // every parameter moves some indicator (water for the WUE, market-based for the renewable share)
            LcaResult central = Cradle.calculator().calculate(BASE.system());
            LcaResult centralMarket = Cradle.calculator().calculate(BASE.system(),
                    BASE.ai().marketBasedParameters(BASE.system()));
            assertTrue(differs(central, location) || differs(centralMarket, market), name + " moves nothing");
        }
        same(location2, location, name + " = " + value + ", location-based");
        same(market2, market, name + " = " + value + ", market-based");
    }

    private static boolean differs(LcaResult a, LcaResult b) {
        for (int k = 0; k < a.impacts().length; k++) {
            if (Math.abs(a.impacts()[k] - b.impacts()[k]) > 1e-9 * Math.abs(a.impacts()[k])) {
                return true;
            }
        }
        return false;
    }

    private static void same(LcaResult expected, LcaResult actual, String what) {
        double[] e = expected.impacts();
        double[] a = actual.impacts();
        assertEquals(e.length, a.length);
        for (int k = 0; k < e.length; k++) {
            assertEquals(e[k], a[k], 1e-12 * Math.abs(e[k]), what + ", indicator " + k);
        }
    }
}
