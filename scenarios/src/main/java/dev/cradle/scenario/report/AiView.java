package dev.cradle.scenario.report;

import dev.cradle.engine.ai.AllocationRecord;
import dev.cradle.engine.ai.WorkloadEnergy;
import dev.cradle.engine.result.LcaResult;
import java.util.List;

/**
 * What the reports show beside the main result for a study with AI declarations: the market-based
 * result, the allocation of shared costs, the workloads' activity data and measured workloads set beside the
 * declared study. {@link #NONE} for a
 * scenario written only as processes.
 *
 * @param market the same system evaluated with market-based grid intensities, or null
 */
public record AiView(LcaResult market, List<AllocationRecord> allocations, List<WorkloadEnergy> activity,
                     List<dev.cradle.engine.ai.MeasurementCheck> measurements) {
    public static final AiView NONE = new AiView(null, List.of(), List.of());

    public AiView {
        allocations = List.copyOf(allocations);
        activity = List.copyOf(activity);
        measurements = List.copyOf(measurements);
    }

    public AiView(LcaResult market, List<AllocationRecord> allocations, List<WorkloadEnergy> activity) {
        this(market, allocations, activity, List.of());
    }
}
