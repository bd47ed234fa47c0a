package dev.cradle.engine.ai;

import dev.cradle.engine.ai.Declarations.LlmInference;
import dev.cradle.model.Expression;
import dev.cradle.model.Uncertainty;
import java.util.ArrayList;
import java.util.List;

/**
 * The IT energy and GPU time of per-request LLM inference, following EcoLogits' published methodology
 * (GenAI Impact, "Environmental Impacts of LLM Inference", docs/methodology/llm_inference.md and
 * ecologits/impacts/llm.py, v0.9.1, commit 2d0a1c7; Rincé and Banse 2025, JOSS 10(111):7471). Per request,
 * with {@code P} the active parameters in billions, {@code B} the batch size and {@code T} the output tokens:
 * <ul>
 *   <li>GPU energy, kWh = T × (α e^{βB} P + γ) / 1000, the ML.ENERGY-leaderboard fit (α 1.1665e-6,
 *       β −1.1206e-2, γ 4.0529e-5 Wh per token, H100, P ≤ 200 B, B ≤ 512);</li>
 *   <li>generation latency, s = min(T × (a P + b B + c), measured latency), fit a 6.785e-4, b 3.119e-4,
 *       c 1.947e-2 s per token; a measured throughput gives the latency T / throughput;</li>
 *   <li>GPUs = 2^⌈log2 ⌈1.2 × P_total × bits / 8 / GPU memory⌉⌉ (1.2: inference memory overhead, EleutherAI
 *       "Transformer Math 101");</li>
 *   <li>server energy without GPUs, kWh = latency / 3600 × server kW × GPUs / GPUs per server / B;</li>
 *   <li>IT energy per request = server energy + GPUs × GPU energy (the datacenter rule applies PUE);</li>
 *   <li>GPU-hours per request = GPUs × latency / B / 3600, by which the hardware rule amortises the GPUs'
 *       (and, through the workload's further hardware, the host server's) embodied impacts over their life.</li>
 * </ul>
 * The fit coefficients and every default are named global parameters of the study ({@code ecologits.*}), so a
 * study may set or vary them; declared fields are expressions over the study's parameters.
 */
final class LlmInferenceEnergy {
    /** GPU energy per output token, Wh = α e^{βB} P + γ (ecologits/impacts/llm.py GPU_ENERGY_*). */
    static final double ENERGY_ALPHA = 1.1665273170451914e-06;
    static final double ENERGY_BETA = -0.011205921025579175;
    static final double ENERGY_GAMMA = 4.052928146734005e-05;
    /** Latency per output token, s = a P + b B + c (LATENCY_*). */
    static final double LATENCY_ALPHA = 0.0006785088094353663;
    static final double LATENCY_BETA = 0.0003119310311688259;
    static final double LATENCY_GAMMA = 0.019473717579473387;
    /** Inference memory overhead on the weights (EleutherAI, Transformer Math 101). */
    static final double MEMORY_OVERHEAD = 1.2;

    private LlmInferenceEnergy() {
    }

    /** Per-request and total figures; values are trees over the study's parameters. */
    record Result(Value itKwh, Value gpuHours, Value gpus, Value latencyS, Value kwhPerRequest, List<String> lines) {
    }

