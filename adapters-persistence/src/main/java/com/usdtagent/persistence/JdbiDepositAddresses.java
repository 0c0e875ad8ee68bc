package com.usdtagent.persistence;

import com.usdtagent.application.chain.DepositAddress;
import com.usdtagent.application.chain.DepositAddresses;
import com.usdtagent.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Deposit addresses in {@code deposit_address}, their child indexes from the sequence {@code deposit_address_index}. */
final class JdbiDepositAddresses implements DepositAddresses {

    private static final String SELECT = "SELECT user_id, child_index, address FROM deposit_address ";
    private static final String INSERT = """
            INSERT INTO deposit_address (user_id, child_index, address) VALUES (:user, :index, :address)
            ON CONFLICT (user_id) DO NOTHING
            """;

    private final Jdbi jdbi;

    JdbiDepositAddresses(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<DepositAddress> ofUser(UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE user_id = :user")
                .bind("user", user.value())
                .map((row, context) -> new DepositAddress(new UserId(row.getObject("user_id", UUID.class)),
                        row.getInt("child_index"), row.getString("address")))
                .findOne());
    }

    @Override
    public int nextIndex() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT nextval('deposit_address_index')")
                .mapTo(Integer.class).one());
    }

    @Override
    public DepositAddress addIfAbsent(DepositAddress address) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("user", address.user().value())
                .bind("index", address.index())
                .bind("address", address.address())
                .execute());
        return ofUser(address.user()).orElseThrow();
    }

    @Override
    public Map<String, UserId> owners() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT address, user_id FROM deposit_address")
                .map((row, context) -> Map.entry(row.getString("address"), new UserId(row.getObject("user_id", UUID.class))))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
