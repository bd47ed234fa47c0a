package dev.cradle.engine.ai;

/**
 * Something in a study that does not stop the calculation but may change its result: printed by
 * {@code cradle run}, stored in results.json and shown by {@code cradle explain}.
 *
 * @param origin  the "file:line:column" of the declaration concerned
 * @param subject what it concerns ({@code workload:train})
 */
public record Warning(String origin, String subject, String message) {
}
