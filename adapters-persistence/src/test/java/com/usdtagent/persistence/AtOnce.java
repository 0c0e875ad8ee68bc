package com.usdtagent.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Runs tasks at the same moment, each on its own thread, to make them race. */
final class AtOnce {

    private AtOnce() {
    }

    /** Runs task 0 to count - 1 together; returns their results in that order. */
    static <T> List<T> run(int count, IntFunction<Supplier<T>> task) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Supplier<T> work = task.apply(i);
            running.add(CompletableFuture.supplyAsync(() -> {
                awaitStart(start);
                return work.get();
            }, runnable -> Thread.ofPlatform().start(runnable)));
        }
        start.countDown();
        return running.stream().map(CompletableFuture::join).toList();
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
