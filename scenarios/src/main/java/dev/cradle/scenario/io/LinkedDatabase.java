package dev.cradle.scenario.io;

import dev.cradle.model.AllocationMethod;
import dev.cradle.model.Parameter;
import dev.cradle.model.Process;
import java.util.List;

/**
 * A database linked into Cradle's model: one {@link Process} per database process (its UUID as id),
 * every linked input naming its provider, and the report of what linking and allocation did.
 *
 * @param allocationMethod the system-wide method the engine applies to the processes left multi-output
 */
public record LinkedDatabase(Database database, List<Process> processes, List<Parameter> globalParameters,
                             AllocationMethod allocationMethod, LinkingReport report) {
    public LinkedDatabase {
        processes = List.copyOf(processes);
        globalParameters = List.copyOf(globalParameters);
    }
}
