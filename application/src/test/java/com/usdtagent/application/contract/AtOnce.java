package com.usdtagent.application.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Runs tasks at the same moment, each on its own thread, to make them race. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs task 0 to count - 1 together; returns their results in that order. */
    public static <T> List<T> run(int count, IntFunction<Supplier<T>> task) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Supplier<T> work = task.apply(i);
            running.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return work.get();
            }, runnable -> Thread.ofPlatform().start(runnable)));
        }
        start.countDown();
        return running.stream().map(CompletableFuture::join).toList();
    }

    /** Waits for the latch, as a task that cannot throw checked exceptions. */
    public static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
