package com.usdtagent.application.chat;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group commit of sends, inside its transaction, in four statements whatever its size: lock the rooms, look up
 * the clientMessageIds used before and the blocks between senders and recipients, append the new messages (and two
 * more when it sends files: lock them, mark them sent). Then a push is queued for each recipient who is not looking at the room. One send's refusal stays in its own
 * answer and does not sink the others.
 */
final class SendBatch {

    /** One send as it arrived. */
    record Request(UserId sender, SendMessage.Command command, Instant at) {

        ClientMessageKey key() {
            return new ClientMessageKey(sender, command.clientMessageId());
        }
    }

    /**
     * A send's answer: its message with its ticks and the post to announce once committed (null when the send
     * repeats an earlier one); or why it was refused.
     */
    record Outcome(MessageView view, RoomPosts.Posted posted, BusinessException refusal) {
    }

    /** A send as drafted in its batch, before the batch is stored. */
    private sealed interface Draft {

        record Fresh(Message message) implements Draft {
        }

        /** The clientMessageId was used before in this room: the send is answered with that message. */
        record Resent(Message earlier, UserId recipient) implements Draft {
        }

        record Refused(BusinessException reason) implements Draft {
        }
    }

    private final RoomPosts posts;
    private final Messages messages;
    private final Attachments attachments;
    private final PushOutbox pushOutbox;
    private final Blocks blocks;

    SendBatch(RoomPosts posts, Messages messages, Attachments attachments, PushOutbox pushOutbox, Blocks blocks) {
        this.posts = posts;
        this.messages = messages;
        this.attachments = attachments;
        this.pushOutbox = pushOutbox;
        this.blocks = blocks;
    }

    /**
     * Writes the sends in the caller's transaction and answers each, in order. A batch that sends files takes two
     * statements more: it locks them first (before the rooms, as an appeal naming them as evidence does, so that
     * the two cannot deadlock) and marks them sent after the append.
     */
    List<Outcome> write(List<Request> requests) {
        List<AttachmentId> fileIds = requests.stream().flatMap(request -> request.command().attachmentIds().stream())
                .toList();
        Map<AttachmentId, Attachment> files = new HashMap<>(fileIds.isEmpty() ? Map.of() : attachments.lock(fileIds));
        RoomPosts.Batch batch = posts.lock(requests.stream().map(request -> request.command().roomId()).toList());
        var used = new HashMap<>(messages.findByClientMessageIds(requests.stream().map(Request::key).toList()));
        Set<Blocks.Pair> blocked = blocks.blockedAmong(requests.stream()
                .flatMap(request -> batch.room(request.command().roomId()).stream()
                        .filter(room -> room.room().hasMember(request.sender()))
                        .map(room -> new Blocks.Pair(request.sender(), room.room().opponentOf(request.sender()))))
                .toList());
        List<Draft> drafts = requests.stream().map(request -> draft(request, batch, used, blocked, files)).toList();
        List<RoomPosts.Posted> stored = batch.store();
        attachments.markSent(stored.stream().flatMap(posted -> posted.message().message().attachments().stream())
                .toList());
        List<PushNotification> pushes = new ArrayList<>();
        for (RoomPosts.Posted posted : stored) {
            Message message = posted.message().message();
            UserId recipient = posted.before().room().opponentOf(message.senderId());
            if (!posted.before().sideOf(recipient).viewing()) {
                var sender = posted.before().sideOf(message.senderId()).member().publicProfile();
                pushes.add(new PushNotification.NewMessage(recipient, sender, message));
            }
        }
        pushOutbox.enqueue(pushes);
        Iterator<RoomPosts.Posted> fresh = stored.iterator();
        List<Outcome> outcomes = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            outcomes.add(switch (draft) {
                case Draft.Fresh ignored -> {
                    RoomPosts.Posted posted = fresh.next();
                    yield new Outcome(posted.message(), posted, null);
                }
                case Draft.Resent resent -> new Outcome(new MessageView(resent.earlier(), batch.pointersOf(
                        resent.earlier().roomId(), resent.recipient()).statusOf(resent.earlier().seq())), null, null);
                case Draft.Refused refused -> new Outcome(null, null, refused.reason());
            });
        }
        return outcomes;
    }

    /**
     * The one place that decides what a send is: new, a repeat, or refused.
     *
     * @param blocked the batch's pairs of sender and recipient in which one blocked the other
     * @param files   the batch's files as locked, and as sent by the sends drafted before this one
     */
    private Draft draft(Request request, RoomPosts.Batch batch, Map<ClientMessageKey, Message> used,
                        Set<Blocks.Pair> blocked, Map<AttachmentId, Attachment> files) {
        try {
            LockedRoom room = batch.room(request.command().roomId()).orElseThrow(RoomAccess::notFound);
            UserId recipient = room.room().opponentOf(request.sender());
            Message earlier = used.get(request.key());
            if (earlier != null) {
                if (!earlier.roomId().equals(room.room().id())) {
                    throw new BusinessException(ErrorCode.INVALID_STATE,
                            "clientMessageId was already used in another room");
                }
                return new Draft.Resent(earlier, recipient);
            }
            if (blocked.contains(new Blocks.Pair(request.sender(), recipient))) {
                throw Blocks.refusal();
            }
            Message message = batch.post(RoomPosts.Post.text(room.room().id(), request.sender(),
                    request.command().clientMessageId(), request.command().text(), request.at(),
                    sendable(request, room, files)));
            used.put(request.key(), message);
            message.attachments().forEach(sent -> files.put(sent.id(), sent));
            return new Draft.Fresh(message);
        } catch (BusinessException refused) {
            return new Draft.Refused(refused);
        }
    }

    /** The send's files, each checked against the domain's rule: the sender's own, of this room, not sent yet. */
    private static List<Attachment> sendable(Request request, LockedRoom room, Map<AttachmentId, Attachment> files) {
        List<Attachment> sendable = new ArrayList<>();
        for (AttachmentId id : request.command().attachmentIds()) {
            Attachment file = files.get(id);
            if (file == null) {
                throw new BusinessException(ErrorCode.NOT_FOUND, "No such attachment: " + id);
            }
            file.requireSendableBy(request.sender(), room.room().id());
            sendable.add(file);
        }
        return sendable;
    }
}
