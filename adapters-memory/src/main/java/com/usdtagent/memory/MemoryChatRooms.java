package com.usdtagent.memory;

import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.LockedRoom;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.memory.ChatTables.Member;
import com.usdtagent.memory.ChatTables.MemberKey;
import com.usdtagent.memory.ChatTables.Pair;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rooms and their members' sides, as {@code JdbiChatRooms}: appends lock their rooms in id order, and so does
 * {@code deliverAll} for one member's rooms, so that neither two batches nor a batch and a delivery can deadlock; a
 * member's row is locked only as it is written.
 */
final class MemoryChatRooms implements ChatRooms {

    private static final Comparator<RoomId> ROOM_ORDER = Comparator.comparing(RoomId::value, Uuids.POSTGRES_ORDER);

    private final MemoryStore store;
    private final ChatTables tables;
    private final MemoryMessages messages;

    MemoryChatRooms(MemoryStore store, ChatTables tables, MemoryMessages messages) {
        this.store = store;
        this.tables = tables;
        this.messages = messages;
    }

    @Override
    public Optional<ChatRoom> findById(RoomId id) {
        return tables.rooms.find(id);
    }

    @Override
    public Optional<ChatRoom> findByPair(UserId one, UserId other) {
        return store.read(() -> tables.pairs.find(Pair.of(one, other)).flatMap(tables.rooms::find));
    }

    @Override
    public ChatRoom addOrGetExisting(ChatRoom room) {
        Pair pair = Pair.of(room.firstMember(), room.secondMember());
        store.atomically(() -> {
            // waits for a concurrent opening of the pair, then does nothing if it won (ON CONFLICT DO NOTHING)
            if (tables.pairs.insertIfAbsent(pair, room.id())) {
                tables.requireAccount(pair.low());
                tables.requireAccount(pair.high());
                tables.rooms.insert(room.id(), new ChatRoom(room.id(), pair.low(), pair.high(), room.lastSeq(),
                        room.createdAt()));
                for (UserId member : List.of(pair.low(), pair.high())) {
                    tables.members.insert(new MemberKey(room.id(), member),
                            new Member(ReadPointers.NOTHING, room.createdAt()));
                }
            }
        });
        return findByPair(pair.low(), pair.high()).orElseThrow();
    }

    @Override
    public Map<RoomId, LockedRoom> lockForAppend(Collection<RoomId> ids) {
        return store.atomically(() -> {
            var locked = new HashMap<RoomId, LockedRoom>();
            ids.stream().distinct().sorted(ROOM_ORDER).forEach(id -> {
                if (tables.rooms.find(id).isEmpty()) {
                    return;
                }
                ChatRoom room = tables.rooms.lock(id).orElseThrow();
                var sides = new HashMap<UserId, LockedRoom.Side>();
                for (UserId member : List.of(room.firstMember(), room.secondMember())) {
                    Member side = tables.members.find(new MemberKey(id, member)).orElseThrow();
                    sides.put(member, new LockedRoom.Side(tables.contact(member), side.pointers(),
                            tables.isViewing(member, id)));
                }
                locked.put(id, new LockedRoom(room, sides));
            });
            return locked;
        });
    }

    @Override
    public Map<RoomId, Map<UserId, ReadPointers>> append(List<Message> messages,
                                                         Map<RoomId, Map<UserId, ReadPointers>> pointers) {
        return store.atomically(() -> {
            this.messages.insert(messages);
            var newest = new HashMap<RoomId, Message>();
            messages.forEach(message -> newest.merge(message.roomId(), message,
                    (one, other) -> one.seq() > other.seq() ? one : other));
            newest.forEach((id, message) -> tables.rooms.lock(id).ifPresent(room -> tables.rooms.put(id,
                    new ChatRoom(id, room.firstMember(), room.secondMember(), message.seq(), room.createdAt()))));
            var stored = new HashMap<RoomId, Map<UserId, ReadPointers>>();
            pointers.forEach((id, targets) -> targets.forEach((member, target) -> {
                Message last = newest.get(id);
                if (last == null) {
                    throw new IllegalArgumentException("pointers for room " + id + ", which the append adds nothing to");
                }
                MemberKey key = new MemberKey(id, member);
                tables.members.lock(key).ifPresent(side -> {
                    ReadPointers moved = forward(side.pointers(), target);
                    tables.members.put(key, new Member(moved, last.createdAt()));
                    stored.computeIfAbsent(id, room -> new HashMap<>()).put(member, moved);
                });
            }));
            return stored;
        });
    }

    @Override
    public ReadPointers pointers(RoomId room, UserId member) {
        return tables.members.find(new MemberKey(room, member)).map(Member::pointers)
                .orElseThrow(() -> notAMember(room, member));
    }

    @Override
    public ReadPointers advance(RoomId room, UserId member, ReadPointers target) {
        MemberKey key = new MemberKey(room, member);
        return store.atomically(() -> {
            Member side = tables.members.lock(key).orElseThrow(() -> notAMember(room, member));
            ReadPointers moved = forward(side.pointers(), target);
            tables.members.put(key, new Member(moved, side.lastActivityAt()));
            return moved;
        });
    }

    /** Each pointer at the greater of the two, as {@code GREATEST} sets them. */
    private static ReadPointers forward(ReadPointers stored, ReadPointers target) {
        return new ReadPointers(Math.max(stored.deliveredSeq(), target.deliveredSeq()),
                Math.max(stored.readSeq(), target.readSeq()));
    }

    private static IllegalStateException notAMember(RoomId room, UserId member) {
        return new IllegalStateException(member + " has no pointers in room " + room);
    }

    @Override
    public List<PendingDelivery> deliverAll(UserId member) {
        return store.atomically(() -> {
            // the rooms as the statement finds them, locked in room order; a message appended meanwhile stays
            // undelivered here too, as PostgreSQL's update reads the rooms as they were when it began
            List<ChatRoom> due = store.read(() -> tables.sidesOf(member).stream()
                    .map(side -> Map.entry(side.getValue(), tables.rooms.find(side.getKey().room()).orElseThrow()))
                    .filter(side -> side.getKey().pointers().deliveredSeq() < side.getValue().lastSeq())
                    .map(Map.Entry::getValue)
                    .sorted(Comparator.comparing(ChatRoom::id, ROOM_ORDER))
                    .toList());
            var delivered = new ArrayList<PendingDelivery>();
            for (ChatRoom room : due) {
                tables.rooms.lock(room.id());
                MemberKey key = new MemberKey(room.id(), member);
                Member side = tables.members.lock(key).orElseThrow();
                if (side.pointers().deliveredSeq() < room.lastSeq()) {
                    tables.members.put(key, new Member(side.pointers().delivered(room.lastSeq()), side.lastActivityAt()));
                    delivered.add(new PendingDelivery(room.id(), room.opponentOf(member), room.lastSeq()));
                }
            }
            return delivered;
        });
    }
}
