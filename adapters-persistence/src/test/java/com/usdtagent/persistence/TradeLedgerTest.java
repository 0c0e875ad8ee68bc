package com.usdtagent.persistence;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.contract.AtOnce;
import com.usdtagent.application.ledger.DepositFunds;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.ledger.DepositFundsService;
import com.usdtagent.application.ledger.ShowWalletService;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.trade.OrderSignals;
import com.usdtagent.application.trade.OrderView;
import com.usdtagent.application.trade.PlaceOrder;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.application.trade.TradeServices;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.AppealOutcome;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order use cases on the real persistence adapter and PostgreSQL: money moves exactly once, and always balances. */
class TradeLedgerTest {

    /** One buyer places and lets expire many orders here, beyond the caps an abuser meets, which this test is not about. */
    private static final OrderLimits NO_ORDER_CAPS = new OrderLimits(1000, 1000);

    private static final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private static PostgresPersistence persistence;
    private static Jdbi sql;
    private static TradeServices trade;
    private static DepositFundsService deposits;
    private static ShowWalletService wallet;
    private static final ConcurrentLinkedQueue<PushNotification> pushes = new ConcurrentLinkedQueue<>();
    /** A stored admin: the audit trail names the actor of every step, so the actor must exist. */
    private static AuthenticatedUser ADMIN;

    @BeforeAll
    static void open() {
        var target = TestDatabases.fresh();
        persistence = PostgresPersistence.open(target, new SimpleMeterRegistry());
        sql = TestDatabases.jdbi(target);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        RealtimePublisher publisher = (RealtimePublisher) Proxy.newProxyInstance(RealtimePublisher.class.getClassLoader(),
                new Class<?>[] {RealtimePublisher.class}, (proxy, method, args) -> null);
        OrderSignals signals = (to, order) -> { };
        trade = new TradeServices(persistence.offers(), persistence.orders(), persistence.ledger(),
                persistence.userAccounts(), persistence.chatRooms(), persistence.messages(),
                new RoomPosts(persistence.chatRooms(), publisher, clock), persistence.presence(UUID.randomUUID()),
                pushes::add, signals, persistence.transactions(), clock, persistence.attachments(),
                NO_ORDER_CAPS, persistence.blocks());
        deposits = new DepositFundsService(persistence.ledger(), persistence.userAccounts(), persistence.transactions(),
                clock);
        wallet = new ShowWalletService(persistence.ledger());
        ADMIN = account(Role.ADMIN);
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    private static AuthenticatedUser account(Role role) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UserAccount account = Accounts.account(name, null, role);
        persistence.userAccounts().add(account);
        return new AuthenticatedUser(account.id(), role);
    }

    private static Usdt usdt(String value) {
        return new Usdt(new BigDecimal(value));
    }

    private static OfferId offer(AuthenticatedUser agent, OfferSide side) {
        return trade.postOffer().post(agent, new Offer.Terms(side, "USD", new Fiat(new BigDecimal("1.01")), usdt("1"),
                usdt("1000"), List.of("bank"), 5, "")).offer().id();
    }

    private static void deposit(AuthenticatedUser user, String amount) {
        deposits.deposit(ADMIN, new DepositFunds.Command(user.id(), usdt(amount), UUID.randomUUID().toString()));
    }

    private static OrderView place(AuthenticatedUser user, OfferId offer, String amount) {
        return trade.placeOrder().place(user, new PlaceOrder.Command(offer, usdt(amount), UUID.randomUUID().toString()));
    }

    private static WalletBalance balance(AuthenticatedUser user) {
        return wallet.balance(user);
    }

    private static WalletBalance balance(String available, String locked) {
        return new WalletBalance(usdt(available), usdt(locked));
    }

    /** Runs a step, returning the refusal's code, or null when it went through. */
    private static ErrorCode outcome(Supplier<?> step) {
        try {
            step.get();
            return null;
        } catch (BusinessException refusal) {
            return refusal.code();
        }
    }

    @Test
    void twentyParallelReleasesCompleteTheOrderOnceAndMoveTheUsdtOnce() {
        var agent = account(Role.AGENT);
        var user = account(Role.USER);
        deposit(agent, "100");
        OrderId order = place(user, offer(agent, OfferSide.SELL), "40").order().id();
        trade.markOrderPaid().markPaid(user, order);

        List<ErrorCode> outcomes = AtOnce.run(20, i -> () -> outcome(() -> trade.releaseEscrow().release(agent, order)));

        assertThat(outcomes).filteredOn(code -> code == null).hasSize(1);
        assertThat(outcomes).filteredOn(code -> code != null).hasSize(19).containsOnly(ErrorCode.INVALID_STATE);
        assertThat(balance(agent)).isEqualTo(balance("60", "0"));
        assertThat(balance(user)).isEqualTo(balance("40", "0"));
        assertLedgerSound();
    }

