package dev.cradle.scenario.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cradle.engine.ModelException;
import dev.cradle.engine.calc.SolverProblems;
import dev.cradle.engine.result.LcaResult;
import dev.cradle.engine.solve.SingularSystemException;
import dev.cradle.scenario.LoadedScenario;
import dev.cradle.scenario.ScenarioException;
import dev.cradle.scenario.ScenarioLoader;
import dev.cradle.scenario.report.AiView;
import dev.cradle.scenario.report.CsvReport;
import dev.cradle.scenario.report.ParameterReport;
import dev.cradle.scenario.report.ResultDocument;
import dev.cradle.scenario.report.TextReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code cradle run} prints and writes for a loaded scenario: the text report and the result
 * files (name → content), all computed before anything is written. A system that cannot be solved
 * in a solve behind them (the intensities of the upstream tree, after the result itself was solved
 * at load) is a {@link ScenarioException} naming the processes at fault: exit code 2.
 */
record Reports(String text, Map<String, String> files) {
    Reports {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    static Reports of(LoadedScenario scenario) throws JsonProcessingException {
        try {
            LcaResult result = scenario.result();
            AiView view = scenario.view();
            String text = TextReport.render(scenario.system(), result, view, scenario.units());
            var parameters = scenario.parameters();
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Map<String, String> files = new LinkedHashMap<>();
            files.put("results.json", json.writeValueAsString(ResultDocument.of(scenario.system(), result, view,
                    scenario.warnings(), scenario.units(), parameters)) + "\n");
            files.put("results.csv", CsvReport.render(result));
            files.put("functional-units.csv", CsvReport.renderUnits(scenario.units()));
            files.put("parameters.csv", ParameterReport.csv(parameters));
            return new Reports(text, files);
        } catch (ModelException e) {
            throw ScenarioLoader.located(scenario.file(), scenario.sources(), e);
        } catch (SingularSystemException e) {
            throw ScenarioLoader.located(scenario.file(), scenario.sources(),
                    SolverProblems.toModelException(e, scenario.compiled().techIndex()));
        }
    }
}
