package dev.cradle.scenario.analysis;

import dev.cradle.engine.analysis.OutputStatistics;

import java.nio.file.Path;
import java.util.List;

/**
 * Two or more scenarios evaluated on the same draws of the parameters they share (same name, same
 * distribution): per indicator and functional unit, each scenario's statistics and, for every pair, the
 * distribution of the difference and the probability that one is lower.
 *
 * @param files       the scenario files, in command-line order
 * @param names       their names
 * @param shared      names of the parameters drawn once and used by every scenario that declares them
 * @param draws       Monte Carlo draws
 * @param seed        the seed
 * @param indicators  one entry per indicator (and functional unit) the scenarios have in common, location-based
 *                    first, then the same market-based when the comparison covers that basis
 *                    (a market-based indicator the contracts do not reach is not repeated)
 * @param bases       which electricity bases are compared, and why the market basis is left out when it is
 * @param coverage    indicators not compared because no data cover them in some scenario, and those compared as
 *                    lower bounds (partial coverage), one sentence each
 */
public record ScenarioComparison(List<Path> files, List<String> names, List<String> shared, long draws, long seed,
                                 List<Indicator> indicators, String bases, List<String> coverage) {
    public ScenarioComparison {
        coverage = List.copyOf(coverage);
        files = List.copyOf(files);
        names = List.copyOf(names);
        shared = List.copyOf(shared);
        indicators = List.copyOf(indicators);
    }

    /**
     * @param key         the indicator (total, per functional unit) and its basis
     * @param perScenario statistics of each scenario, in {@link #files()} order
     * @param pairs       every ordered pair i < j
     */
    public record Indicator(OutputKey key, List<OutputStatistics> perScenario, List<Pair> pairs) {
        public Indicator {
            perScenario = List.copyOf(perScenario);
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * @param first             index of scenario A
     * @param second            index of scenario B
     * @param difference        statistics of A − B over the shared draws
     * @param probabilityFirstLower fraction of draws with A < B
     */
    public record Pair(int first, int second, OutputStatistics difference, double probabilityFirstLower) {
    }
}