    @Test
    void twentyParallelPlacementsWithOneKeyMakeOneOrderAndLockOnce() {
        var agent = account(Role.AGENT);
        var user = account(Role.USER);
        deposit(agent, "100");
        OfferId offer = offer(agent, OfferSide.SELL);
        var command = new PlaceOrder.Command(offer, usdt("30"), "key-1");

        List<OrderId> placed = AtOnce.run(20, i -> () -> trade.placeOrder().place(user, command).order().id());

        assertThat(placed).containsOnly(placed.getFirst());
        assertThat(balance(agent)).isEqualTo(balance("70", "30"));
        assertThat(trade.showOrders().list(user, Optional.empty())).hasSize(1);
        assertThatThrownBy(() -> trade.placeOrder().place(user, new PlaceOrder.Command(offer, usdt("31"), "key-1")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertLedgerSound();
    }

    @Test
    void paidRacingThePaymentWindowTimerHasOneWinnerAndAPaidOrderIsNeverCancelled() {
        var agent = account(Role.AGENT);
        var user = account(Role.USER);
        deposit(agent, "1000");
        OfferId offer = offer(agent, OfferSide.SELL);
        for (int round = 0; round < 10; round++) {
            OrderId order = place(user, offer, "10").order().id();
            now.updateAndGet(at -> at.plus(Duration.ofMinutes(6)));

            List<ErrorCode> outcomes = AtOnce.run(2, i -> i == 0
                    ? () -> outcome(() -> trade.markOrderPaid().markPaid(user, order))
                    : () -> outcome(() -> trade.expireOrders().expire()));

            OrderStatus status = trade.showOrders().show(user, order).order().status();
            if (status == OrderStatus.PAID) {
                assertThat(outcomes.getFirst()).isNull();
                trade.expireOrders().expire();
                assertThat(trade.showOrders().show(user, order).order().status()).isEqualTo(OrderStatus.PAID);
                trade.releaseEscrow().release(agent, order);
            } else {
                assertThat(status).isEqualTo(OrderStatus.CANCELLED);
                assertThat(outcomes.getFirst()).isEqualTo(ErrorCode.INVALID_STATE);
            }
        }
        assertThat(balance(agent).locked()).isEqualTo(Usdt.ZERO);
        assertLedgerSound();
    }

    @Test
    void aSellerWithoutEnoughAvailableUsdtIsRefusedAndNothingIsStored() {
        var agent = account(Role.AGENT);
        var user = account(Role.USER);
        deposit(user, "5");
        OfferId buyOffer = offer(agent, OfferSide.BUY);

        assertThat(outcome(() -> place(user, buyOffer, "5.000001"))).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);

        assertThat(trade.showOrders().list(user, Optional.empty())).isEmpty();
        assertThat(balance(user)).isEqualTo(balance("5", "0"));
        place(user, buyOffer, "5");
        assertThat(balance(user)).isEqualTo(balance("0", "5"));
        assertLedgerSound();
    }

    @Test
    void theOrdersOfARoomInOneStatusAreChosenBeforeTheLimit() {
        var agent = account(Role.AGENT);
        var user = account(Role.USER);
        deposit(agent, "100");
        OfferId offer = offer(agent, OfferSide.SELL);
        OrderView waiting = place(user, offer, "10");
        now.updateAndGet(at -> at.plusSeconds(1));
        OrderView cancelled = trade.cancelOrder().cancel(user, place(user, offer, "20").order().id());

        // a limit of one: the newest order of the room is the cancelled one, the waiting one lies beyond it
        var room = waiting.order().roomId();
        assertThat(persistence.orders().listInRoom(user.id(), room, Optional.of(OrderStatus.PENDING_PAYMENT), 1))
                .extracting(order -> order.id()).containsExactly(waiting.order().id());
        assertThat(persistence.orders().listInRoom(agent.id(), room, Optional.of(OrderStatus.CANCELLED), 1))
                .extracting(order -> order.id()).containsExactly(cancelled.order().id());
        assertThat(persistence.orders().listInRoom(agent.id(), room, Optional.empty(), 1))
                .extracting(order -> order.id()).containsExactly(cancelled.order().id());
    }

    @Test
    void aDepositIsCreditedOncePerReference() {
        var user = account(Role.USER);
        var command = new DepositFunds.Command(user.id(), usdt("12.345678"), "tx-" + UUID.randomUUID());
        AtOnce.run(5, i -> () -> deposits.deposit(ADMIN, command));
        assertThat(balance(user)).isEqualTo(balance("12.345678", "0"));
        assertThat(wallet.entries(user, Optional.empty(), 10)).hasSize(1);
        assertLedgerSound();
    }

    @Test
    void randomDepositsOrdersAndStepsKeepTheLedgerBalancedAndNoBalanceNegative() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<AuthenticatedUser> agents = List.of(account(Role.AGENT), account(Role.AGENT));
        List<AuthenticatedUser> users = List.of(account(Role.USER), account(Role.USER), account(Role.USER));
        List<OfferId> offers = new ArrayList<>();
        for (var agent : agents) {
            offers.add(offer(agent, OfferSide.SELL));
            offers.add(offer(agent, OfferSide.BUY));
        }
        List<OrderView> orders = new ArrayList<>();
        for (int step = 0; step < 150; step++) {
            int choice = random.nextInt(9);
            var anyone = random.nextBoolean() ? agents.get(random.nextInt(2)) : users.get(random.nextInt(3));
            OrderView some = orders.isEmpty() ? null : orders.get(random.nextInt(orders.size()));
            OrderId id = some == null ? null : some.order().id();
            var buyer = some == null ? null : actor(some.order().buyer(), agents, users);
            var seller = some == null ? null : actor(some.order().seller(), agents, users);
            String amount = BigDecimal.valueOf(random.nextInt(50_000_000) + 1_000_000, 6).toPlainString();
            ErrorCode code = outcome(() -> switch (choice) {
                case 0 -> {
                    deposit(anyone, amount);
                    yield null;
                }
                case 1, 2 -> orders.add(place(users.get(random.nextInt(3)), offers.get(random.nextInt(offers.size())), amount));
                case 3 -> some == null ? null : trade.markOrderPaid().markPaid(buyer, id);
                case 4 -> some == null ? null : trade.cancelOrder().cancel(buyer, id);
                case 5 -> some == null ? null : trade.releaseEscrow().release(seller, id);
                case 6 -> some == null ? null : trade.appealOrder().appeal(random.nextBoolean() ? buyer : seller, id, "why, oh why");
                case 7 -> some == null ? null : trade.resolveAppeal().resolve(ADMIN, id,
                        random.nextBoolean() ? AppealOutcome.RELEASE : AppealOutcome.REFUND);
                default -> {
                    now.updateAndGet(at -> at.plus(Duration.ofMinutes(random.nextInt(4))));
                    yield trade.expireOrders().expire();
                }
            });
            assertThat(code).as("seed %d step %d", seed, step)
                    .isIn(null, ErrorCode.INVALID_STATE, ErrorCode.INSUFFICIENT_FUNDS);
            assertLedgerSound();
        }
    }

