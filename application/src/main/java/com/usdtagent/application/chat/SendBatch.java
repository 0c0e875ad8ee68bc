package com.usdtagent.application.chat;

import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One group commit of sends, inside its transaction, in three statements whatever its size: lock the rooms, look up
 * the clientMessageIds used before, append the new messages. Then a push is queued for each recipient who is not
 * looking at the room. One send's refusal stays in its own answer and does not sink the others.
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
    private final PushOutbox pushOutbox;

    SendBatch(RoomPosts posts, Messages messages, PushOutbox pushOutbox) {
        this.posts = posts;
        this.messages = messages;
        this.pushOutbox = pushOutbox;
    }

    /** Writes the sends in the caller's transaction and answers each, in order. */
    List<Outcome> write(List<Request> requests) {
        RoomPosts.Batch batch = posts.lock(requests.stream().map(request -> request.command().roomId()).toList());
        var used = new HashMap<>(messages.findByClientMessageIds(requests.stream().map(Request::key).toList()));
        List<Draft> drafts = requests.stream().map(request -> draft(request, batch, used)).toList();
        List<RoomPosts.Posted> stored = batch.store();
        for (RoomPosts.Posted posted : stored) {
            Message message = posted.message().message();
            UserId recipient = posted.before().room().opponentOf(message.senderId());
            if (!posted.before().sideOf(recipient).viewing()) {
                var sender = posted.before().sideOf(message.senderId()).member().publicProfile();
                pushOutbox.enqueue(new PushNotification.NewMessage(recipient, sender, message));
            }
        }
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

    /** The one place that decides what a send is: new, a repeat, or refused. */
    private static Draft draft(Request request, RoomPosts.Batch batch, Map<ClientMessageKey, Message> used) {
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
            Message message = batch.post(RoomPosts.Post.text(room.room().id(), request.sender(),
                    request.command().clientMessageId(), request.command().text(), request.at()));
            used.put(request.key(), message);
            return new Draft.Fresh(message);
        } catch (BusinessException refused) {
            return new Draft.Refused(refused);
        }
    }
}
