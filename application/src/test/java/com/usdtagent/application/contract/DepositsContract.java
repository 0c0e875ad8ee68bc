package com.usdtagent.application.contract;

import com.usdtagent.application.chain.DepositAddress;
import com.usdtagent.application.chain.DepositAddresses;
import com.usdtagent.application.chain.Deposits;
import com.usdtagent.application.chain.ScannedBlock;
import com.usdtagent.application.chain.ScannedBlocks;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.wallet.Deposit;
import com.usdtagent.domain.wallet.DepositStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link DepositAddresses}, {@link Deposits} and {@link ScannedBlocks}: an index and an address belong to one user;
 * a deposit is one (transaction, log index), stored once and credited once however many race; pending deposits come
 * lowest block first; the follower's place and the deposits it found commit together, and only forgetting the
 * blocks above it moves that place back.
 */
public abstract class DepositsContract extends PortContract {

    private DepositAddresses addresses;
    private Deposits deposits;
    private ScannedBlocks scanned;

    @BeforeEach
    void ports() {
        addresses = adapters.chainStorage().addresses();
        deposits = adapters.chainStorage().deposits();
        scanned = adapters.chainStorage().scannedBlocks();
    }

    private static Deposit deposit(UserId user, String tx, int logIndex, long block, String blockHash) {
        return new Deposit(tx, logIndex, user, "0xaddress", usdt("5"), block, blockHash, DepositStatus.PENDING, NOW, null);
    }

    private static String tx() {
        return "0x" + UUID.randomUUID().toString().replace("-", "");
    }

    private List<Deposit> pendingOf(UserId user) {
        return deposits.pending().stream().filter(deposit -> deposit.user().equals(user)).toList();
    }

