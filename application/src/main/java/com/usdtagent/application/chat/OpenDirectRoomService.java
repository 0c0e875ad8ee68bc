package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;

public final class OpenDirectRoomService implements OpenDirectRoom {

    private final UserAccounts accounts;
    private final ChatRooms rooms;
    private final RoomList roomList;
    private final RoomUpdates updates;
    private final Transactions transactions;
    private final Clock clock;
    private final Blocks blocks;

    public OpenDirectRoomService(UserAccounts accounts, ChatRooms rooms, RoomList roomList, RealtimePublisher publisher,
                                 Transactions transactions, Clock clock, Blocks blocks) {
        this.accounts = accounts;
        this.rooms = rooms;
        this.roomList = roomList;
        this.updates = new RoomUpdates(roomList, publisher);
        this.transactions = transactions;
        this.clock = clock;
        this.blocks = blocks;
    }

    @Override
    public Opened open(AuthenticatedUser opener, UserId participant) {
        UserAccount me = accounts.findById(opener.id())
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The account no longer exists"));
        UserAccount other = accounts.findById(participant)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such participant"));
        ChatRoom.requirePairable(me.publicProfile(), other.publicProfile());
        blocks.refuseIfBlocked(me.id(), other.id());

        ChatRoom proposed = ChatRoom.open(me.publicProfile(), other.publicProfile(), clock.instant());
        ChatRoom stored = transactions.inTransaction(() -> rooms.findByPair(me.id(), other.id())
                .orElseGet(() -> rooms.addOrGetExisting(proposed)));
        boolean created = stored.id().equals(proposed.id());
        if (created) {
            updates.reload(stored.id(), me.id(), other.id());
        }
        RoomSummary summary = roomList.summaryFor(stored.id(), me.id()).orElseThrow();
        return new Opened(summary, created);
    }
}
