package com.usdtagent.usecases.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.RequestWithdrawal;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.Withdrawals;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import com.usdtagent.memory.InMemoryAdapters;
import com.usdtagent.usecases.InMemoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.usdtagent.usecases.Signals.refusal;
import static com.usdtagent.usecases.chain.ChainFixture.addressOf;
import static com.usdtagent.usecases.chain.ChainFixture.assertLedgerHolds;
import static com.usdtagent.usecases.chain.ChainFixture.balance;
import static com.usdtagent.usecases.chain.ChainFixture.units;
import static com.usdtagent.usecases.chain.ChainFixture.usdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Withdrawals on the in-memory adapters and chain: a request holds the amount and the fee at once; a large one waits
 * for an admin; the sender stores each signed transfer before broadcasting it and, after a crash or a reorganisation,
 * broadcasts that same one again, so it is paid once; a transfer that reverts gives the funds back.
 */
class WithdrawalsOnChainTest {

    private static final String BOB = "0x" + "b0b".repeat(13) + "b";

    private final InMemoryNode node = new InMemoryNode();
    private final InMemoryAdapters.Chain chain = node.memory.chain();
    private final HotWallet hotWallet = chain.hotWallet();
    private final AuthenticatedUser ann = node.account("ann", Role.USER);

    WithdrawalsOnChainTest() {
        chain.transfer(addressOf(node, ann), units("100"));
        chain.mine(2);
        node.chain.followDeposits().follow();
        assertThat(balance(node, ann)).isEqualTo(balance("100", "0"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Withdrawal request(String amount, String key) {
        return request(BOB, amount, key);
    }

    private Withdrawal request(String address, String amount, String key) {
        return node.chain.requestWithdrawal().request(ann, new RequestWithdrawal.Command(address, usdt(amount), key));
    }

    private Withdrawal stored(Withdrawal withdrawal) {
        return node.memory.chainStorage().withdrawals().findById(withdrawal.id()).orElseThrow();
    }

    private void send() {
        node.chain.sendWithdrawals().send();
    }

    /** Mines the blocks a transfer mined now needs for its three confirmations, then runs the sender. */
    private void confirm() {
        chain.mine(2);
        send();
    }

    @Test
    void aRequestHoldsTheAmountAndTheFeeAndARetryFindsIt() {
        Withdrawal withdrawal = request(BOB.toUpperCase().replace("0X", "0x"), "10", "key-1");

        assertThat(withdrawal.status()).isEqualTo(WithdrawalStatus.QUEUED);
        assertThat(withdrawal.address()).isEqualTo(BOB);
        assertThat(balance(node, ann)).isEqualTo(balance("89", "11"));
        assertThat(request("10", "key-1")).isEqualTo(withdrawal);
        assertThat(refusal(() -> request("12", "key-1"))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(refusal(() -> request("90", "key-2"))).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(refusal(() -> request("0xnot-an-address", "10", "key-3"))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refusal(() -> request(InMemoryNode.CHAIN.token(), "10", "key-4"))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refusal(() -> request("9.999999", "key-5"))).isEqualTo(ErrorCode.VALIDATION_FAILED);

        assertThat(balance(node, ann)).isEqualTo(balance("89", "11"));
        assertThat(node.chain.listWithdrawals().withdrawals(ann)).containsExactly(withdrawal);
        assertLedgerHolds(node, "100", "0", "0");
    }

    @Test
    void aWithdrawalIsPaidOutOnceAfterItsConfirmations() {
        chain.mint(hotWallet.address(), units("1000"));
        Withdrawal withdrawal = request("10", "key-1");

        send();
        Withdrawal sent = stored(withdrawal);
        assertThat(sent.status()).isEqualTo(WithdrawalStatus.SENT);
        assertThat(chain.receipt(sent.txHash())).hasValueSatisfying(receipt -> assertThat(receipt.succeeded()).isTrue());
        chain.mine(1);
        send();
        assertThat(stored(withdrawal).status()).isEqualTo(WithdrawalStatus.SENT);

        chain.mine(1);
        send();
        send();

        assertThat(stored(withdrawal).status()).isEqualTo(WithdrawalStatus.CONFIRMED);
        assertThat(chain.tokenBalance(BOB)).isEqualTo(units("10"));
        assertThat(hotWallet.nextNonce()).isEqualTo(1);
        assertThat(balance(node, ann)).isEqualTo(balance("89", "0"));
        assertLedgerHolds(node, "100", "10", "1");
    }

    @Test
    void aWithdrawalAboveTheThresholdWaitsForAnAdmin() {
        chain.mint(hotWallet.address(), units("2000"));
        chain.transfer(addressOf(node, ann), units("3000"));
        chain.mine(2);
        node.chain.followDeposits().follow();
        Withdrawal large = request("1500", "key-1");
        Withdrawal rejected = request("1200", "key-2");
        assertThat(large.status()).isEqualTo(WithdrawalStatus.PENDING_APPROVAL);
        assertThat(balance(node, ann)).isEqualTo(balance("398", "2702"));

        send();
        assertThat(hotWallet.nextNonce()).as("nothing sent").isZero();
        assertThat(refusal(() -> node.chain.reviewWithdrawals().approve(ann, large.id()))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(node.chain.reviewWithdrawals().approve(node.admin(), large.id()).status()).isEqualTo(WithdrawalStatus.QUEUED);
        assertThat(refusal(() -> node.chain.reviewWithdrawals().reject(node.admin(), large.id())))
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(node.chain.reviewWithdrawals().reject(node.admin(), rejected.id()).status())
                .isEqualTo(WithdrawalStatus.REJECTED);
        assertThat(balance(node, ann)).isEqualTo(balance("1599", "1501"));

        send();
        confirm();

        assertThat(stored(large).status()).isEqualTo(WithdrawalStatus.CONFIRMED);
        assertThat(stored(rejected).status()).isEqualTo(WithdrawalStatus.REJECTED);
        assertThat(chain.tokenBalance(BOB)).isEqualTo(units("1500"));
        assertThat(balance(node, ann)).isEqualTo(balance("1599", "0"));
        assertLedgerHolds(node, "3100", "1500", "1");
    }

    @Test
    void theSenderStoresTheSignedTransferFirstAndAfterACrashBroadcastsThatOne() {
        chain.mint(hotWallet.address(), units("1000"));
        var seen = new ObservedChain(chain);
        Withdrawal withdrawal = request("10", "key-1");
        seen.failBroadcasts(1);

        assertThatThrownBy(() -> node.chainNode("node-1", seen).sendWithdrawals().send())
                .hasMessageContaining("crashed");
        Withdrawals.Outgoing kept = node.memory.chainStorage().withdrawals().unfinished(10).getFirst();
        assertThat(kept.withdrawal().status()).isEqualTo(WithdrawalStatus.QUEUED);
        SignedTransfer signed = kept.signed().orElseThrow();
        assertThat(chain.receipt(signed.txHash())).isEmpty();

        // node-1 starts again, and broadcasts the transfer it stored, not a new one
        ChainServices restarted = node.chainNode("node-1", seen);
        restarted.sendWithdrawals().send();
        assertThat(stored(withdrawal).txHash()).isEqualTo(signed.txHash());
        chain.mine(2);
        restarted.sendWithdrawals().send();

        assertThat(seen.broadcasts()).containsExactly(signed.txHash(), signed.txHash());
        assertThat(stored(withdrawal).status()).isEqualTo(WithdrawalStatus.CONFIRMED);
        assertThat(chain.tokenBalance(BOB)).isEqualTo(units("10"));
        assertThat(hotWallet.nextNonce()).isEqualTo(1);
        assertLedgerHolds(node, "100", "10", "1");
    }

    @Test
    void aTransferTheChainDropsIsBroadcastAgainAndPaidOnce() {
        chain.mint(hotWallet.address(), units("1000"));
        Withdrawal withdrawal = request("10", "key-1");
        String beforeTheTransfer = chain.snapshot();
        send();
        String txHash = stored(withdrawal).txHash();

        chain.revert(beforeTheTransfer);
        chain.mine(3);
        assertThat(chain.receipt(txHash)).isEmpty();
        send();
        assertThat(chain.receipt(txHash)).isPresent();
        confirm();

        assertThat(stored(withdrawal).status()).isEqualTo(WithdrawalStatus.CONFIRMED);
        assertThat(chain.tokenBalance(BOB)).isEqualTo(units("10"));
        assertThat(balance(node, ann)).isEqualTo(balance("89", "0"));
        assertLedgerHolds(node, "100", "10", "1");
    }

    @Test
    void aTransferThatRevertsGivesTheAmountAndTheFeeBack() {
        chain.mint(hotWallet.address(), units("5"));
        Withdrawal withdrawal = request("10", "key-1");

        send();
        assertThat(chain.receipt(stored(withdrawal).txHash()))
                .hasValueSatisfying(receipt -> assertThat(receipt.succeeded()).isFalse());
        confirm();

        assertThat(stored(withdrawal).status()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(balance(node, ann)).isEqualTo(balance("100", "0"));
        assertThat(chain.tokenBalance(BOB)).isZero();
        assertThat(hotWallet.nextNonce()).as("a reverted transfer uses its nonce").isEqualTo(1);
        assertLedgerHolds(node, "100", "0", "0");
    }

    @Test
    void nodesTakingTurnsNeverSpendANonceTwice() {
        chain.mint(hotWallet.address(), units("1000"));
        ChainServices other = node.chainNode("node-2", chain);
        Withdrawal first = request("10", "key-1");
        send();
        Withdrawal second = request("20", "key-2");
        other.sendWithdrawals().send();
        assertThat(stored(second).status()).as("node-1 holds the lease").isEqualTo(WithdrawalStatus.QUEUED);

        node.memory.advanceClock(InMemoryNode.CHAIN_LEASE_LAPSE);
        other.sendWithdrawals().send();
        chain.mine(2);
        other.sendWithdrawals().send();

        assertThat(stored(first).status()).isEqualTo(WithdrawalStatus.CONFIRMED);
        assertThat(stored(second).status()).isEqualTo(WithdrawalStatus.CONFIRMED);
        assertThat(node.memory.chainStorage().withdrawals().highestNonce(hotWallet.address())).hasValue(1);
        assertThat(chain.tokenBalance(BOB)).isEqualTo(units("30"));
        assertThat(balance(node, ann)).isEqualTo(balance("68", "0"));
        assertLedgerHolds(node, "100", "30", "2");
    }
}