    @Test
    void twentyRequestsAtOnceGiveAUserOneAddressAndEveryIndexOnce() {
        UserId user = user();

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
    void anIndexAndAnAddressBelongToOneUser() {
        UserId ann = user();
        UserId bob = user();
        int index = addresses.nextIndex();
        DepositAddress anns = addresses.addIfAbsent(new DepositAddress(ann, index, "0xann-" + index));

        assertThatThrownBy(() -> addresses.addIfAbsent(new DepositAddress(bob, index, "0xbob-" + index)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> addresses.addIfAbsent(new DepositAddress(bob, addresses.nextIndex(), anns.address())))
                .isInstanceOf(RuntimeException.class);
        assertThat(addresses.addIfAbsent(new DepositAddress(ann, addresses.nextIndex(), "0xann-again"))).isEqualTo(anns);
        assertThat(addresses.ofUser(bob)).isEmpty();
        assertThat(addresses.owners()).containsEntry(anns.address(), ann).doesNotContainValue(bob);
    }

    @Test
    void aDepositIsStoredOnceMovesBlockWhilePendingAndIsCreditedOnce() {
        UserId user = user();
        String tx = tx();

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
        assertThat(deposits.markCredited(tx, 1, NOW)).as("forgotten, so no longer pending").isFalse();
    }

    @Test
    void aDepositCreditedFromManyPassesAtOnceReachesTheWalletOnce() {
        UserId user = user();
        Deposit deposit = deposit(user, tx(), 3, 10, "0xa");
        deposits.addPending(List.of(deposit));

        List<Boolean> credited = AtOnce.run(20, i -> () -> adapters.transactions().inTransaction(() ->
                deposits.markCredited(deposit.txHash(), deposit.logIndex(), NOW)
                        && adapters.ledger().record(deposit.credit(), NOW)));

        assertThat(credited).containsOnlyOnce(true);
        assertThat(adapters.ledger().balanceOf(user)).isEqualTo(new WalletBalance(usdt("5"), usdt("0")));
        assertThat(pendingOf(user)).isEmpty();
    }

    @Test
    void pendingDepositsComeLowestBlockFirstAndForgettingKeepsTheLowerAndTheCredited() {
        UserId user = user();
        String one = tx();
        String other = tx();
        deposits.addPending(List.of(deposit(user, one, 2, 30, "0x30"), deposit(user, other, 5, 20, "0x20"),
                deposit(user, other, 1, 20, "0x20"), deposit(user, one, 0, 40, "0x40")));
        deposits.markCredited(one, 0, NOW);

        assertThat(pendingOf(user)).extracting(Deposit::blockNumber, Deposit::logIndex)
                .containsExactly(tuple(20L, 1), tuple(20L, 5), tuple(30L, 2));

        deposits.forgetPendingAbove(25);

        assertThat(pendingOf(user)).extracting(Deposit::blockNumber, Deposit::logIndex)
                .containsExactly(tuple(20L, 1), tuple(20L, 5));
        assertThat(deposits.ofUser(user, 10)).extracting(Deposit::logIndex).containsExactly(0, 5, 1);
        assertThat(deposits.ofUser(user, 1)).extracting(Deposit::logIndex).containsExactly(0);
    }

    @Test
    void aUsersDepositsAreListedNewestSeenFirst() {
        UserId user = user();
        deposits.addPending(List.of(
                new Deposit(tx(), 0, user, "0xaddress", usdt("1"), 50, "0x50", DepositStatus.PENDING, NOW.minusSeconds(20), null),
                new Deposit(tx(), 0, user, "0xaddress", usdt("2"), 60, "0x60", DepositStatus.PENDING, NOW, null),
                new Deposit(tx(), 0, user, "0xaddress", usdt("3"), 40, "0x40", DepositStatus.PENDING, NOW.minusSeconds(10), null)));

        assertThat(deposits.ofUser(user, 10)).extracting(Deposit::blockNumber).containsExactly(60L, 40L, 50L);
        assertThat(deposits.ofUser(user(), 10)).isEmpty();
    }

    @Test
    void scannedBlocksKeepTheNewestAndForgetWhatLeftTheChain() {
        scanned.forgetAbove(-1); // the follower's place is one for the store: start from none
        for (long number = 100; number <= 110; number++) {
            scanned.add(new ScannedBlock(number, "0x" + number), number - 4);
        }
        assertThat(scanned.newestFirst()).extracting(ScannedBlock::number).containsExactly(110L, 109L, 108L, 107L, 106L);

        scanned.forgetAbove(107);
        scanned.add(new ScannedBlock(107, "0xother"), 103);

        assertThat(scanned.newestFirst()).containsExactly(new ScannedBlock(107, "0xother"), new ScannedBlock(106, "0x106"));
    }

    @Test
    void recordingAnOlderBlockDoesNotMoveThePlaceBack() {
        scanned.forgetAbove(-1);
        scanned.add(new ScannedBlock(200, "0x200"), 190);
        scanned.add(new ScannedBlock(210, "0x210"), 200);

        scanned.add(new ScannedBlock(200, "0xagain"), 190);

        assertThat(scanned.newestFirst()).containsExactly(new ScannedBlock(210, "0x210"), new ScannedBlock(200, "0xagain"));
    }

    @Test
    void aReadCommitsItsDepositsAndThePlaceTogetherOrNeither() {
        scanned.forgetAbove(-1);
        UserId user = user();
        Deposit found = deposit(user, tx(), 0, 300, "0x300");

        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            deposits.addPending(List.of(found));
            scanned.add(new ScannedBlock(300, "0x300"), 290);
            throw new IllegalStateException("the node stopped");
        })).hasMessage("the node stopped");

        assertThat(scanned.newestFirst()).isEmpty();
        assertThat(deposits.ofUser(user, 10)).isEmpty();

        assertThat(adapters.transactions().inTransaction(() -> {
            int added = deposits.addPending(List.of(found));
            scanned.add(new ScannedBlock(300, "0x300"), 290);
            return added;
        })).isEqualTo(1);
        assertThat(scanned.newestFirst()).containsExactly(new ScannedBlock(300, "0x300"));
        assertThat(pendingOf(user)).containsExactly(found);
    }
}
