package com.usdtagent.application.account;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;
import java.util.List;

public final class BlockUsersService implements BlockUsers {

    private final Blocks blocks;
    private final UserAccounts accounts;
    private final Clock clock;

    public BlockUsersService(Blocks blocks, UserAccounts accounts, Clock clock) {
        this.blocks = blocks;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void block(AuthenticatedUser caller, UserId user) {
        if (user.equals(caller.id())) {
            throw BusinessException.invalidField("userId", "must be someone else");
        }
        if (accounts.findById(user).isEmpty()) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such user");
        }
        blocks.add(caller.id(), user, clock.instant());
    }

    @Override
    public void unblock(AuthenticatedUser caller, UserId user) {
        blocks.remove(caller.id(), user);
    }

    @Override
    public List<BlockedUser> list(AuthenticatedUser caller) {
        return blocks.of(caller.id()).stream()
                .flatMap(block -> accounts.findById(block.blocked()).stream()
                        .map(account -> new BlockedUser(UserJson.of(account.publicProfile()), block.at())))
                .toList();
    }
}
