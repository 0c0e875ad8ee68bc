package com.usdtagent.memory;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.ledger.DepositFunds;
import com.usdtagent.application.ledger.DepositFundsService;
import com.usdtagent.application.ledger.ShowWalletService;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.trade.Usdt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example: a program that runs a use case on the in-memory adapters, with no database or server. */
class EmbeddingTest {

    @Test
    void aWalletRunsOnTheInMemoryAdapters() {
        // README.md, "In-memory adapters": from here
        var memory = InMemoryAdapters.create();
        var deposits = new DepositFundsService(memory.ledger(), memory.userAccounts(), memory.transactions(), memory.clock());

        var ann = new UserAccount(UserId.newId(), new Username("ann"), null, "a hash", Role.USER, memory.clock().instant());
        memory.userAccounts().add(ann);
        var admin = new AuthenticatedUser(UserId.newId(), Role.ADMIN);
        var deposit = new DepositFunds.Command(ann.id(), new Usdt(new BigDecimal("25")), "chain-tx-1");
        deposits.deposit(admin, deposit);
        deposits.deposit(admin, deposit); // the same chain reference: credited once
        // to here

        var wallet = new ShowWalletService(memory.ledger());
        var annSignedIn = new AuthenticatedUser(ann.id(), Role.USER);
        assertThat(wallet.balance(annSignedIn)).isEqualTo(new WalletBalance(new Usdt(new BigDecimal("25")), Usdt.ZERO));
        assertThat(wallet.entries(annSignedIn, Optional.empty(), 10)).hasSize(1);
    }
}
