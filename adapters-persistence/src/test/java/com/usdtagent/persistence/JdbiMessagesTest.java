package com.usdtagent.persistence;

import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.usdtagent.persistence.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbiMessagesTest {

    private static ChatFixture chat;
    private static Messages messages;

    @BeforeAll
    static void openDatabase() {
        chat = new ChatFixture();
        messages = chat.messages;
    }

    @AfterAll
    static void closeDatabase() {
        chat.close();
    }

    @Test
    void findsAMessageByItsSendersClientId() {
        UserId ann = chat.user();
        RoomId room = chat.room(ann, chat.user()).id();
        Message sent = chat.send(room, ann, "hello", "ann-phone-1", NOW);

        UserId bob = chat.user();
        var annsFirst = new ClientMessageKey(ann, "ann-phone-1");

        assertThat(messages.findByClientMessageIds(List.of(annsFirst, new ClientMessageKey(ann, "ann-phone-2"),
                new ClientMessageKey(bob, "ann-phone-1")))).isEqualTo(Map.of(annsFirst, sent));
    }

    @Test
    void aClientIdTheSenderUsedBeforeIsRefusedAndAppendsNothing() {
        UserId ann = chat.user();
        UserId bob = chat.user();
        Message first = chat.send(chat.room(ann, bob).id(), ann, "hello", "reused", NOW);
        RoomId otherRoom = chat.room(ann, chat.user()).id();

        assertThatThrownBy(() -> chat.send(otherRoom, ann, "hello again", "reused", NOW))
                .isInstanceOf(ChatRooms.ClientMessageIdTaken.class);
        assertThat(messages.after(otherRoom, 0, 10)).isEmpty();
        assertThat(chat.rooms.findById(otherRoom).orElseThrow().lastSeq()).isZero();
        var reused = new ClientMessageKey(ann, "reused");
        assertThat(messages.findByClientMessageIds(List.of(reused))).isEqualTo(Map.of(reused, first));
        // another sender may have the same id of their own
        chat.send(otherRoom, chat.rooms.findById(otherRoom).orElseThrow().opponentOf(ann), "mine too", "reused", NOW);
    }

    @Test
    void keepsTheDetailsOfASystemMessage() {
        UserId ann = chat.user();
        RoomId room = chat.room(ann, chat.user()).id();

        Message note = chat.append(room, ann, MessageType.SYSTEM, "Order paid", null,
                Map.of("orderId", "ord-42", "amount", 150, "final", true), NOW);

        assertThat(messages.after(room, 0, 10)).containsExactly(note);
    }

    @Test
    void readsPagesAfterAndBeforeASeq() {
        UserId ann = chat.user();
        RoomId room = chat.room(ann, chat.user()).id();
        for (int n = 1; n <= 10; n++) {
            chat.send(room, ann, "message " + n);
        }

        assertThat(seqs(messages.after(room, 3, 4))).containsExactly(4L, 5L, 6L, 7L);
        assertThat(seqs(messages.after(room, 8, 5))).containsExactly(9L, 10L);
        assertThat(seqs(messages.after(room, 10, 5))).isEmpty();
        assertThat(seqs(messages.before(room, 8, 3))).containsExactly(5L, 6L, 7L);
        assertThat(seqs(messages.before(room, Long.MAX_VALUE, 3))).containsExactly(8L, 9L, 10L);
        assertThat(seqs(messages.before(room, 3, 5))).containsExactly(1L, 2L);
        assertThat(seqs(messages.before(room, 1, 5))).isEmpty();
    }

    private static List<Long> seqs(List<Message> page) {
        return page.stream().map(Message::seq).toList();
    }
}
