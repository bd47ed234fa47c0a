package dev.cradle.engine.ai;

import static dev.cradle.engine.ai.Declarations.number;
import static dev.cradle.engine.ai.ParametricRulesTest.params;
import static dev.cradle.engine.ai.ParametricRulesTest.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ai.Declarations.AiFunctionalUnit;
import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.engine.ai.Declarations.Datacenter;
import dev.cradle.engine.ai.Declarations.FunctionalUnitKind;
import dev.cradle.engine.ai.Declarations.Hardware;
import dev.cradle.engine.ai.Declarations.Model;
import dev.cradle.engine.ai.Declarations.Workload;
import dev.cradle.engine.ai.ParametricRulesTest.Run;
import dev.cradle.model.Amount;
import dev.cradle.model.Expression;
import dev.cradle.model.MlPhase;
import dev.cradle.model.Parameter;
import dev.cradle.model.Uncertainty;
import dev.cradle.model.data.DevicePower;
import dev.cradle.model.data.ImpactCategories;
import dev.cradle.model.data.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Every hardware group of a workload draws energy (Green Algorithms' GPUs + CPU cores + memory), and a device's
 * default power is a named library parameter with its range. The study: 4 GPUs of archetype gpu-m (measured
 * average 250 W, range 200-300 W) for 800 device-hours, with 8 CPU cores at 10 W, 64 GB of memory at 0.3725 W per
 * GB and 2 host servers with no power; PUE 1.5, 0.4 kg CO2-eq/kWh.
 */
class HardwareGroupsEnergyTest {
    static final ReferenceData DATA = BundledFigures.builder()
            .device("gpu-m", 100, new DevicePower(400, 250, new Uncertainty.Triangular(200, 250, 300),
                    "measured average 250 W (test)"))
            .device("gpu-t", 100, new DevicePower(400, Double.NaN, new Uncertainty.Triangular(217.78, 400, 440),
                    "TDP 400 W (test)"))
            .build();

    static Hardware group(String id, String archetype, double count, Expression power) {
        return new Hardware(id, id, archetype, archetype.isEmpty() ? Map.of(ImpactCategories.CLIMATE, number(10)) : Map.of(),
                Map.of(), number(count), number(10_000), number(1), "dc", power, null, null, null, null, List.of(), null,
                new AllocationRule.ByDeviceHours(), "test");
    }

    static AiScenario study(String gpuArchetype, Expression cpuPower) {
        Datacenter dc = new Datacenter("dc", "dc", new Declarations.ExplicitGrid(number(0.4)), "", number(1.5), number(0),
                number(0), null, null, List.of(), null, null, "test");
        List<Hardware> hw = List.of(group("gpus", gpuArchetype, 4, null), group("cpus", "", 8, cpuPower),
                group("memory", "", 64, number(0.3725)), group("hosts", "", 2, null));
        Workload w = new Workload("job", "m", MlPhase.TRAINING, "gpus", new Declarations.DeviceHours(number(800)), null,
                number(1), number(0), number(0), null, List.of("cpus", "memory", "hosts"), "test:3:5");
        return new AiScenario(List.of(dc), hw, List.of(new Model("m", "m", number(0), number(0), null, "", null, "test")),
                List.of(w), new AiFunctionalUnit(FunctionalUnitKind.STUDY, "", number(1), "test"));
    }

    static Run run(AiScenario s, Map<String, Double> parameters) {
        AiStudy ai = Cradle.aiCompiler(DATA).compile(s, parameters);
        List<Parameter> globals = new ArrayList<>();
        parameters.forEach((k, v) -> globals.add(Parameter.of(k, v)));
        globals.addAll(ai.parameters());
        return new Run(ai, Cradle.compile(new dev.cradle.model.ProductSystem("ai", ai.processes(), ai.functionalUnit(),
                globals, DATA.defaultMethods(), null)));
    }

    @Test
    void everyGroupDrawsItsPowerForItsShareOfTheDeviceHours() {
        Run r = run(study("gpu-m", number(10)), Map.of());
        // GPUs 800 device-h × 250 W = 200 kWh; cores 800 × 8 / 4 = 1,600 core-h × 10 W = 16 kWh; memory 800 × 64 / 4 =
        // 12,800 GB-h × 0.3725 W = 4.768 kWh; hosts: no power, none. IT 220.768 kWh × PUE 1.5 = 331.152 kWh
        WorkloadEnergy e = r.ai().energy().get(0);
        assertEquals(220.768, e.itKwh(), 1e-9);
        assertEquals(331.152, e.facilityKwh(), 1e-9);
        // × 0.4 kg/kWh = 132.4608 kg
        assertEquals(132.4608, stage(r.central(), "use"), 1e-9);
        // the hosts add embodied but no energy, and the study says so
        assertTrue(r.ai().warnings().stream().anyMatch(w -> w.subject().equals("workload:job")
                && w.message().contains("hardware 'hosts' has no power")), r.ai().warnings().toString());
        assertEquals(1, r.ai().warnings().size(), r.ai().warnings().toString());
        List<String> lines = r.ai().traces().stream().flatMap(t -> t.lines().stream()).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("IT energy of memory = 12800 device-h × 0.3725 W / 1000 = 4.768 kWh")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("all its hardware = 220.768 kWh")), lines.toString());
    }

    @Test
    void aMeasuredAverageIsTheDefaultPowerAndANamedParameterWithItsRange() {
        Run r = run(study("gpu-m", number(10)), Map.of());
        Parameter p = r.ai().parameters().stream().filter(x -> x.name().equals("hardware.gpus.power")).findFirst().orElseThrow();
        assertEquals(new Amount.Constant(250), p.amount());
        assertEquals("W", p.unit());
        assertEquals(new Uncertainty.Triangular(200, 250, 300), assertInstanceOf(Uncertainty.Triangular.class, p.uncertainty()));
        assertTrue(p.description().contains("measured average 250 W (test)"), p.description());
        assertTrue(r.ai().traces().stream().flatMap(t -> t.lines().stream())
                .anyMatch(l -> l.contains("power: library default for gpu-m: measured average 250 W (test); parameter "
                        + "hardware.gpus.power")), "the trace says which default");
        // at the range's top, 300 W: GPUs 240 kWh; IT 260.768 kWh × 1.5 × 0.4 = 156.4608 kg
        assertEquals(156.4608, stage(r.with("hardware.gpus.power", 300), "use"), 1e-9);
    }

    @Test
    void theTdpIsTheDefaultWhenNoAverageIsPublishedAndAScenarioParameterOverridesIt() {
        Run r = run(study("gpu-t", number(10)), Map.of());
        Parameter p = r.ai().parameters().stream().filter(x -> x.name().equals("hardware.gpus.power")).findFirst().orElseThrow();
        assertEquals(new Amount.Constant(400), p.amount());
        assertTrue(p.description().contains("TDP 400 W (test)"), p.description());
        // a scenario's own parameter of that name is the power: 320 W × 800 h = 256 kWh + 20.768 = 276.768 kWh
        Run own = run(study("gpu-t", number(10)), params("hardware.gpus.power", 320));
        assertEquals(276.768, own.ai().energy().get(0).itKwh(), 1e-9);
    }

    /** The IT energy is Σ over the groups of device-hours × count / primary count × power, whatever the CPU power. */
    @Property(tries = 40)
    void theEnergyIsTheSumOverTheGroups(@ForAll @DoubleRange(min = 0, max = 50) double cpuW) {
        Run r = run(study("gpu-m", new Expression.Variable("cpu_w", 0)), params("cpu_w", cpuW));
        assertEquals(200 + 1600 * cpuW / 1000 + 4.768, r.ai().energy().get(0).itKwh(), 1e-9);
        assertEquals((200 + 1600 * (cpuW + 1) / 1000 + 4.768) * 1.5 * 0.4, stage(r.with("cpu_w", cpuW + 1), "use"), 1e-9);
    }
}
