package com.usdtagent.persistence;

import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.ChatRooms.PendingDelivery;
import com.usdtagent.application.chat.LockedRoom;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static com.usdtagent.persistence.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbiChatRoomsTest {

    private static ChatFixture chat;
    private static ChatRooms rooms;

    @BeforeAll
    static void openDatabase() {
        chat = new ChatFixture();
        rooms = chat.rooms;
    }

    @AfterAll
    static void closeDatabase() {
        chat.close();
    }

    @Test
    void concurrentOpeningsOfOnePairMakeOneRoom() {
        UserId ann = chat.user();
        UserId bob = chat.user();

        List<ChatRoom> stored = AtOnce.run(10, i -> () -> i % 2 == 0 ? chat.room(ann, bob) : chat.room(bob, ann));

        assertThat(stored).extracting(ChatRoom::id).containsOnly(stored.getFirst().id());
        assertThat(rooms.findByPair(ann, bob)).contains(stored.getFirst());
        assertThat(rooms.findByPair(bob, ann)).contains(stored.getFirst());
        assertThat(rooms.pointers(stored.getFirst().id(), ann)).isEqualTo(ReadPointers.NOTHING);
        assertThat(rooms.pointers(stored.getFirst().id(), bob)).isEqualTo(ReadPointers.NOTHING);
        assertThat(chat.roomList.contactsOf(ann)).containsExactly(bob);
    }

    @Test
    void findsARoomByIdAndNotAPairWithoutOne() {
        ChatRoom room = chat.room(chat.user(), chat.user());

        assertThat(rooms.findById(room.id())).contains(room);
        assertThat(rooms.findById(RoomId.newId())).isEmpty();
        assertThat(rooms.findByPair(room.firstMember(), chat.user())).isEmpty();
    }

    @Test
    void concurrentAppendsNumberTheMessagesWithoutGapsOrRepeats() {
        UserId ann = chat.user();
        UserId bob = chat.user();
        RoomId room = chat.room(ann, bob).id();

        AtOnce.run(2, i -> () -> {
            UserId sender = i == 0 ? ann : bob;
            for (int n = 0; n < 50; n++) {
                chat.send(room, sender, "message " + n);
            }
            return null;
        });

        assertThat(chat.messages.after(room, 0, 200)).extracting(Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(rooms.findById(room).orElseThrow().lastSeq()).isEqualTo(100);
    }

    @Test
    void theLockForAnAppendReadsBothMembersSides() {
        UserId me = chat.user();
        UserId ann = chat.user("ann" + UUID.randomUUID().toString().substring(0, 6), Role.AGENT);
        RoomId room = chat.room(me, ann).id();
        chat.send(room, me, "one");
        chat.send(room, me, "two");
        rooms.advance(room, ann, new ReadPointers(2, 1));
        Presence presence = chat.persistence.presence(UUID.randomUUID());
        SocketId socket = new SocketId(UUID.randomUUID());
        presence.socketOpened(ann, socket, NOW);
        presence.startViewing(socket, room);

        LockedRoom locked = chat.transactions.inTransaction(() -> rooms.lockForAppend(List.of(room)).get(room));

        assertThat(locked.room().lastSeq()).isEqualTo(2);
        LockedRoom.Side mine = locked.sideOf(me);
        assertThat(mine.member().online()).isFalse();
        assertThat(mine.viewing()).isFalse();
        assertThat(mine.pointers()).isEqualTo(ReadPointers.NOTHING);
        LockedRoom.Side hers = locked.sideOf(ann);
        assertThat(hers.member().username().value()).startsWith("ann");
        assertThat(hers.member().role()).isEqualTo(Role.AGENT);
        assertThat(hers.member().online()).isTrue();
        assertThat(hers.viewing()).isTrue();
        assertThat(hers.pointers()).isEqualTo(new ReadPointers(2, 1));
        assertThat(chat.transactions.inTransaction(() -> rooms.lockForAppend(List.of(RoomId.newId())))).isEmpty();
    }

    @Test
    void anAppendMakesTheMessageTheRoomsNewestAndMovesPointersOnlyForward() {
        UserId me = chat.user();
        UserId ann = chat.user();
        RoomId room = chat.room(me, ann).id();
        rooms.advance(room, me, new ReadPointers(3, 3)); // ahead of what the append below asks for
        Instant later = NOW.plus(Duration.ofMinutes(1));
        Message message = new Message(MessageId.newId(), room, 1, me, MessageType.TEXT, "hi", "c-1", Map.of(), later);

        var stored = chat.transactions.inTransaction(() -> rooms.append(List.of(message),
                Map.of(room, Map.of(me, new ReadPointers(1, 1), ann, new ReadPointers(1, 0))))).get(room);

        assertThat(stored).isEqualTo(Map.of(me, new ReadPointers(3, 3), ann, new ReadPointers(1, 0)));
        assertThat(chat.messages.after(room, 0, 10)).containsExactly(message);
        assertThat(rooms.findById(room).orElseThrow().lastSeq()).isEqualTo(1);
        RoomSummary hers = chat.roomList.summaryFor(room, ann).orElseThrow();
        assertThat(hers.updatedAt()).isEqualTo(later);
        assertThat(hers.unreadCount()).isEqualTo(1);
        assertThat(hers.lastMessage().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void oneAppendStoresABatchOfMessagesAcrossRooms() {
        UserId me = chat.user();
        UserId ann = chat.user();
        UserId bob = chat.user();
        RoomId withAnn = chat.room(me, ann).id();
        RoomId withBob = chat.room(me, bob).id();
        chat.send(withBob, bob, "earlier");
        Instant later = NOW.plus(Duration.ofMinutes(1));
        var toAnn1 = new Message(MessageId.newId(), withAnn, 1, me, MessageType.TEXT, "one", "b-1", Map.of(), NOW);
        var toAnn2 = new Message(MessageId.newId(), withAnn, 2, ann, MessageType.TEXT, "two", "b-2", Map.of(), later);
        var toBob = new Message(MessageId.newId(), withBob, 2, me, MessageType.TEXT, "three", "b-3", Map.of(), NOW);

        var stored = chat.transactions.inTransaction(() -> {
            assertThat(rooms.lockForAppend(List.of(withAnn, withBob, RoomId.newId()))).containsOnlyKeys(withAnn, withBob);
            return rooms.append(List.of(toAnn1, toAnn2, toBob), Map.of(
                    withAnn, Map.of(me, new ReadPointers(2, 2), ann, new ReadPointers(2, 2)),
                    withBob, Map.of(me, new ReadPointers(2, 2), bob, new ReadPointers(1, 1))));
        });

        assertThat(stored).isEqualTo(Map.of(
                withAnn, Map.of(me, new ReadPointers(2, 2), ann, new ReadPointers(2, 2)),
                withBob, Map.of(me, new ReadPointers(2, 2), bob, new ReadPointers(1, 1))));
        assertThat(chat.messages.after(withAnn, 0, 10)).containsExactly(toAnn1, toAnn2);
        assertThat(chat.messages.after(withBob, 1, 10)).containsExactly(toBob);
        assertThat(rooms.findById(withAnn).orElseThrow().lastSeq()).isEqualTo(2);
        assertThat(rooms.findById(withBob).orElseThrow().lastSeq()).isEqualTo(2);
        RoomSummary mine = chat.roomList.summaryFor(withAnn, me).orElseThrow();
        assertThat(mine.lastMessage().message()).isEqualTo(toAnn2);
        assertThat(mine.updatedAt()).isEqualTo(later);
    }

    @Test
    void pointersOnlyMoveForward() {
        UserId ann = chat.user();
        RoomId room = chat.room(ann, chat.user()).id();

        assertThat(rooms.advance(room, ann, new ReadPointers(5, 3))).isEqualTo(new ReadPointers(5, 3));
        assertThat(rooms.advance(room, ann, new ReadPointers(2, 2))).isEqualTo(new ReadPointers(5, 3));
        assertThat(rooms.advance(room, ann, new ReadPointers(4, 4))).isEqualTo(new ReadPointers(5, 4));
        assertThat(rooms.pointers(room, ann)).isEqualTo(new ReadPointers(5, 4));
    }

    @Test
    void aStrangerHasNoPointers() {
        RoomId room = chat.room(chat.user(), chat.user()).id();
        UserId stranger = chat.user();

        assertThatThrownBy(() -> rooms.pointers(room, stranger)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rooms.advance(room, stranger, new ReadPointers(1, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deliverAllMovesOnlyTheRoomsThatHoldMore() {
        UserId me = chat.user();
        UserId ann = chat.user();
        UserId bob = chat.user();
        RoomId withAnn = chat.room(me, ann).id();
        RoomId withBob = chat.room(bob, me).id();
        chat.room(me, chat.user());
        chat.send(withAnn, ann, "one");
        chat.send(withAnn, ann, "two");
        chat.send(withBob, bob, "hi");
        rooms.advance(withBob, me, new ReadPointers(1, 0));

        assertThat(rooms.deliverAll(me)).containsExactly(new PendingDelivery(withAnn, ann, 2));
        assertThat(rooms.pointers(withAnn, me)).isEqualTo(new ReadPointers(2, 0));
        assertThat(rooms.deliverAll(me)).isEmpty();
    }
}
