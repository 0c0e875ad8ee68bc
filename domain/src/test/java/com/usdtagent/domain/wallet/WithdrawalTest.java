package com.usdtagent.domain.wallet;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Usdt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WithdrawalTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId USER = UserId.newId();
    private static final String ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Test
    void waitsForAnAdminOnlyAboveTheThreshold() {
        assertThat(request("1000").status()).isEqualTo(WithdrawalStatus.QUEUED);
        assertThat(request("1000.000001").status()).isEqualTo(WithdrawalStatus.PENDING_APPROVAL);
    }

    @Test
    void eachStepIsTakenFromItsOwnStatusOnly() {
        Withdrawal waiting = request("5000");
        Withdrawal queued = waiting.approve();

        assertThat(queued.status()).isEqualTo(WithdrawalStatus.QUEUED);
        assertThat(waiting.reject().status()).isEqualTo(WithdrawalStatus.REJECTED);
        assertRefused(queued::approve);
        assertRefused(queued::reject);
        assertRefused(queued::failed);
        Withdrawal sent = queued.sent("0xhash", NOW);
        assertThat(sent.txHash()).isEqualTo("0xhash");
        assertThat(sent.sentAt()).isEqualTo(NOW);
        assertRefused(() -> sent.sent("0xother", NOW));
        assertThat(sent.confirmed(NOW).confirmedAt()).isEqualTo(NOW);
        assertThat(sent.failed().status()).isEqualTo(WithdrawalStatus.FAILED);
    }

    @Test
    void itsMovementsBalanceAndHoldPayOutOrGiveBackTheAmountAndTheFee() {
        Withdrawal withdrawal = request("50");

        assertThat(postings(withdrawal.hold())).isEqualTo(Map.of(LedgerAccount.available(USER), new BigDecimal("-51.000000"),
                LedgerAccount.locked(USER), new BigDecimal("51.000000")));
        assertThat(postings(withdrawal.payOut())).isEqualTo(Map.of(LedgerAccount.locked(USER), new BigDecimal("-51.000000"),
                LedgerAccount.EXTERNAL, new BigDecimal("50.000000"), LedgerAccount.FEES, new BigDecimal("1.000000")));
        assertThat(postings(withdrawal.giveBack())).isEqualTo(Map.of(LedgerAccount.locked(USER), new BigDecimal("-51.000000"),
                LedgerAccount.available(USER), new BigDecimal("51.000000")));
        assertThat(withdrawal.hold().reference()).isNotEqualTo(withdrawal.payOut().reference())
                .isNotEqualTo(withdrawal.giveBack().reference()).contains(withdrawal.id().toString());
    }

    @Test
    void withoutAFeeNothingGoesToTheFeesAccount() {
        Withdrawal free = Withdrawal.request(USER, ADDRESS, usdt("50"), Usdt.ZERO, usdt("1000"), NOW);

        assertThat(postings(free.payOut())).doesNotContainKey(LedgerAccount.FEES);
    }

    private static Withdrawal request(String amount) {
        return Withdrawal.request(USER, ADDRESS, usdt(amount), usdt("1"), usdt("1000"), NOW);
    }

    private static Map<LedgerAccount, BigDecimal> postings(Movement movement) {
        return movement.postings().stream().collect(Collectors.toMap(Movement.Posting::account, Movement.Posting::amount));
    }

    private static void assertRefused(Runnable step) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_STATE));
    }

    private static Usdt usdt(String value) {
        return new Usdt(new BigDecimal(value));
    }
}
