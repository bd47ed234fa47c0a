package dev.cradle.scenario.report;

import dev.cradle.engine.ai.AllocationRecord;
import dev.cradle.engine.ai.WorkloadEnergy;
import dev.cradle.engine.result.LcaResult;
import java.util.List;

/**
 * What the reports show beside the main result for a study with AI declarations: the market-based
 * result, the allocation of shared costs, the workloads' activity data and measured workloads set beside the
 * declared study, the generation mixes behind the grids' categories other than climate change. {@link #NONE} for a
 * scenario written only as processes.
 *
 * @param market the same system evaluated with market-based grid intensities, or null
 */
public record AiView(LcaResult market, List<AllocationRecord> allocations, List<WorkloadEnergy> activity,
                     List<dev.cradle.engine.ai.MeasurementCheck> measurements,
                     List<dev.cradle.engine.ai.CountryMixBurdens> countryMixes) {
    public static final AiView NONE = new AiView(null, List.of(), List.of());

    public AiView(LcaResult market, List<AllocationRecord> allocations, List<WorkloadEnergy> activity,
                  List<dev.cradle.engine.ai.MeasurementCheck> measurements) {
        this(market, allocations, activity, measurements, List.of());
    }

    public AiView {
        countryMixes = List.copyOf(countryMixes);
        allocations = List.copyOf(allocations);
        activity = List.copyOf(activity);
        measurements = List.copyOf(measurements);
    }

    public AiView(LcaResult market, List<AllocationRecord> allocations, List<WorkloadEnergy> activity) {
        this(market, allocations, activity, List.of());
    }
}
