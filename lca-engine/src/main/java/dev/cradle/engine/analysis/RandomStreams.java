package dev.cradle.engine.analysis;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams from one seed: a xoshiro256++ generator (Commons RNG
 * {@link RandomSource#XO_SHI_RO_256_PP}, period 2²⁵⁶ − 1) seeded with the analysis seed, then
 * jumped 2¹²⁸ steps per stream. Stream k is given to chunk k of the draws, whatever thread runs it,
 * so a seed fixes every draw independently of the number of threads.
 */
final class RandomStreams {
    static final RandomSource SOURCE = RandomSource.XO_SHI_RO_256_PP;

    private RandomStreams() {
    }

    /** {@code count} streams for {@code seed}, in chunk order. */
    static UniformRandomProvider[] forChunks(long seed, int count) {
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) SOURCE.create(seed);
        UniformRandomProvider[] streams = new UniformRandomProvider[count];
        for (int k = 0; k < count; k++) {
            streams[k] = base.jump(); // a copy of the current state; base moves 2^128 ahead
        }
        return streams;
    }

    /** One generator for {@code seed} (designs and bootstrap, drawn on one thread). */
    static UniformRandomProvider single(long seed) {
        return SOURCE.create(seed);
    }
}
