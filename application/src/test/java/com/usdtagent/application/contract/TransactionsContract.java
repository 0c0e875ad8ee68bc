package com.usdtagent.application.contract;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Transactions}: the ports called in the work share one transaction, which commits when the work returns and
 * leaves nothing behind when it throws; nobody else sees its writes before it commits; a nested one joins it.
 */
public abstract class TransactionsContract extends PortContract {

    private UserAccounts accounts;
    private Transactions transactions;

    @BeforeEach
    void ports() {
        accounts = adapters.userAccounts();
        transactions = adapters.transactions();
    }

    @Test
    void rollsBackWhenTheWorkThrows() {
        UserAccount erin = account("erin", "+14155550201", Role.USER);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            accounts.add(erin);
            throw new IllegalStateException("the use case fails after storing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(accounts.findById(erin.id())).isEmpty();
    }

    @Test
    void commitsWhenTheWorkReturns() {
        UserAccount frank = account("frank", "+14155550202", Role.USER);
        UserAccount grace = account("grace", "+14155550203", Role.AGENT);

        String result = transactions.inTransaction(() -> {
            accounts.add(frank);
            accounts.add(grace);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(accounts.findById(frank.id())).contains(frank);
        assertThat(accounts.findById(grace.id())).contains(grace);
    }

    @Test
    void repositoryCallsOnTheThreadShareTheTransaction() {
        UserAccount heidi = account("heidi", "+14155550204", Role.USER);

        transactions.inTransaction(() -> {
            accounts.add(heidi);
            // the same thread reads its own uncommitted row; another thread, with its own transaction, does not see it
            assertThat(accounts.findById(heidi.id())).contains(heidi);
            assertThat(onAnotherThread(heidi.id())).isEmpty();
            return null;
        });

        assertThat(onAnotherThread(heidi.id())).contains(heidi);
    }

    @Test
    void aRefusalRollsBackWhatTheTransactionStoredBefore() {
        UserAccount ivan = account("ivan", "+14155550205", Role.USER);
        UserAccount judy = account("judy", "+14155550205", Role.USER);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            accounts.add(ivan);
            accounts.add(judy);
            return null;
        })).isInstanceOf(BusinessException.class);

        assertThat(accounts.findById(ivan.id())).isEmpty();
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        UserAccount kim = account("kim", "+14155550206", Role.USER);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.inTransaction(() -> {
                accounts.add(kim);
                return null;
            });
            throw new IllegalStateException("the outer work fails after the inner one returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(accounts.findById(kim.id())).isEmpty();
    }

    @Test
    void aFailedUseCaseLeavesNothingBehindInAnyPort() {
        UserAccount leo = account("leo", "+14155550207", Role.AGENT);
        Offer[] offered = new Offer[1];

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            accounts.add(leo);
            adapters.ledger().record(Movement.deposit(leo.id(), usdt("10"), "tx-leo"), NOW);
            offered[0] = offer(leo.id(), OfferSide.SELL);
            throw new IllegalStateException("the use case fails after writing to three ports");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(accounts.findById(leo.id())).isEmpty();
        assertThat(adapters.ledger().balanceOf(leo.id())).isEqualTo(WalletBalance.EMPTY);
        assertThat(adapters.ledger().entriesOf(leo.id(), Optional.empty(), 10)).isEmpty();
        assertThat(adapters.offers().findById(offered[0].id())).isEmpty();
        // the deposit's reference was never taken
        assertThat(transactions.inTransaction(() -> {
            accounts.add(leo);
            return adapters.ledger().record(Movement.deposit(leo.id(), usdt("10"), "tx-leo"), NOW);
        })).isTrue();
    }

    private Optional<UserAccount> onAnotherThread(UserId id) {
        return CompletableFuture.supplyAsync(() -> accounts.findById(id)).join();
    }
}
