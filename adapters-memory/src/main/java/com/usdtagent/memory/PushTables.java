package com.usdtagent.memory;

import com.usdtagent.application.push.DevicePlatform;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.domain.account.UserId;

import java.time.Instant;
import java.util.Map;

/** The rows {@link MemoryDevices} and {@link MemoryPushQueue} share: {@code push_device} and {@code push_outbox}. */
final class PushTables {

    record Device(UserId user, DevicePlatform platform, Instant registeredAt) {
    }

    /**
     * One push for one device. A claimed row has {@code nextAttemptAt} moved to the end of its lease; its
     * {@code attempts} doubles as the claim's ticket.
     */
    record Row(long id, String token, PushMessage message, boolean failed, int attempts, Instant nextAttemptAt,
               String lastError) {

        boolean isDue(Instant now) {
            return !failed && !nextAttemptAt.isAfter(now);
        }

        boolean isClaim(int attempt) {
            return !failed && attempts == attempt;
        }
    }

    final Table<String, Device> devices;
    final Table<Long, Row> outbox;

    PushTables(MemoryStore store) {
        this.devices = new Table<>(store);
        this.outbox = new Table<>(store);
    }

    /** A phone passed to another user, or gone, must not show what was queued for it. */
    void dropPending(String token) {
        outbox.rows(row -> !row.failed() && row.token().equals(token)).stream()
                .map(Map.Entry::getKey)
                .forEach(outbox::delete);
    }
}
