package com.usdtagent.persistence;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.usdtagent.persistence.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbiUserAccountsTest {

    private static PostgresPersistence persistence;
    private static UserAccounts accounts;

    @BeforeAll
    static void openDatabase() {
        persistence = PostgresPersistence.open(TestDatabases.fresh(), new SimpleMeterRegistry());
        accounts = persistence.userAccounts();
    }

    @AfterAll
    static void closeDatabase() {
        persistence.close();
    }

    @Test
    void findsAnAddedAccountByIdUsernameInAnyCaseAndPhone() {
        UserAccount alice = account("Alice.Trader", "+14155550101", Role.AGENT);
        accounts.add(alice);

        assertThat(accounts.findById(alice.id())).contains(alice);
        assertThat(accounts.findByUsername(new Username("Alice.Trader"))).contains(alice);
        assertThat(accounts.findByUsername(new Username("alice.trader"))).contains(alice);
        assertThat(accounts.findByUsername(new Username("ALICE.TRADER"))).contains(alice);
        assertThat(accounts.findByPhone(new PhoneNumber("+14155550101"))).contains(alice);
    }

    @Test
    void findsNothingForUnknownKeys() {
        assertThat(accounts.findById(UserId.newId())).isEmpty();
        assertThat(accounts.findByUsername(new Username("nobody"))).isEmpty();
        assertThat(accounts.findByPhone(new PhoneNumber("+14155550199"))).isEmpty();
    }

    @Test
    void refusesAUsernameTakenInAnotherCase() {
        accounts.add(account("bob", "+14155550102", Role.USER));

        assertThatThrownBy(() -> accounts.add(account("BOB", "+14155550103", Role.USER)))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("The username or phone number is already taken");
                });
        assertThat(accounts.findByPhone(new PhoneNumber("+14155550103"))).isEmpty();
    }

    @Test
    void refusesATakenPhone() {
        accounts.add(account("carol", "+14155550104", Role.USER));

        assertThatThrownBy(() -> accounts.add(account("dave", "+14155550104", Role.AGENT)))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(accounts.findByUsername(new Username("dave"))).isEmpty();
    }

    @Test
    void storesAdminsWithoutPhone() {
        UserAccount admin = account("admin", null, Role.ADMIN);
        UserAccount secondAdmin = account("admin2", null, Role.ADMIN);

        accounts.add(admin);
        accounts.add(secondAdmin);

        assertThat(accounts.findById(admin.id())).contains(admin);
        assertThat(accounts.findByUsername(new Username("ADMIN2"))).contains(secondAdmin);
    }
}
