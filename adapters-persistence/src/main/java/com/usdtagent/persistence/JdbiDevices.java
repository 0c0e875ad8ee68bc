package com.usdtagent.persistence;

import com.usdtagent.application.push.DevicePlatform;
import com.usdtagent.application.push.Devices;
import com.usdtagent.domain.account.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;

/**
 * Device tokens in {@code push_device}. A token that changes hands, or goes, takes its pending pushes with it:
 * a phone passed to another user must not show the previous owner's messages.
 */
final class JdbiDevices implements Devices {

    private static final String DROP_PENDING_IF_OWNER_CHANGES = """
            DELETE FROM push_outbox
            WHERE token = :token AND status = 'pending'
              AND EXISTS (SELECT 1 FROM push_device WHERE token = :token AND user_id <> :user)
            """;
    private static final String UPSERT = """
            INSERT INTO push_device (token, user_id, platform, registered_at) VALUES (:token, :user, :platform, :at)
            ON CONFLICT (token) DO UPDATE
            SET user_id = excluded.user_id, platform = excluded.platform, registered_at = excluded.registered_at
            """;
    private static final String DELETE_OWNED = "DELETE FROM push_device WHERE token = :token AND user_id = :user";
    private static final String DELETE = "DELETE FROM push_device WHERE token = :token";
    private static final String DROP_PENDING = "DELETE FROM push_outbox WHERE token = :token AND status = 'pending'";

    private final Jdbi jdbi;

    JdbiDevices(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void register(UserId user, String token, DevicePlatform platform, Instant at) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(DROP_PENDING_IF_OWNER_CHANGES).bind("token", token).bind("user", user.value()).execute();
            handle.createUpdate(UPSERT)
                    .bind("token", token)
                    .bind("user", user.value())
                    .bind("platform", platform.wireName())
                    .bind("at", Timestamps.utc(at))
                    .execute();
        });
    }

    @Override
    public void forget(UserId user, String token) {
        jdbi.useTransaction(handle -> {
            if (handle.createUpdate(DELETE_OWNED).bind("token", token).bind("user", user.value()).execute() > 0) {
                dropPending(handle, token);
            }
        });
    }

    @Override
    public void prune(String token) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate(DELETE).bind("token", token).execute();
            dropPending(handle, token);
        });
    }

    private static void dropPending(Handle handle, String token) {
        handle.createUpdate(DROP_PENDING).bind("token", token).execute();
    }
}
