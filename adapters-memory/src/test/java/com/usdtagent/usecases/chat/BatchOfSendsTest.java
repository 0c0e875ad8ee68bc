package com.usdtagent.usecases.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.application.chat.SendMessageService;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.usecases.InMemoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends that arrive while a batch of the group commit is being written are written together, in one transaction;
 * each is answered on its own, and one send's refusal does not sink the others.
 */
class BatchOfSendsTest {

    private final InMemoryNode node = new InMemoryNode();
    private final AuthenticatedUser ann = node.account("ann", Role.USER);
    private final AuthenticatedUser bob = node.account("bob", Role.AGENT);
    private final AuthenticatedUser cid = node.account("cid", Role.AGENT);
    private final AuthenticatedUser dan = node.account("dan", Role.AGENT);
    private final RoomId withBob = node.room(ann, bob);
    private final RoomId withCid = node.room(ann, cid);
    /** The node's send service, on transactions that are counted: one a batch, unless a batch fails and is retried. */
    private final AtomicInteger transactionsBegun = new AtomicInteger();
    private final SendMessageService sendMessage = new SendMessageService(node.posts, node.memory.messages(),
            node.memory.attachments(), node.push, new Transactions() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    transactionsBegun.incrementAndGet();
                    return node.memory.transactions().inTransaction(work);
                }
            }, node.memory.clock(), node.memory.blocks());

    @AfterEach
    void stop() {
        sendMessage.close();
        node.close();
    }

    @Test
    void aRefusedSendLeavesTheOthersOfItsBatchStoredAndAnswered() {
        // given a batch being written waits for a room that another transaction holds
        try (var held = new HeldRoom(node.room(ann, dan))) {
            var heldWrite = sendLater(ann, held.room, "held-1");
            awaitWritersWaitingForALock(1);

            // when these arrive meanwhile, in this order (too few for the second writer to start another batch)
            var toBob = queued(ann, withBob, "ann-1");
            var notHisRoom = queued(dan, withBob, "dan-1");
            var noSuchRoom = queued(ann, RoomId.newId(), "ann-2");
            var idUsedInAnotherRoom = queued(ann, withCid, "ann-1");
            var resend = queued(ann, withBob, "ann-1");
            var fromBob = queued(bob, withBob, "bob-1");
            assertThat(transactionsBegun).hasValue(1);
            held.release();

            // then each send has its own answer, from one transaction that none of them sank
            MessageView stored = (MessageView) toBob.answer.join();
            assertThat(stored.message().seq()).isEqualTo(1);
            assertThat(notHisRoom.answer.join()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(noSuchRoom.answer.join()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(idUsedInAnotherRoom.answer.join()).isEqualTo(ErrorCode.INVALID_STATE);
            assertThat(((MessageView) resend.answer.join()).message()).isEqualTo(stored.message());
            assertThat(((MessageView) fromBob.answer.join()).message().seq()).isEqualTo(2);
            assertThat(heldWrite.answer.join()).isInstanceOf(MessageView.class);
            assertThat(transactionsBegun).hasValue(2);
        }
        // and the room holds the two new messages, numbered without a gap
        assertThat(node.memory.messages().after(withBob, 0, 10)).extracting(Message::clientMessageId)
                .containsExactly("ann-1", "bob-1");
        assertThat(node.memory.messages().after(withCid, 0, 10)).isEmpty();
    }

    /** A send on a thread of its own: answered with the stored message, or the code it was refused with. */
    private record Sending(Thread thread, CompletableFuture<Object> answer) {
    }

    private Sending sendLater(AuthenticatedUser sender, RoomId room, String clientMessageId) {
        var answer = new CompletableFuture<Object>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                answer.complete(sendMessage.send(sender, new SendMessage.Command(room, clientMessageId, "hi")));
            } catch (BusinessException refused) {
                answer.complete(refused.code());
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            }
        });
        return new Sending(thread, answer);
    }

    /** Until {@code count} writers of the group commit wait for a row lock of the in-memory store. */
    private static void awaitWritersWaitingForALock(int count) {
        awaitThreads(thread -> thread.getKey().getName().startsWith("send-message-writer")
                && Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getClassName().endsWith(".RowLocks")), count);
    }

    /** A send that waits for its answer in the group commit's queue, behind the sends queued before it. */
    private Sending queued(AuthenticatedUser sender, RoomId room, String clientMessageId) {
        Sending send = sendLater(sender, room, clientMessageId);
        awaitThreads(thread -> thread.getKey() == send.thread && thread.getKey().getState() == Thread.State.WAITING
                && Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getMethodName().equals("submit")
                && frame.getClassName().endsWith(".GroupCommit")), 1);
        return send;
    }

    private static void awaitThreads(Predicate<Map.Entry<Thread, StackTraceElement[]>> waiting, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Thread.getAllStackTraces().entrySet().stream().filter(waiting).count() < count) {
            assertThat(Instant.now()).as("threads waiting").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    /** A room that a transaction on another thread has locked for an append, until released. */
    private final class HeldRoom implements AutoCloseable {

        final RoomId room;
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> holding = new CompletableFuture<>();

        HeldRoom(RoomId room) {
            this.room = room;
            var locked = new CountDownLatch(1);
            Thread.ofPlatform().start(() -> {
                node.memory.transactions().inTransaction(() -> {
                    node.memory.chatRooms().lockForAppend(List.of(room));
                    locked.countDown();
                    await(release);
                    return null;
                });
                holding.complete(null);
            });
            await(locked);
        }

        void release() {
            release.countDown();
            holding.join();
        }

        @Override
        public void close() {
            release();
        }
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
