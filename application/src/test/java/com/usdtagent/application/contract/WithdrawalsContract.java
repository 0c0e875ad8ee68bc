package com.usdtagent.application.contract;

import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.Withdrawals;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Withdrawals}: an Idempotency-Key names one withdrawal of its user, however many requests race; a step is
 * stored only from the status it was decided on; a withdrawal gets one signed transfer, and a sender's nonce belongs
 * to one withdrawal; the sender reads signed transfers in nonce order, then the others oldest first.
 */
public abstract class WithdrawalsContract extends PortContract {

    private static final String ADDRESS = "0x2222222222222222222222222222222222222222";

    private Withdrawals withdrawals;

    @BeforeEach
    void ports() {
        withdrawals = adapters.chainStorage().withdrawals();
    }

    /** A stored withdrawal of 10 USDT and 1 fee, queued, or waiting for an admin when {@code amount} is above 1000. */
    private Withdrawal withdrawal(UserId user, String amount, Instant at) {
        Withdrawal withdrawal = Withdrawal.request(user, ADDRESS, usdt(amount), usdt("1"), usdt("1000"), at);
        withdrawals.add(withdrawal, UUID.randomUUID().toString());
        return withdrawal;
    }

    private Withdrawal queued(UserId user) {
        return withdrawal(user, "10", NOW);
    }

    private static String sender() {
        return "0xsender-" + UUID.randomUUID();
    }

    private static SignedTransfer signed(long nonce) {
        String hash = "0xhash-" + UUID.randomUUID();
        return new SignedTransfer(nonce, hash, "0xraw-of-" + hash);
    }

    private static List<WithdrawalId> ids(List<Withdrawal> listed) {
        return listed.stream().map(Withdrawal::id).toList();
    }

    @Test
    void storesAWithdrawalAndFindsItByIdAndByItsUsersKey() {
        UserId ann = user();
        Withdrawal withdrawal = Withdrawal.request(ann, ADDRESS, usdt("12.345678"), usdt("1"), usdt("1000"), NOW);

        withdrawals.add(withdrawal, "key-1");

        assertThat(withdrawals.findById(withdrawal.id())).contains(withdrawal);
        assertThat(withdrawals.findByIdempotencyKey(ann, "key-1")).contains(withdrawal);
        assertThat(withdrawals.findByIdempotencyKey(ann, "key-2")).isEmpty();
        assertThat(withdrawals.findByIdempotencyKey(user(), "key-1")).isEmpty();
        assertThat(withdrawals.findById(WithdrawalId.newId())).isEmpty();
    }

    @Test
    void aKeyNamesOneWithdrawalOfItsUser() {
        UserId ann = user();
        UserId bob = user();
        withdrawals.add(Withdrawal.request(ann, ADDRESS, usdt("10"), usdt("1"), usdt("1000"), NOW), "key-1");
        Withdrawal again = Withdrawal.request(ann, ADDRESS, usdt("20"), usdt("1"), usdt("1000"), NOW);

        assertThatThrownBy(() -> withdrawals.add(again, "key-1")).isInstanceOf(RuntimeException.class);
        assertThat(withdrawals.findById(again.id())).isEmpty();
        Withdrawal bobs = Withdrawal.request(bob, ADDRESS, usdt("30"), usdt("1"), usdt("1000"), NOW);
        withdrawals.add(bobs, "key-1");
        assertThat(withdrawals.findByIdempotencyKey(bob, "key-1")).contains(bobs);
    }

    /** A request as the use case makes one: in turn with the others of its key, finding the one made before. */
    private WithdrawalId requested(UserId user, String key) {
        withdrawals.lockIdempotencyKey(user, key);
        return withdrawals.findByIdempotencyKey(user, key).orElseGet(() -> {
            Withdrawal withdrawal = Withdrawal.request(user, ADDRESS, usdt("10"), usdt("1"), usdt("1000"), NOW);
            withdrawals.add(withdrawal, key);
            return withdrawal;
        }).id();
    }

    @Test
    void requestsWithOneKeyAtOnceMakeOneWithdrawal() {
        UserId ann = user();

        List<WithdrawalId> made = AtOnce.run(20, i -> () -> adapters.transactions().inTransaction(() -> requested(ann, "key-1")));

        assertThat(made).containsOnly(made.getFirst());
        assertThat(ids(withdrawals.ofUser(ann, 10))).containsExactly(made.getFirst());
    }

