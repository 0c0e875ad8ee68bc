package com.usdtagent.application.contract;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ChatRooms}: one room per pair, however many open it at once; appends to a room take turns on its lock, so
 * its messages are numbered 1, 2, 3... without gaps; locks are taken in one order, so that batches and deliveries
 * never deadlock; a receipt does not wait for a batch; pointers only move forward.
 */
public abstract class ChatRoomsContract extends ChatContract {

    private ChatRooms rooms;

    @BeforeEach
    void ports() {
        rooms = adapters.chatRooms();
    }

    @Test
    void concurrentOpeningsOfOnePairMakeOneRoom() {
        UserId ann = user();
        UserId bob = user();

        List<ChatRoom> stored = AtOnce.run(10, i -> () -> i % 2 == 0 ? openRoom(ann, bob, NOW) : openRoom(bob, ann, NOW));

        assertThat(stored).extracting(ChatRoom::id).containsOnly(stored.getFirst().id());
        assertThat(rooms.findByPair(ann, bob)).contains(stored.getFirst());
        assertThat(rooms.findByPair(bob, ann)).contains(stored.getFirst());
        assertThat(rooms.pointers(stored.getFirst().id(), ann)).isEqualTo(ReadPointers.NOTHING);
        assertThat(rooms.pointers(stored.getFirst().id(), bob)).isEqualTo(ReadPointers.NOTHING);
        assertThat(adapters.roomList().contactsOf(ann)).containsExactly(bob);
    }

    @Test
    void findsARoomByIdAndNotAPairWithoutOne() {
        ChatRoom room = openRoom(user(), user(), NOW);

        assertThat(rooms.findById(room.id())).contains(room);
        assertThat(rooms.findById(RoomId.newId())).isEmpty();
        assertThat(rooms.findByPair(room.firstMember(), user())).isEmpty();
    }

    @Test
    void concurrentAppendsNumberTheMessagesWithoutGapsOrRepeats() {
        UserId ann = user();
        UserId bob = user();
        RoomId room = room(ann, bob);

        AtOnce.run(2, i -> () -> {
            UserId sender = i == 0 ? ann : bob;
            for (int n = 0; n < 50; n++) {
                send(room, sender, "message " + n);
            }
            return null;
        });

        assertThat(seqs(adapters.messages().after(room, 0, 200)))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(rooms.findById(room).orElseThrow().lastSeq()).isEqualTo(100);
    }

    @Test
    void anAppendWaitsForTheRoomAnOpenAppendHoldsAndTakesTheNextSeq() {
        UserId ann = user();
        UserId bob = user();
        RoomId room = room(ann, bob);

        List<Message> sent = whileOpen(() -> send(room, ann, "first"), () -> send(room, bob, "second"));

        assertThat(seqs(sent)).containsExactly(1L, 2L);
        assertThat(adapters.messages().after(room, 0, 10)).containsExactlyElementsOf(sent);
    }

    @Test
    void batchesThatLockTheSameRoomsInOppositeOrdersTakeTurns() {
        UserId me = user();
        List<RoomId> mine = Stream.generate(() -> room(me, user())).limit(3).toList();

        AtOnce.run(4, i -> () -> {
            for (int n = 0; n < 10; n++) {
                sendToEach(i % 2 == 0 ? mine : mine.reversed(), me);
            }
            return null;
        });

        for (RoomId room : mine) {
            assertThat(seqs(adapters.messages().after(room, 0, 100)))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        }
    }

    @Test
    void theLockForAnAppendReadsBothMembersSides() {
        UserId me = user();
        UserId ann = user("ann" + UUID.randomUUID().toString().substring(0, 6), Role.AGENT);
        RoomId room = room(me, ann);
        send(room, me, "one");
        send(room, me, "two");
        rooms.advance(room, ann, new ReadPointers(2, 1));
        Presence presence = adapters.presence(UUID.randomUUID());
        SocketId socket = new SocketId(UUID.randomUUID());
        presence.socketOpened(ann, socket, NOW);
        presence.startViewing(socket, room);

        LockedRoom locked = adapters.transactions().inTransaction(() -> rooms.lockForAppend(List.of(room)).get(room));

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
        assertThat(adapters.transactions().inTransaction(() -> rooms.lockForAppend(List.of(RoomId.newId())))).isEmpty();
    }

