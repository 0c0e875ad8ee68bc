package com.usdtagent.domain.attachment;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentTest {

    private static final UserId UPLOADER = UserId.newId();
    private static final RoomId ROOM = RoomId.newId();
    private static final Attachment UNSENT = new Attachment(AttachmentId.newId(), ROOM, UPLOADER, AttachmentKind.FILE,
            "application/pdf", "receipt.pdf", 1234, null, null, null, Instant.parse("2026-01-01T10:00:00Z"), null);

    @Test
    void onlyItsUploaderSendsItOnlyInItsRoomAndOnlyOnce() {
        UNSENT.requireSendableBy(UPLOADER, ROOM);
        assertRefused(() -> UNSENT.requireSendableBy(UserId.newId(), ROOM), ErrorCode.FORBIDDEN);
        assertRefused(() -> UNSENT.requireSendableBy(UPLOADER, RoomId.newId()), ErrorCode.FORBIDDEN);
        assertRefused(() -> UNSENT.sentIn(MessageId.newId()).requireSendableBy(UPLOADER, ROOM), ErrorCode.INVALID_STATE);
    }

    @Test
    void aNameKeepsItsLastSegmentWithoutControlOrDirectionCharactersAndAtMost120CodePoints() {
        assertThat(Attachment.cleanName("C:\\Users\\bob\\bank transfer.png")).isEqualTo("bank transfer.png");
        assertThat(Attachment.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachment.cleanName("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(Attachment.cleanName("a\r\nSet-Cookie: x=1.pdf")).isEqualTo("aSet-Cookie: x=1.pdf");
        assertThat(Attachment.cleanName("😀".repeat(130))).isEqualTo("😀".repeat(120));
        assertThat(Attachment.cleanName(null)).isEqualTo("file");
        assertThat(Attachment.cleanName("dir/..")).isEqualTo("file");
        assertThat(Attachment.cleanName(" \t")).isEqualTo("file");
    }

    @Test
    void withAttachmentsAMessageMayHaveNoTextButAtMostTenFiles() {
        assertThat(Message.isAcceptableContent("", 1)).isTrue();
        assertThat(Message.isAcceptableContent("", 0)).isFalse();
        assertThat(Message.isAcceptableContent("  ", 0)).isFalse();
        assertThat(Message.isAcceptableContent("paid, see the receipt", 10)).isTrue();
        assertThat(Message.isAcceptableContent("", 11)).isFalse();
        assertThat(Message.isAcceptableContent("x".repeat(4001), 1)).isFalse();
    }

    private static void assertRefused(Runnable step, ErrorCode code) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(code));
    }
}
