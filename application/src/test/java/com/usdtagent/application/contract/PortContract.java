package com.usdtagent.application.contract;

import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OfferStatus;
import com.usdtagent.domain.trade.TradeOrder;
import com.usdtagent.domain.trade.Usdt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A port's contract, written once and run against every adapter of it: each adapter's test module subclasses it
 * with {@link #open()}. A rule that holds for one adapter and not another is a bug in one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PortContract {

    // PostgreSQL keeps microseconds, so a finer instant would not compare equal after a round trip
    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    /** How long {@link #whileOpen} holds its first transaction open for a second that waits for it. */
    private static final Duration HOLD = Duration.ofMillis(300);

    protected AdaptersUnderTest adapters;

    /** A fresh, empty adapter. */
    protected abstract AdaptersUnderTest open();

    /** Whether each test gets an adapter of its own: for ports with reads that take every row, such as a claim. */
    protected boolean freshForEachTest() {
        return false;
    }

    @BeforeEach
    final void openAdapters() {
        if (adapters == null) {
            adapters = open();
        }
    }

    @AfterEach
    final void closeAdaptersOfTheTest() {
        if (freshForEachTest()) {
            closeAdapters();
        }
    }

    @AfterAll
    final void closeAdapters() {
        if (adapters != null) {
            adapters.close();
            adapters = null;
        }
    }

    /**
     * Runs {@code first} in a transaction that stays open while {@code second} runs in another, and returns the two
     * results. The first commits when the second is done, or after {@link #HOLD} when the second waits for its locks:
     * then the second goes on, and sees what the first committed.
     */
    protected <T> List<T> whileOpen(Supplier<T> first, Supplier<T> second) {
        var firstDone = new CountDownLatch(1);
        var secondDone = new CountDownLatch(1);
        var holding = CompletableFuture.supplyAsync(() -> adapters.transactions().inTransaction(() -> {
            try {
                return first.get();
            } finally {
                firstDone.countDown();
                awaitAtMost(secondDone, HOLD);
            }
        }));
        AtOnce.await(firstDone);
        T meanwhile;
        try {
            meanwhile = adapters.transactions().inTransaction(second);
        } finally {
            secondDone.countDown();
            // when the second throws, the first has still ended before the test looks at what they left
            holding.exceptionally(failure -> null).join();
        }
        // either may be null: a step that was refused, say
        return Arrays.asList(holding.join(), meanwhile);
    }

    /**
     * Runs {@code begin} in a transaction, then {@code second} in another, then, {@link #HOLD} later, {@code end} in
     * the first, which then commits; returns the results of {@code end} and {@code second}. The second starts while
     * the first holds what {@code begin} locked, so a second that takes locks in another order than the first
     * deadlocks, every time.
     */
    protected <T> List<T> interleaved(Runnable begin, Supplier<T> second, Supplier<T> end) {
        var begun = new CountDownLatch(1);
        var holding = CompletableFuture.supplyAsync(() -> adapters.transactions().inTransaction(() -> {
            try {
                begin.run();
            } finally {
                begun.countDown();
            }
            pause(HOLD);
            return end.get();
        }));
        AtOnce.await(begun);
        T meanwhile = adapters.transactions().inTransaction(second);
        return Arrays.asList(holding.join(), meanwhile);
    }

    private static void awaitAtMost(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static UserAccount account(String username, String phone, Role role) {
        return new UserAccount(UserId.newId(), new Username(username), phone == null ? null : new PhoneNumber(phone),
                "hash-of-" + username, role, NOW);
    }

    /** A stored user with a unique made-up name and no phone. */
    protected UserId user() {
        return user(Role.USER);
    }

    protected UserId user(Role role) {
        return user("u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), role);
    }

    protected UserId user(String username, Role role) {
        UserAccount account = account(username, null, role);
        adapters.userAccounts().add(account);
        return account.id();
    }

    /** The pair's chat room, opened at {@code createdAt} unless they have one. */
    protected ChatRoom openRoom(UserId one, UserId other, Instant createdAt) {
        return adapters.chatRooms().addOrGetExisting(new ChatRoom(RoomId.newId(), one, other, 0, createdAt));
    }

    /** The pair's chat room, for the rows that name one (calls, orders, viewers, messages). */
    protected RoomId room(UserId one, UserId other) {
        return openRoom(one, other, NOW).id();
    }

    protected static Usdt usdt(String amount) {
        return new Usdt(new BigDecimal(amount));
    }

    /** A stored ACTIVE offer of the agent: USD at 1.01, 1 to 1000 USDT, a 5-minute payment window. */
    protected Offer offer(UserId agent, OfferSide side) {
        var offer = new Offer(OfferId.newId(), agent, side, "USD", new Fiat(new BigDecimal("1.01")), usdt("1"),
                usdt("1000"), List.of("bank"), 5, "", OfferStatus.ACTIVE, NOW);
        adapters.offers().add(offer);
        return offer;
    }

    /** A stored order of {@code user} on the offer, placed at {@code at}, in the pair's room. */
    protected TradeOrder order(Offer offer, UserId user, String amount, Instant at) {
        TradeOrder order = TradeOrder.place(offer, user, usdt(amount), room(offer.agent(), user), at);
        adapters.orders().add(order, UUID.randomUUID().toString());
        return order;
    }
}
