package dev.cradle.engine.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs numbered chunks of work on a fixed number of threads and hands their results to a consumer in
 * chunk order, so that any merge is the same on one thread or many. At most {@code 4 × threads}
 * finished-but-unmerged chunks are held at a time.
 */
final class Chunks {
    private Chunks() {
    }

    static <T> void run(int chunks, int threads, IntFunction<T> task, Consumer<T> inOrder) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1 || chunks <= 1) {
            for (int k = 0; k < chunks; k++) {
                inOrder.accept(task.apply(k));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
            Thread t = new Thread(r, "cradle-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<T>> window = new ArrayDeque<>();
            int next = 0;
            int limit = 4 * threads;
            while (next < chunks && window.size() < limit) {
                int k = next++;
                window.add(pool.submit(() -> task.apply(k)));
            }
            while (!window.isEmpty()) {
                T result = get(window.poll());
                if (next < chunks) {
                    int k = next++;
                    window.add(pool.submit(() -> task.apply(k)));
                }
                inOrder.accept(result);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