    @Test
    void anAppendMakesTheMessageTheRoomsNewestAndMovesPointersOnlyForward() {
        UserId me = user();
        UserId ann = user();
        RoomId room = room(me, ann);
        rooms.advance(room, me, new ReadPointers(3, 3)); // ahead of what the append below asks for
        Instant later = NOW.plus(Duration.ofMinutes(1));
        Message message = new Message(MessageId.newId(), room, 1, me, MessageType.TEXT, "hi", "c-1", Map.of(), later);

        var stored = adapters.transactions().inTransaction(() -> rooms.append(List.of(message),
                Map.of(room, Map.of(me, new ReadPointers(1, 1), ann, new ReadPointers(1, 0))))).get(room);

        assertThat(stored).isEqualTo(Map.of(me, new ReadPointers(3, 3), ann, new ReadPointers(1, 0)));
        assertThat(adapters.messages().after(room, 0, 10)).containsExactly(message);
        assertThat(rooms.findById(room).orElseThrow().lastSeq()).isEqualTo(1);
        RoomSummary hers = adapters.roomList().summaryFor(room, ann).orElseThrow();
        assertThat(hers.updatedAt()).isEqualTo(later);
        assertThat(hers.unreadCount()).isEqualTo(1);
        assertThat(hers.lastMessage().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void oneAppendStoresABatchOfMessagesAcrossRooms() {
        UserId me = user();
        UserId ann = user();
        UserId bob = user();
        RoomId withAnn = room(me, ann);
        RoomId withBob = room(me, bob);
        send(withBob, bob, "earlier");
        Instant later = NOW.plus(Duration.ofMinutes(1));
        var toAnn1 = new Message(MessageId.newId(), withAnn, 1, me, MessageType.TEXT, "one", "b-1", Map.of(), NOW);
        var toAnn2 = new Message(MessageId.newId(), withAnn, 2, ann, MessageType.TEXT, "two", "b-2", Map.of(), later);
        var toBob = new Message(MessageId.newId(), withBob, 2, me, MessageType.TEXT, "three", "b-3", Map.of(), NOW);

        var stored = adapters.transactions().inTransaction(() -> {
            assertThat(rooms.lockForAppend(List.of(withAnn, withBob, RoomId.newId()))).containsOnlyKeys(withAnn, withBob);
            return rooms.append(List.of(toAnn1, toAnn2, toBob), Map.of(
                    withAnn, Map.of(me, new ReadPointers(2, 2), ann, new ReadPointers(2, 2)),
                    withBob, Map.of(me, new ReadPointers(2, 2), bob, new ReadPointers(1, 1))));
        });

        assertThat(stored).isEqualTo(Map.of(
                withAnn, Map.of(me, new ReadPointers(2, 2), ann, new ReadPointers(2, 2)),
                withBob, Map.of(me, new ReadPointers(2, 2), bob, new ReadPointers(1, 1))));
        assertThat(adapters.messages().after(withAnn, 0, 10)).containsExactly(toAnn1, toAnn2);
        assertThat(adapters.messages().after(withBob, 1, 10)).containsExactly(toBob);
        assertThat(rooms.findById(withAnn).orElseThrow().lastSeq()).isEqualTo(2);
        assertThat(rooms.findById(withBob).orElseThrow().lastSeq()).isEqualTo(2);
        RoomSummary mine = adapters.roomList().summaryFor(withAnn, me).orElseThrow();
        assertThat(mine.lastMessage().message()).isEqualTo(toAnn2);
        assertThat(mine.updatedAt()).isEqualTo(later);
    }

    @Test
    void pointersOnlyMoveForward() {
        UserId ann = user();
        RoomId room = room(ann, user());

        assertThat(rooms.advance(room, ann, new ReadPointers(5, 3))).isEqualTo(new ReadPointers(5, 3));
        assertThat(rooms.advance(room, ann, new ReadPointers(2, 2))).isEqualTo(new ReadPointers(5, 3));
        assertThat(rooms.advance(room, ann, new ReadPointers(4, 4))).isEqualTo(new ReadPointers(5, 4));
        assertThat(rooms.pointers(room, ann)).isEqualTo(new ReadPointers(5, 4));
    }

    @Test
    void aReceiptDoesNotWaitForABatchThatHoldsTheRoomAndTheBatchKeepsIt() {
        UserId me = user();
        UserId ann = user();
        RoomId room = room(me, ann);
        send(room, me, "one");
        Message two = new Message(MessageId.newId(), room, 2, me, MessageType.TEXT, "two", "c-2", Map.of(), NOW);

        // ann reads the first message while a batch holds the room; the batch then stores what it read before that
        List<Map<UserId, ReadPointers>> outcomes = interleaved(
                () -> rooms.lockForAppend(List.of(room)),
                () -> Map.of(ann, rooms.advance(room, ann, new ReadPointers(1, 1))),
                () -> rooms.append(List.of(two), Map.of(room, Map.of(me, new ReadPointers(2, 2),
                        ann, new ReadPointers(1, 0)))).get(room));

        assertThat(outcomes.get(1)).containsEntry(ann, new ReadPointers(1, 1));
        assertThat(outcomes.get(0)).containsEntry(ann, new ReadPointers(1, 1));
        assertThat(rooms.pointers(room, ann)).isEqualTo(new ReadPointers(1, 1));
    }

    @Test
    void aStrangerHasNoPointers() {
        RoomId room = room(user(), user());
        UserId stranger = user();

        assertThatThrownBy(() -> rooms.pointers(room, stranger)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rooms.advance(room, stranger, new ReadPointers(1, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deliverAllMovesOnlyTheRoomsThatHoldMore() {
        UserId me = user();
        UserId ann = user();
        UserId bob = user();
        RoomId withAnn = room(me, ann);
        RoomId withBob = room(bob, me);
        room(me, user());
        send(withAnn, ann, "one");
        send(withAnn, ann, "two");
        send(withBob, bob, "hi");
        rooms.advance(withBob, me, new ReadPointers(1, 0));

        assertThat(rooms.deliverAll(me)).containsExactly(new PendingDelivery(withAnn, ann, 2));
        assertThat(rooms.pointers(withAnn, me)).isEqualTo(new ReadPointers(2, 0));
        assertThat(rooms.deliverAll(me)).isEmpty();
    }

    @Test
    void deliverAllWaitsForABatchThatHoldsTheMembersRoomsWithoutADeadlock() {
        UserId me = user();
        // in the order the locks go: the batch locks the first, deliverAll comes, then the batch locks the second
        List<ChatRoom> mine = Stream.of(openRoom(me, user(), NOW), openRoom(me, user(), NOW))
                .sorted(Comparator.comparing(room -> room.id().value(), ChatContract::compareAsPostgres)).toList();
        List<RoomId> ids = mine.stream().map(ChatRoom::id).toList();
        mine.forEach(room -> send(room.id(), room.opponentOf(me), "for me"));

        List<List<?>> outcomes = interleaved(
                () -> rooms.lockForAppend(List.of(ids.getFirst())),
                () -> rooms.deliverAll(me),
                () -> sendToEach(ids, me));

        // delivered what the rooms held when deliverAll began, as PostgreSQL's statement sees the rooms; what the
        // batch appended meanwhile waits for the member's receipt
        assertThat(outcomes.get(1).stream().map(PendingDelivery.class::cast)).containsExactlyInAnyOrderElementsOf(
                mine.stream().map(room -> new PendingDelivery(room.id(), room.opponentOf(me), 1)).toList());
        assertThat(ids).allSatisfy(room -> assertThat(rooms.pointers(room, me)).isEqualTo(new ReadPointers(1, 0)));
    }
}
