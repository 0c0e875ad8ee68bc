package com.usdtagent.persistence;

import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.TradeOrder;
import com.usdtagent.domain.trade.Usdt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;

import static com.usdtagent.persistence.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The attachment ports on PostgreSQL: descriptions, bytes, the daily quota, and what the collector may take. */
class JdbiAttachmentsTest {

    private static ChatFixture chat;
    private static Attachments attachments;
    private static AttachmentStore store;
    private static UploadQuotas quotas;

    @BeforeAll
    static void openDatabase() {
        chat = new ChatFixture();
        attachments = chat.persistence.attachments();
        store = chat.persistence.attachmentStore();
        quotas = chat.persistence.uploadQuotas();
    }

    @AfterAll
    static void closeDatabase() {
        chat.close();
    }

    private static Attachment uploaded(RoomId room, UserId uploader, Instant at) {
        var attachment = new Attachment(AttachmentId.newId(), room, uploader, AttachmentKind.IMAGE, "image/jpeg",
                "proof.jpg", 2048, 640, 480, "image/jpeg", at, null);
        attachments.add(attachment);
        return attachment;
    }

    @Test
    void storesADescriptionAndTellsWhoShareItsRoom() {
        UserId ann = chat.user();
        UserId bob = chat.user();
        RoomId room = chat.room(ann, bob).id();
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
        UserId ann = chat.user();
        RoomId room = chat.room(ann, chat.user()).id();
        Attachment first = uploaded(room, ann, NOW);
        Attachment second = uploaded(room, ann, NOW);
        Message message = chat.send(room, ann, "the receipt");

        chat.transactions.inTransaction(() -> {
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
        UserId ann = chat.user();
        UserId bob = chat.user();
        RoomId room = chat.room(ann, bob).id();
        Attachment photo = uploaded(room, ann, NOW);
        Attachment receipt = new Attachment(AttachmentId.newId(), room, ann, AttachmentKind.FILE, "application/pdf",
                "receipt.pdf", 99, null, null, null, NOW, null);
        attachments.add(receipt);

        Message sent = chat.transactions.inTransaction(() -> {
            var locked = chat.rooms.lockForAppend(List.of(room)).get(room);
            var id = com.usdtagent.domain.chat.MessageId.newId();
            var files = List.of(receipt.sentIn(id), photo.sentIn(id));
            var message = new Message(id, room, locked.room().nextSeq(), ann, com.usdtagent.domain.chat.MessageType.TEXT,
                    "", "with-files", java.util.Map.of(), NOW, files);
            chat.rooms.append(List.of(message), java.util.Map.of(room, locked.pointers()));
            attachments.markSent(files);
            return message;
        });

        assertThat(chat.messages.after(room, 0, 10)).containsExactly(sent);
        assertThat(sent.attachments()).extracting(Attachment::id).containsExactly(receipt.id(), photo.id());
        assertThat(chat.roomList.listFor(bob, null, 1, 10).rooms().getFirst().lastMessage().message()).isEqualTo(sent);
        var key = new com.usdtagent.application.chat.Messages.ClientMessageKey(ann, "with-files");
        assertThat(chat.messages.findByClientMessageIds(List.of(key)).get(key)).isEqualTo(sent);
        assertThat(attachments.findById(photo.id()).orElseThrow().sentIn()).isEqualTo(sent.id());
    }

    @Test
    void theCollectorTakesOnlyOldUploadsThatNoMessageOrAppealUsesAndSkipsLockedOnes() throws Exception {
        UserId ann = chat.user();
        RoomId room = chat.room(ann, chat.user()).id();
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        Attachment old = uploaded(room, ann, hourAgo.minusSeconds(5));
        Attachment fresh = uploaded(room, ann, NOW);
        Attachment sent = uploaded(room, ann, hourAgo.minusSeconds(5));
        chat.send(room, ann, "a message to point at");
        var message = chat.messages.after(room, 0, 1).getFirst().id();
        attachments.markSent(List.of(sent.sentIn(message)));
        Attachment evidence = uploaded(room, ann, hourAgo.minusSeconds(5));
        attachments.keepAsEvidence(List.of(evidence.id()), appealedOrderIn(room, ann));
        Attachment held = uploaded(room, ann, hourAgo.minusSeconds(5));

        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> chat.transactions.inTransaction(() -> {
            attachments.lock(List.of(held.id()));
            holding.countDown();
            await(release);
            return null;
        }), runnable -> Thread.ofPlatform().start(runnable));
        holding.await();
        List<Attachment> deleted = chat.transactions.inTransaction(() -> attachments.deleteUnused(hourAgo, 100));
        release.countDown();
        holder.join();

        assertThat(deleted).extracting(Attachment::id).contains(old.id())
                .doesNotContain(fresh.id(), sent.id(), evidence.id(), held.id());
        assertThat(attachments.findById(old.id())).isEmpty();
        assertThat(attachments.findById(held.id())).isPresent();
        assertThat(attachments.room(room).orElseThrow().underAppeal()).isTrue();
    }

    @Test
    void bytesWrittenInATransactionThatFailsAreNotKept() {
        AttachmentId id = AttachmentId.newId();
        assertThatThrownBy(() -> chat.transactions.inTransaction(() -> {
            store.put(id, Variant.ORIGINAL, new ByteArrayInputStream(new byte[] {1}), 1);
            throw new IllegalStateException("the upload failed after its bytes were written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.open(id, Variant.ORIGINAL)).isEmpty();
    }

    @Test
    void aDayQuotaIsNeverPassedEvenByConcurrentUploads() {
        UserId ann = chat.user();
        LocalDate today = LocalDate.of(2026, 3, 1);

        List<Boolean> charged = AtOnce.run(20, i -> () -> quotas.charge(ann, today, 10, 100));

        assertThat(charged.stream().filter(ok -> ok).count()).isEqualTo(10);
        assertThat(quotas.used(ann, today)).isEqualTo(100);
        assertThat(quotas.charge(ann, today, 1, 100)).isFalse();
        assertThat(quotas.charge(ann, today.plusDays(1), 101, 100)).isFalse();
        assertThat(quotas.used(ann, today.plusDays(1))).isZero();
        assertThat(quotas.charge(ann, today.plusDays(1), 100, 100)).isTrue();

        quotas.forgetBefore(today.plusDays(1));
        assertThat(quotas.used(ann, today)).isZero();
        assertThat(quotas.used(ann, today.plusDays(1))).isEqualTo(100);
    }

    @Test
    void anAppealKeepsItsEvidenceWithTheOrder() {
        UserId agent = chat.user("agent" + System.nanoTime(), Role.AGENT);
        UserId user = chat.user();
        RoomId room = chat.room(agent, user).id();
        Attachment proof = uploaded(room, user, NOW);
        var orders = chat.persistence.orders();
        TradeOrder paid = paidOrder(room, agent, user);

        TradeOrder appealed = paid.openAppeal(user, "the USDT never came", List.of(proof), NOW);
        assertThat(orders.compareAndSet(OrderStatus.PAID, appealed)).isTrue();

        assertThat(orders.findById(paid.id()).orElseThrow().appeal().evidence()).containsExactly(proof);
    }

    private static com.usdtagent.domain.trade.OrderId appealedOrderIn(RoomId room, UserId party) {
        var members = attachments.room(room).orElseThrow().members();
        UserId other = members.stream().filter(member -> !member.equals(party)).findFirst().orElseThrow();
        UserId agent = chat.user("agent" + System.nanoTime(), Role.AGENT);
        // an order needs an agent's offer; the room of the order is the one under test
        TradeOrder paid = paidOrder(room, agent, other);
        TradeOrder appealed = paid.openAppeal(other, "the USDT never came", NOW);
        chat.persistence.orders().compareAndSet(OrderStatus.PAID, appealed);
        return paid.id();
    }

    private static TradeOrder paidOrder(RoomId room, UserId agent, UserId user) {
        var terms = new Offer.Terms(OfferSide.SELL, "USD", new Fiat(new BigDecimal("1.07")), usdt("10"), usdt("500"),
                List.of("bank"), null, "");
        Offer offer = Offer.post(new PublicProfile(agent, new Username("agent"), Role.AGENT), terms, NOW);
        chat.persistence.offers().add(offer);
        TradeOrder placed = TradeOrder.place(offer, user, usdt("20"), room, NOW);
        chat.persistence.orders().add(placed, "key-" + placed.id());
        TradeOrder paid = placed.markPaid(user, NOW);
        chat.persistence.orders().compareAndSet(OrderStatus.PENDING_PAYMENT, paid);
        return paid;
    }

    private static Usdt usdt(String value) {
        return new Usdt(new BigDecimal(value));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
