package com.usdtagent.usecases.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.OpenChatHistory;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.chat.StatusChange;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.usecases.InMemoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.usdtagent.usecases.Signals.refusal;
import static com.usdtagent.usecases.Signals.sentTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Sending a message: stored once, ticks that follow the recipient, unread counts, each member's room-list line. */
class SendingMessagesTest {

    private final InMemoryNode node = new InMemoryNode();
    private final AuthenticatedUser ann = node.account("ann", Role.USER);
    private final AuthenticatedUser bob = node.account("bob", Role.AGENT);
    private final RoomId room = node.room(ann, bob);

    @AfterEach
    void stop() {
        node.close();
    }

    private MessageView send(AuthenticatedUser sender, RoomId to, String clientMessageId, String text) {
        return node.sendMessage.send(sender, new SendMessage.Command(to, clientMessageId, text));
    }

    private List<StatusChange> ticksTo(AuthenticatedUser user) {
        return sentTo(node.memory, user.id(), "messageStatus", StatusChange.class);
    }

    private List<RoomSummary> linesTo(AuthenticatedUser user) {
        return sentTo(node.memory, user.id(), "roomUpdated", RoomSummary.class);
    }

    private RoomSummary lineOf(AuthenticatedUser viewer) {
        return node.listChatRooms.list(viewer, null, 1, 20).rooms().stream()
                .filter(line -> line.roomId().equals(room)).findFirst().orElseThrow();
    }

    @Test
    void aResendIsAnsweredWithTheStoredMessageAndChangesNothing() {
        // given
        node.connect(bob);
        node.phone(bob);
        MessageView first = send(ann, room, "ann-1", "hello");
        node.memory.clearSent();

        // when
        MessageView again = send(ann, room, "ann-1", "hello");

        // then
        assertThat(again.message()).isEqualTo(first.message());
        assertThat(node.memory.messages().after(room, 0, 10)).containsExactly(first.message());
        assertThat(node.memory.sent()).isEmpty();
        assertThat(node.pushesTo(bob)).hasSize(1);
        assertThat(lineOf(bob).unreadCount()).isEqualTo(1);
    }

    @Test
    void aClientMessageIdReusedInAnotherRoomIsRefusedAndStoresNothing() {
        // given
        AuthenticatedUser cid = node.account("cid", Role.AGENT);
        RoomId withCid = node.room(ann, cid);
        send(ann, room, "ann-1", "hello bob");
        node.memory.clearSent();

        // when
        ErrorCode refused = refusal(() -> send(ann, withCid, "ann-1", "hello cid"));

        // then
        assertThat(refused).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(node.memory.messages().after(withCid, 0, 10)).isEmpty();
        assertThat(node.memory.sentTo(cid.id())).isEmpty();
    }

    @Test
    void theTicksFollowTheRecipientFromSentToDeliveredToRead() {
        // given bob is offline
        MessageView sent = send(ann, room, "ann-1", "are you there?");
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(ticksTo(ann)).isEmpty();

        // when bob connects
        SocketId bobsPhone = node.connect(bob);

        // then
        assertThat(ticksTo(ann)).extracting(StatusChange::status, StatusChange::upToSeq)
                .containsExactly(tuple(DeliveryStatus.DELIVERED, 1L));

        // when he opens the room
        node.openChatHistory.open(bob, bobsPhone, new OpenChatHistory.Query(room, null, null, 30));

        // then ann sees the blue ticks, and what she sends while he looks is read at once
        assertThat(ticksTo(ann).getLast()).extracting(StatusChange::status, StatusChange::upToSeq)
                .containsExactly(DeliveryStatus.READ, 1L);
        assertThat(send(ann, room, "ann-2", "great").status()).isEqualTo(DeliveryStatus.READ);
        assertThat(ticksTo(ann).getLast()).extracting(StatusChange::status, StatusChange::upToSeq)
                .containsExactly(DeliveryStatus.READ, 2L);
    }

