package com.usdtagent.memory;

import com.usdtagent.application.contract.AtOnce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store adds to the ports' contracts: deadlocks fail fast, and a refused port call undoes only itself. */
class MemoryStoreTest {

    private final MemoryStore store = new MemoryStore();
    private final Table<String, Integer> table = new Table<>(store);

    @Test
    void ofTwoTransactionsWaitingForEachOthersLocksOneFailsAndTheOtherCommits() {
        store.atomically(() -> {
            table.put("a", 0);
            table.put("b", 0);
        });
        var bothHoldOne = new CyclicBarrier(2);

        List<String> outcomes = AtOnce.run(2, i -> () -> {
            String mine = i == 0 ? "a" : "b";
            String theirs = i == 0 ? "b" : "a";
            try {
                return store.inTransaction(() -> {
                    table.put(mine, i + 1);
                    await(bothHoldOne);
                    table.put(theirs, i + 1);
                    return "committed";
                });
            } catch (IllegalStateException deadlock) {
                return deadlock.getMessage();
            }
        });

        assertThat(outcomes).containsExactlyInAnyOrder("committed",
                "deadlock detected: transactions wait for each other's locks");
        int winner = outcomes.indexOf("committed") + 1;
        assertThat(table.find("a")).contains(winner);
        assertThat(table.find("b")).contains(winner);
    }

    @Test
    void aPortCallRefusedInsideATransactionTakesBackOnlyItsOwnWrites() {
        store.inTransaction(() -> {
            table.put("before", 1);
            assertThatThrownBy(() -> store.atomically(() -> {
                table.put("refused", 2);
                throw new IllegalStateException("the call is refused after writing");
            })).isInstanceOf(IllegalStateException.class);
            table.put("after", 3);
            return null;
        });

        assertThat(table.find("before")).contains(1);
        assertThat(table.find("refused")).isEmpty();
        assertThat(table.find("after")).contains(3);
    }

    @Test
    void aClosedStoreRefusesEveryUse() {
        store.close();

        assertThatThrownBy(() -> table.find("a")).hasMessage("the in-memory store is closed");
        assertThatThrownBy(() -> store.atomically(() -> table.put("a", 1))).hasMessage("the in-memory store is closed");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
