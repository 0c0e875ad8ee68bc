package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

public final class OpenChatHistoryService implements OpenChatHistory {

    private final ChatRooms rooms;
    private final Messages messages;
    private final Presence presence;
    private final RealtimePublisher publisher;
    private final RoomUpdates updates;
    private final Transactions transactions;
    private final Clock clock;

    public OpenChatHistoryService(ChatRooms rooms, RoomList roomList, Messages messages, Presence presence,
                                  RealtimePublisher publisher, Transactions transactions, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.presence = presence;
        this.publisher = publisher;
        this.updates = new RoomUpdates(roomList, publisher);
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Opened(ChatRoom room, ReadPointers before, ReadPointers mine, ReadPointers theirs) {
    }

    @Override
    public HistoryPage open(AuthenticatedUser member, SocketId socket, Query query) {
        Instant now = clock.instant();
        Opened opened = transactions.inTransaction(() -> {
            ChatRoom room = RoomAccess.memberRoom(rooms, query.roomId(), member.id());
            presence.startViewing(socket, room.id());
            ReadPointers before = rooms.pointers(room.id(), member.id());
            ReadPointers mine = rooms.advance(room.id(), member.id(), before.read(room.lastSeq()));
            return new Opened(room, before, mine, rooms.pointers(room.id(), room.opponentOf(member.id())));
        });
        ChatRoom room = opened.room();
        if (opened.mine().readSeq() > opened.before().readSeq()) {
            publisher.messageStatus(room.opponentOf(member.id()), new StatusChange(
                    room.id(), member.id(), DeliveryStatus.READ, opened.mine().readSeq(), now));
            updates.reload(room.id(), member.id()); // the member's other devices clear their unread badge
        }

        // one extra row tells whether the page is the last one in that direction
        List<Message> found = query.after() != null
                ? messages.after(room.id(), query.after(), query.limit() + 1)
                : messages.before(room.id(), query.before() != null ? query.before() : Long.MAX_VALUE, query.limit() + 1);
        boolean hasMore = found.size() > query.limit();
        List<Message> page = !hasMore ? found
                : query.after() != null ? found.subList(0, query.limit()) : found.subList(1, found.size());
        List<MessageView> views = page.stream().map(message -> new MessageView(message,
                (message.senderId().equals(member.id()) ? opened.theirs() : opened.mine()).statusOf(message.seq())))
                .toList();
        return new HistoryPage(room.id(), views, hasMore);
    }
}
