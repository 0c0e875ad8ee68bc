package com.usdtagent.application.push;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PushContentsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final PublicProfile ANN = new PublicProfile(UserId.newId(), new Username("agent_ann"), Role.AGENT);

    @Test
    void aMessageShowsItsSenderAndTextWithTheUnreadBadge() {
        Message message = message(MessageType.TEXT, "Hi, I want 100 USDT");

        PushMessage push = new PushContents(true).compose(new PushNotification.NewMessage(UserId.newId(), ANN, message), 4, NOW);

        assertThat(push).isEqualTo(new PushMessage("agent_ann", "Hi, I want 100 USDT",
                Map.of("type", "message", "roomId", message.roomId().toString(), "messageId", message.id().toString(),
                        "seq", "7"),
                "messages", message.roomId().toString(), 4, null));
    }

    @Test
    void withoutPreviewsTheTextStaysOnTheServer() {
        var notification = new PushNotification.NewMessage(UserId.newId(), ANN, message(MessageType.TEXT, "my secret"));

        assertThat(new PushContents(false).compose(notification, 1, NOW).body()).isEqualTo("New message");
    }

    @Test
    void filesWithoutTextSayPhotoOrFileAndTheirTextWhenTheyHaveSome() {
        var contents = new PushContents(true);

        assertThat(contents.compose(withFiles("", AttachmentKind.IMAGE, AttachmentKind.IMAGE), 1, NOW).body())
                .isEqualTo("Photo");
        assertThat(contents.compose(withFiles("", AttachmentKind.IMAGE, AttachmentKind.FILE), 1, NOW).body())
                .isEqualTo("File");
        assertThat(contents.compose(withFiles("paid, see the receipt", AttachmentKind.FILE), 1, NOW).body())
                .isEqualTo("paid, see the receipt");
        assertThat(new PushContents(false).compose(withFiles("", AttachmentKind.IMAGE), 1, NOW).body())
                .isEqualTo("New message");
    }

    @Test
    void aCallMessageSaysVoiceCall() {
        var notification = new PushNotification.NewMessage(UserId.newId(), ANN, message(MessageType.CALL, "call ended"));

        assertThat(new PushContents(true).compose(notification, 1, NOW).body()).isEqualTo("Voice call");
    }

    @Test
    void aCreditedDepositSaysHowMuchArrived() {
        var notification = new PushNotification.DepositCredited(UserId.newId(), "0xabc", "125.5");

        assertThat(new PushContents(true).compose(notification, 2, NOW)).isEqualTo(new PushMessage("Deposit received",
                "125.5 USDT is in your wallet", Map.of("type", "deposit", "txHash", "0xabc", "amount", "125.5"),
                "wallet", null, 2, null));
    }

    @Test
    void longTextIsCutOnACharacterBoundary() {
        String text = "😀".repeat(200);

        String body = PushContents.shortened(text);

        assertThat(body.codePointCount(0, body.length())).isEqualTo(PushContents.MAX_BODY_CODE_POINTS);
        assertThat(body).endsWith("😀…");
    }

    @Test
    void anIncomingCallIsDataOnlyAndExpiresWithTheRing() {
        RoomId room = RoomId.newId();
        var call = new PushNotification.IncomingCall(UserId.newId(), "call-1", room, "agent_ann", Duration.ofSeconds(30));

        PushMessage push = new PushContents(true).compose(call, 9, NOW);

        assertThat(push.isNotification()).isFalse();
        assertThat(push.data()).isEqualTo(Map.of("type", "incoming_call", "callId", "call-1", "roomId", room.toString(),
                "callerName", "agent_ann"));
        assertThat(push.expiresAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(push.badge()).isNull();
    }

    private static PushNotification.NewMessage withFiles(String text, AttachmentKind... kinds) {
        RoomId room = RoomId.newId();
        MessageId id = MessageId.newId();
        List<Attachment> files = Arrays.stream(kinds).map(kind -> new Attachment(AttachmentId.newId(), room, ANN.id(),
                kind, kind == AttachmentKind.IMAGE ? "image/jpeg" : "application/pdf", "proof", 10, null, null, null, NOW,
                id)).toList();
        return new PushNotification.NewMessage(UserId.newId(), ANN,
                new Message(id, room, 3, ANN.id(), MessageType.TEXT, text, "c-2", Map.of(), NOW, files));
    }

    private static Message message(MessageType type, String text) {
        return new Message(MessageId.newId(), RoomId.newId(), 7, ANN.id(), type, text, type == MessageType.TEXT ? "c-1" : null,
                Map.of(), NOW);
    }
}
