package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.UserAccount;
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
    private final Presence presence;
    private final UserAccounts accounts;
    private final RealtimePublisher publisher;
    private final PushOutbox pushOutbox;
    private final RoomUpdates updates;
    private final Transactions transactions;
    private final Clock clock;

    public SendMessageService(ChatRooms rooms, Messages messages, Presence presence, UserAccounts accounts,
                              RealtimePublisher publisher, PushOutbox pushOutbox, Transactions transactions, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.presence = presence;
        this.accounts = accounts;
        this.publisher = publisher;
        this.pushOutbox = pushOutbox;
        this.updates = new RoomUpdates(rooms, publisher);
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one send did: the message, whether it is new, and how the pointers of both members moved. */
    private record Outcome(Message message, boolean stored, UserId recipient,
                           ReadPointers senderBefore, ReadPointers recipientBefore, ReadPointers recipientAfter) {
    }

    @Override
    public MessageView send(AuthenticatedUser sender, Command command) {
        Instant now = clock.instant();
        Outcome outcome = transactions.inTransaction(() -> {
            ChatRoom room = rooms.lockForAppend(command.roomId()).orElseThrow(RoomAccess::notFound);
            room.requireMember(sender.id());
            UserId recipient = room.opponentOf(sender.id());
            var resent = messages.findByClientMessageId(sender.id(), command.clientMessageId());
            if (resent.isPresent()) {
                if (!resent.get().roomId().equals(room.id())) {
                    throw new BusinessException(ErrorCode.INVALID_STATE, "clientMessageId was already used in another room");
                }
                ReadPointers theirs = rooms.pointers(resent.get().roomId(), recipient);
                return new Outcome(resent.get(), false, recipient, null, theirs, theirs);
            }
            Message message = new Message(MessageId.newId(), room.id(), room.nextSeq(), sender.id(), MessageType.TEXT,
                    command.text(), command.clientMessageId(), Map.of(), now);
            messages.append(message);
            rooms.recordAppend(room.id(), message.seq(), now);
            // writing in a room means having seen it
            ReadPointers senderBefore = rooms.pointers(room.id(), sender.id());
            rooms.advance(room.id(), sender.id(), senderBefore.read(message.seq()));

            boolean viewing = presence.isViewing(recipient, room.id());
            ReadPointers recipientBefore = rooms.pointers(room.id(), recipient);
            ReadPointers recipientAfter = viewing ? recipientBefore.read(message.seq())
                    : presence.isOnline(recipient) ? recipientBefore.delivered(message.seq()) : recipientBefore;
            if (!recipientAfter.equals(recipientBefore)) {
                rooms.advance(room.id(), recipient, recipientAfter);
            }
            if (!viewing) {
                UserAccount author = accounts.findById(sender.id()).orElseThrow();
                pushOutbox.enqueue(new PushNotification.NewMessage(recipient, author.publicProfile(), message));
            }
            return new Outcome(message, true, recipient, senderBefore, recipientBefore, recipientAfter);
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

    private void announce(AuthenticatedUser sender, Outcome outcome, MessageView view, Instant now) {
        Message message = view.message();
        publisher.newMessage(outcome.recipient(), view);
        updates.reload(message.roomId(), sender.id(), outcome.recipient());
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
