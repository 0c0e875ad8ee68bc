package com.usdtagent.persistence;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's FEES account on PostgreSQL, whose constraints allow an entry without a user only there and on
 * EXTERNAL; the rules of the chain's tables themselves are the contracts {@code DepositsContract},
 * {@code WithdrawalsContract} and {@code LeasesContract}.
 */
class FeesAccountTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static PostgresPersistence persistence;
    private static Jdbi sql;

    @BeforeAll
    static void open() {
        var target = TestDatabases.fresh();
        persistence = PostgresPersistence.open(target, new SimpleMeterRegistry());
        sql = TestDatabases.jdbi(target);
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    @Test
    void theFeesAccountTakesLedgerEntriesWithoutAUser() {
        UserId user = user();
        var ledger = persistence.ledger();
        ledger.record(Movement.deposit(user, usdt("50"), "fees-test-" + user), NOW);
        Withdrawal withdrawal = Withdrawal.request(user, "0x2222222222222222222222222222222222222222", usdt("10"),
                usdt("1"), usdt("1000"), NOW);
        persistence.chainStorage().withdrawals().add(withdrawal, UUID.randomUUID().toString());

        persistence.transactions().inTransaction(() -> {
            ledger.record(withdrawal.hold(), NOW);
            return ledger.record(withdrawal.payOut(), NOW);
        });

        assertThat(ledger.balanceOf(user).available()).isEqualTo(usdt("39"));
        BigDecimal fees = sql.withHandle(handle -> handle.createQuery(
                "SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE account = :account")
                .bind("account", LedgerAccount.Bucket.FEES.name()).mapTo(BigDecimal.class).one());
        assertThat(fees).isEqualByComparingTo(BigDecimal.ONE);
        BigDecimal total = sql.withHandle(handle -> handle.createQuery("SELECT coalesce(sum(amount), 0) FROM ledger_entry")
                .mapTo(BigDecimal.class).one());
        assertThat(total).isZero();
    }

    private static UserId user() {
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UserAccount account = Accounts.account(name, null, Role.USER);
        persistence.userAccounts().add(account);
        return account.id();
    }

    private static Usdt usdt(String value) {
        return new Usdt(new BigDecimal(value));
    }
}
