package com.usdtagent.memory;

import com.usdtagent.application.push.DevicePlatform;
import com.usdtagent.application.push.Devices;
import com.usdtagent.domain.account.UserId;

import java.time.Instant;

/** Device tokens, as {@code JdbiDevices}: a token that changes hands, or goes, takes its pending pushes with it. */
final class MemoryDevices implements Devices {

    private final MemoryStore store;
    private final PushTables tables;

    MemoryDevices(MemoryStore store, PushTables tables) {
        this.store = store;
        this.tables = tables;
    }

    @Override
    public void register(UserId user, String token, DevicePlatform platform, Instant at) {
        store.atomically(() -> {
            if (tables.devices.lock(token).filter(device -> !device.user().equals(user)).isPresent()) {
                tables.dropPending(token);
            }
            tables.devices.put(token, new PushTables.Device(user, platform, at));
        });
    }

    @Override
    public void forget(UserId user, String token) {
        store.atomically(() -> {
            if (tables.devices.lock(token).filter(device -> device.user().equals(user)).isPresent()) {
                tables.devices.delete(token);
                tables.dropPending(token);
            }
        });
    }

    @Override
    public void prune(String token) {
        store.atomically(() -> {
            tables.devices.delete(token);
            tables.dropPending(token);
        });
    }
}