    static Result of(CompilationContext ctx, LlmInference d, Value runs) {
        List<String> lines = new ArrayList<>();
        Value requests = ctx.declared(d.requests());
        Value tokens = ctx.declared(d.outputTokens());
        Value active = ctx.declared(d.activeParameters());
        Value total = ctx.declared(d.totalParameters());
        Value bits = orDefault(ctx, d.quantisationBits(), "ecologits.quantisation_bits", 16, "bit",
                "bits per model weight (EcoLogits' assumption: 16-bit weights)", lines);
        Value batch = orDefault(ctx, d.batchSize(), "ecologits.batch_size", 64, "requests",
                "requests a server handles at once (EcoLogits fixes B = 64)", lines);
        Value gpuMemory = orDefault(ctx, d.gpuMemoryGb(), "ecologits.gpu_memory", 80, "GB",
                "memory of one GPU (EcoLogits: NVIDIA H100 80 GB)", lines);
        Value serverW = orDefault(ctx, d.serverPowerW(), "ecologits.server_power", 1200, "W",
                "power of the server without its GPUs (EcoLogits: p5.48xlarge, BoaviztAPI average power)", lines);
        Value perServer = orDefault(ctx, d.gpusPerServer(), "ecologits.gpus_per_server", 8, "GPUs",
                "GPUs installed in a server (EcoLogits: p5.48xlarge, 8 × H100)", lines);
        Value ea = coefficient(ctx, "ecologits.energy_alpha", ENERGY_ALPHA, "Wh per token per billion parameters");
        Value eb = coefficient(ctx, "ecologits.energy_beta", ENERGY_BETA, "1 per request of batch");
        Value eg = coefficient(ctx, "ecologits.energy_gamma", ENERGY_GAMMA, "Wh per token");
        Value la = coefficient(ctx, "ecologits.latency_alpha", LATENCY_ALPHA, "s per token per billion parameters");
        Value lb = coefficient(ctx, "ecologits.latency_beta", LATENCY_BETA, "s per token per request of batch");
        Value lg = coefficient(ctx, "ecologits.latency_gamma", LATENCY_GAMMA, "s per token");

        Value whPerToken = ea.times(call("exp", eb.times(batch))).times(active).plus(eg);
        Value gpuKwh = tokens.times(whPerToken).div(1000);
        Value memory = total.times(bits).div(8).times(MEMORY_OVERHEAD);
        // 2^⌈log2 n⌉ for the whole number n ≥ 1: less 1e-9 so that log(8)/log(2) = 3.0000000000000004 stays 3
        Value needed = call("ceil", memory.div(gpuMemory));
        Value gpus = call("pow", Value.of(2), call("ceil", call("log", needed, Value.of(2)).minus(1e-9)));
        Value fitted = tokens.times(la.times(active).plus(lb.times(batch)).plus(lg));
        Value latency = fitted;
        String bound = "";
        if (d.latencyS() != null || d.throughput() != null) {
            Value measured = d.latencyS() != null ? ctx.value(d.latencyS()) : tokens.div(ctx.value(d.throughput()));
            latency = fitted.min(measured);
            bound = ", measured " + Rules.fmt(measured.central()) + " s" + (d.latencyS() != null ? ""
                    : " (" + Rules.fmt(tokens.central()) + " tokens / " + Rules.fmt(ctx.central(d.throughput())) + " tokens/s)");
        }
        Value serverKwh = latency.div(3600).times(serverW).div(1000).times(gpus).div(perServer).div(batch);
        Value perRequest = serverKwh.plus(gpus.times(gpuKwh));
        Value itKwh = requests.times(perRequest).times(runs);
        Value gpuHours = requests.times(gpus).times(latency).div(batch).div(3600).times(runs);

        lines.add("GPU energy per output token = " + Rules.fmt(ea.central()) + " × exp(" + Rules.fmt(eb.central()) + " × "
                + Rules.fmt(batch.central()) + ") × " + Rules.fmt(active.central()) + " B active + " + Rules.fmt(eg.central())
                + " = " + Rules.fmt(whPerToken.central()) + " Wh (EcoLogits fit to the ML.ENERGY leaderboard, H100)");
        lines.add("memory = 1.2 × " + Rules.fmt(total.central()) + " B × " + Rules.fmt(bits.central()) + " bit / 8 = "
                + Rules.fmt(memory.central()) + " GB; GPUs = 2^⌈log2 ⌈" + Rules.fmt(memory.central()) + " / "
                + Rules.fmt(gpuMemory.central()) + "⌉⌉ = " + Rules.fmt(gpus.central()));
        lines.add("generation latency = min(" + Rules.fmt(tokens.central()) + " tokens × (" + Rules.fmt(la.central()) + " × "
                + Rules.fmt(active.central()) + " + " + Rules.fmt(lb.central()) + " × " + Rules.fmt(batch.central()) + " + "
                + Rules.fmt(lg.central()) + ") = " + Rules.fmt(fitted.central()) + " s fitted" + bound + ") = "
                + Rules.fmt(latency.central()) + " s");
        lines.add("per request: GPUs " + Rules.fmt(gpus.central()) + " × " + Rules.fmt(tokens.central()) + " tokens × "
                + Rules.fmt(whPerToken.central()) + " Wh = " + Rules.fmt(gpus.central() * gpuKwh.central() * 1000)
                + " Wh; server without GPUs " + Rules.fmt(latency.central()) + " s × " + Rules.fmt(serverW.central())
                + " W × " + Rules.fmt(gpus.central()) + "/" + Rules.fmt(perServer.central()) + " / batch "
                + Rules.fmt(batch.central()) + " = " + Rules.fmt(serverKwh.central() * 1000) + " Wh; IT energy "
                + Rules.fmt(perRequest.central() * 1000) + " Wh");
        lines.add("IT energy = " + Rules.fmt(requests.central()) + " requests × " + Rules.fmt(perRequest.central() * 1000)
                + " Wh × " + Rules.fmt(runs.central()) + " run(s) / 1000 = " + Rules.fmt(itKwh.central()) + " kWh; GPU time "
                + Rules.fmt(gpuHours.central()) + " GPU-h (GPUs × latency / batch), by which embodied impacts are amortised");
        return new Result(itKwh, gpuHours, gpus, latency, perRequest, lines);
    }

    /** The declared field, else EcoLogits' default as the named library parameter (the trace says which). */
    private static Value orDefault(CompilationContext ctx, Expression declared, String name, double fallback, String unit,
                                   String description, List<String> lines) {
        if (declared != null) {
            return ctx.value(declared);
        }
        Value v = ctx.libraryParameter(name, fallback, unit, null, description + "; EcoLogits v0.9.1 default");
        lines.add("default " + name + " = " + Rules.fmt(v.central()) + " " + unit + " (" + description + ")");
        return v;
    }

    private static Value coefficient(CompilationContext ctx, String name, double central, String unit) {
        return ctx.libraryParameter(name, central, unit, (Uncertainty) null,
                "EcoLogits v0.9.1 regression coefficient (ecologits/impacts/llm.py, fitted to the ML.ENERGY leaderboard)");
    }

    /** {@code f(args)} as a value: folded to a constant when every argument is one. */
    static Value call(String f, Value... args) {
        return Value.call(f, args);
    }
}
