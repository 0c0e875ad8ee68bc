package com.usdtagent.persistence;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static com.usdtagent.persistence.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionsTest {

    private static PostgresPersistence persistence;
    private static UserAccounts accounts;
    private static Transactions transactions;

    @BeforeAll
    static void openDatabase() {
        persistence = PostgresPersistence.open(TestDatabases.fresh(), new SimpleMeterRegistry());
        accounts = persistence.userAccounts();
        transactions = persistence.transactions();
    }

    @AfterAll
    static void closeDatabase() {
        persistence.close();
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
            // the same thread reads its own uncommitted row; another thread, with its own handle, does not see it
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

    private static Optional<UserAccount> onAnotherThread(UserId id) {
        return CompletableFuture.supplyAsync(() -> accounts.findById(id)).join();
    }
}
