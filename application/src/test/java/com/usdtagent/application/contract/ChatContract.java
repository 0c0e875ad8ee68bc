package com.usdtagent.application.contract;

import com.usdtagent.application.chat.LockedRoom;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.MessageType;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the chat ports' contracts share: messages appended the way the services append them. */
public abstract class ChatContract extends PortContract {

    /**
     * Appends a message the way the services do: locks its room, takes its next seq, leaves the pointers as they
     * were; in the caller's transaction, or in one of its own.
     */
    protected Message append(RoomId room, UserId sender, MessageType type, String text, String clientMessageId,
                             Map<String, Object> meta, Instant at) {
        return adapters.transactions().inTransaction(() -> {
            LockedRoom locked = adapters.chatRooms().lockForAppend(List.of(room)).get(room);
            Message message = new Message(MessageId.newId(), room, locked.room().nextSeq(), sender, type, text,
                    clientMessageId, meta, at);
            adapters.chatRooms().append(List.of(message), Map.of(room, locked.pointers()));
            return message;
        });
    }

    protected Message send(RoomId room, UserId sender, String text, String clientMessageId, Instant at) {
        return append(room, sender, MessageType.TEXT, text, clientMessageId, Map.of(), at);
    }

    protected Message send(RoomId room, UserId sender, String text) {
        return send(room, sender, text, UUID.randomUUID().toString(), NOW);
    }

    /** One batch, as a group commit writes it: locks the rooms in the order given, then one text of the sender each. */
    protected List<Message> sendToEach(List<RoomId> rooms, UserId sender) {
        return adapters.transactions().inTransaction(() -> {
            Map<RoomId, LockedRoom> locked = adapters.chatRooms().lockForAppend(rooms);
            var messages = new ArrayList<Message>();
            var pointers = new HashMap<RoomId, Map<UserId, ReadPointers>>();
            for (RoomId room : rooms) {
                LockedRoom before = locked.get(room);
                messages.add(new Message(MessageId.newId(), room, before.room().nextSeq(), sender, MessageType.TEXT,
                        "to each", UUID.randomUUID().toString(), Map.of(), NOW));
                pointers.put(room, before.pointers());
            }
            adapters.chatRooms().append(messages, pointers);
            return messages;
        });
    }

    /** PostgreSQL orders uuids by their bytes, unsigned: the order the adapters lock rooms in. */
    protected static int compareAsPostgres(UUID one, UUID other) {
        int high = Long.compareUnsigned(one.getMostSignificantBits(), other.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(one.getLeastSignificantBits(), other.getLeastSignificantBits());
    }

    protected static List<Long> seqs(Collection<Message> messages) {
        return messages.stream().map(Message::seq).toList();
    }
}
