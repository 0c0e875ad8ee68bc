package com.usdtagent.application.contract;

import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Messages}, and the message half of {@link ChatRooms#append}: a clientMessageId is its sender's, once, in any
 * room, and an append that reuses it stores nothing (even when the other use is not committed yet: it waits for it);
 * system messages keep their details, as JSON gives them back; history pages by seq.
 */
public abstract class MessagesContract extends ChatContract {

    private Messages messages;

    @BeforeEach
    void ports() {
        messages = adapters.messages();
    }

    @Test
    void findsAMessageByItsSendersClientId() {
        UserId ann = user();
        RoomId room = room(ann, user());
        Message sent = send(room, ann, "hello", "ann-phone-1", NOW);

        UserId bob = user();
        var annsFirst = new ClientMessageKey(ann, "ann-phone-1");

        assertThat(messages.findByClientMessageIds(List.of(annsFirst, new ClientMessageKey(ann, "ann-phone-2"),
                new ClientMessageKey(bob, "ann-phone-1")))).isEqualTo(Map.of(annsFirst, sent));
    }

    @Test
    void aKeyAskedForTwiceIsFoundOnce() {
        UserId ann = user();
        Message sent = send(room(ann, user()), ann, "hello", "resent", NOW);
        var key = new ClientMessageKey(ann, "resent");

        // a batch that holds a send and its resend asks for both
        assertThat(messages.findByClientMessageIds(List.of(key, key))).isEqualTo(Map.of(key, sent));
    }

    @Test
    void aClientIdTheSenderUsedBeforeIsRefusedAndAppendsNothing() {
        UserId ann = user();
        UserId bob = user();
        Message first = send(room(ann, bob), ann, "hello", "reused", NOW);
        RoomId otherRoom = room(ann, user());

        assertThatThrownBy(() -> send(otherRoom, ann, "hello again", "reused", NOW))
                .isInstanceOf(ChatRooms.ClientMessageIdTaken.class);
        assertThat(messages.after(otherRoom, 0, 10)).isEmpty();
        assertThat(adapters.chatRooms().findById(otherRoom).orElseThrow().lastSeq()).isZero();
        var reused = new ClientMessageKey(ann, "reused");
        assertThat(messages.findByClientMessageIds(List.of(reused))).isEqualTo(Map.of(reused, first));
        // another sender may have the same id of their own
        send(otherRoom, adapters.chatRooms().findById(otherRoom).orElseThrow().opponentOf(ann), "mine too", "reused", NOW);
    }

    @Test
    void aClientIdThatAnOpenTransactionIsStoringIsRefusedOnceItCommits() {
        UserId ann = user();
        RoomId room = room(ann, user());
        RoomId otherRoom = room(ann, user());

        assertThatThrownBy(() -> whileOpen(() -> send(room, ann, "first", "racing", NOW),
                () -> send(otherRoom, ann, "second", "racing", NOW)))
                .isInstanceOf(ChatRooms.ClientMessageIdTaken.class);

        assertThat(messages.after(room, 0, 10)).extracting(Message::text).containsExactly("first");
        assertThat(messages.after(otherRoom, 0, 10)).isEmpty();
        assertThat(adapters.chatRooms().findById(otherRoom).orElseThrow().lastSeq()).isZero();
    }

    @Test
    void keepsTheDetailsOfSystemMessagesWhichHaveNoClientId() {
        UserId ann = user();
        RoomId room = room(ann, user());

        Message note = append(room, ann, MessageType.SYSTEM, "Order paid", null,
                Map.of("orderId", "ord-42", "amount", 150, "final", true), NOW);
        Message another = append(room, ann, MessageType.SYSTEM, "Order released", null, Map.of(), NOW);

        assertThat(messages.after(room, 0, 10)).containsExactly(note, another);
    }

    @Test
    void theDetailsComeBackAsJsonGivesThemBack() {
        UserId ann = user();
        RoomId room = room(ann, user());

        Message call = append(room, ann, MessageType.CALL, "Voice call, 60 s", null, Map.of("durationSeconds", 60L,
                "bytes", 5_000_000_000L, "rate", new BigDecimal("1.5"), "legs", List.of(Map.of("seconds", 30L), "x")), NOW);

        assertThat(messages.after(room, 0, 10)).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(call.id());
            assertThat(stored.meta()).isEqualTo(Map.of("durationSeconds", 60, "bytes", 5_000_000_000L, "rate", 1.5,
                    "legs", List.of(Map.of("seconds", 30), "x")));
        });
    }

    @Test
    void anAppendIsInvisibleToOthersUntilItCommits() {
        UserId ann = user();
        RoomId room = room(ann, user());

        List<List<Message>> seen = whileOpen(() -> List.of(send(room, ann, "not yet", "pending", NOW)),
                () -> messages.after(room, 0, 10));

        assertThat(seen.get(1)).isEmpty();
        assertThat(messages.after(room, 0, 10)).isEqualTo(seen.get(0));
    }

    @Test
    void readsPagesAfterAndBeforeASeq() {
        UserId ann = user();
        RoomId room = room(ann, user());
        for (int n = 1; n <= 10; n++) {
            send(room, ann, "message " + n);
        }

        assertThat(seqs(messages.after(room, 3, 4))).containsExactly(4L, 5L, 6L, 7L);
        assertThat(seqs(messages.after(room, 8, 5))).containsExactly(9L, 10L);
        assertThat(seqs(messages.after(room, 10, 5))).isEmpty();
        assertThat(seqs(messages.before(room, 8, 3))).containsExactly(5L, 6L, 7L);
        assertThat(seqs(messages.before(room, Long.MAX_VALUE, 3))).containsExactly(8L, 9L, 10L);
        assertThat(seqs(messages.before(room, 3, 5))).containsExactly(1L, 2L);
        assertThat(seqs(messages.before(room, 1, 5))).isEmpty();
    }
}
