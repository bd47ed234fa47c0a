package dev.cradle.scenario;

import dev.cradle.engine.ai.Declarations.AiScenario;
import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Flow;
import dev.cradle.model.FunctionalUnit;
import dev.cradle.model.ImpactMethod;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario file as read: plain records with source positions, before any rule runs or anything is
 * calculated. {@link ScenarioReader} makes it; {@link ScenarioLoader} takes it through parameters, rules,
 * product system and calculation.
 *
 * @param parameters     the global parameters, each in its declared unit
 * @param flows          the flows the file declares
 * @param processes      the file's own processes
 * @param background     library processes and background-database processes the file links to
 * @param methods        the impact methods (the library's defaults when an AI study names none), characterised
 *                       for the background databases' flows
 * @param functionalUnit the functional unit of a generic scenario; null when the AI declarations define it
 * @param declarations   the AI declarations (datacenters, hardware, models, workloads), their numeric fields
 *                       expressions over the global parameters; null when the file has none
 * @param checks         checks of fields that read parameters, to run at the parameters' central values
 * @param sources        where every element was written
 * @param warnings       valid input that is probably not what was meant
 * @param backgroundLinks each background-database link and its coverage, for {@code explain}
 */
record ParsedScenario(Path file, String name, String description, AllocationMethod allocation,
                      List<Parameter> parameters, List<Flow> flows, List<Process> processes, List<Process> background,
                      List<ImpactMethod> methods, FunctionalUnit functionalUnit, AiScenario declarations,
                      List<FieldValues.CentralCheck> checks, SourceMap sources, List<Problem> warnings,
                      List<String> backgroundLinks) {
    ParsedScenario {
        parameters = List.copyOf(parameters);
        flows = List.copyOf(flows);
        processes = List.copyOf(processes);
        background = List.copyOf(background);
        methods = List.copyOf(methods);
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        backgroundLinks = List.copyOf(backgroundLinks);
    }
}
