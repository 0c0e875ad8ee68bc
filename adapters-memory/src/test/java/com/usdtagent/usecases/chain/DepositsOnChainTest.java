package com.usdtagent.usecases.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.ListDeposits;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.wallet.DepositStatus;
import com.usdtagent.memory.InMemoryAdapters;
import com.usdtagent.usecases.InMemoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.usdtagent.usecases.Signals.sentTo;
import static com.usdtagent.usecases.chain.ChainFixture.addressOf;
import static com.usdtagent.usecases.chain.ChainFixture.assertLedgerHolds;
import static com.usdtagent.usecases.chain.ChainFixture.balance;
import static com.usdtagent.usecases.chain.ChainFixture.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The deposit follower on the in-memory adapters and chain: a transfer to a user's address is credited once, after
 * three confirmations; one a reorganisation takes away before then is never credited; a follower that stops and
 * starts again, or another node taking over, reads on where it stopped and reads no block twice.
 */
class DepositsOnChainTest {

    private final InMemoryNode node = new InMemoryNode();
    private final InMemoryAdapters.Chain chain = node.memory.chain();
    private final AuthenticatedUser ann = node.account("ann", Role.USER);
    private final String annsAddress = addressOf(node, ann);

    DepositsOnChainTest() {
        node.phone(ann);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private void follow() {
        node.chain.followDeposits().follow();
    }

    @Test
    void aDepositIsCreditedOnceAfterItsConfirmations() {
        String tx = chain.transfer(annsAddress, units("25.5"));
        follow();

        assertThat(node.chain.listDeposits().deposits(ann)).singleElement().satisfies(view -> {
            assertThat(view.deposit().status()).isEqualTo(DepositStatus.PENDING);
            assertThat(view.confirmations()).isEqualTo(1);
        });
        chain.mine(1);
        follow();
        assertThat(balance(node, ann)).isEqualTo(balance("0", "0"));

        chain.mine(1);
        follow();
        assertThat(balance(node, ann)).isEqualTo(balance("25.5", "0"));

        for (int pass = 0; pass < 3; pass++) {
            chain.mine(1);
            follow();
        }
        assertThat(balance(node, ann)).isEqualTo(balance("25.5", "0"));
        assertThat(node.chain.listDeposits().deposits(ann)).extracting(view -> view.deposit().txHash(),
                view -> view.deposit().status(), ListDeposits.DepositView::confirmations)
                .containsExactly(tuple(tx, DepositStatus.CREDITED, 6L));
        assertThat(node.pushesTo(ann)).extracting(PushMessage::title).containsExactly("Deposit received");
        assertThat(sentTo(node.memory, ann.id(), "walletUpdated", WalletBalance.class))
                .containsExactly(balance("25.5", "0"));
        assertLedgerHolds(node, "25.5", "0", "0");
    }

    @Test
    void aDepositTheChainDropsBeforeItsConfirmationsIsNeverCredited() {
        String beforeTheDeposit = chain.snapshot();
        chain.transfer(annsAddress, units("40"));
        follow();
        chain.mine(1);
        follow();
        assertThat(node.chain.listDeposits().deposits(ann)).hasSize(1);

        chain.revert(beforeTheDeposit);
        chain.mine(6);
        follow();
        follow();

        assertThat(node.chain.listDeposits().deposits(ann)).isEmpty();
        assertThat(balance(node, ann)).isEqualTo(balance("0", "0"));
        assertThat(node.pushesTo(ann)).isEmpty();

        // the chain goes on, and so does the follower
        chain.transfer(annsAddress, units("7"));
        chain.mine(2);
        follow();
        assertThat(balance(node, ann)).isEqualTo(balance("7", "0"));
        assertLedgerHolds(node, "7", "0", "0");
    }

    @Test
    void aFollowerStartedAgainOrAnotherNodeReadsOnWhereItStoppedAndNoBlockTwice() {
        var seen = new ObservedChain(chain);
        ChainServices first = node.chainNode("node-1", seen);
        chain.transfer(annsAddress, units("25"));
        chain.mine(2);
        first.followDeposits().follow();
        chain.transfer(annsAddress, units("5"));
        first.followDeposits().follow();
        assertThat(balance(node, ann)).isEqualTo(balance("25", "0"));

        // node-1 starts again, with nothing in memory but what the store kept
        ChainServices restarted = node.chainNode("node-1", seen);
        chain.mine(1);
        restarted.followDeposits().follow();
        // node-2 waits while node-1 holds the lease, and takes over once node-1 stops renewing it
        ChainServices other = node.chainNode("node-2", seen);
        chain.mine(1);
        other.followDeposits().follow();
        node.memory.advanceClock(InMemoryNode.CHAIN_LEASE_LAPSE);
        chain.transfer(annsAddress, units("1"));
        chain.mine(2);
        other.followDeposits().follow();

        assertThat(balance(node, ann)).isEqualTo(balance("31", "0"));
        assertThat(node.memory.ledger().entriesOf(ann.id(), Optional.empty(), 100)).hasSize(3);
        // each read starts after the last one: the place never moves back, and nothing is read twice
        var reads = seen.reads();
        assertThat(reads.getFirst().from()).isZero();
        for (int i = 1; i < reads.size(); i++) {
            assertThat(reads.get(i).from()).isEqualTo(reads.get(i - 1).to() + 1);
        }
        assertThat(reads.getLast().to()).isEqualTo(chain.latestBlock());
        assertLedgerHolds(node, "31", "0", "0");
    }
}
