package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;

import java.time.Clock;
import java.time.Instant;

public final class AcknowledgeReceiptService implements AcknowledgeReceipt {

    private final ChatRooms rooms;
    private final RealtimePublisher publisher;
    private final RoomUpdates updates;
    private final Transactions transactions;
    private final Clock clock;

    public AcknowledgeReceiptService(ChatRooms rooms, RoomList roomList, RealtimePublisher publisher,
                                     Transactions transactions, Clock clock) {
        this.rooms = rooms;
        this.publisher = publisher;
        this.updates = new RoomUpdates(roomList, publisher);
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Moved(ChatRoom room, ReadPointers before, ReadPointers after) {
    }

    @Override
    public void acknowledge(AuthenticatedUser member, RoomId roomId, long seq, DeliveryStatus status) {
        if (status == DeliveryStatus.SENT) {
            throw BusinessException.invalidField("status", "must be delivered or read");
        }
        Instant now = clock.instant();
        Moved moved = transactions.inTransaction(() -> {
            ChatRoom room = RoomAccess.memberRoom(rooms, roomId, member.id());
            // a receipt cannot run ahead of what the room holds
            long upTo = Math.min(seq, room.lastSeq());
            ReadPointers before = rooms.pointers(room.id(), member.id());
            return new Moved(room, before, rooms.advance(room.id(), member.id(), before.advance(status, upTo)));
        });
        var opponent = moved.room().opponentOf(member.id());
        if (moved.after().readSeq() > moved.before().readSeq()) {
            publisher.messageStatus(opponent, new StatusChange(roomId, member.id(), DeliveryStatus.READ,
                    moved.after().readSeq(), now));
            updates.reload(roomId, member.id());
        } else if (moved.after().deliveredSeq() > moved.before().deliveredSeq()) {
            publisher.messageStatus(opponent, new StatusChange(roomId, member.id(), DeliveryStatus.DELIVERED,
                    moved.after().deliveredSeq(), now));
        }
    }
}
