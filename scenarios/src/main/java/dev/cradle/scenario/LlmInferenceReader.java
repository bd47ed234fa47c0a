package dev.cradle.scenario;

import dev.cradle.engine.ai.Declarations;
import dev.cradle.model.Dimension;
import dev.cradle.model.Expression;
import dev.cradle.scenario.FieldValues.FieldUnit;
import dev.cradle.scenario.yaml.YamlNode;
import dev.cradle.scenario.yaml.YamlNode.MapNode;
import java.util.Optional;

/**
 * Per-request LLM inference (EcoLogits' methodology) in a scenario: a model's architecture
 * ({@code total_parameters}, {@code active_parameters}, {@code quantisation_bits}) and a workload's
 * {@code llm_inference:} map ({@code requests}, {@code output_tokens} per request, optionally a measured
 * {@code latency} or {@code throughput}, and the deployment's {@code batch_size}, {@code gpu_memory},
 * {@code server_power} and {@code gpus_per_server}, each defaulting to EcoLogits' value). Parameter counts are
 * written as plain counts ({@code 7.3e9}) and carried in billions.
 */
final class LlmInferenceReader {
    static final FieldUnit SECONDS = FieldUnit.of(Dimension.TIME, "s");
    private static final FieldUnit NUMBER = FieldUnit.NUMBER;

    private LlmInferenceReader() {
    }

    /** A model's architecture: parameter counts in billions, bits per weight (null = not declared). */
    record Architecture(Expression totalB, Expression activeB, Expression bits, YamlNode at) {
    }

    /** The architecture a model declares, or empty when it declares none (or it could not be read: then a problem). */
    static Optional<Architecture> model(ScenarioReader r, MapNode m, String where) {
        if (m.get("total_parameters").isEmpty() && m.get("active_parameters").isEmpty()
                && m.get("quantisation_bits").isEmpty()) {
            return Optional.empty();
        }
        Optional<Expression> total = r.fields.field(m, "model", "total_parameters", NUMBER, true, where);
        Optional<Expression> active = m.get("active_parameters").isEmpty() ? total
                : r.fields.field(m, "model", "active_parameters", NUMBER, false, where);
        Expression bits = r.fields.field(m, "model", "quantisation_bits", NUMBER, false, where).orElse(null);
        if (total.isEmpty() || active.isEmpty()) {
            return Optional.empty();
        }
        if (m.get("active_parameters").isPresent()) {
            String message = where + ": 'active_parameters' cannot exceed 'total_parameters' (a mixture of experts uses "
                    + "part of its parameters per token; a dense model uses all: leave 'active_parameters' out)";
            Expression spare = new Expression.Binary("-", total.get(), active.get(), 0);
            YamlNode at = m.get("active_parameters").get();
            if (spare instanceof Expression.Binary b && b.left() instanceof Expression.Number t
                    && b.right() instanceof Expression.Number a) {
                if (a.value() > t.value()) {
                    r.yaml.problem(at.position(), message);
                }
            } else {
                r.fields.check(new FieldValues.CentralCheck(at.position(), spare, v -> v >= 0,
                        v -> message + " (at the parameters' central values they differ by " + Messages.number(v) + ")",
                        "'total_parameters' minus 'active_parameters' of " + where, "0 or more",
                        "write 'active_parameters' as a share of the total (e.g. 'total * active_share', the share at "
                                + "most 1) so that no draw exceeds it"));
            }
        }
        return Optional.of(new Architecture(billions(total.get()), billions(active.get()), bits, m));
    }

    /** The {@code llm_inference:} map of a workload whose model has {@code architecture} (null when it declares none). */
    static Optional<Declarations.LlmInference> workload(ScenarioReader r, YamlNode node, Architecture architecture,
                                                        String model, String where) {
        Optional<MapNode> mm = r.yaml.asMap(node, "'llm_inference'");
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        MapNode m = mm.get();
        r.yaml.checkKeys(m, "llm_inference");
        String of = "'llm_inference' of " + where;
        Optional<Expression> requests = r.fields.field(m, "llm_inference", "requests", NUMBER, true, of);
        Optional<Expression> tokens = r.fields.field(m, "llm_inference", "output_tokens", NUMBER, true, of);
        Expression latency = r.fields.field(m, "llm_inference", "latency", SECONDS, false, of).orElse(null);
        Expression throughput = r.fields.field(m, "llm_inference", "throughput", NUMBER, false, of).orElse(null);
        if (m.get("latency").isPresent() && m.get("throughput").isPresent()) {
            r.yaml.problem(m.entry("throughput").get().keyPosition(), of + " gives both 'latency' and 'throughput'; "
                    + "keep one (a throughput in output tokens per second gives the latency tokens / throughput)");
        }
        Expression batch = r.fields.field(m, "llm_inference", "batch_size", NUMBER, false, of).orElse(null);
        Expression memory = r.fields.field(m, "llm_inference", "gpu_memory", AiSectionReader.GB, false, of).orElse(null);
        Expression power = r.fields.field(m, "llm_inference", "server_power", AiSectionReader.WATT, false, of).orElse(null);
        Expression perServer = r.fields.field(m, "llm_inference", "gpus_per_server", NUMBER, false, of).orElse(null);
        if (architecture == null) {
            r.yaml.problem(node.position(), of + " needs the architecture of model '" + model + "': give it "
                    + "'total_parameters' (e.g. 7.3e9), and 'active_parameters' for a mixture of experts");
            return Optional.empty();
        }
        if (requests.isEmpty() || tokens.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Declarations.LlmInference(requests.get(), tokens.get(), architecture.activeB(),
                architecture.totalB(), architecture.bits(), latency, throughput, batch, memory, power, perServer));
    }

    private static Expression billions(Expression count) {
        return FieldValues.times(count, FieldValues.literal(1e-9));
    }
}
