package com.usdtagent.bootstrap;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.ListDeposits;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.ledger.LedgerEntry;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.wallet.DepositStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deposit follower on a real chain (anvil) and a real PostgreSQL: confirmations, reorganisations, restarts and
 * two nodes, each deposit credited exactly once and the ledger balanced after each.
 */
class DepositFollowerTest {

    private static final int CONFIRMATIONS = 3;
    private static ChainRig rig;

    @BeforeAll
    static void start() {
        rig = new ChainRig(CONFIRMATIONS);
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @BeforeEach
    void anyNodeMayFollow() {
        rig.leasesLapse();
    }

    @Test
    void aDepositWaitsForItsConfirmationsThenIsCreditedOnce() {
        ChainServices node = rig.node("a");
        AuthenticatedUser user = rig.account(Role.USER);
        String address = node.showDepositAddress().depositAddress(user).address();
        assertThat(node.showDepositAddress().depositAddress(user).address()).isEqualTo(address);
        assertThat(node.showDepositAddress().depositAddress(rig.account(Role.AGENT)).address()).isNotEqualTo(address);
        double creditedBefore = rig.metric("chain.deposits.credited");

        String tx = rig.chain.anvil.transfer(rig.chain.token, address, LocalChain.units("25.5"));
        node.followDeposits().follow();
        assertThat(deposit(node, user)).extracting(ListDeposits.DepositView::confirmations, view -> view.deposit().status())
                .containsExactly(1L, DepositStatus.PENDING);
        rig.chain.anvil.mine(1);
        node.followDeposits().follow();
        assertThat(deposit(node, user).confirmations()).isEqualTo(2);
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("0", "0"));

        rig.chain.anvil.mine(1);
        node.followDeposits().follow();
        rig.chain.anvil.mine(5);
        node.followDeposits().follow();
        node.followDeposits().follow();

        assertThat(deposit(node, user).deposit().status()).isEqualTo(DepositStatus.CREDITED);
        assertThat(deposit(node, user).deposit().txHash()).isEqualTo(tx);
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("25.5", "0"));
        assertThat(rig.persistence.ledger().entriesOf(user.id(), Optional.empty(), 10)).singleElement()
                .extracting(LedgerEntry::reference).isEqualTo(tx + ":" + deposit(node, user).deposit().logIndex());
        assertThat(rig.pushes).contains(new PushNotification.DepositCredited(user.id(), tx, "25.5"));
        assertThat(rig.news).contains(new ChainRig.WalletNews(user.id(), ChainRig.balance("25.5", "0")));
        assertThat(rig.metric("chain.deposits.credited") - creditedBefore).isEqualTo(1);
        assertThat(rig.metric("chain.follower.lag")).isZero();
        rig.assertLedgerHolds();
    }

    @Test
    void aDepositWhoseBlockLeavesTheChainBeforeItIsConfirmedIsNeverCredited() {
        ChainServices node = rig.node("a");
        AuthenticatedUser user = rig.account(Role.USER);
        String address = node.showDepositAddress().depositAddress(user).address();
        String beforeDeposit = rig.chain.anvil.snapshot();
        rig.chain.anvil.transfer(rig.chain.token, address, LocalChain.units("7"));
        node.followDeposits().follow();
        assertThat(node.listDeposits().deposits(user)).hasSize(1);

        rig.chain.anvil.revert(beforeDeposit);
        rig.chain.anvil.mine(CONFIRMATIONS + 1);
        node.followDeposits().follow();
        rig.chain.anvil.mine(CONFIRMATIONS);
        node.followDeposits().follow();

        assertThat(node.listDeposits().deposits(user)).isEmpty();
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("0", "0"));
        rig.assertLedgerHolds();
    }

    @Test
    void aDepositThatComesBackInAnotherBlockIsCreditedOnce() {
        ChainServices node = rig.node("a");
        AuthenticatedUser user = rig.account(Role.USER);
        String address = node.showDepositAddress().depositAddress(user).address();
        String signed = rig.chain.anvil.signedTransfer(rig.chain.token, address, LocalChain.units("9"));
        String beforeDeposit = rig.chain.anvil.snapshot();
        String tx = rig.chain.anvil.sendRaw(signed);
        node.followDeposits().follow();
        long firstBlock = deposit(node, user).deposit().blockNumber();

        rig.chain.anvil.revert(beforeDeposit);
        rig.chain.anvil.mine(2);
        assertThat(rig.chain.anvil.sendRaw(signed)).isEqualTo(tx);
        node.followDeposits().follow();
        assertThat(deposit(node, user).deposit().blockNumber()).isEqualTo(firstBlock + 2);
        rig.chain.anvil.mine(CONFIRMATIONS);
        node.followDeposits().follow();
        node.followDeposits().follow();

        assertThat(node.listDeposits().deposits(user)).singleElement().satisfies(view -> {
            assertThat(view.deposit().txHash()).isEqualTo(tx);
            assertThat(view.deposit().status()).isEqualTo(DepositStatus.CREDITED);
        });
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("9", "0"));
        rig.assertLedgerHolds();
    }

    @Test
    void aRestartedFollowerGoesOnWhereTheOldOneStoppedAndReadsNoBlockTwice() {
        List<long[]> readBefore = new CopyOnWriteArrayList<>();
        List<long[]> readAfter = new CopyOnWriteArrayList<>();
        ChainServices before = rig.node("before-restart", recording(readBefore));
        AuthenticatedUser user = rig.account(Role.USER);
        String address = before.showDepositAddress().depositAddress(user).address();
        rig.chain.anvil.transfer(rig.chain.token, address, LocalChain.units("11"));
        before.followDeposits().follow();
        rig.chain.anvil.mine(1);
        before.followDeposits().follow();

        rig.leasesLapse(); // the old process is gone; its lease runs out
        ChainServices after = rig.node("after-restart", recording(readAfter));
        rig.chain.anvil.mine(1);
        after.followDeposits().follow();
        after.followDeposits().follow();

        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("11", "0"));
        assertThat(readAfter).isNotEmpty();
        assertThat(readAfter.getFirst()[0]).isEqualTo(readBefore.getLast()[1] + 1);
        List<long[]> all = new ArrayList<>(readBefore);
        all.addAll(readAfter);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i)[0]).as("each read starts after the one before it").isGreaterThan(all.get(i - 1)[1]);
        }
        rig.assertLedgerHolds();
    }

    @Test
    void twoNodesFollowingTheSameChainCreditEachDepositOnce() {
        ChainServices a = rig.node("node-a");
        ChainServices b = rig.node("node-b");
        AuthenticatedUser ann = rig.account(Role.USER);
        AuthenticatedUser bob = rig.account(Role.AGENT);
        String annAddress = a.showDepositAddress().depositAddress(ann).address();
        String bobAddress = b.showDepositAddress().depositAddress(bob).address();
        assertThat(b.showDepositAddress().depositAddress(ann).address()).isEqualTo(annAddress);
        double creditedBefore = rig.metric("chain.deposits.credited");

        // one transaction, three Transfer logs: two of them to Ann
        rig.chain.anvil.transferMany(rig.chain.token, List.of(annAddress, bobAddress, annAddress),
                List.of(LocalChain.units("1.5"), LocalChain.units("2"), LocalChain.units("3.25")));
        for (int round = 0; round < 2 * CONFIRMATIONS; round++) {
            if (round % 2 == 1) {
                rig.leasesLapse(); // the lease may pass to the other node
            }
            CompletableFuture.allOf(CompletableFuture.runAsync(a.followDeposits()::follow),
                    CompletableFuture.runAsync(b.followDeposits()::follow)).join();
            rig.chain.anvil.mine(1);
        }

        assertThat(rig.balance(ann)).isEqualTo(ChainRig.balance("4.75", "0"));
        assertThat(rig.balance(bob)).isEqualTo(ChainRig.balance("2", "0"));
        assertThat(a.listDeposits().deposits(ann)).hasSize(2)
                .allSatisfy(view -> assertThat(view.deposit().status()).isEqualTo(DepositStatus.CREDITED));
        assertThat(rig.metric("chain.deposits.credited") - creditedBefore).isEqualTo(3);
        rig.assertLedgerHolds();
    }

    private static ListDeposits.DepositView deposit(ChainServices node, AuthenticatedUser user) {
        List<ListDeposits.DepositView> deposits = node.listDeposits().deposits(user);
        assertThat(deposits).hasSize(1);
        return deposits.getFirst();
    }

    /** The real chain, noting the block range of every log query. */
    private static TokenChain recording(List<long[]> reads) {
        return rig.tokenChain((method, args, proceed) -> {
            if (method.equals("transfersTo")) {
                reads.add(new long[] {(long) args[1], (long) args[2]});
            }
            return proceed.call();
        });
    }
}
