package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.GroupCommit;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores sends in group commits: the sends that arrive while a batch is being written go together in the next one,
 * which locks their rooms, stores their messages and moves their pointers in a handful of statements and one commit.
 * Each sender still gets their answer only once their message is committed.
 */
public final class SendMessageService implements SendMessage, AutoCloseable {

    private static final System.Logger log = System.getLogger(SendMessageService.class.getName());
    /** Batches in flight at once: one gathers while another commits. */
    private static final int WRITERS = 2;
    private static final int MAX_BATCH = 100;

    private final ChatRooms rooms;
    private final Messages messages;
    private final Attachments attachments;
    private final RealtimePublisher publisher;
    private final PushOutbox pushOutbox;
    private final RoomUpdates updates;
    private final Transactions transactions;
    private final Clock clock;
    private final GroupCommit<Request, Outcome> commits;

    public SendMessageService(ChatRooms rooms, Messages messages, Attachments attachments, RealtimePublisher publisher,
                              PushOutbox pushOutbox, Transactions transactions, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.attachments = attachments;
        this.publisher = publisher;
        this.pushOutbox = pushOutbox;
        this.updates = new RoomUpdates(rooms, publisher);
        this.transactions = transactions;
        this.clock = clock;
        this.commits = new GroupCommit<>("send-message", WRITERS, MAX_BATCH, this::store);
    }

    private record Request(UserId sender, Command command, Instant at) {

        ClientMessageKey key() {
            return new ClientMessageKey(sender, command.clientMessageId());
        }
    }

    /** A send's answer: the message and its ticks, what to tell the others (null when nothing is new), or why not. */
    private record Outcome(MessageView view, Announcement announcement, BusinessException refusal) {
    }

    /**
     * What the others hear of a new message once it is committed: the room as it was before the message, the
     * sender's pointers then, and both members' pointers as stored after the batch.
     */
    private record Announcement(UserId sender, UserId recipient, LockedRoom before, Map<UserId, ReadPointers> after,
                                boolean newestOfItsRoom) {
    }

    @Override
    public MessageView send(AuthenticatedUser sender, Command command) {
        Outcome outcome = commits.submit(new Request(sender.id(), command, clock.instant()));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        if (outcome.announcement() != null) {
            try {
                announce(outcome.view(), outcome.announcement());
            } catch (RuntimeException failure) {
                // the message is stored and its sender gets the ack; the others catch up on their next sync
                log.log(System.Logger.Level.WARNING, "announcing message " + outcome.view().message().id() + " failed",
                        failure);
            }
        }
        return outcome.view();
    }

    /**
     * One batch in one transaction: lock the files it sends (only when it sends some), lock the rooms, look up reused
     * clientMessageIds, append, mark the files sent, queue the pushes. Files are locked before rooms, as an appeal
     * naming them as evidence does, so that the two cannot deadlock.
     */
    private List<Outcome> store(List<Request> batch) {
        return transactions.inTransaction(() -> {
            List<AttachmentId> fileIds = batch.stream().flatMap(request -> request.command().attachmentIds().stream()).toList();
            var files = fileIds.isEmpty() ? Map.<AttachmentId, Attachment>of() : attachments.lock(fileIds);
            var batchRooms = new Batch(rooms.lockForAppend(batch.stream().map(request -> request.command().roomId()).toList()),
                    messages.findByClientMessageIds(batch.stream().map(Request::key).toList()), files);
            List<Draft> drafts = batch.stream().map(batchRooms::draft).toList();
            var stored = batchRooms.appended.isEmpty() ? Map.<RoomId, Map<UserId, ReadPointers>>of()
                    : rooms.append(batchRooms.appended, batchRooms.pointers);
            attachments.markSent(batchRooms.sentFiles());
            for (Draft draft : drafts) {
                if (draft instanceof Draft.New fresh && !fresh.before().sideOf(fresh.recipient()).viewing()) {
                    var sender = fresh.before().sideOf(fresh.message().senderId()).member().publicProfile();
                    pushOutbox.enqueue(new PushNotification.NewMessage(fresh.recipient(), sender, fresh.message()));
                }
            }
            return drafts.stream().map(draft -> draft.outcome(stored, batchRooms.locked)).toList();
        });
    }

    /** The rooms of one batch as its messages are drafted one after another. */
    private static final class Batch {

        private final Map<RoomId, LockedRoom> locked;
        private final Map<ClientMessageKey, Message> used;
        /** The files the batch sends, as locked, and as sent by the messages drafted so far. */
        private final Map<AttachmentId, Attachment> files;
        private final List<Message> appended = new ArrayList<>();
        private final Map<RoomId, Map<UserId, ReadPointers>> pointers = new HashMap<>();

        Batch(Map<RoomId, LockedRoom> locked, Map<ClientMessageKey, Message> used, Map<AttachmentId, Attachment> files) {
            this.locked = new HashMap<>(locked);
            this.used = new HashMap<>(used);
            this.files = new HashMap<>(files);
        }

        List<Attachment> sentFiles() {
            return appended.stream().flatMap(message -> message.attachments().stream()).toList();
        }

