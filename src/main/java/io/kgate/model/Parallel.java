package io.kgate.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The run's parallelism: work runs on a pool of one thread per core, and the steps inside it split
 * their work with {@link #inOrder}, whose results keep the order of the tasks, so a report does not
 * depend on the number of threads.
 */
public final class Parallel {
    private Parallel() {
    }

    /** {@code work} on a pool of {@code threads} threads, or in this thread for 1; its result. */
    public static <T> T on(int threads, Supplier<T> work) {
        if (threads <= 1) {
            return work.get();
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The results of {@code tasks}, in their order: run in parallel on the pool of {@link #on}, one
     * after the other anywhere else (a run with one thread, a test).
     */
    public static <T> List<T> inOrder(List<Callable<T>> tasks) {
        if (!ForkJoinTask.inForkJoinPool() || tasks.size() < 2) {
            return tasks.stream().map(Parallel::call).toList();
        }
        List<ForkJoinTask<T>> forked = tasks.stream().map(ForkJoinTask::adapt).toList();
        ForkJoinTask.invokeAll(forked);
        return forked.stream().map(ForkJoinTask::join).toList();
    }

    /**
     * The results of tasks 0 to {@code count} - 1 given to {@code sink} in that order, each as soon as it
     * and those before it are done, with a few tasks per thread under way: a large output made on the
     * pool of {@link #on} without being held whole, and written while the next parts are made. One
     * after the other outside that pool.
     */
    public static <T> void inOrderTo(int count, IntFunction<Callable<T>> task, Consumer<T> sink) {
        if (!ForkJoinTask.inForkJoinPool() || count < 2) {
            for (int i = 0; i < count; i++) {
                sink.accept(call(task.apply(i)));
            }
            return;
        }
        int window = 2 * ForkJoinTask.getPool().getParallelism();
        Deque<ForkJoinTask<T>> underWay = new ArrayDeque<>();
        try {
            int next = 0;
            while (next < count || !underWay.isEmpty()) {
                while (next < count && underWay.size() < window) {
                    underWay.add(ForkJoinTask.adapt(task.apply(next++)).fork());
                }
                sink.accept(underWay.poll().join());
            }
        } finally {
            underWay.forEach(t -> t.cancel(false)); // after a failure (a closed pipe): the rest is not wanted
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
