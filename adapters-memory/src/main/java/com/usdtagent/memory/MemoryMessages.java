package com.usdtagent.memory;

import com.usdtagent.application.chat.ChatRooms.ClientMessageIdTaken;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages, as {@code JdbiMessages}: the reads of {@link Messages}, and the insert that {@link MemoryChatRooms}
 * makes part of an append, with the unique keys (room, seq) and (sender, clientMessageId).
 */
final class MemoryMessages implements Messages {

    private static final Comparator<Message> BY_SEQ = Comparator.comparingLong(Message::seq);

    private final MemoryStore store;
    private final ChatTables tables;

    MemoryMessages(MemoryStore store, ChatTables tables) {
        this.store = store;
        this.tables = tables;
    }

    /** Inserts the messages in order, inside the caller's atomic port call; the first taken key fails it. */
    void insert(List<Message> messages) {
        for (Message appended : messages) {
            Message message = new Message(appended.id(), appended.roomId(), appended.seq(), appended.senderId(),
                    appended.type(), appended.text(), appended.clientMessageId(), JsonValues.asStored(appended.meta()),
                    appended.createdAt(), appended.attachments());
            if (!tables.messages.insertIfAbsent(new ChatTables.Seat(message.roomId(), message.seq()), message)) {
                throw new IllegalStateException("room " + message.roomId() + " has a message " + message.seq());
            }
            // a null clientMessageId (a system or call message) is unique to nothing, as NULLs are in a unique index
            if (message.clientMessageId() != null
                    && !tables.byClientMessageId.insertIfAbsent(ClientMessageKey.of(message), message)) {
                throw new ClientMessageIdTaken();
            }
        }
    }

    @Override
    public Map<ClientMessageKey, Message> findByClientMessageIds(Collection<ClientMessageKey> keys) {
        // one read, as one statement sees one moment
        return store.read(() -> {
            var found = new HashMap<ClientMessageKey, Message>();
            keys.forEach(key -> tables.byClientMessageId.find(key).ifPresent(message -> found.put(key, message)));
            return found;
        });
    }

    @Override
    public List<Message> after(RoomId room, long after, int limit) {
        return tables.messages.values(message -> message.roomId().equals(room) && message.seq() > after).stream()
                .sorted(BY_SEQ).limit(limit).toList();
    }

    @Override
    public List<Message> before(RoomId room, long before, int limit) {
        return tables.messages.values(message -> message.roomId().equals(room) && message.seq() < before).stream()
                .sorted(BY_SEQ.reversed()).limit(limit).toList().reversed();
    }
}
