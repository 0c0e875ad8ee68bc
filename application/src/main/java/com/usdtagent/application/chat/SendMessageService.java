package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

public final class SendMessageService implements SendMessage {

    private static final System.Logger log = System.getLogger(SendMessageService.class.getName());

    private final ChatRooms rooms;
    private final Messages messages;
    private final RealtimePublisher publisher;
    private final PushOutbox pushOutbox;
    private final RoomUpdates updates;
    private final Transactions transactions;
    private final Clock clock;

    public SendMessageService(ChatRooms rooms, Messages messages, RealtimePublisher publisher, PushOutbox pushOutbox,
                              Transactions transactions, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.publisher = publisher;
        this.pushOutbox = pushOutbox;
        this.updates = new RoomUpdates(rooms, publisher);
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What one send did: the message; for a new one, the room as locked and both members' pointers before and as
     * stored after (null for a resent one).
     */
    private record Outcome(Message message, UserId recipient, ReadPointers recipientAfter,
                           LockedRoom locked, ReadPointers senderBefore, Map<UserId, ReadPointers> pointersAfter) {

        boolean stored() {
            return locked != null;
        }
    }

    @Override
    public MessageView send(AuthenticatedUser sender, Command command) {
        Instant now = clock.instant();
        // three statements and the commit: the lock reads what the send needs, one statement stores it all
        Outcome outcome = transactions.inTransaction(() -> {
            LockedRoom locked = rooms.lockForAppend(command.roomId()).orElseThrow(RoomAccess::notFound);
            ChatRoom room = locked.room();
            room.requireMember(sender.id());
            UserId recipient = room.opponentOf(sender.id());
            LockedRoom.Side mine = locked.sideOf(sender.id());
            LockedRoom.Side theirs = locked.sideOf(recipient);
            Message message = new Message(MessageId.newId(), room.id(), room.nextSeq(), sender.id(), MessageType.TEXT,
                    command.text(), command.clientMessageId(), Map.of(), now);
            long seq = message.seq();
            ReadPointers recipientAfter = theirs.viewing() ? theirs.pointers().read(seq)
                    : theirs.member().online() ? theirs.pointers().delivered(seq) : theirs.pointers();
            // writing in a room means having seen it
            var stored = rooms.append(message, Map.of(sender.id(), mine.pointers().read(seq), recipient, recipientAfter));
            if (stored.isEmpty()) {
                return resent(sender.id(), command, room, recipient, theirs.pointers());
            }
            if (!theirs.viewing()) {
                pushOutbox.enqueue(new PushNotification.NewMessage(recipient, mine.member().publicProfile(), message));
            }
            return new Outcome(message, recipient, stored.get().get(recipient), locked, mine.pointers(), stored.get());
        });

        Message message = outcome.message();
        var view = new MessageView(message, outcome.recipientAfter().statusOf(message.seq()));
        if (outcome.stored()) {
            try {
                announce(sender, outcome, view, now);
            } catch (RuntimeException failure) {
                // the message is stored and its sender gets the ack; the others catch up on their next sync
                log.log(System.Logger.Level.WARNING, "announcing message " + message.id() + " failed", failure);
            }
        }
        return view;
    }

    /** The message stored by an earlier send with this clientMessageId, unless that went to another room. */
    private Outcome resent(UserId sender, Command command, ChatRoom room, UserId recipient, ReadPointers theirs) {
        Message earlier = messages.findByClientMessageId(sender, command.clientMessageId()).orElseThrow();
        if (!earlier.roomId().equals(room.id())) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "clientMessageId was already used in another room");
        }
        return new Outcome(earlier, recipient, theirs, null, null, null);
    }

    private void announce(AuthenticatedUser sender, Outcome outcome, MessageView view, Instant now) {
        Message message = view.message();
        publisher.newMessage(outcome.recipient(), view);
        updates.appended(outcome.locked(), view, outcome.pointersAfter());
        if (view.status() != DeliveryStatus.SENT) {
            publisher.messageStatus(sender.id(), new StatusChange(message.roomId(), outcome.recipient(), view.status(),
                    message.seq(), now));
        }
        if (outcome.senderBefore().readSeq() < message.seq() - 1) {
            // the sender had unread messages of the recipient; replying marks them read
            publisher.messageStatus(outcome.recipient(), new StatusChange(message.roomId(), sender.id(),
                    DeliveryStatus.READ, message.seq(), now));
        }
    }
}
