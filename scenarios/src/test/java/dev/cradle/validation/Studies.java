package dev.cradle.validation;

import dev.cradle.engine.Cradle;
import dev.cradle.engine.ai.WorkloadEnergy;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.model.LifecycleStage;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The published-study examples, loaded and calculated once, with the quantities validation.md reports. */
final class Studies {
    private static final Map<String, Study> CACHE = new HashMap<>();

    private Studies() {
    }

    static synchronized Study get(String name) {
        return CACHE.computeIfAbsent(name, n -> new Study(ScenarioLoader.load(Path.of("examples", n + ".yaml"))));
    }

    /** One calculated study: location- and market-based results, activity data. */
    static final class Study {
        final LoadedScenario scenario;
        final LcaResult location;
        final LcaResult market;

        Study(LoadedScenario s) {
            scenario = s;
            location = Cradle.calculator().calculate(s.compiled());
            market = Cradle.calculator().calculate(s.compiled(), s.aiStudy().orElseThrow().marketBasedParameters(s.compiled()));
        }

        WorkloadEnergy energy(String workload) {
            return scenario.aiStudy().orElseThrow().energy().stream().filter(e -> e.workload().equals(workload)).findFirst()
                    .orElseThrow(() -> new AssertionError("no workload " + workload));
        }

        /** Σ direct results of indicator {@code key} over the processes matching {@code which}. */
        double sum(LcaResult r, String key, Predicate<dev.cradle.model.Process> which) {
            int k = r.indicatorRow(key);
            double v = 0;
            for (int j = 0; j < r.techIndex().size(); j++) {
                if (which.test(r.techIndex().at(j).process())) {
                    v += r.directImpact(k, j);
                }
            }
            return v;
        }

        static Predicate<dev.cradle.model.Process> model(String m) {
            return p -> m.equals(p.tags().get("model"));
        }

        static Predicate<dev.cradle.model.Process> stage(LifecycleStage s) {
            return p -> p.stage() == s;
        }

        static Predicate<dev.cradle.model.Process> id(String id) {
            return p -> p.id().equals(id);
        }

        double climate(Predicate<dev.cradle.model.Process> which) {
            return sum(location, "ipcc-ar6-gwp100/climate_change", which);
        }

        double climateMarket(Predicate<dev.cradle.model.Process> which) {
            return sum(market, "ipcc-ar6-gwp100/climate_change", which);
        }

        /** Location-based use-phase kg CO2-eq of a model. */
        double use(String model) {
            return climate(model(model).and(stage(LifecycleStage.USE)));
        }

        double useMarket(String model) {
            return climateMarket(model(model).and(stage(LifecycleStage.USE)));
        }

        /** Σ direct inventory of elementary flow {@code flowId} (its reference unit) over the processes matching {@code which}. */
        double flow(String flowId, Predicate<dev.cradle.model.Process> which) {
            int i = location.flowIndex().indexOf(flowId).orElseThrow();
            double v = 0;
            for (int j = 0; j < location.techIndex().size(); j++) {
                if (which.test(location.techIndex().at(j).process())) {
                    v += location.directInventory(i, j);
                }
            }
            return v;
        }

        double total(String indicator) {
            return location.impact(indicator);
        }
    }
}
