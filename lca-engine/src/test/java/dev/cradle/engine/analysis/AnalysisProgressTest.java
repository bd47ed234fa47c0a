package dev.cradle.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tornado, Morris and Sobol tell a progress callback how far they are (for the terminal's progress bar): on the
 * calling thread, never backwards, ending at the total, which is the number of evaluations (Sobol: evaluations, then
 * the bootstrap resamples); with or without a callback the results are the same, bit for bit.
 */
class AnalysisProgressTest {
    /** Records every update and the thread it came on. */
    private static final class Recorder implements MonteCarlo.Progress {
        final List<long[]> updates = new ArrayList<>();
        final Thread caller = Thread.currentThread();
        boolean otherThread;

        @Override
        public void update(long done, long total) {
            updates.add(new long[] {done, total});
            otherThread |= Thread.currentThread() != caller;
        }

        /** Checks order and end; returns the last total. */
        long finished() {
            assertTrue(!updates.isEmpty());
            assertTrue(!otherThread, "an update came on a worker thread");
            for (int i = 1; i < updates.size(); i++) {
                assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], "done went backwards at update " + i);
            }
            for (long[] u : updates) {
                assertTrue(u[0] <= u[1], "done " + u[0] + " above total " + u[1]);
            }
            long[] last = updates.get(updates.size() - 1);
            assertEquals(last[1], last[0], "the last update is not at the total");
            return last[1];
        }
    }

    /** Ishigami (f), a copy of it (same, whose Sobol indices are shared), and x₁ alone (g). */
    private static ParametricModel model() {
        ParametricModel f = Ishigami.model(1);
        return ParametricModel.of(new double[4], List.of("f", "same", "g"), (p, out) -> {
            double[] one = new double[1];
            f.newEvaluator().evaluate(p, one);
            out[0] = one[0];
            out[1] = one[0];
            out[2] = p[0];
        });
    }

    @Test
    void tornadoCountsItsTwoKPlusOneEvaluations() {
        List<UncertainParameter> ps = Ishigami.parameters(1); // k = 4
        Recorder r = new Recorder();
        Tornado.Result with = Tornado.run(model(), ps, Tornado.LOW, Tornado.HIGH, r);
        assertEquals(2 * 4 + 1, r.finished());
        assertEquals(5, r.updates.size()); // the central evaluation, then one per parameter
        assertEquals(Tornado.run(model(), ps).bars(), with.bars());
    }

    @Test
    void morrisCountsRTimesKPlusOneEvaluations() {
        List<UncertainParameter> ps = Ishigami.parameters(1);
        Recorder r = new Recorder();
        Morris.Settings settings = new Morris.Settings(30, 4, 9);
        Morris.Result with = Morris.run(model(), ps, settings, r);
        assertEquals(30 * (4 + 1), r.finished());
        assertEquals(30, r.updates.size()); // one per trajectory
        assertEquals(Morris.run(model(), ps, settings).effects(), with.effects());
    }

    @Test
    void sobolCountsEvaluationsThenBootstrapResamplesOnAnyNumberOfThreads() {
        List<UncertainParameter> ps = Ishigami.parameters(1);
        for (int threads : new int[] {1, 3}) {
            Recorder r = new Recorder();
            Sobol.Settings settings = new Sobol.Settings(1024, 40, 0.95, 5, threads);
            Sobol.Result with = Sobol.run(model(), ps, settings, r);
            // N(k + 2) = 1024 × 6 evaluations, then 40 resamples for each of the two outputs with indices of their
            // own (f and g; 'same' shares f's)
            assertEquals(1024 * 6 + 2 * 40, r.finished());
            assertTrue(r.updates.stream().anyMatch(u -> u[0] == 1024 * 6), "no update at the end of the evaluations");
            assertEquals(Sobol.run(model(), ps, settings).outputs(), with.outputs());
        }
    }
}
