package com.usdtagent.memory;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.domain.account.PhoneNumber;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Accounts by id, with the unique indexes of {@code user_account}: the username in any case, and the phone. */
final class MemoryUserAccounts implements UserAccounts {

    private final MemoryStore store;
    private final Table<UserId, UserAccount> accounts;
    private final Table<String, UserId> byUsername;
    private final Table<PhoneNumber, UserId> byPhone;

    MemoryUserAccounts(MemoryStore store) {
        this.store = store;
        this.accounts = new Table<>(store);
        this.byUsername = new Table<>(store);
        this.byPhone = new Table<>(store);
    }

    @Override
    public void add(UserAccount account) {
        store.atomically(() -> {
            boolean usernameTaken = byUsername.lock(account.username().canonical()).isPresent();
            boolean phoneTaken = account.phone() != null && byPhone.lock(account.phone()).isPresent();
            if (usernameTaken || phoneTaken) {
                throw new BusinessException(ErrorCode.CONFLICT, "The username or phone number is already taken");
            }
            accounts.insert(account.id(), account);
            byUsername.put(account.username().canonical(), account.id());
            if (account.phone() != null) {
                byPhone.put(account.phone(), account.id());
            }
        });
    }

    @Override
    public Optional<UserAccount> findById(UserId id) {
        return accounts.find(id);
    }

    @Override
    public List<UserAccount> findAllById(Collection<UserId> ids) {
        Set<UserId> wanted = Set.copyOf(ids);
        return accounts.values(account -> wanted.contains(account.id()));
    }

    @Override
    public Optional<UserAccount> findByUsername(Username username) {
        return store.read(() -> byUsername.find(username.canonical()).flatMap(accounts::find));
    }

    @Override
    public Optional<UserAccount> findByPhone(PhoneNumber phone) {
        return store.read(() -> byPhone.find(phone).flatMap(accounts::find));
    }

    @Override
    public void changePasswordHash(UserId id, String passwordHash) {
        change(id, account -> new UserAccount(account.id(), account.username(), account.phone(), passwordHash,
                account.role(), account.createdAt(), account.bannedAt()));
    }

    @Override
    public void setBannedAt(UserId id, Instant bannedAt) {
        change(id, account -> new UserAccount(account.id(), account.username(), account.phone(),
                account.passwordHash(), account.role(), account.createdAt(), bannedAt));
    }

    private void change(UserId id, UnaryOperator<UserAccount> change) {
        store.atomically(() -> accounts.lock(id).ifPresent(account -> accounts.put(id, change.apply(account))));
    }
}
