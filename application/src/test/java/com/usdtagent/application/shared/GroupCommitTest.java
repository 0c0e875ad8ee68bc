package com.usdtagent.application.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    @Test
    void requestsArrivingWhileABatchIsWrittenGoTogetherInTheNextAndEachGetsItsOwnAnswer() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        var firstBatchStarted = new CountDownLatch(1);
        var releaseFirstBatch = new CountDownLatch(1);
        try (var commits = new GroupCommit<Integer, String>("test", 1, 100, 1, n -> n, batch -> {
            batches.add(batch);
            firstBatchStarted.countDown();
            await(releaseFirstBatch);
            return batch.stream().map(n -> "answer " + n).toList();
        }); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = CompletableFuture.supplyAsync(() -> commits.submit(0), callers);
            firstBatchStarted.await(10, TimeUnit.SECONDS);
            List<CompletableFuture<String>> waiting = new ArrayList<>();
            var submitting = new CountDownLatch(20);
            for (int n = 1; n <= 20; n++) {
                int request = n;
                waiting.add(CompletableFuture.supplyAsync(() -> {
                    submitting.countDown();
                    return commits.submit(request);
                }, callers));
            }
            submitting.await(10, TimeUnit.SECONDS);
            Thread.sleep(100); // from submitting to queued is a few instructions
            releaseFirstBatch.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("answer 0");
            for (int n = 1; n <= 20; n++) {
                assertThat(waiting.get(n - 1).get(10, TimeUnit.SECONDS)).isEqualTo("answer " + n);
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(1)).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        }
    }

    @Test
    void whileABatchIsWrittenAnotherStartsOnlyOnceEnoughRequestsWait() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        var firstBatchStarted = new CountDownLatch(1);
        var secondBatchStarted = new CountDownLatch(1);
        var releaseFirstBatch = new CountDownLatch(1);
        try (var commits = new GroupCommit<Integer, Integer>("test", 2, 100, 5, n -> n, batch -> {
            batches.add(batch);
            if (batch.contains(0)) {
                firstBatchStarted.countDown();
                await(releaseFirstBatch);
            } else {
                secondBatchStarted.countDown();
            }
            return batch;
        }); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            answers.add(CompletableFuture.supplyAsync(() -> commits.submit(0), callers));
            firstBatchStarted.await(10, TimeUnit.SECONDS);
            for (int n = 1; n <= 4; n++) {
                int request = n;
                answers.add(CompletableFuture.supplyAsync(() -> commits.submit(request), callers));
            }
            assertThat(secondBatchStarted.await(200, TimeUnit.MILLISECONDS))
                    .as("four waiting: the second writer leaves them to gather").isFalse();
            answers.add(CompletableFuture.supplyAsync(() -> commits.submit(5), callers));
            assertThat(secondBatchStarted.await(10, TimeUnit.SECONDS))
                    .as("five waiting: a second batch while the first is still written").isTrue();
            releaseFirstBatch.countDown();

            for (int n = 0; n <= 5; n++) {
                assertThat(answers.get(n).get(10, TimeUnit.SECONDS)).isEqualTo(n);
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
    }

    @Test
    void whenABatchFailsEachRequestIsWrittenAloneSoOnlyTheCulpritFails() throws Exception {
        var gate = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (var commits = new GroupCommit<Integer, Integer>("test", 1, 100, 1, n -> n, batch -> {
            await(gate);
            batches.add(batch);
            if (batch.contains(13)) {
                throw new IllegalArgumentException("13 is refused");
            }
            return batch.stream().map(n -> n * 2).toList();
        }); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            var submitting = new CountDownLatch(6);
            for (int n = 10; n <= 15; n++) {
                int request = n;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    submitting.countDown();
                    return commits.submit(request);
                }, callers));
            }
            submitting.await(10, TimeUnit.SECONDS);
            Thread.sleep(100);
            gate.countDown();

            for (int i = 0; i < answers.size(); i++) {
                int request = 10 + i;
                if (request == 13) {
                    assertThatThrownBy(() -> answers.get(3).join()).hasRootCauseMessage("13 is refused");
                } else {
                    assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(request * 2);
                }
            }
            assertThat(batches.stream().filter(batch -> batch.size() > 1)).isNotEmpty();
        }
    }

    @Test
    void closingWritesWhatWasQueuedBeforeThenRefusesTheRest() throws Exception {
        var writing = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        var commits = new GroupCommit<Integer, Integer>("test", 1, 1, 1, n -> n, batch -> {
            writing.countDown();
            await(finish);
            return batch;
        });
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var inHand = CompletableFuture.supplyAsync(() -> commits.submit(1), callers);
            writing.await(10, TimeUnit.SECONDS);
            var queued = CompletableFuture.supplyAsync(() -> commits.submit(2), callers);
            Thread.sleep(100);
            var closing = CompletableFuture.runAsync(commits::close, callers);
            Thread.sleep(100);
            finish.countDown();
            closing.get(10, TimeUnit.SECONDS);

            assertThat(inHand.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(queued.get(10, TimeUnit.SECONDS)).as("queued before the close").isEqualTo(2);
            assertThatThrownBy(() -> commits.submit(3)).hasMessageContaining("stopping");
        }
    }

    @Test
    void batchesWrittenAtOnceNeverShareAKeyYetOverlap() throws Exception {
        var inFlight = new HashSet<Integer>();
        var sharedAKey = new AtomicBoolean();
        var mostAtOnce = new AtomicInteger();
        try (var commits = new GroupCommit<Integer, Integer>("test", 2, 10, 16, n -> n % 64, batch -> {
            Set<Integer> keys = batch.stream().map(n -> n % 64).collect(Collectors.toSet());
            synchronized (inFlight) {
                sharedAKey.compareAndSet(false, keys.stream().anyMatch(inFlight::contains));
                inFlight.addAll(keys);
                mostAtOnce.accumulateAndGet(inFlight.size() > keys.size() ? 2 : 1, Math::max);
            }
            sleep(5);
            synchronized (inFlight) {
                inFlight.removeAll(keys);
            }
            return batch;
        }); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int n = 0; n < 400; n++) {
                int request = n;
                answers.add(CompletableFuture.supplyAsync(() -> commits.submit(request), callers));
            }
            for (int n = 0; n < 400; n++) {
                assertThat(answers.get(n).get(10, TimeUnit.SECONDS)).isEqualTo(n);
            }
        }
        assertThat(sharedAKey).as("a key in two batches written at once").isFalse();
        assertThat(mostAtOnce).as("both writers wrote at once").hasValue(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
