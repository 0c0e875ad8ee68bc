package com.usdtagent.persistence;

import com.usdtagent.application.chat.Messages;
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

        assertThat(messages.findByClientMessageId(ann, "ann-phone-1")).contains(sent);
        assertThat(messages.findByClientMessageId(ann, "ann-phone-2")).isEmpty();
        assertThat(messages.findByClientMessageId(chat.user(), "ann-phone-1")).isEmpty();
    }

    @Test
    void aClientIdTheSenderUsedBeforeAppendsNothing() {
        UserId ann = chat.user();
        UserId bob = chat.user();
        Message first = chat.send(chat.room(ann, bob).id(), ann, "hello", "reused", NOW);
        RoomId otherRoom = chat.room(ann, chat.user()).id();

        assertThat(chat.append(otherRoom, ann, MessageType.TEXT, "hello again", "reused", Map.of(), NOW)).isEmpty();
        assertThat(messages.after(otherRoom, 0, 10)).isEmpty();
        assertThat(chat.rooms.findById(otherRoom).orElseThrow().lastSeq()).isZero();
        assertThat(messages.findByClientMessageId(ann, "reused")).contains(first);
        // another sender may have the same id of their own
        chat.send(otherRoom, chat.rooms.findById(otherRoom).orElseThrow().opponentOf(ann), "mine too", "reused", NOW);
    }

    @Test
    void keepsTheDetailsOfASystemMessage() {
        UserId ann = chat.user();
        RoomId room = chat.room(ann, chat.user()).id();

        Message note = chat.append(room, ann, MessageType.SYSTEM, "Order paid", null,
                Map.of("orderId", "ord-42", "amount", 150, "final", true), NOW).orElseThrow();

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
