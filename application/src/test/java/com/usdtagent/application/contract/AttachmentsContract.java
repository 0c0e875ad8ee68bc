package com.usdtagent.application.contract;

import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.chat.LockedRoom;
import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OrderId;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Attachments}: descriptions stored and read back; locked for sending, marked sent and copied into their
 * message; kept as an appeal's evidence; the rooms' members and appeals; the collector's claims, which skip the files
 * another transaction holds.
 */
public abstract class AttachmentsContract extends PortContract {

    private Attachments attachments;

    @BeforeEach
    void port() {
        attachments = adapters.attachments();
    }

    private Attachment uploaded(RoomId room, UserId uploader, Instant at) {
        var attachment = new Attachment(AttachmentId.newId(), room, uploader, AttachmentKind.IMAGE, "image/jpeg",
                "proof.jpg", 2048, 640, 480, "image/jpeg", at, null);
        attachments.add(attachment);
        return attachment;
    }

    /** A text of {@code sender} with these files, appended as the services append one. */
    private Message sent(RoomId room, UserId sender, List<Attachment> files) {
        return adapters.transactions().inTransaction(() -> {
            LockedRoom locked = adapters.chatRooms().lockForAppend(List.of(room)).get(room);
            MessageId id = MessageId.newId();
            Message message = new Message(id, room, locked.room().nextSeq(), sender, MessageType.TEXT, "",
                    "c-" + id, Map.of(), NOW, files.stream().map(file -> file.sentIn(id)).toList());
            adapters.chatRooms().append(List.of(message), Map.of(room, locked.pointers()));
            return message;
        });
    }

    @Test
    void storesADescriptionAndTellsWhoShareItsRoom() {
        UserId ann = user();
        UserId bob = user();
        RoomId room = room(ann, bob);
        Attachment stored = uploaded(room, ann, NOW);

        assertThat(attachments.findById(stored.id())).contains(stored);
        assertThat(attachments.findById(AttachmentId.newId())).isEmpty();
        var seen = attachments.room(room).orElseThrow();
        assertThat(seen.members()).containsExactlyInAnyOrder(ann, bob);
        assertThat(seen.underAppeal()).isFalse();
        assertThat(attachments.room(RoomId.newId())).isEmpty();
    }

    @Test
    void aSentAttachmentRecordsItsMessage() {
        UserId ann = user();
        RoomId room = room(ann, user());
        Attachment first = uploaded(room, ann, NOW);
        Attachment second = uploaded(room, ann, NOW);
        Message message = sent(room, ann, List.of());

        adapters.transactions().inTransaction(() -> {
            var locked = attachments.lock(List.of(first.id(), second.id(), AttachmentId.newId()));
            assertThat(locked.keySet()).containsExactlyInAnyOrder(first.id(), second.id());
            attachments.markSent(List.of(locked.get(first.id()).sentIn(message.id())));
            return null;
        });

        assertThat(attachments.findById(first.id()).orElseThrow().sentIn()).isEqualTo(message.id());
        assertThat(attachments.findById(second.id()).orElseThrow().sentIn()).isNull();
    }

    @Test
    void aMessageKeepsACopyOfItsAttachmentsForEveryRead() {
        UserId ann = user();
        UserId bob = user();
        RoomId room = room(ann, bob);
        Attachment photo = uploaded(room, ann, NOW);
        Attachment receipt = new Attachment(AttachmentId.newId(), room, ann, AttachmentKind.FILE, "application/pdf",
                "receipt.pdf", 99, null, null, null, NOW, null);
        attachments.add(receipt);

        Message message = sent(room, ann, List.of(receipt, photo));
        attachments.markSent(message.attachments());

        assertThat(message.attachments()).extracting(Attachment::id).containsExactly(receipt.id(), photo.id());
        assertThat(adapters.messages().after(room, 0, 10)).containsExactly(message);
        assertThat(adapters.roomList().listFor(bob, null, 1, 10).rooms().getFirst().lastMessage().message())
                .isEqualTo(message);
        var key = ClientMessageKey.of(message);
        assertThat(adapters.messages().findByClientMessageIds(List.of(key))).containsEntry(key, message);
        assertThat(attachments.findById(photo.id()).orElseThrow().sentIn()).isEqualTo(message.id());
    }

    @Test
    void theCollectorTakesOnlyOldUploadsThatNoMessageOrAppealUsesAndSkipsLockedOnes() {
        UserId ann = user();
        UserId agent = user(Role.AGENT);
        RoomId room = room(agent, ann);
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        Attachment old = uploaded(room, ann, hourAgo.minusSeconds(5));
        Attachment fresh = uploaded(room, ann, NOW);
        Attachment sent = uploaded(room, ann, hourAgo.minusSeconds(5));
        attachments.markSent(List.of(sent.sentIn(sent(room, ann, List.of()).id())));
        Attachment evidence = uploaded(room, ann, hourAgo.minusSeconds(5));
        attachments.keepAsEvidence(List.of(evidence.id()), appealedOrder(agent, ann).id());
        Attachment held = uploaded(room, ann, hourAgo.minusSeconds(5));

        List<List<Attachment>> deleted = whileOpen(
                () -> {
                    attachments.lock(List.of(held.id()));
                    return List.of();
                },
                () -> attachments.deleteUnused(hourAgo, 100));

        assertThat(deleted.get(1)).extracting(Attachment::id).contains(old.id())
                .doesNotContain(fresh.id(), sent.id(), evidence.id(), held.id());
        assertThat(attachments.findById(old.id())).isEmpty();
        assertThat(attachments.findById(held.id())).isPresent();
        assertThat(attachments.room(room).orElseThrow().underAppeal()).isTrue();
    }

    @Test
    void anAppealKeepsItsEvidenceWithTheOrder() {
        UserId agent = user(Role.AGENT);
        UserId buyer = user();
        TradeOrder placed = order(offer(agent, OfferSide.SELL), buyer, "20", NOW);
        Attachment proof = uploaded(placed.roomId(), buyer, NOW);
        TradeOrder paid = placed.markPaid(buyer, NOW);
        adapters.orders().compareAndSet(OrderStatus.PENDING_PAYMENT, paid);

        assertThat(adapters.orders().compareAndSet(OrderStatus.PAID,
                paid.openAppeal(buyer, "the USDT never came", List.of(proof), NOW))).isTrue();

        assertThat(adapters.orders().findById(paid.id()).orElseThrow().appeal().evidence()).containsExactly(proof);
    }

    /** An order of the pair, paid and then appealed. */
    private TradeOrder appealedOrder(UserId agent, UserId buyer) {
        TradeOrder paid = order(offer(agent, OfferSide.SELL), buyer, "20", NOW).markPaid(buyer, NOW);
        adapters.orders().compareAndSet(OrderStatus.PENDING_PAYMENT, paid);
        TradeOrder appealed = paid.openAppeal(buyer, "the USDT never came", NOW);
        adapters.orders().compareAndSet(OrderStatus.PAID, appealed);
        return appealed;
    }
}