        Draft draft(Request request) {
            try {
                LockedRoom room = locked.get(request.command().roomId());
                if (room == null) {
                    throw RoomAccess.notFound();
                }
                room.room().requireMember(request.sender());
                UserId recipient = room.room().opponentOf(request.sender());
                Message earlier = used.get(request.key());
                if (earlier != null) {
                    if (!earlier.roomId().equals(room.room().id())) {
                        throw new BusinessException(ErrorCode.INVALID_STATE, "clientMessageId was already used in another room");
                    }
                    return new Draft.Resent(earlier, recipient);
                }
                return append(request, room, recipient);
            } catch (BusinessException refused) {
                return new Draft.Refused(refused);
            }
        }

        private Draft append(Request request, LockedRoom room, UserId recipient) {
            MessageId id = MessageId.newId();
            List<Attachment> sent = sentIn(id, request, room);
            Message message = new Message(id, room.room().id(), room.room().nextSeq(), request.sender(),
                    MessageType.TEXT, request.command().text(), request.command().clientMessageId(), Map.of(),
                    request.at(), sent);
            sent.forEach(file -> files.put(file.id(), file));
            long seq = message.seq();
            LockedRoom.Side theirs = room.sideOf(recipient);
            ReadPointers recipientAfter = theirs.viewing() ? theirs.pointers().read(seq)
                    : theirs.member().online() ? theirs.pointers().delivered(seq) : theirs.pointers();
            // writing in a room means having seen it
            var after = Map.of(request.sender(), room.sideOf(request.sender()).pointers().read(seq), recipient, recipientAfter);
            locked.put(room.room().id(), room.appended(message, after));
            pointers.put(room.room().id(), after);
            used.put(request.key(), message);
            appended.add(message);
            return new Draft.New(message, recipient, room);
        }

        /** The message's files, each checked against the domain's rule, as sent in message {@code id}. */
        private List<Attachment> sentIn(MessageId id, Request request, LockedRoom room) {
            List<Attachment> sent = new ArrayList<>();
            for (AttachmentId fileId : request.command().attachmentIds()) {
                Attachment file = files.get(fileId);
                if (file == null) {
                    throw new BusinessException(ErrorCode.NOT_FOUND, "No such attachment: " + fileId);
                }
                file.requireSendableBy(request.sender(), room.room().id());
                sent.add(file.sentIn(id));
            }
            return sent;
        }
    }

    /** A send as drafted in its batch, before the batch is stored. */
    private sealed interface Draft {

        Outcome outcome(Map<RoomId, Map<UserId, ReadPointers>> stored, Map<RoomId, LockedRoom> rooms);

        record New(Message message, UserId recipient, LockedRoom before) implements Draft {
            @Override
            public Outcome outcome(Map<RoomId, Map<UserId, ReadPointers>> stored, Map<RoomId, LockedRoom> rooms) {
                var after = stored.get(message.roomId());
                var view = new MessageView(message, after.get(recipient).statusOf(message.seq()));
                boolean newest = rooms.get(message.roomId()).room().lastSeq() == message.seq();
                return new Outcome(view, new Announcement(message.senderId(), recipient, before, after, newest), null);
            }
        }

        /** The clientMessageId was used before in this room: its message, as its recipient has it now. */
        record Resent(Message earlier, UserId recipient) implements Draft {
            @Override
            public Outcome outcome(Map<RoomId, Map<UserId, ReadPointers>> stored, Map<RoomId, LockedRoom> rooms) {
                var theirs = stored.containsKey(earlier.roomId()) ? stored.get(earlier.roomId()).get(recipient)
                        : rooms.get(earlier.roomId()).sideOf(recipient).pointers();
                return new Outcome(new MessageView(earlier, theirs.statusOf(earlier.seq())), null, null);
            }
        }

        record Refused(BusinessException reason) implements Draft {
            @Override
            public Outcome outcome(Map<RoomId, Map<UserId, ReadPointers>> stored, Map<RoomId, LockedRoom> rooms) {
                return new Outcome(null, null, reason);
            }
        }
    }

    private void announce(MessageView view, Announcement news) {
        Message message = view.message();
        Instant now = clock.instant();
        publisher.newMessage(news.recipient(), view);
        if (news.newestOfItsRoom()) { // an older message of the batch would put a stale line in the room list
            updates.appended(news.before(), view, news.after());
        }
        if (view.status() != DeliveryStatus.SENT) {
            publisher.messageStatus(news.sender(), new StatusChange(message.roomId(), news.recipient(), view.status(),
                    message.seq(), now));
        }
        if (news.before().sideOf(news.sender()).pointers().readSeq() < message.seq() - 1) {
            // the sender had unread messages of the recipient; replying marks them read
            publisher.messageStatus(news.recipient(), new StatusChange(message.roomId(), news.sender(),
                    DeliveryStatus.READ, message.seq(), now));
        }
    }

    /** Writes the sends already queued, then stops; later ones fail unanswered. */
    @Override
    public void close() {
        commits.close();
    }
}
