package com.usdtagent.application.chat;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way into a room, for a member's text, an order step's note and a finished call's note alike. Inside the
 * caller's transaction: {@link #lock} the rooms, {@link Batch#post} each message as its room's next one, with every
 * member's pointers moved by the domain's rule ({@link ReadPointers#posted}, {@link ReadPointers#arrived}), and
 * {@link Batch#store} them all in one append. After the commit: {@link #announce} each to the members' sockets.
 */
public final class RoomPosts {

    private static final System.Logger log = System.getLogger(RoomPosts.class.getName());

    private final ChatRooms rooms;
    private final RealtimePublisher publisher;
    private final Clock clock;

    public RoomPosts(ChatRooms rooms, RealtimePublisher publisher, Clock clock) {
        this.rooms = rooms;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A message to post.
     *
     * @param author who caused it, whose pointers move as its writer's: the sender of a text, the party who took an
     *               order step, the caller; null, or somebody who is not a member, moves nobody's pointers as writer
     *               (the server's payment-window timer, an admin's ruling)
     */
    public record Post(RoomId room, UserId sender, UserId author, MessageType type, String text,
                       String clientMessageId, Map<String, Object> meta, Instant at, List<Attachment> attachments) {

        public Post {
            attachments = List.copyOf(attachments);
        }

        /** A post without files. */
        public Post(RoomId room, UserId sender, UserId author, MessageType type, String text, String clientMessageId,
                    Map<String, Object> meta, Instant at) {
            this(room, sender, author, type, text, clientMessageId, meta, at, List.of());
        }

        /** A member's text, with files already checked as theirs to send: its sender wrote it. */
        public static Post text(RoomId room, UserId sender, String clientMessageId, String text, Instant at,
                                List<Attachment> attachments) {
            return new Post(room, sender, sender, MessageType.TEXT, text, clientMessageId, Map.of(), at, attachments);
        }
    }

    /**
     * A message just stored.
     *
     * @param message    with the ticks of its recipients
     * @param before     the room as it was locked before the message
     * @param after      every member's pointers as stored with the message's batch
     * @param newest     whether it is its room's newest message of the batch
     * @param readUnread whether posting it marked read messages of the others that its sender had not read
     */
    public record Posted(MessageView message, LockedRoom before, Map<UserId, ReadPointers> after, boolean newest,
                         boolean readUnread) {
    }

    /** Locks the rooms to post into, in the caller's transaction; those that do not exist are left out. */
    public Batch lock(Collection<RoomId> ids) {
        return new Batch(rooms.lockForAppend(ids));
    }

    /** Posts one message into its room, which exists, in the caller's transaction. */
    public Posted post(Post post) {
        Batch batch = lock(List.of(post.room()));
        batch.post(post);
        return batch.store().getFirst();
    }

    /** The posts of one transaction: drafted one after another, each seeing the ones before, and stored together. */
    public final class Batch {

        private record Draft(Message message, LockedRoom before, boolean readUnread) {
        }

        private final Map<RoomId, LockedRoom> locked;
        private final List<Draft> drafts = new ArrayList<>();
        private final Map<RoomId, Map<UserId, ReadPointers>> pointers = new HashMap<>();
        private Map<RoomId, Map<UserId, ReadPointers>> stored;

        private Batch(Map<RoomId, LockedRoom> locked) {
            this.locked = new HashMap<>(locked);
        }

        /** The room with this batch's posts so far; empty when it does not exist. */
        public Optional<LockedRoom> room(RoomId id) {
            return Optional.ofNullable(locked.get(id));
        }

        /** Drafts the post as its room's next message; {@link #store} stores it. */
        public Message post(Post post) {
            LockedRoom room = room(post.room()).orElseThrow(() -> new IllegalArgumentException(
                    "room " + post.room() + " is not locked in this batch"));
            MessageId id = MessageId.newId();
            Message message = new Message(id, post.room(), room.room().nextSeq(), post.sender(), post.type(),
                    post.text(), post.clientMessageId(), post.meta(), post.at(),
                    post.attachments().stream().map(file -> file.sentIn(id)).toList());
            var after = new HashMap<UserId, ReadPointers>();
            room.sides().forEach((member, side) -> after.put(member, member.equals(post.author())
                    ? side.pointers().posted(message.type(), message.seq())
                    : side.pointers().arrived(message.type(), message.seq(), side.member().online(), side.viewing())));
            UserId sender = message.senderId();
            boolean readUnread = room.room().hasMember(sender)
                    && after.get(sender).readSeq() > room.sideOf(sender).pointers().readSeq() + 1;
            locked.put(post.room(), room.appended(message, after));
            pointers.put(post.room(), after);
            drafts.add(new Draft(message, room, readUnread));
            return message;
        }

        /** Stores every post in one append; answers each, in the order they were posted. */
        public List<Posted> store() {
            stored = drafts.isEmpty() ? Map.of() : rooms.append(drafts.stream().map(Draft::message).toList(), pointers);
            return drafts.stream().map(this::posted).toList();
        }

        /** After {@link #store}: a member's pointers in a locked room, as stored or, without posts there, as locked. */
        public ReadPointers pointersOf(RoomId room, UserId member) {
            Map<UserId, ReadPointers> ofRoom = stored.get(room);
            return ofRoom != null ? ofRoom.get(member) : locked.get(room).sideOf(member).pointers();
        }

        private Posted posted(Draft draft) {
            Message message = draft.message();
            Map<UserId, ReadPointers> after = stored.get(message.roomId());
            // the ticks of a message are its recipients'
            DeliveryStatus status = after.entrySet().stream()
                    .filter(member -> !member.getKey().equals(message.senderId()))
                    .map(recipient -> recipient.getValue().statusOf(message.seq()))
                    .min(Comparator.naturalOrder()).orElseThrow();
            boolean newest = locked.get(message.roomId()).room().lastSeq() == message.seq();
            return new Posted(new MessageView(message, status), draft.before(), after, newest, draft.readUnread());
        }
    }

    /**
     * Shows a committed post to the members' sockets: the message, each member's line of the room list, and the
     * ticks it moved. The post is stored already, so a failure here only costs a live update; the members catch up
     * on their next sync.
     */
    public void announce(Posted posted) {
        Message message = posted.message().message();
        LockedRoom room = posted.before();
        try {
            for (UserId member : List.of(room.room().firstMember(), room.room().secondMember())) {
                // the writer of a text has it from the answer to their send; notes are news to both
                if (message.type() != MessageType.TEXT || !member.equals(message.senderId())) {
                    publisher.newMessage(member, posted.message());
                }
            }
            if (posted.newest()) { // an older message of the batch would put a stale line in the room list
                posted.after().forEach((member, theirs) -> publisher.roomUpdated(member, new RoomSummary(
                        room.room().id(), room.sideOf(room.room().opponentOf(member)).member(), posted.message(),
                        theirs.unreadOf(message.seq()), message.createdAt())));
            }
            if (room.room().hasMember(message.senderId())) {
                tellTicks(posted, room.room().opponentOf(message.senderId()));
            }
        } catch (RuntimeException failure) {
            log.log(System.Logger.Level.WARNING, "announcing message " + message.id() + " failed", failure);
        }
    }

    private void tellTicks(Posted posted, UserId recipient) {
        Message message = posted.message().message();
        Instant now = clock.instant();
        if (posted.message().status() != DeliveryStatus.SENT) {
            publisher.messageStatus(message.senderId(), new StatusChange(message.roomId(), recipient,
                    posted.message().status(), message.seq(), now));
        }
        if (posted.readUnread()) { // replying marked the recipient's earlier messages read
            publisher.messageStatus(recipient, new StatusChange(message.roomId(), message.senderId(),
                    DeliveryStatus.READ, message.seq(), now));
        }
    }
}
