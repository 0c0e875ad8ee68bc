package com.usdtagent.bootstrap;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.RequestWithdrawal;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.chain.Withdrawals;
import com.usdtagent.chain.testing.Anvil;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.FieldError;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Withdrawals on a real chain (anvil) and a real PostgreSQL: held at once, sent once (even across a crash or with
 * two nodes), confirmed after the confirmation count, given back when refused or reverted; the ledger balanced.
 */
class WithdrawalSenderTest {

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
    void anyNodeMaySend() {
        rig.leasesLapse();
    }

    @Test
    void aWithdrawalUpToTheThresholdIsHeldSentAndConfirmedAfterItsConfirmations() {
        ChainServices node = rig.node("a");
        AuthenticatedUser user = rig.account(Role.USER);
        rig.credit(user, "100");
        rig.chain.fundHotWallet("100");
        String to = newAddress();
        BigDecimal feesBefore = rig.total("FEES");
        BigDecimal externalBefore = rig.total("EXTERNAL");

        Withdrawal requested = request(node, user, to, "50", "key-1");
        assertThat(request(node, user, to, "50", "key-1")).isEqualTo(requested);
        assertThat(code(() -> request(node, user, to, "60", "key-1"))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(requested.status()).isEqualTo(WithdrawalStatus.QUEUED);
        assertThat(requested.fee().value()).isEqualByComparingTo("1");
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("49", "51"));
        assertThat(rig.news).contains(new ChainRig.WalletNews(user.id(), ChainRig.balance("49", "51")));

        rig.send(node);
        Withdrawal sent = only(node, user);
        assertThat(sent.status()).isEqualTo(WithdrawalStatus.SENT);
        assertThat(sent.txHash()).isNotNull();
        assertThat(rig.chain.tokenBalance(to)).isEqualByComparingTo("50");
        rig.chain.anvil.mine(1);
        rig.send(node);
        assertThat(only(node, user).status()).as("2 confirmations").isEqualTo(WithdrawalStatus.SENT);

        rig.chain.anvil.mine(1);
        rig.send(node);

        Withdrawal confirmed = only(node, user);
        assertThat(confirmed.status()).isEqualTo(WithdrawalStatus.CONFIRMED);
        assertThat(confirmed.confirmedAt()).isNotNull();
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("49", "0"));
        assertThat(rig.total("EXTERNAL").subtract(externalBefore)).isEqualByComparingTo("50");
        assertThat(rig.total("FEES").subtract(feesBefore)).isEqualByComparingTo("1");
        assertThat(rig.chain.tokenBalance(to)).isEqualByComparingTo("50");
        assertThat(rig.metric("chain.withdrawals", "status", "CONFIRMED")).isPositive();
        assertThat(rig.metric("chain.hot.wallet.balance")).isNotNaN();
        rig.assertLedgerHolds();
    }

    @Test
    void aWithdrawalAboveTheThresholdWaitsForAnAdminWhoLetsItGoOrGivesItBack() {
        ChainServices node = rig.node("a");
        AuthenticatedUser user = rig.account(Role.AGENT);
        AuthenticatedUser admin = rig.account(Role.ADMIN);
        rig.credit(user, "5000");
        rig.send(node); // what other tests left queued goes first
        long nonce = rig.chain.anvil.nonceOf(Anvil.HOT_WALLET);

        Withdrawal large = request(node, user, newAddress(), "1500", "large");
        assertThat(large.status()).isEqualTo(WithdrawalStatus.PENDING_APPROVAL);
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("3499", "1501"));
        rig.send(node);
        assertThat(rig.chain.anvil.nonceOf(Anvil.HOT_WALLET)).as("nothing sent before approval").isEqualTo(nonce);
        assertThat(node.listWithdrawals().withdrawals(user)).containsExactly(large);
        assertThat(code(() -> node.reviewWithdrawals().approve(user, large.id()))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(node.reviewWithdrawals().list(admin, Optional.of(WithdrawalStatus.PENDING_APPROVAL))).contains(large);

        assertThat(node.reviewWithdrawals().approve(admin, large.id()).status()).isEqualTo(WithdrawalStatus.QUEUED);
        assertThat(code(() -> node.reviewWithdrawals().approve(admin, large.id()))).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(code(() -> node.reviewWithdrawals().reject(admin, large.id()))).isEqualTo(ErrorCode.INVALID_STATE);
        rig.chain.fundHotWallet("1500");
        rig.send(node);
        rig.chain.anvil.mine(CONFIRMATIONS);
        rig.send(node);
        assertThat(node.listWithdrawals().withdrawals(user).getFirst().status()).isEqualTo(WithdrawalStatus.CONFIRMED);

        Withdrawal rejected = request(node, user, newAddress(), "2000", "larger");
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("1498", "2001"));
        assertThat(node.reviewWithdrawals().reject(admin, rejected.id()).status()).isEqualTo(WithdrawalStatus.REJECTED);
        assertThat(code(() -> node.reviewWithdrawals().approve(admin, rejected.id()))).isEqualTo(ErrorCode.INVALID_STATE);

        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("3499", "0"));
        assertThat(node.listWithdrawals().withdrawals(user)).extracting(Withdrawal::status)
                .containsExactly(WithdrawalStatus.REJECTED, WithdrawalStatus.CONFIRMED);
        rig.assertLedgerHolds();
    }

    @Test
    void aCrashBetweenSigningAndBroadcastSendsTheSameTransferOnce() {
        AuthenticatedUser user = rig.account(Role.USER);
        rig.credit(user, "100");
        rig.chain.fundHotWallet("50");
        String to = newAddress();
        ChainServices diesBeforeBroadcast = rig.node("dies-before", crashing(false));
        request(diesBeforeBroadcast, user, to, "20", "first");
        long nonce = rig.chain.anvil.nonceOf(Anvil.HOT_WALLET);

        assertThatThrownBy(() -> diesBeforeBroadcast.sendWithdrawals().send()).hasMessageContaining("crash");
        SignedTransfer stored = signedFor(user);
        assertThat(rig.chain.anvil.receipt(stored.txHash()).isNull()).isTrue();
        assertThat(rig.chain.anvil.nonceOf(Anvil.HOT_WALLET)).isEqualTo(nonce);

        rig.leasesLapse();
        ChainServices restarted = rig.node("restarted");
        rig.send(restarted);
        assertThat(only(restarted, user).txHash()).isEqualTo(stored.txHash());
        assertThat(rig.chain.tokenBalance(to)).isEqualByComparingTo("20");
        assertThat(rig.chain.anvil.nonceOf(Anvil.HOT_WALLET)).isEqualTo(nonce + 1);

        ChainServices diesAfterBroadcast = rig.node("dies-after", crashing(true));
        rig.leasesLapse();
        request(diesAfterBroadcast, user, to, "30", "second");
        assertThatThrownBy(() -> diesAfterBroadcast.sendWithdrawals().send()).hasMessageContaining("crash");
        SignedTransfer broadcastOnce = signedFor(user);
        rig.chain.anvil.awaitReceipt(broadcastOnce.txHash());
        rig.leasesLapse();
        rig.send(restarted);
        rig.chain.anvil.mine(CONFIRMATIONS);
        rig.send(restarted);

        assertThat(restarted.listWithdrawals().withdrawals(user)).extracting(Withdrawal::status, Withdrawal::txHash)
                .containsExactly(tuple(WithdrawalStatus.CONFIRMED, broadcastOnce.txHash()),
                        tuple(WithdrawalStatus.CONFIRMED, stored.txHash()));
        assertThat(rig.chain.tokenBalance(to)).isEqualByComparingTo("50");
        assertThat(rig.chain.anvil.nonceOf(Anvil.HOT_WALLET)).isEqualTo(nonce + 2);
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("48", "0"));
        rig.assertLedgerHolds();
    }

    @Test
    void aTransferThatRevertsFailsAndGivesTheFundsBack() {
        ChainServices node = rig.node("a");
        AuthenticatedUser user = rig.account(Role.USER);
        BigDecimal hotWallet = rig.chain.tokenBalance(Anvil.HOT_WALLET);
        String beyond = hotWallet.add(new BigDecimal("50")).toPlainString();
        rig.credit(user, hotWallet.add(new BigDecimal("100")).toPlainString());
        var before = rig.balance(user);
        double failedBefore = rig.metric("chain.withdrawals", "status", "FAILED");

        request(node, user, newAddress(), beyond, "too-much-for-the-hot-wallet");
        rig.send(node);
        Withdrawal sent = only(node, user);
        assertThat(rig.chain.anvil.receipt(sent.txHash()).path("status").asText()).isEqualTo("0x0");
        rig.chain.anvil.mine(CONFIRMATIONS);
        rig.send(node);

        assertThat(only(node, user).status()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(rig.balance(user)).isEqualTo(before);
        assertThat(rig.chain.tokenBalance(Anvil.HOT_WALLET)).isEqualByComparingTo(hotWallet);
        assertThat(rig.metric("chain.withdrawals", "status", "FAILED") - failedBefore).isEqualTo(1);
        rig.assertLedgerHolds();
    }

    @Test
    void refusedRequestsChangeNothing() {
        ChainServices node = rig.node("a");
        AuthenticatedUser user = rig.account(Role.USER);
        rig.credit(user, "100");
        String good = newAddress();
        String badChecksum = flipCase(good);

        assertThat(refusal(() -> request(node, user, "0x1234", "20", "malformed")))
                .isEqualTo(new FieldError("address", "must be 0x followed by 40 hexadecimal digits"));
        assertThat(refusal(() -> request(node, user, badChecksum, "20", "checksum")).field()).isEqualTo("address");
        assertThat(refusal(() -> request(node, user, rig.chain.token, "20", "contract")).field()).isEqualTo("address");
        assertThat(refusal(() -> request(node, user, good, "9.999999", "below-minimum")))
                .isEqualTo(new FieldError("amount", "must be at least 10"));
        assertThat(code(() -> request(node, user, good, "99.5", "beyond-balance"))).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);

        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("100", "0"));
        assertThat(node.listWithdrawals().withdrawals(user)).isEmpty();
        assertThat(request(node, user, good.toLowerCase(Locale.ROOT), "99", "all-of-it").address()).isEqualTo(good);
        rig.assertLedgerHolds();
    }

    @Test
    void twoSendersNeverSendAWithdrawalTwice() {
        ChainServices a = rig.node("sender-a");
        ChainServices b = rig.node("sender-b");
        AuthenticatedUser user = rig.account(Role.USER);
        rig.credit(user, "200");
        rig.chain.fundHotWallet("100");
        String to = newAddress();
        long nonce = rig.chain.anvil.nonceOf(Anvil.HOT_WALLET);
        for (int i = 1; i <= 4; i++) {
            request(a, user, to, String.valueOf(10 + i), "batch-" + i);
        }

        for (int round = 0; round < 4; round++) {
            if (round % 2 == 1) {
                rig.leasesLapse(); // the lease may pass to the other node
            }
            CompletableFuture.allOf(CompletableFuture.runAsync(a.sendWithdrawals()::send),
                    CompletableFuture.runAsync(b.sendWithdrawals()::send)).join();
            rig.send(a);
            rig.chain.anvil.mine(1);
        }

        List<Withdrawal> withdrawals = a.listWithdrawals().withdrawals(user);
        assertThat(withdrawals).extracting(Withdrawal::status).containsOnly(WithdrawalStatus.CONFIRMED);
        assertThat(new HashSet<>(withdrawals.stream().map(Withdrawal::txHash).toList())).hasSize(4);
        assertThat(rig.chain.tokenBalance(to)).isEqualByComparingTo("50");
        assertThat(rig.chain.anvil.nonceOf(Anvil.HOT_WALLET)).isEqualTo(nonce + 4);
        assertThat(rig.balance(user)).isEqualTo(ChainRig.balance("146", "0"));
        rig.assertLedgerHolds();
    }

    private static Withdrawal request(ChainServices node, AuthenticatedUser user, String address, String amount, String key) {
        return node.requestWithdrawal().request(user,
                new RequestWithdrawal.Command(address, LocalChain.usdt(amount), key + "-" + user.id()));
    }

    private static Withdrawal only(ChainServices node, AuthenticatedUser user) {
        List<Withdrawal> withdrawals = node.listWithdrawals().withdrawals(user);
        assertThat(withdrawals).hasSize(1);
        return withdrawals.getFirst();
    }

    /** The transfer stored for the user's newest unfinished withdrawal. */
    private static SignedTransfer signedFor(AuthenticatedUser user) {
        return rig.persistence.chainStorage().withdrawals().unfinished(100).stream()
                .filter(outgoing -> outgoing.withdrawal().user().equals(user.id())
                        && outgoing.withdrawal().status() == WithdrawalStatus.QUEUED)
                .map(Withdrawals.Outgoing::signed).flatMap(Optional::stream).findFirst().orElseThrow();
    }

    /** The real chain, but the node dies in the broadcast: before the transfer leaves, or just after. */
    private static TokenChain crashing(boolean afterSending) {
        return rig.tokenChain((method, args, proceed) -> {
            if (!method.equals("broadcast")) {
                return proceed.call();
            }
            if (afterSending) {
                proceed.call();
            }
            throw new IllegalStateException("crash " + (afterSending ? "after" : "before") + " the broadcast");
        });
    }

    private static String newAddress() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return Keys.toChecksumAddress(HexFormat.of().formatHex(bytes));
    }

    /** The address with the case of its first letter turned: a typo the EIP-55 checksum catches. */
    private static String flipCase(String address) {
        char[] chars = address.toCharArray();
        for (int i = 2; i < chars.length; i++) {
            if (Character.isLetter(chars[i])) {
                chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
                return new String(chars);
            }
        }
        throw new IllegalStateException("an address of digits only: try another");
    }

    private static ErrorCode code(Supplier<?> step) {
        try {
            step.get();
            return null;
        } catch (BusinessException refusal) {
            return refusal.code();
        }
    }

    private static FieldError refusal(Supplier<?> step) {
        try {
            step.get();
            throw new AssertionError("not refused");
        } catch (BusinessException refusal) {
            assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            return refusal.details().getFirst();
        }
    }
}