    private static AuthenticatedUser actor(UserId id, List<AuthenticatedUser> agents, List<AuthenticatedUser> users) {
        return java.util.stream.Stream.concat(agents.stream(), users.stream())
                .filter(user -> user.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every entry sums to zero, every movement balances, and each wallet equals its entries and is not negative. */
    private static void assertLedgerSound() {
        sql.useHandle(handle -> {
            assertThat(handle.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry").mapTo(BigDecimal.class).one())
                    .isZero();
            assertThat(handle.createQuery("""
                    SELECT count(*) FROM (SELECT movement_id FROM ledger_entry GROUP BY movement_id HAVING SUM(amount) <> 0) m
                    """).mapTo(Long.class).one()).isZero();
            assertThat(handle.createQuery("SELECT count(*) FROM wallet WHERE available < 0 OR locked < 0")
                    .mapTo(Long.class).one()).isZero();
            assertThat(handle.createQuery("""
                    SELECT count(*) FROM wallet w
                    WHERE w.available <> COALESCE((SELECT SUM(amount) FROM ledger_entry e
                                                   WHERE e.user_id = w.user_id AND e.account = 'AVAILABLE'), 0)
                       OR w.locked <> COALESCE((SELECT SUM(amount) FROM ledger_entry e
                                                WHERE e.user_id = w.user_id AND e.account = 'LOCKED'), 0)
                    """).mapTo(Long.class).one()).isZero();
            // the escrow holds exactly the USDT of the orders still open
            assertThat(handle.createQuery("""
                    SELECT (SELECT COALESCE(SUM(locked), 0) FROM wallet)
                         - (SELECT COALESCE(SUM(usdt_amount), 0) FROM trade_order
                            WHERE status IN ('PENDING_PAYMENT', 'PAID', 'APPEAL'))
                    """).mapTo(BigDecimal.class).one()).isZero();
        });
    }
}
