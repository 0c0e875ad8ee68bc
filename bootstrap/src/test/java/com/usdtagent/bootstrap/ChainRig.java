package com.usdtagent.bootstrap;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chain.ChainMetrics;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.chain.EvmChain;
import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import com.usdtagent.persistence.JdbcTarget;
import com.usdtagent.persistence.PostgresPersistence;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deposit and withdrawal use cases of one or more nodes, on one real PostgreSQL and one real anvil, with a clock
 * the test moves (to let a lease lapse) and a record of what the users were told.
 */
final class ChainRig implements AutoCloseable {

    /** The system's clock, moved ahead whenever the test wants time to pass at once. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        void advance(Duration duration) {
            ahead.updateAndGet(offset -> offset.plus(duration));
        }

        @Override
        public Instant instant() {
            // PostgreSQL keeps microseconds
            return Instant.now().plus(ahead.get()).truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    record WalletNews(UserId user, WalletBalance balance) {
    }

    /** What a test does around a call to the chain: note it, or fail it as a crash would. */
    interface Around {
        Object call(String method, Object[] args, Callable<Object> proceed) throws Exception;
    }

    final LocalChain chain;
    final ChainSettings settings;
    final PostgresPersistence persistence;
    final EvmChain evm;
    final MovableClock clock = new MovableClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** One set of meters for all the rig's nodes, as one registry takes a gauge once. */
    private final ChainMetrics metrics = EvmChain.metrics(meters);
    final ConcurrentLinkedQueue<PushNotification> pushes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<WalletNews> news = new ConcurrentLinkedQueue<>();
    private final Jdbi sql;

    ChainRig(int confirmations) {
        chain = LocalChain.start();
        settings = chain.settings(confirmations, Duration.ofSeconds(1));
        JdbcTarget database = TestDatabases.fresh();
        persistence = PostgresPersistence.open(database, meters);
        sql = TestDatabases.jdbi(database);
        evm = EvmChain.connect(chain.anvil.rpcUrl(), settings.config().chainId(), settings.config().token());
    }

    /** The use cases as the node {@code name} runs them. */
    ChainServices node(String name) {
        return node(name, evm.tokenChain());
    }

    /** The use cases of node {@code name}, seeing the chain through {@code tokenChain}. */
    ChainServices node(String name, TokenChain tokenChain) {
        return new ChainServices(new ChainServices.Chain(tokenChain,
                evm.hotWallet(settings.withdrawalKeyFile(), settings.gasLimit()),
                EvmChain.depositAddresses(settings.depositXpub())),
                persistence.chainStorage(), pushes::add, (user, balance) -> news.add(new WalletNews(user, balance)),
                metrics, settings.config(), name, clock);
    }

    /** The real chain, each call going through {@code around}. */
    TokenChain tokenChain(Around around) {
        TokenChain real = evm.tokenChain();
        return (TokenChain) Proxy.newProxyInstance(TokenChain.class.getClassLoader(), new Class<?>[] {TokenChain.class},
                (proxy, method, args) -> around.call(method.getName(), args, () -> {
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw (Exception) e.getCause();
                    }
                }));
    }

    /** One pass of the node's withdrawal sender; returns once anvil has mined what it broadcast. */
    void send(ChainServices node) {
        node.sendWithdrawals().send();
        persistence.chainStorage().withdrawals().withStatus(Optional.of(WithdrawalStatus.SENT), 100)
                .forEach(sent -> chain.anvil.awaitReceipt(sent.txHash()));
    }

    /** Lets every lease lapse, as when the node holding it stopped. */
    void leasesLapse() {
        clock.advance(settings.config().pollInterval().multipliedBy(3).plusSeconds(11));
    }

    AuthenticatedUser account(Role role) {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var account = new UserAccount(UserId.newId(), new Username(name), (PhoneNumber) null, "hash", role, clock.instant());
        persistence.userAccounts().add(account);
        return new AuthenticatedUser(account.id(), role);
    }

    /** USDT in a user's available balance, as an admin's deposit puts it there. */
    void credit(AuthenticatedUser user, String amount) {
        persistence.ledger().record(Movement.deposit(user.id(), LocalChain.usdt(amount), UUID.randomUUID().toString()),
                clock.instant());
    }

    WalletBalance balance(AuthenticatedUser user) {
        return persistence.ledger().balanceOf(user.id());
    }

    static WalletBalance balance(String available, String locked) {
        return new WalletBalance(LocalChain.usdt(available), LocalChain.usdt(locked));
    }

    /** The sum of every ledger entry of an account kind: EXTERNAL, FEES, AVAILABLE or LOCKED. */
    BigDecimal total(String account) {
        return sql.withHandle(handle -> handle.createQuery("SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE account = :account")
                .bind("account", account).mapTo(BigDecimal.class).one());
    }

    /** The ledger's invariants: all entries sum to zero, every wallet agrees with its entries and none is negative. */
    void assertLedgerHolds() {
        BigDecimal sum = sql.withHandle(handle -> handle.createQuery("SELECT coalesce(sum(amount), 0) FROM ledger_entry")
                .mapTo(BigDecimal.class).one());
        assertThat(sum).as("the sum of all entries").isZero();
        List<String> disagreeing = sql.withHandle(handle -> handle.createQuery("""
                SELECT w.user_id FROM wallet w
                WHERE w.available < 0 OR w.locked < 0
                   OR w.available <> (SELECT coalesce(sum(amount), 0) FROM ledger_entry e WHERE e.user_id = w.user_id AND e.account = 'AVAILABLE')
                   OR w.locked <> (SELECT coalesce(sum(amount), 0) FROM ledger_entry e WHERE e.user_id = w.user_id AND e.account = 'LOCKED')
                """).mapTo(String.class).list());
        assertThat(disagreeing).as("wallets negative or out of step with their entries").isEmpty();
    }

    /** The value of a counter or gauge of the chain metrics. */
    double metric(String name, String... tags) {
        var search = meters.find(name).tags(tags);
        return search.counter() != null ? search.counter().count() : search.gauge().value();
    }

    @Override
    public void close() {
        evm.close();
        persistence.close();
        chain.close();
    }
}
