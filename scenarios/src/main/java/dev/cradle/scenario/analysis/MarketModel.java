package dev.cradle.scenario.analysis;

import dev.cradle.engine.ai.MarketBasis;
import dev.cradle.engine.analysis.ParametricModel;
import dev.cradle.engine.analysis.StudyModel;
import java.util.List;
import java.util.Objects;

/**
 * A study's compiled model on the market basis: the same parameters, derived slots and outputs (total and every
 * breakdown) as its location-based {@link StudyModel}, each evaluation reading the parameter vector with its grid
 * intensity slots set to their market-based expressions evaluated on that same vector ({@link MarketBasis#apply}).
 * So an analysis run on it with the location run's seed and settings sees the very same draws.
 */
final class MarketModel implements ParametricModel {
    private final StudyModel location;
    private final MarketBasis basis;
    private final List<String> names;

    /**
     * @param location the study's location-based model
     * @param basis    its market basis compiled against the same system
     * @param outputs  the market-based output keys, one per location-based output, in its order
     */
    MarketModel(StudyModel location, MarketBasis basis, List<OutputKey> outputs) {
        this.location = Objects.requireNonNull(location, "location");
        this.basis = Objects.requireNonNull(basis, "basis");
        if (outputs.size() != location.outputCount()) {
            throw new IllegalArgumentException("one market-based output per location-based output");
        }
        this.names = outputs.stream().map(OutputKey::name).toList();
    }

    @Override
    public int parameterCount() {
        return location.parameterCount();
    }

    @Override
    public List<String> outputNames() {
        return names;
    }

    @Override
    public double[] centralParameters() {
        return location.centralParameters();
    }

    @Override
    public void deriveParameters(double[] parameters) {
        location.deriveParameters(parameters);
    }

    @Override
    public Evaluator newEvaluator() {
        Evaluator inner = location.newEvaluator();
        return (parameters, out) -> inner.evaluate(basis.apply(parameters), out);
    }
}
