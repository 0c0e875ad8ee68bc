package com.usdtagent.memory;

import com.usdtagent.application.chain.DepositAddress;
import com.usdtagent.application.chain.DepositAddresses;
import com.usdtagent.domain.account.UserId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Deposit addresses, as {@code JdbiDepositAddresses}: one per user, and an index or an address taken once (unique
 * keys); the indexes come from a counter that, as a sequence, never hands one out twice, commit or not.
 */
final class MemoryDepositAddresses implements DepositAddresses {

    private final MemoryStore store;
    private final AtomicInteger indexes = new AtomicInteger();
    private final Table<UserId, DepositAddress> byUser;
    private final Table<Integer, UserId> byIndex;
    private final Table<String, UserId> byAddress;

    MemoryDepositAddresses(MemoryStore store) {
        this.store = store;
        this.byUser = new Table<>(store);
        this.byIndex = new Table<>(store);
        this.byAddress = new Table<>(store);
    }

    @Override
    public Optional<DepositAddress> ofUser(UserId user) {
        return byUser.find(user);
    }

    @Override
    public int nextIndex() {
        return indexes.getAndIncrement();
    }

    @Override
    public DepositAddress addIfAbsent(DepositAddress address) {
        // ON CONFLICT (user_id) DO NOTHING: an index or address of another user is still a violation
        return store.atomically(() -> byUser.lock(address.user()).orElseGet(() -> {
            byIndex.insert(address.index(), address.user());
            byAddress.insert(address.address(), address.user());
            byUser.put(address.user(), address);
            return address;
        }));
    }

    @Override
    public Map<String, UserId> owners() {
        return byAddress.rows(owner -> true).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
