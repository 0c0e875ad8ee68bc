package com.usdtagent.application.contract;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link UserAccounts}: unique usernames without regard to case, unique phones, admins without one. */
public abstract class UserAccountsContract extends PortContract {

    private UserAccounts accounts;

    @BeforeEach
    void ports() {
        accounts = adapters.userAccounts();
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
    void findsTheAccountsOfManyIdsAtOnceLeavingOutUnknownOnes() {
        UserAccount ann = account("ann", "+14155550141", Role.USER);
        UserAccount ben = account("ben", "+14155550142", Role.AGENT);
        accounts.add(ann);
        accounts.add(ben);
        accounts.add(account("cid", "+14155550143", Role.USER));

        assertThat(accounts.findAllById(List.of(ann.id(), UserId.newId(), ben.id()))).containsExactlyInAnyOrder(ann, ben);
        assertThat(accounts.findAllById(List.of())).isEmpty();
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

    @Test
    void ofRegistrationsOfOneUsernameAtOnceExactlyOneIsStored() {
        List<UserAccount> racers = List.of(
                account("racer", "+14155550110", Role.USER), account("RACER", "+14155550111", Role.USER),
                account("Racer", "+14155550112", Role.USER), account("rAcEr", "+14155550113", Role.USER),
                account("racer", "+14155550114", Role.USER), account("RACER", "+14155550115", Role.USER));

        List<ErrorCode> outcomes = AtOnce.run(racers.size(), i -> () -> added(racers.get(i)));

        assertThat(outcomes).containsOnlyOnce((ErrorCode) null).containsOnly(null, ErrorCode.CONFLICT);
        UserAccount stored = racers.get(outcomes.indexOf(null));
        assertThat(accounts.findByUsername(new Username("racer"))).contains(stored);
        assertThat(racers).filteredOn(racer -> racer != stored)
                .allSatisfy(refused -> assertThat(accounts.findByPhone(refused.phone())).isEmpty());
    }

    @Test
    void aRegistrationWaitsForOneOfTheSameUsernameAndIsRefusedWhenThatCommits() {
        List<ErrorCode> outcomes = whileOpen(() -> added(account("queued", "+14155550120", Role.USER)),
                () -> added(account("QUEUED", "+14155550121", Role.USER)));

        assertThat(outcomes).containsExactly(null, ErrorCode.CONFLICT);
    }

    @Test
    void changesThePasswordHashAndBansAndUnbans() {
        UserAccount erin = account("erin", "+14155550130", Role.AGENT);
        accounts.add(erin);

        accounts.changePasswordHash(erin.id(), "new-hash");
        accounts.setBannedAt(erin.id(), NOW);

        UserAccount banned = accounts.findById(erin.id()).orElseThrow();
        assertThat(banned.passwordHash()).isEqualTo("new-hash");
        assertThat(banned.bannedAt()).isEqualTo(NOW);
        assertThat(banned.banned()).isTrue();
        accounts.setBannedAt(erin.id(), null);
        assertThat(accounts.findByUsername(new Username("erin")).orElseThrow().banned()).isFalse();
    }

    /** Adds the account, returning the refusal's code, or null when it was stored. */
    private ErrorCode added(UserAccount account) {
        try {
            accounts.add(account);
            return null;
        } catch (BusinessException refused) {
            return refused.code();
        }
    }
}
