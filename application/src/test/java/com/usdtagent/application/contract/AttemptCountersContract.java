package com.usdtagent.application.contract;

import com.usdtagent.application.account.AttemptCounters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AttemptCounters}: every attempt counts even when many arrive at once, a count starts over only after a
 * quiet window (a block keeps it going), and a block holds until its time.
 */
public abstract class AttemptCountersContract extends PortContract {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void concurrentAttemptsAreEachCounted() {
        AttemptCounters counters = adapters.attemptCounters();
        String key = key();

        List<AttemptCounters.Count> counts = AtOnce.run(20, i -> () -> counters.add(key, NOW, NOW.minus(WINDOW)));

        assertThat(counts).extracting(AttemptCounters.Count::attempts)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(counts).extracting(AttemptCounters.Count::windowStartedAt).containsOnly(NOW);
    }

    @Test
    void aCountStartsOverAfterAQuietWindowOnly() {
        AttemptCounters counters = adapters.attemptCounters();
        String key = key();
        counters.add(key, NOW, NOW.minus(WINDOW));
        Instant inWindow = NOW.plus(Duration.ofMinutes(10));
        assertThat(counters.add(key, inWindow, inWindow.minus(WINDOW))).isEqualTo(new AttemptCounters.Count(2, NOW));

        Instant later = NOW.plus(Duration.ofMinutes(20));
        assertThat(counters.add(key, later, later.minus(WINDOW))).isEqualTo(new AttemptCounters.Count(1, later));
    }

    @Test
    void aBlockHoldsUntilItsTimeAndKeepsTheCountGoing() {
        AttemptCounters counters = adapters.attemptCounters();
        String key = key();
        counters.add(key, NOW, NOW.minus(WINDOW));
        Instant until = NOW.plus(Duration.ofMinutes(30));
        counters.block(key, until);
        counters.block(key, NOW.plus(Duration.ofMinutes(1)));

        assertThat(counters.blockedUntil(key, NOW)).contains(until);
        assertThat(counters.blockedUntil(key, until)).isEmpty();
        assertThat(counters.blockedUntil(key(), NOW)).isEmpty();
        // the window began long ago, but the block ended within it: the count goes on
        Instant afterBlock = until.plus(Duration.ofMinutes(1));
        assertThat(counters.add(key, afterBlock, afterBlock.minus(WINDOW)).attempts()).isEqualTo(2);
    }

    @Test
    void clearingAndForgettingDropKeys() {
        AttemptCounters counters = adapters.attemptCounters();
        String cleared = key();
        String old = key();
        String recent = key();
        counters.add(cleared, NOW, NOW.minus(WINDOW));
        counters.block(cleared, NOW.plus(WINDOW));
        counters.add(old, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(3)));
        counters.add(recent, NOW, NOW.minus(WINDOW));
        counters.block(recent, NOW.plus(WINDOW));

        counters.clear(cleared);
        counters.forgetBefore(NOW.minus(Duration.ofDays(1)));

        assertThat(counters.blockedUntil(cleared, NOW)).isEmpty();
        assertThat(counters.add(cleared, NOW, NOW.minus(WINDOW)).attempts()).isEqualTo(1);
        Instant soon = NOW.plusSeconds(1);
        assertThat(counters.add(old, soon, soon.minus(Duration.ofDays(3))).attempts()).isEqualTo(1);
        assertThat(counters.blockedUntil(recent, NOW)).contains(NOW.plus(WINDOW));
        assertThat(counters.add(recent, NOW, NOW.minus(WINDOW)).attempts()).isEqualTo(2);
    }
}
