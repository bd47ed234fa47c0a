package dev.cradle.scenario.api;

import dev.cradle.engine.ai.AiStudy;
import dev.cradle.model.ProductSystem;

/**
 * What the engine needs to compute an AI study built through the Java API: the product system (the
 * processes the AI rules generated, the global parameters, the functional unit and the methods) and
 * the rules' output beside it (traces, allocations, the market-based parameter values).
 */
public record Study(ProductSystem system, AiStudy ai) {
}