    @Test
    void aRequestWaitsForTheOneWithItsKeyAndFindsIt() {
        UserId ann = user();

        List<WithdrawalId> made = whileOpen(() -> requested(ann, "key-1"), () -> requested(ann, "key-1"));

        assertThat(made.getLast()).isEqualTo(made.getFirst());
    }

    @Test
    void aWithdrawalMovesOnlyFromTheStatusItWasDecidedOn() {
        UserId ann = user();
        Withdrawal queued = queued(ann);
        Withdrawal sent = queued.sent("0xhash", NOW);

        assertThat(AtOnce.run(10, i -> () -> withdrawals.compareAndSet(WithdrawalStatus.QUEUED, sent))).containsOnlyOnce(true);
        assertThat(withdrawals.findById(queued.id())).contains(sent);
        assertThat(withdrawals.compareAndSet(WithdrawalStatus.QUEUED, sent)).isFalse();
        assertThat(withdrawals.compareAndSet(WithdrawalStatus.PENDING_APPROVAL, sent.confirmed(NOW))).isFalse();
        assertThat(withdrawals.findById(queued.id())).contains(sent);

        Withdrawal confirmed = sent.confirmed(NOW.plusSeconds(60));
        assertThat(withdrawals.compareAndSet(WithdrawalStatus.SENT, confirmed)).isTrue();
        assertThat(withdrawals.findById(queued.id())).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(WithdrawalStatus.CONFIRMED);
            assertThat(stored.txHash()).isEqualTo("0xhash");
            assertThat(stored.sentAt()).isEqualTo(NOW);
            assertThat(stored.confirmedAt()).isEqualTo(NOW.plusSeconds(60));
        });
    }

    @Test
    void anAdminsReviewMovesAWaitingWithdrawalOnce() {
        UserId ann = user();
        Withdrawal waiting = withdrawal(ann, "5000", NOW);
        assertThat(waiting.status()).isEqualTo(WithdrawalStatus.PENDING_APPROVAL);

        assertThat(whileOpen(() -> withdrawals.compareAndSet(WithdrawalStatus.PENDING_APPROVAL, waiting.approve()),
                () -> withdrawals.compareAndSet(WithdrawalStatus.PENDING_APPROVAL, waiting.reject())))
                .containsExactly(true, false);
        assertThat(withdrawals.findById(waiting.id())).contains(waiting.approve());
    }

    @Test
    void aWithdrawalGetsOneSignedTransferAndASendersNonceAndHashBelongToOneWithdrawal() {
        UserId ann = user();
        Withdrawal first = queued(ann);
        Withdrawal second = queued(ann);
        Withdrawal waiting = withdrawal(ann, "5000", NOW);
        String sender = sender();
        SignedTransfer seven = signed(7);

        assertThat(withdrawals.attachSigned(first.id(), sender, seven)).isTrue();
        assertThat(withdrawals.attachSigned(first.id(), sender, signed(8))).isFalse();
        assertThat(withdrawals.attachSigned(second.id(), sender, signed(7))).isFalse();
        assertThat(withdrawals.attachSigned(second.id(), sender(), new SignedTransfer(3, seven.txHash(), "0xraw"))).isFalse();
        assertThat(withdrawals.attachSigned(waiting.id(), sender, signed(9))).as("not queued").isFalse();
        assertThat(withdrawals.attachSigned(second.id(), sender, signed(8))).isTrue();

        assertThat(withdrawals.highestNonce(sender)).isEqualTo(OptionalLong.of(8));
        assertThat(withdrawals.highestNonce(sender())).isEmpty();
    }

    @Test
    void sendersSigningOneNonceAtOnceStoreOneTransfer() {
        UserId ann = user();
        String sender = sender();
        List<Withdrawal> queued = List.of(queued(ann), queued(ann), queued(ann), queued(ann), queued(ann));

        List<Boolean> attached = AtOnce.run(queued.size(), i -> () ->
                withdrawals.attachSigned(queued.get(i).id(), sender, signed(42)));

        assertThat(attached).containsOnlyOnce(true);
        assertThat(withdrawals.highestNonce(sender)).isEqualTo(OptionalLong.of(42));
        assertThat(withdrawals.unfinished(100)).filteredOn(outgoing -> outgoing.withdrawal().user().equals(ann))
                .filteredOn(outgoing -> outgoing.signed().isPresent()).hasSize(1);
    }

    @Test
    void theSenderReadsTheSignedInNonceOrderThenTheOthersOldestFirst() {
        UserId ann = user();
        String sender = sender();
        Withdrawal newer = withdrawal(ann, "10", NOW.minusSeconds(10));
        Withdrawal older = withdrawal(ann, "10", NOW.minusSeconds(20));
        Withdrawal signedLater = withdrawal(ann, "10", NOW.minusSeconds(40));
        Withdrawal signedFirst = withdrawal(ann, "10", NOW.minusSeconds(30));
        Withdrawal ended = withdrawal(ann, "10", NOW.minusSeconds(50));
        withdrawal(ann, "5000", NOW.minusSeconds(60));
        withdrawals.attachSigned(signedFirst.id(), sender, signed(1));
        withdrawals.attachSigned(signedLater.id(), sender, signed(2));
        withdrawals.attachSigned(ended.id(), sender, signed(0));
        withdrawals.compareAndSet(WithdrawalStatus.QUEUED, signedLater.sent("0xlater", NOW));
        Withdrawal endedSent = ended.sent("0xended", NOW);
        withdrawals.compareAndSet(WithdrawalStatus.QUEUED, endedSent);
        withdrawals.compareAndSet(WithdrawalStatus.SENT, endedSent.failed());

        List<Withdrawals.Outgoing> unfinished = withdrawals.unfinished(100).stream()
                .filter(outgoing -> outgoing.withdrawal().user().equals(ann)).toList();

        assertThat(unfinished).extracting(outgoing -> outgoing.withdrawal().id())
                .containsExactly(signedFirst.id(), signedLater.id(), older.id(), newer.id());
        assertThat(unfinished).extracting(outgoing -> outgoing.signed().map(SignedTransfer::nonce))
                .containsExactly(Optional.of(1L), Optional.of(2L), Optional.empty(), Optional.empty());
        assertThat(unfinished.get(1).withdrawal().status()).isEqualTo(WithdrawalStatus.SENT);
    }

    @Test
    void listsAUsersWithdrawalsAndThoseInAStatusNewestFirst() {
        UserId ann = user();
        Withdrawal oldest = withdrawal(ann, "10", NOW.minusSeconds(30));
        Withdrawal middle = withdrawal(ann, "5000", NOW.minusSeconds(20));
        Withdrawal newest = withdrawal(ann, "10", NOW.minusSeconds(10));
        withdrawal(user(), "10", NOW);

        assertThat(ids(withdrawals.ofUser(ann, 10))).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(ids(withdrawals.ofUser(ann, 2))).containsExactly(newest.id(), middle.id());
        assertThat(withdrawals.withStatus(Optional.of(WithdrawalStatus.PENDING_APPROVAL), 1000))
                .allMatch(withdrawal -> withdrawal.status() == WithdrawalStatus.PENDING_APPROVAL)
                .contains(middle).doesNotContain(oldest, newest);
        assertThat(withdrawals.withStatus(Optional.empty(), 1000))
                .isSortedAccordingTo(Comparator.comparing(Withdrawal::createdAt).reversed())
                .contains(oldest, middle, newest);
        assertThat(withdrawals.withStatus(Optional.empty(), 1)).hasSize(1);
    }

    @Test
    void aWithdrawalsFundsAreHeldThenPaidOutOrGivenBackOnce() {
        UserId ann = user();
        adapters.ledger().record(Movement.deposit(ann, usdt("50"), "fees-test-" + ann), NOW);
        Withdrawal paid = queued(ann);
        Withdrawal returned = queued(ann);

        adapters.transactions().inTransaction(() -> {
            adapters.ledger().record(paid.hold(), NOW);
            return adapters.ledger().record(returned.hold(), NOW);
        });
        assertThat(adapters.ledger().balanceOf(ann)).isEqualTo(new WalletBalance(usdt("28"), usdt("22")));

        assertThat(adapters.ledger().record(paid.payOut(), NOW)).isTrue();
        assertThat(adapters.ledger().record(paid.payOut(), NOW)).isFalse();
        assertThat(adapters.ledger().record(returned.giveBack(), NOW)).isTrue();

        assertThat(adapters.ledger().balanceOf(ann)).isEqualTo(new WalletBalance(usdt("39"), usdt("0")));
    }
}