    @Test
    void theRecipientsUnreadCountGrowsOnTheirLineAndBadgeUntilTheyOpenTheRoom() {
        // given bob is offline with a phone
        node.phone(bob);

        // when
        for (int n = 1; n <= 3; n++) {
            send(ann, room, "ann-" + n, "message " + n);
        }

        // then
        assertThat(lineOf(bob).unreadCount()).isEqualTo(3);
        assertThat(lineOf(ann).unreadCount()).isZero();
        assertThat(node.pushesTo(bob)).extracting(PushMessage::badge).containsExactly(1, 2, 3);
        assertThat(node.pushesTo(bob)).extracting(PushMessage::title).containsOnly("ann");

        // when he opens the room
        SocketId bobsPhone = node.connect(bob);
        node.openChatHistory.open(bob, bobsPhone, new OpenChatHistory.Query(room, null, null, 30));

        // then
        assertThat(lineOf(bob).unreadCount()).isZero();
        assertThat(linesTo(bob).getLast().unreadCount()).isZero();
        assertThat(node.memory.roomList().unreadTotal(bob.id())).isZero();
    }

    @Test
    void aSendGivesEachMemberTheirOwnLineAndPutsTheRoomAtTheTopOfTheirLists() {
        // given ann's room with cid is newer than the one with bob
        AuthenticatedUser cid = node.account("cid", Role.AGENT);
        node.memory.advanceClock(Duration.ofMinutes(1));
        RoomId withCid = node.room(ann, cid);
        assertThat(node.listChatRooms.list(ann, null, 1, 20).rooms()).extracting(RoomSummary::roomId)
                .containsExactly(withCid, room);
        node.memory.advanceClock(Duration.ofMinutes(1));

        // when
        MessageView sent = send(ann, room, "ann-1", "hi bob");

        // then
        assertThat(node.listChatRooms.list(ann, null, 1, 20).rooms()).extracting(RoomSummary::roomId)
                .containsExactly(room, withCid);
        RoomSummary annsLine = linesTo(ann).getLast();
        RoomSummary bobsLine = linesTo(bob).getLast();
        assertThat(annsLine.opponent().id()).isEqualTo(bob.id());
        assertThat(annsLine.unreadCount()).isZero();
        assertThat(bobsLine.opponent().id()).isEqualTo(ann.id());
        assertThat(bobsLine.unreadCount()).isEqualTo(1);
        assertThat(List.of(annsLine, bobsLine)).allSatisfy(line -> {
            assertThat(line.lastMessage().message()).isEqualTo(sent.message());
            assertThat(line.updatedAt()).isEqualTo(sent.message().createdAt());
        });
        assertThat(lineOf(bob)).isEqualTo(bobsLine);
    }

    @Test
    void receiptsMovePointersOnlyForwardAndLeavingTheRoomMakesNewMessagesUnread() {
        // given bob has two messages delivered
        SocketId bobsPhone = node.connect(bob);
        send(ann, room, "ann-1", "one");
        send(ann, room, "ann-2", "two");
        node.memory.clearSent();

        // when he reads the first, says he received only the first, and claims to have read beyond the room
        node.acknowledgeReceipt.acknowledge(bob, room, 1, DeliveryStatus.READ);
        node.acknowledgeReceipt.acknowledge(bob, room, 1, DeliveryStatus.DELIVERED);
        node.acknowledgeReceipt.acknowledge(bob, room, 99, DeliveryStatus.READ);

        // then ann hears of each read once, never of one beyond what she sent
        assertThat(ticksTo(ann)).extracting(StatusChange::status, StatusChange::upToSeq)
                .containsExactly(tuple(DeliveryStatus.READ, 1L), tuple(DeliveryStatus.READ, 2L));
        assertThat(lineOf(bob).unreadCount()).isZero();

        // when he looks at the room, then leaves it
        node.openChatHistory.open(bob, bobsPhone, new OpenChatHistory.Query(room, null, null, 30));
        node.leaveRoom.leave(bob, bobsPhone, room);
        MessageView third = send(ann, room, "ann-3", "three");

        // then what comes after is delivered, not read
        assertThat(third.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(lineOf(bob).unreadCount()).isOne();
    }

    @Test
    void replyingMarksTheOtherMembersMessagesRead() {
        // given two messages of bob that ann has not read
        send(bob, room, "bob-1", "price?");
        send(bob, room, "bob-2", "hello?");
        node.memory.clearSent();

        // when
        send(ann, room, "ann-1", "1.01");

        // then
        assertThat(lineOf(ann).unreadCount()).isZero();
        assertThat(ticksTo(bob)).extracting(StatusChange::status, StatusChange::upToSeq)
                .containsExactly(tuple(DeliveryStatus.READ, 3L));
        assertThat(lineOf(bob).lastMessage().status()).isEqualTo(DeliveryStatus.SENT);
    }
}
