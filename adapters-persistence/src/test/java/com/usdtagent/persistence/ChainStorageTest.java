package com.usdtagent.persistence;

import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.DepositAddress;
import com.usdtagent.application.chain.ScannedBlock;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.contract.AtOnce;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.Deposit;
import com.usdtagent.domain.wallet.DepositStatus;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain tables' own rules on PostgreSQL: what is assigned once, what is stored once, who holds a lease. */
class ChainStorageTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static PostgresPersistence persistence;
    private static ChainServices.Storage storage;
    private static Jdbi sql;

    @BeforeAll
    static void open() {
        var target = TestDatabases.fresh();
        persistence = PostgresPersistence.open(target, new SimpleMeterRegistry());
        storage = persistence.chainStorage();
        sql = target.user() == null ? Jdbi.create(target.url()) : Jdbi.create(target.url(), target.user(), target.password());
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    @Test
    void twentyFirstCallsAtOnceGiveOneUserOneAddressAndEveryIndexOnce() {
        UserId user = user();
        var addresses = storage.addresses();

        List<DepositAddress> got = AtOnce.run(20, i -> () -> {
            int index = addresses.nextIndex();
            return addresses.addIfAbsent(new DepositAddress(user, index, "0xaddress-" + index));
        });

        assertThat(new HashSet<>(got)).hasSize(1);
        assertThat(addresses.ofUser(user)).contains(got.getFirst());
        assertThat(new HashSet<>(AtOnce.run(20, i -> addresses::nextIndex))).hasSize(20);
        assertThat(addresses.owners()).containsEntry(got.getFirst().address(), user);
    }

    @Test
    void aDepositIsStoredOnceMovesBlockWhilePendingAndIsCreditedOnce() {
        UserId user = user();
        String tx = "0x" + UUID.randomUUID().toString().replace("-", "");
        var deposits = storage.deposits();

        assertThat(deposits.addPending(List.of(deposit(user, tx, 0, 10, "0xa"), deposit(user, tx, 1, 10, "0xa")))).isEqualTo(2);
        assertThat(deposits.addPending(List.of(deposit(user, tx, 0, 12, "0xb")))).isZero();
        assertThat(deposits.ofUser(user, 10)).extracting(Deposit::blockNumber).containsOnly(12L, 10L);

        assertThat(AtOnce.run(10, i -> () -> deposits.markCredited(tx, 0, NOW))).containsOnlyOnce(true);
        deposits.addPending(List.of(deposit(user, tx, 0, 20, "0xc")));
        deposits.forgetPendingAbove(5);

        assertThat(deposits.ofUser(user, 10)).singleElement().satisfies(credited -> {
            assertThat(credited.status()).isEqualTo(DepositStatus.CREDITED);
            assertThat(credited.blockNumber()).isEqualTo(12);
            assertThat(credited.creditedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void scannedBlocksKeepTheNewestAndForgetWhatLeftTheChain() {
        var scanned = storage.scannedBlocks();
        for (long number = 100; number <= 110; number++) {
            scanned.add(new ScannedBlock(number, "0x" + number), number - 4);
        }
        assertThat(scanned.newestFirst()).extracting(ScannedBlock::number).containsExactly(110L, 109L, 108L, 107L, 106L);

        scanned.forgetAbove(107);
        scanned.add(new ScannedBlock(107, "0xother"), 103);

        assertThat(scanned.newestFirst()).containsExactly(new ScannedBlock(107, "0xother"), new ScannedBlock(106, "0x106"));
    }

    @Test
    void aLeaseHasOneHolderUntilItExpires() {
        var leases = storage.leases();
        String name = "lease-" + UUID.randomUUID();

        assertThat(AtOnce.run(10, i -> () -> leases.hold(name, "node-" + i, NOW, Duration.ofSeconds(30)))).containsOnlyOnce(true);
        String holder = sql.withHandle(handle -> handle.createQuery("SELECT holder FROM chain_lease WHERE name = :name")
                .bind("name", name).mapTo(String.class).one());
        assertThat(leases.hold(name, holder, NOW.plusSeconds(20), Duration.ofSeconds(30))).isTrue();
        assertThat(leases.hold(name, "another", NOW.plusSeconds(49), Duration.ofSeconds(30))).isFalse();
        assertThat(leases.hold(name, "another", NOW.plusSeconds(50), Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aWithdrawalGetsOneSignedTransferAndASendersNonceBelongsToOneWithdrawal() {
        UserId user = user();
        var withdrawals = storage.withdrawals();
        Withdrawal first = queued(user);
        Withdrawal second = queued(user);
        String sender = "0xsender-" + UUID.randomUUID();

        assertThat(withdrawals.attachSigned(first.id(), sender, new SignedTransfer(7, "0xh1-" + sender, "0xraw1"))).isTrue();
        assertThat(withdrawals.attachSigned(first.id(), sender, new SignedTransfer(8, "0xh2-" + sender, "0xraw2"))).isFalse();
        assertThat(withdrawals.attachSigned(second.id(), sender, new SignedTransfer(7, "0xh3-" + sender, "0xraw3"))).isFalse();
        assertThat(withdrawals.attachSigned(second.id(), sender, new SignedTransfer(8, "0xh4-" + sender, "0xraw4"))).isTrue();

        assertThat(withdrawals.highestNonce(sender)).isEqualTo(OptionalLong.of(8));
        assertThat(withdrawals.highestNonce("0xnobody")).isEmpty();
        assertThat(withdrawals.unfinished(100)).filteredOn(outgoing -> outgoing.withdrawal().user().equals(user))
                .extracting(outgoing -> outgoing.signed().map(SignedTransfer::raw))
                .containsExactly(Optional.of("0xraw1"), Optional.of("0xraw4"));
    }

    @Test
    void aWithdrawalMovesOnlyFromTheStatusItWasDecidedOn() {
        UserId user = user();
        var withdrawals = storage.withdrawals();
        Withdrawal queued = queued(user);
        Withdrawal sent = queued.sent("0xhash", NOW);

        assertThat(AtOnce.run(10, i -> () -> withdrawals.compareAndSet(WithdrawalStatus.QUEUED, sent))).containsOnlyOnce(true);
        assertThat(withdrawals.findById(queued.id())).contains(sent);
        assertThat(withdrawals.withStatus(Optional.of(WithdrawalStatus.SENT), 100)).contains(sent);
        assertThat(withdrawals.withStatus(Optional.of(WithdrawalStatus.QUEUED), 100)).doesNotContain(queued, sent);
    }

    @Test
    void theFeesAccountTakesLedgerEntriesWithoutAUser() {
        UserId user = user();
        var ledger = storage.ledger();
        ledger.record(Movement.deposit(user, usdt("50"), "fees-test-" + user), NOW);
        Withdrawal withdrawal = queued(user);

        storage.transactions().inTransaction(() -> {
            ledger.record(withdrawal.hold(), NOW);
            return ledger.record(withdrawal.payOut(), NOW);
        });

        assertThat(ledger.balanceOf(user).available()).isEqualTo(usdt("39"));
        BigDecimal fees = sql.withHandle(handle -> handle.createQuery(
                "SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE account = :account")
                .bind("account", LedgerAccount.Bucket.FEES.name()).mapTo(BigDecimal.class).one());
        assertThat(fees).isGreaterThanOrEqualTo(BigDecimal.ONE);
        BigDecimal total = sql.withHandle(handle -> handle.createQuery("SELECT coalesce(sum(amount), 0) FROM ledger_entry")
                .mapTo(BigDecimal.class).one());
        assertThat(total).isZero();
    }

    private static Withdrawal queued(UserId user) {
        Withdrawal withdrawal = Withdrawal.request(user, "0x2222222222222222222222222222222222222222", usdt("10"),
                usdt("1"), usdt("1000"), NOW);
        storage.withdrawals().add(withdrawal, UUID.randomUUID().toString());
        return withdrawal;
    }

    private static Deposit deposit(UserId user, String tx, int logIndex, long block, String blockHash) {
        return new Deposit(tx, logIndex, user, "0xaddress", usdt("5"), block, blockHash, DepositStatus.PENDING, NOW, null);
    }

    private static UserId user() {
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UserAccount account = Accounts.account(name, null, Role.USER);
        persistence.userAccounts().add(account);
        return account.id();
    }

    private static Usdt usdt(String value) {
        return new Usdt(new BigDecimal(value));
    }
}
