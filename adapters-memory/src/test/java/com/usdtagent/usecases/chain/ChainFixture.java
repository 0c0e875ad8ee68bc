package com.usdtagent.usecases.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.usecases.InMemoryNode;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the chain's use-case tests share: amounts in USDT and in token units, and the ledger's invariant. */
final class ChainFixture {

    private ChainFixture() {
    }

    static Usdt usdt(String amount) {
        return new Usdt(new BigDecimal(amount));
    }

    /** USDT in the token's smallest unit, as the chain counts it. */
    static BigInteger units(String usdt) {
        return new BigDecimal(usdt).movePointRight(Usdt.SCALE).toBigIntegerExact();
    }

    static WalletBalance balance(String available, String locked) {
        return new WalletBalance(usdt(available), usdt(locked));
    }

    static WalletBalance balance(InMemoryNode node, AuthenticatedUser user) {
        return node.memory.ledger().balanceOf(user.id());
    }

    /** The deposit address the user is shown. */
    static String addressOf(InMemoryNode node, AuthenticatedUser user) {
        return node.chain.showDepositAddress().depositAddress(user).address();
    }

    /**
     * The ledger's double entry holds, and what came in from the chain less what went out to it is what the users
     * hold and the fees: {@code EXTERNAL} is minus {@code deposited} plus {@code paidOut}, {@code FEES} is {@code fees}.
     */
    static void assertLedgerHolds(InMemoryNode node, String deposited, String paidOut, String fees) {
        var totals = node.memory.ledgerTotals();
        assertThat(totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("the sum of all entries")
                .isZero();
        assertThat(totals.getOrDefault(LedgerAccount.Bucket.EXTERNAL, BigDecimal.ZERO)).as("from and to the chain")
                .isEqualByComparingTo(new BigDecimal(paidOut).subtract(new BigDecimal(deposited)));
        assertThat(totals.getOrDefault(LedgerAccount.Bucket.FEES, BigDecimal.ZERO)).as("fees")
                .isEqualByComparingTo(fees);
    }
}
